"""Extraction: a parsed document -> DocumentFacts (entities, roles, meetings, statements, agreements)."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from kg.extract.agreements import extract_agreements
from kg.extract.entities import EntityIndex
from kg.extract.facts import DocumentFacts
from kg.extract.hosts import fill_host_countries
from kg.extract.meetings import extract_meetings
from kg.extract.mentions import Resolver
from kg.extract.roles import extract_roles, fill_from_home_country, fill_from_title_country
from kg.extract.statements import extract_statements
from kg.extract.venues import mode_from_title, place_from_dateline, place_from_visit
from kg.ingest.document import Document

__all__ = ["DocumentFacts", "extract_facts"]


def extract_facts(doc: Doc, document: Document) -> DocumentFacts:
    """All facts of one document; `doc` is the spaCy parse of `document.text`."""
    index = EntityIndex(doc, document.id)
    roles = extract_roles(doc, index)
    resolver = Resolver(index, roles)
    published = date.fromisoformat(document.date) if document.date else None
    meetings = mode_from_title(extract_meetings(doc, index, resolver, published), document.title)
    meetings = place_from_dateline(place_from_visit(meetings, doc, index, resolver), doc, index, document.dateline,
                                   published)
    # a title only one country uses tells the visitor, whose hosts then take the country visited
    roles = fill_from_title_country(roles, index)
    roles = fill_from_home_country(fill_host_countries(doc, index, roles, meetings, document.dateline), index,
                                   document.dateline, meetings)
    statements = extract_statements(doc, index, resolver, meetings)
    agreements = extract_agreements(doc, index, resolver)
    return DocumentFacts(document=document, entities=dict(sorted(index.entities.items())), mentions=index.mentions,
                         roles=roles, meetings=meetings, statements=statements, agreements=agreements)
