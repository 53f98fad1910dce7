"""Evidence helpers: the sentence a fact was read from, with its offsets."""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.facts import Evidence


def evidence_of(sent: Span, document_id: str) -> Evidence:
    return Evidence(document=document_id, sentence=sent.text.strip(), start=sent.start_char, end=sent.end_char)
