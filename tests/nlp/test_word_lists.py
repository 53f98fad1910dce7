"""The word lists of the rules (kg/data/words/*.toml) load through kg.data's one typed loader."""

from __future__ import annotations

from importlib import resources

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
