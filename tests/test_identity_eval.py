"""benchmarks/identity_eval.py: the gold reader, the alignment and the node count, on hand-made data
(no store is built), so a change in the rules shows here before it moves the printed figure."""

from __future__ import annotations

from pathlib import Path

from benchmarks.identity_eval import (
    GoldMention,
    KgMention,
    align,
    canonical,
    names_identity,
    offset_map,
    read_gum_identities,
    score,
    shift_gold,
)

BASE = "https://example.org/id/"
TRUMP, BARE, ORG = BASE + "person/donald-trump", BASE + "person/trump", BASE + "organization/trump"


def _tok(i: int, form: str, upos: str, head: int, entity: str = "", space: bool = True) -> str:
    misc = "|".join(x for x in (f"Entity={entity}" if entity else "", "" if space else "SpaceAfter=No") if x)
    return "\t".join([str(i), form, form, upos, "_", "_", str(head), "dep", "_", misc or "_"])


def test_reader_keeps_named_person_mentions_with_an_identity(tmp_path: Path) -> None:
    lines = ["# newdoc id = GUM_news_x",
             "# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity",
             "# newpar", "# sent_id = GUM_news_x-1", "# text = President Donald Trump met Ban Ki-moon.",
             _tok(1, "President", "PROPN", 2, "(1-person-new-sss-cf1-1,2,3-coref-Donald_Trump"),
             _tok(2, "Donald", "PROPN", 4),
             _tok(3, "Trump", "PROPN", 2, "1)"),
             _tok(4, "met", "VERB", 0),
             _tok(5, "Ban", "PROPN", 4, "(2-person-new-sss-cf2-1-coref-Ban_Ki%2Dmoon"),
             _tok(6, "Ki-moon", "PROPN", 5, "2)", space=False),
             _tok(7, ".", "PUNCT", 4), "",
             "# newpar", "# sent_id = GUM_news_x-2", "# text = He thanked the Secretary.",
             _tok(1, "He", "PRON", 2, "(1-person-giv-sss-cf1-1-coref-Donald_Trump)"),
             _tok(2, "thanked", "VERB", 0),
             _tok(3, "the", "DET", 4, "(2-person-giv-sss-cf2-2-coref-Ban_Ki%2Dmoon"),
             _tok(4, "Secretary", "PROPN", 2, "2)", space=False),
             _tok(5, ".", "PUNCT", 2), ""]
    path = tmp_path / "GUM_news_x.conllu"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    text, gold, total = read_gum_identities(path)
    assert text.startswith("President Donald Trump met Ban Ki-moon. \nHe thanked")
    assert total == 4  # two names, a pronoun and a title
    assert [(text[g.start:g.end], g.identity, text[g.head[0]:g.head[1]]) for g in gold] == [
        ("President Donald Trump", "Donald_Trump", "Trump"), ("Ban Ki-moon", "Ban_Ki%2Dmoon", "Ki-moon")]


def test_a_title_alone_does_not_name_its_person() -> None:
    assert names_identity("Trump", "Donald_Trump") and names_identity("Ki-moon", "Ban_Ki%2Dmoon")
    assert not names_identity("Madam Speaker", "Nancy_Pelosi")


def test_alignment_wants_the_kg_mention_inside_the_name_and_on_its_last_word() -> None:
    gold = GoldMention("d", 10, 30, "Barack_Obama", 25, 30)  # "President of the US Barack Obama"
    kg = [KgMention("d", 10, 19, ORG), KgMention("d", 20, 30, TRUMP), KgMention("d", 25, 40, BARE),
          KgMention("e", 20, 30, BARE)]
    assert align([gold], kg) == {gold: {TRUMP}}


def test_two_documents_one_person_linked_by_same_as_is_one_node() -> None:
    gold = [GoldMention("a", 0, 12, "Donald_Trump", 7, 12), GoldMention("b", 5, 10, "Donald_Trump")]
    kg = [KgMention("a", 0, 12, TRUMP), KgMention("b", 5, 10, BARE)]
    result = score(align(gold, kg), {BARE: TRUMP})
    assert (result.identities, result.mean(), result.exactly_one()) == (1, 1.0, 1)
    assert result.mean(raw=True) == 2.0 and result.exactly_one(raw=True) == 0
    assert score(align(gold, kg), {}).mean() == 2.0


def test_a_person_tagged_an_organization_is_another_node_and_a_miss_adds_none() -> None:
    gold = [GoldMention("a", 0, 5, "Donald_Trump"), GoldMention("b", 0, 5, "Donald_Trump"),
            GoldMention("c", 0, 5, "Donald_Trump"), GoldMention("c", 9, 14, "Emperor_Norton")]
    kg = [KgMention("a", 0, 5, BARE), KgMention("b", 0, 5, ORG), KgMention("c", 9, 14, BARE)]
    result = score(align(gold, kg), {BARE: TRUMP})
    assert result.nodes == {"Donald_Trump": {TRUMP, ORG}}  # Norton is in one document only
    assert (result.gold_mentions, result.unaligned) == (3, 1)


def test_an_identity_kg_never_found_is_left_out_of_the_mean() -> None:
    gold = [GoldMention("a", 0, 4, "Jews"), GoldMention("b", 0, 4, "Jews"),
            GoldMention("a", 10, 15, "Nancy_Pelosi"), GoldMention("b", 10, 15, "Nancy_Pelosi")]
    result = score(align(gold, [KgMention("a", 10, 15, BARE)]), {})
    assert result.not_found == ["Jews"] and result.identities == 1 and result.mean() == 1.0


def test_same_as_chains_end_at_the_last_node_and_cycles_stop() -> None:
    assert canonical("a", {"a": "b", "b": "c"}) == "c"
    assert canonical("a", {"a": "b", "b": "a"}) == "b"
    assert canonical("x", {}) == "x"


def test_gold_offsets_follow_the_stored_text_and_dropped_paragraphs_are_counted() -> None:
    gold_text = "Title line \nThursday, February 23, 2006 \nObama spoke. \nTrump replied."
    stored = "Title line\nObama spoke.\nTrump replied."
    o = gold_text.index("Obama")
    gold = [GoldMention("d", o, o + 5, "Barack_Obama"), GoldMention("d", 12, 20, "Thursday")]
    moved, lost = shift_gold(gold, offset_map(gold_text, stored))
    assert lost == 1 and [stored[g.start:g.end] for g in moved] == ["Obama"]
