"""Readers for the held-out NER test sets in /work/shared/corpora, as plain text plus gold character spans.

Each reader yields `GoldDoc(text, spans)` with spans `(start_char, end_char, label)` in the shared label
set PERSON / ORG / GPE/LOC / NORP (see LABEL MAPPING in ner_eval.py). Texts are rebuilt from the tokens
(GUM: SpaceAfter, paragraphs on separate lines; UNER: the `# text` lines; CrossNER: tokens joined by
spaces), so the pipeline sees running text and its own tokenization.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

PERSON, ORG, PLACE, NORP = "PERSON", "ORG", "GPE/LOC", "NORP"
GUM_TYPES = {"person": PERSON, "organization": ORG, "place": PLACE}
UNER_TYPES = {"PER": PERSON, "ORG": ORG, "LOC": PLACE}
CROSSNER_TYPES = {"politician": PERSON, "person": PERSON, "politicalparty": ORG, "organisation": ORG,
                  "country": PLACE, "location": PLACE, "misc": NORP}
_LINKERS = {"of", "for", "and", "&", "the", "de", "du", "von", "van"}


@dataclass
class GoldDoc:
    name: str
    text: str
    spans: set[tuple[int, int, str]] = field(default_factory=set)

    @property
    def words(self) -> int:
        return len(self.text.split())


# -- GUM ----------------------------------------------------------------------------------------
@dataclass
class _Tok:
    form: str
    upos: str
    head: int  # index in the document's token list, -1 for root
    start: int = 0
    end: int = 0


def gum_test_docs(root: Path) -> Iterator[GoldDoc]:
    """The GUM `test` split (genres present here), named person/organization/place mentions only."""
    return gum_docs(root, "test")


def gum_docs(root: Path, split: str) -> Iterator[GoldDoc]:
    """A GUM split (`train`, `dev`, `test`; genres present here), named person/organization/place mentions."""
    names = _gum_split(root / "splits.md", split)
    for name in names:
        path = root / "dep" / f"{name}.conllu"
        if path.exists():
            yield _read_gum(path)


def _gum_split(splits: Path, split: str) -> list[str]:
    out, current = [], None
    for line in splits.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
        elif current == split and line.strip().startswith("* "):
            out.append(line.strip()[2:].strip())
    return out


def _read_gum(path: Path) -> GoldDoc:
    toks: list[_Tok] = []
    mentions: list[tuple[int, int, str]] = []  # token start, token end (exclusive), GUM type
    open_: dict[str, list[tuple[int, str]]] = {}
    text: list[str] = []
    pos = 0
    sent_offset = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_") and toks:
            text.append("\n")
            pos += 1
        if line.startswith("# sent_id"):
            sent_offset = len(toks)
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not cols[0].isdigit():
            continue  # multiword token ranges and empty nodes
        misc = cols[9]
        head = int(cols[6]) - 1 + sent_offset if cols[6] != "0" else -1
        tok = _Tok(cols[1], cols[3], head, pos, pos + len(cols[1]))
        i = len(toks)
        toks.append(tok)
        text.append(cols[1])
        pos += len(cols[1])
        if "SpaceAfter=No" not in misc:
            text.append(" ")
            pos += 1
        m = re.search(r"(?:^|\|)Entity=([^|]+)", misc)
        if m:
            for opening, eid, etype, closing in _entity_events(m.group(1)):
                if opening:
                    open_.setdefault(eid, []).append((i, etype))
                    if closing:
                        s, t = open_[eid].pop()
                        mentions.append((s, i + 1, t))
                else:
                    s, t = open_[closing].pop()
                    mentions.append((s, i + 1, t))
    doc = GoldDoc(path.stem, "".join(text))
    for s, e, etype in mentions:
        if etype in GUM_TYPES and (span := _named_span(toks, s, e)):
            doc.spans.add((toks[span[0]].start, toks[span[1] - 1].end, GUM_TYPES[etype]))
    return doc


def _entity_events(value: str) -> list[tuple[str, str, str, str]]:
    """'(4-object-...-coref)6)' -> [('(', '4', 'object', ')'), ('', '', '', '6')] in order."""
    out = []
    for m in re.finditer(r"\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)", value):
        if m.group(4):
            out.append(("", "", "", m.group(4)))
        else:
            out.append(("(", m.group(1), m.group(2), m.group(3) or ""))
    return out


def _named_span(toks: list[_Tok], s: int, e: int) -> tuple[int, int] | None:
    """The proper name inside a mention: the PROPN run around the mention's head, with 'of'-tails
    ('Department of Homeland Security'); None when the head is not a proper noun."""
    heads = [i for i in range(s, e) if not s <= toks[i].head < e]
    if not heads or toks[heads[0]].upos != "PROPN":
        return None
    h = heads[0]
    a = h
    while a > s:
        if toks[a - 1].upos == "PROPN":
            a -= 1
            continue
        j = a
        while j > s and toks[j - 1].form.lower() in _LINKERS - {"the"}:
            j -= 1
        if j < a and j > s and toks[j - 1].upos == "PROPN":
            a = j
            continue
        break
    b = h + 1
    while b < e:
        if toks[b].upos == "PROPN":
            b += 1
            continue
        j = b
        while j < e and toks[j].form.lower() in _LINKERS:
            j += 1
        if j > b and j < e and toks[j].upos == "PROPN":
            b = j
            continue
        break
    return a, b


# -- UNER (EWT test) ------------------------------------------------------------------------------
def uner_docs(path: Path) -> Iterator[GoldDoc]:
    """UNER English-EWT, one document per `# newdoc`, sentences joined by a space."""
    doc: GoldDoc | None = None
    sent_text, tags, words = "", [], []

    def flush_sentence() -> None:
        nonlocal sent_text, tags, words
        if doc is not None and words:
            base = len(doc.text) + (1 if doc.text else 0)
            doc.text = f"{doc.text} {sent_text}" if doc.text else sent_text
            offsets, cur = [], 0
            for w in words:
                k = sent_text.find(w, cur)
                if k < 0:
                    k = cur
                offsets.append((base + k, base + k + len(w)))
                cur = k + len(w)
            for s, e, label in _iob_spans(tags):
                if label in UNER_TYPES:
                    doc.spans.add((offsets[s][0], offsets[e - 1][1], UNER_TYPES[label]))
        sent_text, tags, words = "", [], []

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc"):
            flush_sentence()
            if doc is not None:
                yield doc
            doc = GoldDoc(line.split("=", 1)[1].strip(), "")
        elif line.startswith("# text = "):
            sent_text = line[len("# text = "):]
        elif line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            words.append(cols[1])
            tags.append(cols[2])
        elif not line.strip():
            flush_sentence()
    flush_sentence()
    if doc is not None:
        yield doc


# -- CrossNER politics ------------------------------------------------------------------------------
def crossner_sentences(path: Path) -> Iterator[tuple[str, str, list[tuple[int, int, str]]]]:
    """(name, text, spans with CrossNER's own labels) per sentence, tokens joined by spaces."""
    words: list[str] = []
    tags: list[str] = []
    n = 0
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            w, t = line.split("\t")
            words.append(w)
            tags.append(t)
            continue
        if words:
            n += 1
            offsets, cur = [], 0
            for w in words:
                offsets.append((cur, cur + len(w)))
                cur += len(w) + 1
            spans = [(offsets[s][0], offsets[e - 1][1], label) for s, e, label in _iob_spans(tags)]
            yield f"{path.stem}-{n}", " ".join(words), spans
        words, tags = [], []


def crossner_docs(path: Path) -> Iterator[GoldDoc]:
    """One document per sentence, labels mapped to the shared ones."""
    for name, text, spans in crossner_sentences(path):
        yield GoldDoc(name, text, {(a, b, CROSSNER_TYPES[label]) for a, b, label in spans if label in CROSSNER_TYPES})


def _iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, t in enumerate([*tags, "O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != label):
            if start is not None:
                out.append((start, i, label))
            start, label = (i, t[2:]) if t != "O" else (None, None)
    return out
