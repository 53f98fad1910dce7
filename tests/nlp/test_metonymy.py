"""Metonymy ('Beijing said'), handled by extraction on top of the NLP layer's GPE spans."""

from __future__ import annotations

from spacy.language import Language

from kg.extract.entities import EntityIndex


def test_capital_speaking_is_the_government(nlp: Language) -> None:
    index = EntityIndex(nlp("Beijing said the talks were useful. Tourists crowded the streets of Beijing."), "d1")
    first, second = [m for m in index.mentions if m.text == "Beijing"]
    assert first.as_government and index.entities[first.entity].name == "China"
    assert not second.as_government and index.entities[second.entity].kind != "Country"


def test_country_mention_carries_qid(nlp: Language) -> None:
    index = EntityIndex(nlp("Washington and NATO agreed on the plan."), "d2")
    by_text = {m.text: index.entities[m.entity] for m in index.mentions}
    assert by_text["Washington"].qid == "Q30" and by_text["NATO"].qid == "Q7184"
