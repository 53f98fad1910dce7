"""The one SPARQL lexer: the words, variables and braces of a query outside its strings, IRIs and comments.

Three readers need to know what is query syntax and what is only text inside a string, an IRI or a
comment: parameter binding (kg.store.binding: where each WHERE group opens), the server's guard
(kg.server.sparql_text: LOAD and SERVICE, FROM, USING) and the saved-query catalogue (comments left
out of the text people read, the query form). They read the same tokens, so a `WHERE {` or a
`SERVICE` inside a string is text for all of them alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_IRI = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_WORD = re.compile(r"[A-Za-z_][\w.-]*(?::[\w.%-]*)?|:[\w.%-]*")
_VAR = re.compile(r"[?$][\w]+")
_LONG = {"'''": re.compile(r"'''(?:[^'\\]|\\.|'(?!''))*'''", re.S), '"""': re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""', re.S)}
_SHORT = {"'": re.compile(r"'(?:[^'\\\n\r]|\\.)*'"), '"': re.compile(r'"(?:[^"\\\n\r]|\\.)*"')}
#: The forms a query can take, as the first word after its prologue (BASE and PREFIX) names them.
FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


@dataclass(frozen=True)
class Token:
    """One token: `kind` is word (a bare word: a keyword or function name), name (a prefixed name),
    var, iri, string, comment (up to, not including, its line's end), `{` or `}`; `depth` is the
    number of groups open where it starts. Other punctuation and white space make no token."""

    kind: str
    start: int
    end: int
    depth: int


def tokens(text: str) -> Iterator[Token]:
    """The tokens of `text` in order; an unterminated string runs to the end (the parser rejects it)."""
    i, depth, n = 0, 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            j = text.find("\n", i)
            j = n if j < 0 else j
            yield Token("comment", i, j, depth)
            i = j + 1
        elif c in "'\"":
            m = (_LONG.get(text[i:i + 3]) or _SHORT[c]).match(text, i)
            j = m.end() if m else n
            yield Token("string", i, j, depth)
            i = j
        elif c == "<":
            m = _IRI.match(text, i)
            if m:
                yield Token("iri", i, m.end(), depth)
            i = m.end() if m else i + 1
        elif c == "{":
            yield Token("{", i, i + 1, depth)
            depth += 1
            i += 1
        elif c == "}":
            depth -= 1
            yield Token("}", i, i + 1, depth)
            i += 1
        elif c in "?$":
            m = _VAR.match(text, i)
            if m:
                yield Token("var", i, m.end(), depth)
            i = m.end() if m else i + 1
        elif (m := _WORD.match(text, i)) is not None:
            yield Token("name" if ":" in m.group(0) else "word", i, m.end(), depth)
            i = m.end()
        else:
            i += 1


@dataclass(frozen=True)
class Keyword:
    word: str  # upper case
    start: int
    depth: int


def keywords(text: str) -> Iterator[Keyword]:
    """Bare words (no prefix colon) outside strings, IRIs and comments, in order."""
    for t in tokens(text):
        if t.kind == "word":
            yield Keyword(text[t.start:t.end].upper(), t.start, t.depth)


def query_form(text: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first keyword after the prologue's BASE and PREFIX;
    None when that keyword is none of them (an update, or no query at all)."""
    for k in keywords(text):
        if k.word in FORMS:
            return k.word
        if k.word not in ("BASE", "PREFIX"):
            return None
    return None


def group_starts(text: str) -> list[int]:
    """Where each `WHERE {` group's body starts (just after its brace); when the query has none
    (`ASK { … }`), where its first group's body starts; empty when it has no group at all."""
    toks = list(tokens(text))
    braces = [i for i, t in enumerate(toks) if t.kind == "{"]
    wheres = [toks[i].end for i in braces if i and toks[i - 1].kind == "word"
              and text[toks[i - 1].start:toks[i - 1].end].upper() == "WHERE" and not text[toks[i - 1].end:toks[i].start].strip()]
    return wheres or [toks[i].end for i in braces[:1]]


def without_comments(text: str) -> str:
    """`text` with its comments removed (strings and IRIs kept whole; line ends kept)."""
    pieces, last = [], 0
    for t in tokens(text):
        if t.kind == "comment":
            pieces.append(text[last:t.start])
            last = t.end
    return "".join(pieces) + text[last:]
