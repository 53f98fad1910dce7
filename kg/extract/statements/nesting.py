"""Nested reports: '…, Meng said, Xinhua reported' keeps one speaker per claim."""

from __future__ import annotations

from dataclasses import replace

from kg.extract.statements.context import Found, clean, subject_left
from kg.nlp import labels as L


def nested(found: list[Found]) -> list[Found]:
    """One speaker per claim when reports nest.

    '…, Meng said, Xinhua reported' / 'Meng said that …, Xinhua reported': the trailing report yields
    to the statement it relays (whose content loses the trailing attribution); otherwise a statement
    whose content holds another speaker's cue ('X said …, Xinhua reported' parsed the other way) yields.
    """
    out: list[Found] = []
    trailing = [f for f in found if _is_trailing(f)]
    for f in found:
        if f in trailing and any(g is not f and g.start <= f.cue < g.end and g.statement.speaker != f.statement.speaker
                                 for g in found):
            continue
        if any(g is not f and g not in trailing and f.start <= g.cue < f.end and g.statement.speaker != f.statement.speaker
               for g in found):
            continue
        # "X said A and warned B": A is what X said, B what X warned (a statement of its own).
        joined = [g.cue for g in found if g is not f and f.start < g.cue < f.end and g.statement.speaker ==
                  f.statement.speaker and f.doc[g.cue].dep_ == L.CONJ and g.start >= g.cue]
        if joined:
            cut = min(joined)
            while cut > f.start and f.doc[cut - 1].lower_ in ("and", ",", "also"):
                cut -= 1
            if cut > f.start:
                f = Found(replace(f.statement, content=clean(f.doc[f.start:cut].text)), f.cue, f.start, cut, f.doc)
        for t in trailing:
            if t is not f and f.start <= t.cue < f.end:
                cut = _comma_before(t)
                if cut is not None and cut > f.start:
                    f = Found(replace(f.statement, content=clean(f.doc[f.start:cut].text)), f.cue, f.start, cut, f.doc)
        out.append(f)
    return out


def _comma_before(f: Found) -> int | None:
    i = subject_left(f.doc[f.cue]) - 1
    return i if i > 0 and f.doc[i].text == "," else None


def _is_trailing(f: Found) -> bool:
    """'…, Xinhua reported (on Friday).': an attribution closing its sentence."""
    cue = f.doc[f.cue]
    after = [t for t in cue.doc[cue.i + 1: cue.sent.end] if not t.is_punct]
    return _comma_before(f) is not None and len(after) <= 4 and not any(t.pos_ in ("VERB", "AUX") for t in after)
