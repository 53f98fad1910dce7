"""Predictions of the whole layer on the seed articles, ingested as the build ingests them."""

from __future__ import annotations

from collections import defaultdict

import pytest
from spacy.language import Language

from kg.ingest import iter_documents
from tests.conftest import SEEDS

EXPECTED = {
    "PERSON": {"Susan Rice", "John Kerry", "Jeh Johnson", "Meng Jianzhu", "Xi Jinping", "Wu Xinbo", "Hong Lei"},
    "ORG": {"Fudan University", "Global Times", "Xinhua", "Office of Personnel Management",
            "Department of Homeland Security"},
    "GPE": {"China", "Beijing", "Washington"},
}


@pytest.fixture(scope="module")
def seed_entities(nlp: Language) -> dict[str, set[str]]:
    docs = [d for d in iter_documents([str(SEEDS)]) if hasattr(d, "text")]
    assert len(docs) >= 5
    found: dict[str, set[str]] = defaultdict(set)
    for doc in nlp.pipe(d.text for d in docs):
        for e in doc.ents:
            found[e.label_].add(e.text)
    return found


@pytest.mark.parametrize("label", sorted(EXPECTED))
def test_seed_entities_are_found(seed_entities: dict[str, set[str]], label: str) -> None:
    assert EXPECTED[label] <= seed_entities[label], EXPECTED[label] - seed_entities[label]


def test_no_title_or_possessive_left_in_seed_people(seed_entities: dict[str, set[str]]) -> None:
    bad = {p for p in seed_entities["PERSON"] if p.endswith("'s") or p.split()[0] in ("President", "Secretary", "Mr")}
    assert not bad
    assert "US National Security Advisor" not in seed_entities["ORG"]
