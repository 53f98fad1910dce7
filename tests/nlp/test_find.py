"""Finding tokens by word and sentences once per Doc (kg/nlp/find.py)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.find import sentences, tokens_with_lemma, tokens_with_lower


def test_tokens_by_lemma_and_by_lower_case_form_in_order(nlp: Language) -> None:
    doc = nlp("Mark Holm, who chairs the Commission, heads the bank, including Acme. As ever, he said so.")
    assert [t.text for t in tokens_with_lemma(doc, ["chair", "head"])] == ["chairs", "heads"]
    assert [t.text for t in tokens_with_lower(doc, ["including", "as"])] == ["including", "As"]


def test_sentences_are_the_docs_and_survive_serialization(nlp: Language) -> None:
    doc = nlp("Mark Holm met Peter Lind. They talked for an hour.")
    assert [s.text for s in sentences(doc)] == [s.text for s in doc.sents]
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [s.text for s in sentences(again)] == [s.text for s in doc.sents]
