"""Data shipped with kg: the gazetteer tables (TSV, '#' comments: countries, organizations, outlets,
titles) and the rules' word lists (words/*.toml, one file per extractor, a comment above each list)."""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@cache
def read_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a TSV table in this package, padded to the header's width."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    width = len(lines[0].lstrip("# ").split("\t")) if lines and lines[0].startswith("#") else 1
    rows = []
    for line in lines:
        if line.startswith("#"):
            continue
        cells = line.split("\t")
        rows.append(tuple(cells + [""] * (width - len(cells))))
    return tuple(rows)


@cache
def _word_file(topic: str) -> dict[str, Any]:
    """The lists of words/TOPIC.toml, by name."""
    text = resources.files(__package__).joinpath("words", f"{topic}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _entry(topic: str, name: str) -> Any:
    try:
        return _word_file(topic)[name]
    except KeyError:
        raise KeyError(f"kg/data/words/{topic}.toml has no list {name!r}") from None


@cache
def word_list(topic: str, name: str) -> tuple[str, ...]:
    """The words of list NAME in words/TOPIC.toml, in the file's order."""
    value = _entry(topic, name)
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise TypeError(f"kg/data/words/{topic}.toml: {name} is not a list of strings")
    return tuple(value)


@cache
def words(topic: str, name: str) -> frozenset[str]:
    """The words of list NAME in words/TOPIC.toml, as a set: `words("meetings", "verbs")`."""
    return frozenset(word_list(topic, name))


def word_map(topic: str, name: str) -> dict[str, str]:
    """The table NAME in words/TOPIC.toml, word -> value: `word_map("speech", "stance")["deny"] == "denies"`."""
    value = _entry(topic, name)
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise TypeError(f"kg/data/words/{topic}.toml: {name} is not a table of strings")
    return dict(value)
