"""Extraction fixtures: run the default pipeline and the extractors on a short hand-written text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extract import DocumentFacts, extract_facts
from kg.ingest.document import Document


@pytest.fixture(scope="session")
def read(nlp) -> Callable[..., DocumentFacts]:
    """read(text, date="2024-03-15", dateline=None, title=None) -> the facts of a one-document corpus."""

    def _read(text: str, date: str | None = "2024-03-15", dateline: str | None = None,
              title: str | None = None) -> DocumentFacts:
        return extract_facts(nlp(text), Document(id="t.txt", text=text, date=date, dateline=dateline, title=title))

    return _read


def name(facts: DocumentFacts, key: str | None) -> str:
    return facts.entities[key].name if key else ""


def statements(facts: DocumentFacts) -> list[tuple[str, str]]:
    """(speaker name, content) pairs."""
    return [(name(facts, s.speaker), s.content) for s in facts.statements]


def meetings(facts: DocumentFacts) -> list[set[str]]:
    return [{name(facts, p) for p in m.participants} for m in facts.meetings]
