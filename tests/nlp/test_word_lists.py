"""The word lists of the rules (kg/data/words/*.toml) load through kg.data's one typed loader."""

from __future__ import annotations

import ast
from importlib import resources
from pathlib import Path

import pytest

from kg.data import word_list, word_map, words

TOPICS = sorted(p.name.removesuffix(".toml") for p in resources.files("kg.data").joinpath("words").iterdir()
                if p.name.endswith(".toml"))


@pytest.mark.parametrize("topic", TOPICS)
def test_every_list_is_strings_without_repeats(topic: str) -> None:
    from kg.data import _word_file

    for name, value in _word_file(topic).items():
        if isinstance(value, dict):
            assert word_map(topic, name) and all(k.strip() == k and v for k, v in word_map(topic, name).items())
        else:
            listed = word_list(topic, name)
            assert listed and len(set(listed)) == len(listed), f"{topic}.toml: {name} repeats a word"
            assert all(w and w.strip() == w for w in listed), f"{topic}.toml: {name} has an empty or padded word"


def test_words_is_a_set_word_list_keeps_the_order_word_map_a_table() -> None:
    assert words("meetings", "verbs") >= {"meet", "host"} and isinstance(words("meetings", "verbs"), frozenset)
    assert word_list("names", "body_heads")[:2] == ("ministry", "department")
    assert word_map("speech", "stance")["deny"] == "denies"


def test_an_unknown_list_or_the_wrong_kind_says_which_file() -> None:
    with pytest.raises(KeyError, match=r"meetings\.toml has no list 'verbz'"):
        words("meetings", "verbz")
    with pytest.raises(TypeError, match=r"speech\.toml: stance is not a list"):
        word_list("speech", "stance")
    with pytest.raises(TypeError, match=r"speech\.toml: verbs is not a table"):
        word_map("speech", "verbs")


ROOT = Path(__file__).resolve().parents[2]
RULES = sorted([*(ROOT / "kg" / "extract").rglob("*.py"), *(ROOT / "kg" / "nlp").glob("*.py")])
#: Tables of the rules that are not word lists: exports, part-of-speech tags, punctuation, quotation marks,
#: the stances of facts.
NOT_WORDS = {"__all__", "_FINITE", "DASHES", "_OPEN", "_CLOSE", "STANCES"}


def _word_table(value: ast.expr) -> bool:
    """A literal set, list, tuple or word -> word table of three strings or more (or frozenset of one)."""
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in ("frozenset", "set") \
            and value.args:
        value = value.args[0]
    items = (value.elts if isinstance(value, (ast.Set, ast.List, ast.Tuple))
             else [*value.keys, *value.values] if isinstance(value, ast.Dict) else [])
    return len(items) >= 3 and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in items)


def test_the_rules_word_lists_live_in_kg_data_words() -> None:
    found = [f"{p.relative_to(ROOT)}:{node.lineno}: {target.id}" for p in RULES if p.name != "labels.py"
             for node in ast.parse(p.read_text(encoding="utf-8")).body if isinstance(node, ast.Assign)
             for target in node.targets if isinstance(target, ast.Name) and target.id not in NOT_WORDS
             and _word_table(node.value)]
    assert not found, "move these to kg/data/words/<module>.toml, read with kg.data.words():\n" + "\n".join(found)
