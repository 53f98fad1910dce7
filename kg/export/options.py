"""What a property-graph projection keeps: fact kinds, fact nodes, a date window, a minimum weight, isolated nodes.

One frozen object shared by `kg export`, `kg viz` and the HTTP server; `Options.parse` turns their
strings into it with one-line errors that name the option.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kg.errors import InputError

#: Fact kinds that can become fact nodes (`--include`).
INCLUDES = ("meetings", "statements", "agreements")
#: Fact kinds that can become entity-to-entity edges (`--facts`), and the edge type each gives.
FACT_EDGES = {"roles": "role", "meetings": "met_with", "statements": "stated_about", "agreements": "agreed_with",
              "contested": "contests", "part-of": "part_of"}
DEFAULT_FACTS = frozenset({"roles", "meetings", "statements", "part-of"})
#: Another spelling of each kind a user may type: the edge type, or a singular.
_ALIASES = {**{edge: kind for kind, edge in FACT_EDGES.items()}, "role": "roles", "meeting": "meetings",
            "statement": "statements", "agreement": "agreements", "claims": "contested", "part_of": "part-of"}


@dataclass(frozen=True)
class Options:
    """What to project.

    `facts`: the kinds of fact that become entity-to-entity edges; `include`: the kinds that also become
    nodes of their own; `since`/`until`: keep facts whose dates (their own, else their article's
    publication date) overlap the window; `min_weight`: drop entity-to-entity edges reported fewer
    times; `keep_isolated`: keep nodes left without any edge (file exports do, views do not).
    """

    people_only: bool = False
    include: frozenset[str] = field(default_factory=frozenset)
    since: str = ""
    until: str = ""
    facts: frozenset[str] = DEFAULT_FACTS
    min_weight: int = 1
    keep_isolated: bool = True

    @classmethod
    def parse(cls, *, people_only: bool = False, include: str = "", since: str | None = None,
              until: str | None = None, facts: str | None = None, min_weight: int | str | None = None,
              keep_isolated: bool = True) -> Options:
        """Options from CLI/HTTP strings, with one-line errors for bad values.

        >>> sorted(Options.parse(facts="met_with,contested").facts)
        ['contested', 'meetings']
        """
        wanted = _words(include)
        if bad := wanted - set(INCLUDES):
            raise InputError(f"--include {','.join(sorted(bad))}: choose from {','.join(INCLUDES)}")
        kinds = DEFAULT_FACTS if facts is None or not facts.strip() else _kinds(facts)
        since_d, until_d = _date(since, "--since"), _date(until, "--until")
        if since_d and until_d and since_d > until_d:
            raise InputError(f"--since {since_d} is after --until {until_d}: swap them")
        return cls(people_only, wanted, since_d, until_d, kinds, _weight(min_weight), keep_isolated)

    def in_window(self, dates: set[str] | frozenset[str]) -> bool:
        """True when the span of `dates` (earliest to latest) overlaps the window; undated facts only
        without a window."""
        if not (self.since or self.until):
            return True
        known = sorted(d for d in dates if d)
        if not known:
            return False
        return (not self.since or known[-1] >= self.since) and (not self.until or known[0] <= self.until)


def _words(text: str) -> frozenset[str]:
    return frozenset(w.strip().lower() for w in text.split(",") if w.strip())


def _kinds(text: str) -> frozenset[str]:
    words = _words(text)
    if "all" in words:
        return frozenset(FACT_EDGES)
    kinds = {_ALIASES.get(w, w) for w in words}
    if bad := sorted(kinds - set(FACT_EDGES)):
        raise InputError(f"--facts {','.join(bad)}: choose from {','.join(FACT_EDGES)} (or all)")
    return frozenset(kinds)


def _weight(value: int | str | None) -> int:
    if value is None or value == "":
        return 1
    try:
        n = int(value)
    except (TypeError, ValueError):
        n = 0
    if n < 1:
        raise InputError(f"--min-weight {value!r}: give a whole number of reports, 1 or more")
    return n


def _date(value: str | None, option: str) -> str:
    if not value:
        return ""
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError as e:
        raise InputError(f"{option} {value!r}: not a date (YYYY-MM-DD)") from e
