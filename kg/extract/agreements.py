"""Agreements: "reached consensus on …", "agreed to …", "signed an agreement on …"."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.data import words
from kg.extract.entities import EntityIndex
from kg.extract.evidence import evidence_of
from kg.extract.facts import COUNTRY, ORGANIZATION, PERSON, Agreement
from kg.extract.mentions import Resolver
from kg.nlp import labels as L
from kg.nlp.find import sentences
from kg.nlp.gazetteer import outlet_surface_forms

_OBJECT_NOUNS = words("agreements", "object_nouns")
_VERBS = words("agreements", "verbs")


def extract_agreements(doc: Doc, index: EntityIndex, resolver: Resolver) -> list[Agreement]:
    out: list[Agreement] = []
    for sent in sentences(doc):
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ != "VERB" or lemma not in _VERBS:
                continue
            obj = next((c for c in tok.children if c.dep_ == L.DOBJ and c.lemma_.lower() in _OBJECT_NOUNS), None)
            if lemma != "agree" and obj is None:
                continue
            parties: list[str] = []
            for subj in (c for c in tok.children if c.dep_ in L.SUBJECTS):
                for t in [subj, *[c for c in subj.subtree if c.dep_ == L.CONJ]]:
                    key = resolver.resolve(t)
                    if (key and index.entities[key].kind in (PERSON, ORGANIZATION, COUNTRY) and key not in parties
                            and index.entities[key].name not in outlet_surface_forms()):  # "(Reuters) - X agreed"
                        parties.append(key)
            for prep in (c for c in [*tok.children, *(obj.children if obj is not None else [])]
                         if c.dep_ == L.PREP and c.lower_ == "with"):
                for t in prep.subtree:
                    key = index.entity_of(t)
                    if key and key not in parties:
                        parties.append(key)
            topic_root = next((c for c in [*(obj.children if obj is not None else []), *tok.children]
                               if c.dep_ in (L.XCOMP, L.PREP) and c.lower_ not in ("with", "during", "after", "before")
                               and not any(o.ent_type_ in (L.DATE, L.TIME) for o in c.children)), None)  # "on Saturday"
            topic = doc[topic_root.left_edge.i: topic_root.right_edge.i + 1].text if topic_root is not None else ""
            if len(parties) >= 1 and topic:
                out.append(Agreement(parties=tuple(parties), topic=topic.strip(), confidence=0.7 if len(parties) > 1 else 0.5,
                                     evidence=evidence_of(sent, index.document_id)))
    return out
