"""Ingest: titles, dates, sources and boilerplate on short hand-written articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.ingest import Document, Skipped, iter_documents, read_text_document
from kg.ingest.dates import parse_date

ARTICLE = """Ministers meet in Vienna

Reuters Vienna
Last Updated : Mar 3 2021 | 10:12 AM IST
The Austrian foreign minister met his Iranian counterpart on Tuesday, officials said.
A second paragraph follows here.
*Subscribe to Daily Planet digital and get access
₹900
More From This Section
Next Story
"""


def doc_of(text: str, **meta: str) -> Document:
    d = read_text_document(text, "a.txt", meta or None)
    assert isinstance(d, Document)
    return d


def test_title_date_source_and_boilerplate() -> None:
    d = doc_of(ARTICLE)
    assert d.title == "Ministers meet in Vienna"
    assert d.date == "2021-03-03"
    assert d.source == "Reuters"
    assert d.text.startswith("The Austrian foreign minister")
    for junk in ("Subscribe", "₹", "More From This Section", "Next Story", "Last Updated", "Reuters Vienna"):
        assert junk not in d.text


BYLINE = ("Headline here\n\nBy Ann Lee Source:Daily Planet Published: 2019-7-4 9:01:22\n\n"
          "PARIS • The president spoke to reporters on Friday.\n\nPosted in: World\n")


#: (text, publication date, the text left once headers and boilerplate are gone, or None: not checked).
DATED = [
    pytest.param(BYLINE, "2019-07-04", "The president spoke to reporters on Friday.",
                 id="published byline and inline dateline"),
    pytest.param("Talks end\n\nThe envoy left Seoul. PHOTO: AFP\nThe talks ended without a deal.\n\n"
                 "Join our Telegram channel and get the latest news.\n\n"
                 "A version of this article appeared in the print edition of The Daily Planet on June 2, 2018, "
                 "with the headline Talks end.",
                 "2018-06-02", "The talks ended without a deal.", id="print edition date, telegram and caption"),
    pytest.param("Talks with the President of Ruritania\n\nSeptember 4, 2023, Sochi\n\n"
                 "The two presidents held talks in Sochi.\n",
                 "2023-09-04", "The two presidents held talks in Sochi.", id="a header date line leaves the text"),
    pytest.param("PM meeting with President Berg: 15 May 2023\n\nThe Prime Minister welcomed President Berg today.\n",
                 "2023-05-15", None, id="a date at the end of the title"),
    pytest.param("Headline\n\nThis story is from January 11, 2024\n\nThe talks ended.\n", "2024-01-11", None,
                 id="this story is from"),
    pytest.param("Headline\n\nThe ministers met on July 16, 2018 in Vienna and agreed to meet again soon.\n",
                 None, None, id="a sentence date is no header"),
    pytest.param("Talks held\n\nOslo, June 19 (NTB) -- Talks were held at the palace on June 19 (2024).\n",
                 "2024-06-19", None, id="a dateline without a year takes the first year of the story"),
    pytest.param("Talks held\n\nOSLO, May 7 (NTB) - Talks were held at the palace on Tuesday.\n\n"
                 "The clash was the deadliest since 2019.\n",
                 None, None, id="a year further on is no dateline's year"),
    pytest.param("Envoys meet\n\nLIMA, Sept 10, 2023 (Andina) - The envoys met on Sunday.\n", "2023-09-10",
                 "The envoys met on Sunday.", id="a dated dateline leaves the text and dates it"),
]


@pytest.mark.parametrize(("text", "date", "body"), DATED)
def test_the_publication_date_and_what_text_is_left(text: str, date: str | None, body: str | None) -> None:
    d = doc_of(text)
    assert d.date == date
    if body is not None:
        assert d.text == body


def test_the_datelines_place_is_kept_as_metadata_when_the_text_loses_it() -> None:
    d = doc_of(BYLINE)
    assert d.dateline == "Paris"
    assert "PARIS" not in d.text
    assert doc_of("Headline\n\nThe president spoke to reporters on Friday.\n").dateline is None


@pytest.mark.parametrize(("line", "place"), [
    ("Quito, October 6 (EFE) -- The minister", "Quito"), ("OSLO, 3 May (NTB) - The king", "Oslo"),
    ("NEW YORK, Oct. 2 – The envoy", "New York"), ("SOCHI, September 4. /TASS/. The envoy", "Sochi"), ("Quito - The minister", None), ("UN - The envoy", None)])
def test_a_dateline_in_title_case_needs_a_day_or_an_agency(line: str, place: str | None) -> None:
    d = doc_of(f"Headline\n\n{line} arrived on Friday.\n")
    assert d.dateline == place
    assert d.text.startswith("The ") == (place is not None)


def test_a_byline_names_the_source() -> None:
    assert doc_of(BYLINE).source == "Daily Planet"


def test_front_matter_and_meta_override() -> None:
    d = doc_of("---\ndate: 2014-05-20\nsource: Wire\n---\nTitle line\n\nBody text of the article.\n")
    assert (d.date, d.source, d.title) == ("2014-05-20", "Wire", "Title line")
    d = doc_of(ARTICLE, date="2022-01-05", id="override")
    assert (d.date, d.id) == ("2022-01-05", "override")


def test_parse_date_forms() -> None:
    assert str(parse_date("Sep 13 2015")) == "2015-09-13"
    assert str(parse_date("2015-9-14 0:53:01")) == "2015-09-14"
    assert str(parse_date("September 14, 2015")) == "2015-09-14"
    assert parse_date("no date here") is None


def test_folder_jsonl_html_and_sidecar(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("A title\n\nThe minister spoke.\n")
    (tmp_path / "sub" / "a.txt.meta.json").write_text(json.dumps({"url": "https://example.org/a", "date": "2020-01-02"}))
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "b1", "text": "The envoy arrived.", "title": "T"}) + "\n")
    (tmp_path / "c.html").write_text("<html><head><title>Summit ends</title><script>var x=1;</script></head>"
                                     "<body><nav>Home | World</nav><article><h1>Summit ends</h1><p>The leaders "
                                     "met in Jakarta on Monday and agreed to expand trade between the two "
                                     "countries, officials said.</p><p>The talks lasted three hours.</p>"
                                     "</article><footer>Subscribe now</footer></body></html>")
    (tmp_path / "ignored.bin").write_bytes(b"\x00\x01")
    items = list(iter_documents([str(tmp_path)]))
    docs = {d.id: d for d in items if isinstance(d, Document)}
    assert set(docs) == {"a.txt", "b1", "c.html"}
    assert docs["a.txt"].url == "https://example.org/a" and docs["a.txt"].date == "2020-01-02"
    assert docs["b1"].text == "The envoy arrived." and docs["b1"].title == "T"
    assert "leaders met in Jakarta" in docs["c.html"].text and "var x" not in docs["c.html"].text
    assert not [i for i in items if isinstance(i, Skipped)]


def test_linked_folders_are_followed_once_and_hidden_ones_skipped(tmp_path: Path) -> None:
    """A corpus that is a folder of links to its parts is read whole; a link back up cannot loop."""
    parts = tmp_path / "parts"
    (parts / "p1").mkdir(parents=True)
    (parts / "p1" / "a.txt").write_text("A title\n\nThe minister spoke.\n")
    (parts / "p1" / ".draft.txt").write_text("Draft\n\nNot for the graph.\n")
    (parts / "p1" / ".cache").mkdir()
    (parts / "p1" / ".cache" / "c.txt").write_text("Cached\n\nNot for the graph either.\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "b.txt").write_text("B title\n\nThe envoy arrived.\n")
    (corpus / "p1").symlink_to(parts / "p1", target_is_directory=True)
    (parts / "p1" / "up").symlink_to(corpus, target_is_directory=True)  # a cycle: corpus/p1/up -> corpus
    items = list(iter_documents([str(corpus)]))
    assert sorted(d.id for d in items if isinstance(d, Document)) == ["a.txt", "b.txt"]
    assert not [i for i in items if isinstance(i, Skipped)]


def test_content_hash_changes_with_text() -> None:
    assert doc_of(ARTICLE).content_hash != doc_of(ARTICLE.replace("Tuesday", "Monday")).content_hash




def test_a_live_blog_entry_time_stands_on_its_own_line() -> None:
    doc = read_text_document("Live: talks in Oslo\n\n18:25 - Mark Holm lands in Oslo and greets a crowd.\n"
                             "19:55 GMT — Peter Lind says the talks went well.\nThe vote was 18:25 - a tie.\n", "t")
    assert isinstance(doc, Document)
    assert doc.text == ("18:25\nMark Holm lands in Oslo and greets a crowd.\n19:55 GMT\nPeter Lind says the talks went "
                        "well.\nThe vote was 18:25 - a tie.")


@pytest.mark.parametrize(("text", "title"), [
    ("Talks end in Oslo\n\nMark Holm met Anne Roux in Oslo on Monday.\n", "Talks end in Oslo"),
    ("Will the truce hold?\n\nMark Holm met Anne Roux in Oslo on Monday.\n", "Will the truce hold?"),
    ("Mark Holm met Anne Roux in Oslo on Monday. Holm said the talks had been useful.\n\nRoux agreed.\n", None),
    ("Mark Holm met Anne Roux in Oslo on Monday.\n\nRoux said the talks had been useful.\n", None),
])
def test_the_first_line_is_a_title_only_when_it_looks_like_one(text: str, title: str | None) -> None:
    d = doc_of(text)
    assert d.title == title
    assert d.text.startswith("Mark Holm met Anne Roux")


def test_a_crawlers_json_record_reads_under_its_own_field_names(tmp_path: Path) -> None:
    record = {"title": "Envoys meet", "maintext": "The envoys met in Lima on Monday.", "date_publish":
              "2023-03-15 10:22:00", "source_domain": "example.org", "url": "https://example.org/a"}
    (tmp_path / "np.jsonl").write_text(json.dumps(record) + "\n" + json.dumps({"maintext": ""}) + "\n")
    items = list(iter_documents([str(tmp_path / "np.jsonl")]))
    doc = items[0]
    assert isinstance(doc, Document)
    assert (doc.text, doc.title, doc.date, doc.source) == ("The envoys met in Lima on Monday.", "Envoys meet",
                                                           "2023-03-15", "example.org")
    assert isinstance(items[1], Skipped)


@pytest.mark.parametrize(("url", "date"), [("https://example.org/world/2023/03/15/envoys-meet", "2023-03-15"),
                                           ("https://example.org/2023-3-5/a", "2023-03-05"),
                                           ("https://example.org/2023/02/30/a", None), ("https://example.org/a/1", None)])
def test_a_story_with_no_date_takes_the_day_its_address_carries(tmp_path: Path, url: str, date: str | None) -> None:
    (tmp_path / "u.jsonl").write_text(json.dumps({"text": "The envoys met in Lima on Monday.", "url": url}) + "\n")
    doc = next(iter(iter_documents([str(tmp_path / "u.jsonl")])))
    assert isinstance(doc, Document) and doc.date == date


@pytest.mark.parametrize(("line", "place"), [
    ("Oslo, 23 June 2025", "Oslo"), ("September 4, 2023, Sochi", "Sochi"), ("Press release, 15 May 2023", None),
    ("Monday, 23 June 2025", None)])
def test_a_header_line_of_a_place_and_a_date_tells_where_the_story_was_filed(line: str, place: str | None) -> None:
    d = doc_of(f"Ministers meet\n\n{line}\n\nThe minister met her counterpart today in the capital.\n")
    assert d.dateline == place and d.date is not None
    assert line not in d.text


def test_an_agency_after_a_dated_dateline_without_brackets() -> None:
    d = doc_of("Headline\n\nRiyadh, March 4, 2025, SPA -- The minister arrived on Friday.\n")
    assert d.dateline == "Riyadh" and d.text.startswith("The minister")


@pytest.mark.parametrize(("line", "place"), [
    ("NEW DELHI: The minister", "New Delhi"), ("ISLAMABAD, March 3 (APP): The minister", "Islamabad"),
    ("BRUSSELS/KYIV, March 3 (Reuters) - The envoy", "Brussels"), ("QUESTION: The minister", None),
    ("NOTE: The minister", None)])
def test_datelines_ended_by_a_colon_or_naming_two_places(line: str, place: str | None) -> None:
    d = doc_of(f"Headline\n\n{line} arrived on Friday.\n")
    assert d.dateline == place
    assert d.text.startswith("The ") == (place is not None)
