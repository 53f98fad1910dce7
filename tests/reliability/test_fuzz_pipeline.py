"""Fuzzing the whole in-process pipeline (ingest -> spaCy -> extract -> RDF -> store) on junk text,
and checking that long texts are parsed in pieces with the offsets of the whole text."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract import extract_facts
from kg.ingest import Document, iter_documents
from kg.ingest.readers import from_plain_text
from kg.nlp.long_texts import parse_texts, split_text
from kg.rdf import Minter, document_ntriples, entities_ntriples
from kg.store import KgStore
from tests.conftest import SEEDS

WORDS = ["Minister", "Foreign", "met", "said", "\"", "“", "”", "'", "Geneva", "India", "France", "Jean Dupont",
         "President", "of", "the", "UN", "on Monday", "2020", ".", ",", "\n", "\n\n", " ", "warned", "agreed",
         "talks", "Ravi Kumar", "—", "•", "(", ")", "'s", "WASHINGTON", "\x00", "\x07", "\ud800", "😀", "ǅ", "ﬁ"]
junk = st.one_of(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=120).map(" ".join),
    st.text(st.characters(codec=None, categories=None), min_size=1, max_size=300),
)


def _through_store(nlp, texts: list[str], store: KgStore) -> int:
    docs = [d for i, t in enumerate(texts) if isinstance(d := from_plain_text(t, doc_id=f"f{i}"), Document)]
    minter = Minter(store.minter.base)
    for parsed, doc in zip(parse_texts(nlp, (d.text for d in docs)), docs, strict=True):
        assert parsed.text == doc.text
        facts = extract_facts(parsed, doc)
        for m in facts.mentions:
            assert doc.text[m.start:m.end] == m.text
        store.replace_document(doc.id, document_ntriples(facts, minter), entities_ntriples(facts, minter))
    return len(docs)


@settings(max_examples=int(os.environ.get("KG_FUZZ_EXAMPLES", "150")) // 3, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(junk, min_size=1, max_size=4))
def test_junk_goes_through_the_pipeline(nlp, texts: list[str]) -> None:
    store = KgStore(None)
    n = _through_store(nlp, ["Headline\n\n" + t for t in texts], store)
    assert len(store.document_ids()) == len({f"f{i}" for i in range(n)}) or n == 0
    store.prune_entities()
    assert not store.prune_pending()


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("ab \n."), max_size=300), st.integers(2, 40))
def test_split_text_is_lossless_and_bounded(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(len(p) <= limit for p in pieces)
    assert all(p for p in pieces[:-1])


def test_split_prefers_paragraphs_then_lines_then_spaces() -> None:
    text = "a" * 60 + "\n\n" + "b" * 30 + "\n" + "c" * 5 + " " + "d" * 50
    assert split_text(text, 100)[0] == "a" * 60 + "\n\n"  # a blank line in the second half of the piece
    text = "a" * 30 + "\n\n" + "b" * 30 + "\n" + "c" * 20 + " " + "d" * 50
    assert split_text(text, 100)[0] == "a" * 30 + "\n\n" + "b" * 30 + "\n"  # else a line break
    text = "a" * 30 + "\n\n" + "b" * 30 + " " + "c" * 100
    assert split_text(text, 100)[0] == "a" * 30 + "\n\n" + "b" * 30 + " "  # else a space
    assert split_text("x" * 250, 100) == ["x" * 100, "x" * 100, "x" * 50]  # else mid-word
    one_line = ("word " * 300_000)[:1_048_576]  # a 1 MB single line
    pieces = split_text(one_line, 100_000)
    assert "".join(pieces) == one_line and all(p.endswith(" ") for p in pieces[:-1])
    assert max(map(len, pieces)) <= 100_000


def test_long_text_parsed_in_pieces_keeps_offsets(nlp) -> None:
    docs = [d for d in iter_documents([str(SEEDS)]) if isinstance(d, Document)]
    text = "\n\n".join(d.text for d in docs)
    whole = next(parse_texts(nlp, [text], chunk_chars=len(text) + 1))
    pieces = next(parse_texts(nlp, [text], chunk_chars=3000))
    assert pieces.text == text and len(text) > 3 * 3000
    doc = Document(id="joined", text=text)
    a, b = extract_facts(whole, doc), extract_facts(pieces, doc)
    # Pieces are parsed on their own, so a heuristic that looks across the whole document (a surname
    # seen in full earlier is a person) can differ near a piece boundary; offsets are always exact.
    sa, sb = {(m.start, m.end, m.entity) for m in a.mentions}, {(m.start, m.end, m.entity) for m in b.mentions}
    assert len(sa & sb) >= 0.97 * len(sa) and len(sb - sa) <= 0.03 * len(sb)
    assert {s.evidence.start for s in b.statements} & {s.evidence.start for s in a.statements}
    for m in b.mentions:
        assert text[m.start:m.end] == m.text


def test_parse_texts_keeps_order_with_mixed_lengths(nlp) -> None:
    texts = ["Short one.", "Long. " * 400, "", "Another short text.", ("x " * 900) + "end"]
    out = list(parse_texts(nlp, texts, batch_size=2, chunk_chars=500))
    assert [d.text for d in out] == texts
