"""Facts: plain, frozen, RDF-free records of what a document says, each with its evidence.

Entities are referred to by `key` (a stable, human-readable string such as "person:barack obama");
only kg.rdf turns keys into IRIs.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from kg.ingest.document import Document

PERSON, ORGANIZATION, COUNTRY, PLACE, GROUP = "Person", "Organization", "Country", "Place", "Group"
ENTITY_KINDS = (PERSON, ORGANIZATION, COUNTRY, PLACE, GROUP)
STANCES = ("accuses", "denies", "warns", "agrees", "calls_for")
#: How a meeting was held, after PLOVER's CONSULT modes: face to face (the default), by phone, by video.
IN_PERSON, PHONE, VIDEO = "in person", "phone", "video"
MEETING_MODES = (IN_PERSON, PHONE, VIDEO)


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the document, the sentence, and character offsets into Document.text."""

    document: str
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """A canonical real-world referent with every surface form seen for it."""

    key: str
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    qid: str | None = None
    part_of: str | None = None  # key of a containing organization


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in the text."""

    text: str
    start: int
    end: int
    label: str
    entity: str
    as_government: bool = False  # a capital or country name standing for its government


@dataclass(frozen=True)
class Role:
    """A person holds a role in (or for) an organization, country or another person."""

    person: str
    role: str  # as written
    role_norm: str
    organization: str | None
    evidence: Evidence
    confidence: float
    relative_to: str | None = None  # "Xi Jinping's special envoy"
    former: bool = False


@dataclass(frozen=True)
class Meeting:
    """A meeting, visit or talks, as the article reports it (planned ones are marked)."""

    participants: tuple[str, ...]
    cue: str
    evidence: Evidence
    confidence: float
    date: str | None = None  # xsd:date "2015-09-25" or interval "2015-09-09/2015-09-12"
    place: str | None = None
    planned: bool = False
    host: str | None = None
    mode: str = IN_PERSON  # one of MEETING_MODES: "in person", "phone" or "video"


@dataclass(frozen=True)
class Statement:
    """Someone said something: the cue, the verbatim quote if any, and the reported claim."""

    speaker: str
    cue: str
    content: str
    evidence: Evidence
    confidence: float
    quote: str | None = None
    about: tuple[str, ...] = ()
    stance: str | None = None


@dataclass(frozen=True)
class Agreement:
    """Parties reached consensus or agreed on a topic."""

    parties: tuple[str, ...]
    topic: str
    evidence: Evidence
    confidence: float


@dataclass
class DocumentFacts:
    """Everything extracted from one document."""

    document: Document
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {"entities": len(self.entities), "roles": len(self.roles), "meetings": len(self.meetings),
                "statements": len(self.statements), "agreements": len(self.agreements)}

    def filtered(self, min_confidence: float) -> DocumentFacts:
        """A copy without facts below `min_confidence`."""
        keep = lambda xs: [x for x in xs if x.confidence >= min_confidence]  # noqa: E731
        return DocumentFacts(self.document, self.entities, self.mentions, keep(self.roles), keep(self.meetings),
                             keep(self.statements), keep(self.agreements))

    def to_json(self) -> dict[str, Any]:
        """The `kg extract --format jsonl` record: text, mentions, and facts with readable names."""
        name = lambda k: self.entities[k].name if k and k in self.entities else k  # noqa: E731
        doc = self.document
        return {
            "document": doc.id, "title": doc.title, "date": doc.date, "source": doc.source, "url": doc.url,
            "text": doc.text,
            "entities": [{"text": m.text, "start": m.start, "end": m.end, "label": m.label, "entity": m.entity}
                         for m in self.mentions],
            "canonical_entities": [asdict(e) for e in sorted(self.entities.values(), key=lambda e: e.key)],
            "people_roles": [{"person": name(r.person), "role": r.role, "organization": name(r.organization)
                              or name(r.relative_to) or "", "role_norm": r.role_norm,
                              "confidence": r.confidence, **_ev(r.evidence)} for r in self.roles],
            "meetings": [{"participants": [name(p) for p in m.participants], "cue": m.cue, "date": m.date,
                          "place": name(m.place), "planned": m.planned, "mode": m.mode,
                          "confidence": m.confidence,
                          **_ev(m.evidence)} for m in self.meetings],
            "statements": [{"speaker": name(s.speaker), "cue": s.cue, "claim": s.content, "quote": s.quote,
                            "about": [name(a) for a in s.about], "stance": s.stance,
                            "confidence": s.confidence, **_ev(s.evidence)} for s in self.statements],
            "agreements": [{"parties": [name(p) for p in a.parties], "topic": a.topic,
                            "confidence": a.confidence, **_ev(a.evidence)} for a in self.agreements],
        }


def _ev(e: Evidence) -> dict[str, Any]:
    return {"sentence": e.sentence, "start": e.start, "end": e.end}
