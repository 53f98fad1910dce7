"""Transcripts: a turn that opens with the speaker's name and a colon ("Vladimir Putin: …",
"Recep Tayyip Erdogan (retranslated): …") is that person's speech until the next turn, rule or heading.
A question's turn ("Question: …", "Q: …") ends the turn before it; an answer's ("Answer: …", "A: …")
is the speech of whoever answered last.

Each sentence of a turn that says something is a statement with the sentence as its quotation;
courtesies ("Dear friend, thank you for your hospitality.") are not claims.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.data import word_list, words
from kg.extract.entities import EntityIndex
from kg.extract.evidence import evidence_of
from kg.extract.facts import COUNTRY, ORGANIZATION, PERSON, Statement
from kg.extract.speech import stance_of
from kg.nlp.gazetteer import titles

#: "Name:" or "Name (retranslated):" at the start of a line; the name is at most eight words.
_TURN = re.compile(r"^[ \t]*((?:[^\s:()]+[ \t]+){0,7}[^\s:()]+)[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*:[ \t]+(?=\S)",
                   re.MULTILINE)
#: A line that ends a turn without being speech: "* * *", a heading with no sentence-final stop.
_RULE = re.compile(r"^[ \t]*([*\-_=~#][ \t]*){3,}$")
#: Courtesies that open and close a turn: not claims.
_COURTESY = re.compile(r"^\W*(dear|thank you|thanks|good (morning|afternoon|evening)|ladies and gentlemen|"
                       r"mr\.? president|madam|colleagues|friends)\b|\b(glad|pleased|happy|delighted) to "
                       r"(see|welcome|meet|be here)\b", re.IGNORECASE)
_MIN_WORDS = 5
#: How a line of speech ends; a line ending otherwise is a heading.
_LINE_ENDS = tuple(word_list("transcripts", "line_ends"))
#: Labels of a question's turn in a press conference ("Question: …", "Q: …"), and of its answer ("A: …").
_QUESTION_LABELS = words("transcripts", "question_labels")
_ANSWER_LABELS = words("transcripts", "answer_labels")
_SPEAKING_PERSONS = words("transcripts", "speaking_persons")
_RECORD_WORDS = words("transcripts", "record_words")


@dataclass(frozen=True)
class Turn:
    speaker: str
    start: int  # character offsets of the speech
    end: int


def extract_transcript_statements(doc: Doc, index: EntityIndex) -> list[Statement]:
    out: list[Statement] = []
    for turn in find_turns(doc, index):
        span = doc.char_span(turn.start, turn.end, alignment_mode="expand")
        if span is None:
            continue
        for sent in span.sents:
            text = _within(sent, turn).strip()
            if _is_claim(text):
                out.append(Statement(speaker=turn.speaker, cue="say", content=text, quote=text,
                                     about=_about(sent, index, turn.speaker, text),
                                     stance=stance_of("say", text), evidence=evidence_of(sent, index.document_id),
                                     confidence=0.75))
    return out


def find_turns(doc: Doc, index: EntityIndex) -> list[Turn]:
    """Every turn whose opening name is a person (or organization) the document knows."""
    text = doc.text
    known = {n: e.key for e in index.entities.values() if e.kind == PERSON for n in (e.name, *e.aliases)}
    matches = list(_TURN.finditer(text))
    openers = Counter(m.group(1) for m in matches)
    opens: list[tuple[int, int, str | None]] = []  # a question's turn has no speaker: it only ends the one before
    for m in matches:
        label = m.group(1).lower()
        if label in _QUESTION_LABELS:
            opens.append((m.start(), m.end(), None))
            continue
        if label in _ANSWER_LABELS:  # "Answer: …": the one who answered before the question
            last = next((k for _, _, k in reversed(opens) if k is not None), None)
            if last is not None:
                opens.append((m.start(), m.end(), last))
            continue
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if name is None or not len(name):
            continue
        # The model may tag nothing in a speaker's line: a name the document uses elsewhere is enough,
        # and so is a capitalised name that opens two turns or more.
        if len(name) >= 2 and name[0].lower_.rstrip(".") in _LABEL_HONORIFICS and all(  # "MR HOLLIS:", "Ms. Roux:"
                t.is_alpha and t.text[:1].isupper() and t.lower_ not in titles() for t in name[1:]):
            key = _named_by_surname(name[1:], index) or index.add(PERSON, " ".join(t.text.title() for t in name[1:]))
            opens.append((m.start(), m.end(), key))
            continue
        key = known.get(name.text) or index.entity_of(name[0])
        if key is None and openers[name.text] >= 2 and 2 <= len(name) <= 5 and all(
                t.text[:1].isupper() and t.is_alpha for t in name):
            key = known[name.text] = index.add(PERSON, name.text)
        if key is None or index.entities[key].kind not in (PERSON, ORGANIZATION, COUNTRY):
            continue
        if name.text not in known and index.entity_of(name[-1]) != key:
            continue  # "Putin said in Sochi on Monday: …" is reported speech, not a turn
        if _heading(text, m.end()):
            continue  # "Xinhua: Premier X holds talks with Y" is a headline, not a turn
        opens.append((m.start(), m.end(), key))
    turns = []
    for n, (_, speech_start, key) in enumerate(opens):
        limit = opens[n + 1][0] if n + 1 < len(opens) else len(text)
        if key is not None:
            turns.append(Turn(key, speech_start, _turn_end(text, speech_start, limit)))
    return turns


def _named_by_surname(surname: Span, index: EntityIndex) -> str | None:
    """The one person of the document whose name ends in these words ('HOLLIS' -> 'Ned Hollis')."""
    words_ = surname.text.lower()
    found = {e.key for e in index.entities.values() if e.kind == PERSON and e.name.lower().endswith(words_)
             and (e.name.lower() == words_ or e.name.lower()[-len(words_) - 1] == " ")}
    return found.pop() if len(found) == 1 else None


#: Honorifics that open a transcript's speaker label ("MR HOLLIS:"), lower case and without their period.
_LABEL_HONORIFICS = frozenset(h.rstrip(".") for h in words("names", "personal_honorifics"))


def _turn_end(text: str, start: int, limit: int) -> int:
    """The turn runs over its paragraphs up to a rule or a heading line (no sentence-final stop)."""
    pos = text.find("\n", start)
    while 0 <= pos < limit:
        nxt = text.find("\n", pos + 1)
        line = text[pos + 1: nxt if nxt >= 0 else len(text)].strip()
        if line and (_RULE.match(line) or not line.endswith(_LINE_ENDS) or _narration(line)):
            return pos
        if nxt < 0:
            break
        pos = nxt
    return limit


def _narration(line: str) -> bool:
    """A paragraph of the record, not of the speech: 'The talks were also attended by …' (no 'I', 'we' or 'you';
    the event or who took part in it)."""
    words_ = set(re.findall(r"[a-z]+", line.lower()))
    return not words_ & _SPEAKING_PERSONS and bool(words_ & _RECORD_WORDS)


def _heading(text: str, start: int) -> bool:
    """Whether the line from `start` is a heading: no sentence-final stop (nor the comma of 'Mr President,')."""
    end = text.find("\n", start)
    line = text[start: end if end >= 0 else len(text)].strip()
    return not line.endswith(_LINE_ENDS)


def _within(sent: Span, turn: Turn) -> str:
    a, b = max(sent.start_char, turn.start), min(sent.end_char, turn.end)
    return sent.doc.text[a:b]


def _is_claim(text: str) -> bool:
    return len(text.split()) >= _MIN_WORDS and not _COURTESY.search(text) and not text.endswith("?")


def _about(sent: Span, index: EntityIndex, speaker: str, text: str) -> tuple[str, ...]:
    return tuple(k for k in index.entities_in(sent) if k != speaker and any(
        n and n in text for n in (index.entities[k].name, *index.entities[k].aliases)))
