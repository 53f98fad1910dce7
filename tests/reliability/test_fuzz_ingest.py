"""Property-based fuzzing of ingest: any bytes or text give Documents or Skipped, never an exception.

Every Document that comes out must be safe for the later stages: non-empty text that encodes as UTF-8,
no NUL or other C0 control but tab and newline, and one-line metadata.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest import Document, Skipped, iter_documents
from kg.ingest.readers import decode, from_html, from_jsonl_file, from_plain_text

FUZZ = settings(max_examples=int(os.environ.get("KG_FUZZ_EXAMPLES", "150")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

# Text with everything: controls, NUL, line/paragraph separators, lone surrogates, astral characters.
any_text = st.text(st.characters(codec=None, categories=None), max_size=400)
wild_text = st.one_of(
    any_text,
    st.lists(st.sampled_from(["\x00", "\r\n", "\r", "\x0b", "\x0c", "\u2028", "\x85", "\ud800", "\udfff", "\t",
                              "Minister", " met ", "\"", "“", "Geneva.", "\n\n", "---\n", "date: x\n", "Published: ",
                              "2020-01-01", "<p>", "</p>", "<script>", "PHOTO: AP", "By John Doe", "\ufffd", "😀"]),
             max_size=60).map("".join),
)


def check(item: Document | Skipped) -> None:
    """What every later stage relies on."""
    if isinstance(item, Skipped):
        assert item.reason and isinstance(item.path, str)
        return
    assert isinstance(item, Document)
    assert item.text.strip(), "a Document has text"
    item.text.encode("utf-8")  # no lone surrogates
    assert not any(ord(c) < 32 and c not in "\t\n" for c in item.text), "no control characters"
    assert item.id and "\n" not in item.id
    item.id.encode("utf-8")
    for value in (item.title, item.source, item.url, item.date):
        if value is not None:
            value.encode("utf-8")
            assert "\n" not in value and "\x00" not in value
    if item.date:
        assert len(item.date) == 10 and item.date[4] == "-"
    assert len(item.content_hash) == 64


@FUZZ
@given(wild_text)
def test_plain_text_never_raises(text: str) -> None:
    check(from_plain_text(text, doc_id="fuzz.txt"))


@FUZZ
@given(wild_text, st.dictionaries(st.sampled_from(["id", "title", "date", "source", "url"]), wild_text, max_size=5))
def test_metadata_is_cleaned(text: str, meta: dict[str, str]) -> None:
    check(from_plain_text(text + "\n\nThe minister met reporters on Monday.", doc_id="m.txt", meta=meta))


@FUZZ
@given(st.binary(max_size=600))
def test_any_bytes_decode_or_are_binary(data: bytes) -> None:
    text, warns = decode(data, "x.txt")
    assert text is None or isinstance(text, str)
    if warns:
        assert "invalid UTF-8" in warns[0]


@FUZZ
@given(st.lists(st.one_of(
    wild_text,
    st.dictionaries(st.sampled_from(["id", "text", "title", "date", "source", "url", "other"]),
                    st.one_of(wild_text, st.integers(), st.none(), st.booleans(), st.lists(st.integers(), max_size=2)),
                    max_size=6).map(json.dumps),
    st.builds(lambda t, i: json.dumps({"id": i, "text": t}), wild_text, st.sampled_from(["a", "a", "\ud800", ""])),
), max_size=8))
def test_jsonl_never_raises(lines: list[str]) -> None:
    items = list(from_jsonl_file(Path("fuzz.jsonl"), "\n".join(lines)))
    for item in items:
        check(item)
    assert len(items) <= sum(1 for line in "\n".join(lines).splitlines() if line.strip())


html_parts = st.lists(st.one_of(
    wild_text,
    st.sampled_from(["<html>", "<head><title>Talks</title></head>", "<body>", "<script>var x = '</p>';</script>",
                     "<style>p { color: red }</style>", "<p>", "</p>", "<article>", "<div class='ad'>Ad</div>",
                     "<!-- comment -->", "<![CDATA[ x ]]>", "&amp;", "&#0;", "&#xD800;", "<meta charset='latin1'>",
                     "<p>The French Foreign Minister met his Indian counterpart in Geneva on Monday.</p>"]),
), max_size=30).map("".join)


@settings(max_examples=int(os.environ.get("KG_FUZZ_EXAMPLES", "150")) // 2, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(html_parts)
def test_html_never_raises(html: str) -> None:
    check(from_html(html, doc_id="fuzz.html"))


@FUZZ
@given(st.binary(max_size=400), st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_any_file_never_raises(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"junk{suffix}"
        path.write_bytes(data)
        for item in iter_documents([str(path)]):
            check(item)


def test_html_scripts_and_styles_are_not_text() -> None:
    html = ("<html><head><title>Ministers meet in Geneva</title><style>p{color:red}</style></head><body>"
            "<script>document.write('SECRET SCRIPT TEXT')</script><article><p>The French Foreign Minister met "
            "his Indian counterpart in Geneva on Monday, the ministry said in a statement.</p><p>Both sides "
            "agreed to meet again next year, officials said.</p></article></body></html>")
    doc = from_html(html, doc_id="p.html")
    assert isinstance(doc, Document)
    assert "SECRET" not in doc.text and "color" not in doc.text and "Geneva" in doc.text


def test_controls_and_surrogates_are_cleaned() -> None:
    doc = from_plain_text("Title\n\nThe minister A\x01B\x00C met D.\u2028He spoke in E\ud800.", doc_id="c.txt")
    assert isinstance(doc, Document)
    assert doc.text == "The minister A BC met D.\nHe spoke in E\ufffd."


def test_unreadable_date_is_a_warning_not_an_error() -> None:
    doc = from_plain_text("---\ndate: the day after\n---\nTitle\n\nThe minister spoke.", doc_id="d.txt")
    assert isinstance(doc, Document) and doc.date is None
    assert any("cannot read date" in w for w in doc.warnings)
