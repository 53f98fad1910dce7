"""Readers that turn one input (a file or stdin) into Documents, one per article.

Each reader returns Documents or a Skipped with the reason; none raises for bad content.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from kg.ingest.boilerplate import clean_lines, split_entry_time
from kg.ingest.dates import (
    dateline_date,
    find_publication_date,
    header_place,
    is_date_line,
    parse_date,
    url_date,
)
from kg.ingest.document import Document, Skipped
from kg.ingest.outlets import dateline_source, split_inline_dateline

SUPPORTED = {".txt", ".md", ".markdown", ".text", ".html", ".htm", ".jsonl", ".ndjson"}
MAX_BYTES = 50 * 1024 * 1024
_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"BZh", b"\x7fELF", b"RIFF")
_FRONT_MATTER = re.compile(r"\A---\s*\n(?P<body>.*?)\n---\s*\n", re.S)
META_KEYS = ("id", "title", "date", "source", "url")
#: A dateline opens a story: it is looked for in this many lines after the title.
_DATELINE_LINES = 4


def decode(data: bytes, name: str) -> tuple[str | None, list[str]]:
    """Text of a file's bytes, or None for binary content; invalid UTF-8 is replaced with a warning."""
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:8192]:
        return None, []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), [f"{name}: invalid UTF-8 replaced with U+FFFD"]


# Characters no later stage should see: NUL is dropped, line and page separators become newlines,
# other C0 controls and DEL become spaces (so character offsets stay those of the stored text).
_CONTROLS = {0: None, 0x0B: "\n", 0x0C: "\n", 0x1C: "\n", 0x1D: "\n", 0x1E: "\n", 0x85: "\n", 0x2028: "\n",
             0x2029: "\n", **{c: " " for c in [*range(1, 9), *range(0x0E, 0x1C), 0x1F, 0x7F]}}
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(raw: str) -> str:
    """Text safe for spaCy, IRIs and RDF literals: one newline convention, no controls, no lone surrogates
    (a JSON \\ud800 escape gives one), which cannot be encoded as UTF-8."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS)
    return _SURROGATE.sub("\ufffd", text)


def clean_meta(value: str) -> str:
    """A metadata value on one line, cleaned like the text."""
    return " ".join(clean_text(str(value)).split())


def from_plain_text(raw: str, *, doc_id: str, path: str | None = None, meta: dict[str, str] | None = None,
                    warnings_: tuple[str, ...] = (), title_line: bool = True) -> Document | Skipped:
    """A Document from the text of a .txt/.md article: front matter, title line, metadata, boilerplate.

    With `title_line` False (JSONL records) the text has no title line to take off."""
    given = dict(meta or {})
    if m := _FRONT_MATTER.match(raw):
        for line in m["body"].splitlines():
            key, _, value = line.partition(":")
            if key.strip().lower() in META_KEYS and value.strip():
                given.setdefault(key.strip().lower(), value.strip().strip("\"'"))
        raw = raw[m.end():]
    raw = clean_text(raw)
    given = {k: v for k, v in ((k, clean_meta(v)) for k, v in given.items()) if v}
    doc_id = clean_meta(doc_id) or "document"
    lines = raw.split("\n")
    pub_date, date_lines = find_publication_date(lines)
    dated = {lines[i] for i in date_lines}
    body, found = clean_lines(lines)
    body = [line for line in body if not is_date_line(line) and line not in dated]
    body, source = _take_dateline_source(body)
    if source:
        found.setdefault("source", source)
    title, body = _take_title(body, found) if title_line else (None, body)
    pub_date = pub_date or dateline_date("\n".join(body))
    places, body = zip(*(split_inline_dateline(line) for line in body), strict=True) if body else ((), ())
    dateline = next((p for p in places[:_DATELINE_LINES] if p), None) or next(
        (place for i in sorted(date_lines) if (place := header_place(lines[i]))), None)
    text = "\n".join(split_entry_time(line) for line in body).strip()
    if not text:
        return Skipped(path or doc_id, "no text after removing boilerplate")
    date, warns = given.get("date"), list(warnings_)
    pub_date = pub_date or url_date(given.get("url"))
    iso = _iso(date, path or doc_id, warns) if date else (pub_date.isoformat() if pub_date else None)
    return Document(
        id=given.get("id", doc_id),
        text=text,
        title=given.get("title", title),
        date=iso,
        source=given.get("source", found.get("source")),
        url=given.get("url"),
        dateline=dateline,
        path=path,
        warnings=tuple(warns),
    )


def _iso(value: str, where: str, warns: list[str]) -> str | None:
    d = parse_date(value)
    if d is None:
        warns.append(f"{where}: cannot read date {value!r}; ignored")
    return d.isoformat() if d else None


def _take_dateline_source(lines: list[str]) -> tuple[list[str], str | None]:
    """Remove short agency dateline lines ("IANS Washington") from the head, returning the agency."""
    source = None
    out: list[str] = []
    for i, line in enumerate(lines):
        if i < 8 and (s := dateline_source(line)):
            source = source or s
            continue
        out.append(line)
    return out, source


def looks_like_a_title(line: str) -> bool:
    """A headline: short, one sentence at most, and no full stop at its end ('Talks end in Oslo',
    'Will the truce hold?'); 'X met Y on Monday. X said …' is the lead, not a title."""
    text = line.strip()
    if not text or len(text.split()) > _TITLE_WORDS:
        return False
    if re.search(r"[.!?][\"”’']?\s+[A-Z\"“]", text):
        return False  # two sentences
    return not re.search(r"(?<![A-Z])\.[\"”’']?$", text)  # "… on Monday." (not "… with the U.S.")


#: A headline is at most this many words.
_TITLE_WORDS = 30


def _take_title(lines: list[str], found: dict[str, str]) -> tuple[str | None, list[str]]:
    """The first non-empty line is the title when it looks like one; a masthead line naming an outlet is
    metadata instead."""
    rest = list(lines)
    while rest and not rest[0].strip():
        rest.pop(0)
    if rest and (s := dateline_source(rest[0], masthead=True)):
        found.setdefault("source", s)
        rest.pop(0)
        while rest and not rest[0].strip():
            rest.pop(0)
    if not rest:
        return None, []
    if not looks_like_a_title(rest[0]):
        return None, rest  # a lead sentence is never taken for a title
    title = rest.pop(0).strip()
    # A standfirst (short subtitle without final punctuation) right after the title is kept out too.
    while rest and not rest[0].strip():
        rest.pop(0)
    if rest and len(rest[0].split()) <= 20 and not rest[0].rstrip().endswith((".", '"', "”", ":")) and len(rest) > 1:
        rest.pop(0)
    return title, rest


def from_html(raw: str, *, doc_id: str, path: str | None = None, meta: dict[str, str] | None = None,
              warnings_: tuple[str, ...] = ()) -> Document | Skipped:
    """A Document from an HTML page: main text and metadata through trafilatura."""
    import trafilatura

    result = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, include_tables=False,
                                         favor_precision=True)
    if result is None:
        return Skipped(path or doc_id, "no article text found in the HTML")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    given = {k: v for k, v in (meta or {}).items() if v}
    page_meta = {"title": data.get("title"), "date": data.get("date"), "source": data.get("sitename"),
                 "url": data.get("url")}
    for key, value in page_meta.items():
        if value:
            given.setdefault(key, str(value))
    text = (data.get("text") or "").strip()
    if not text:
        return Skipped(path or doc_id, "no article text found in the HTML")
    # Title is metadata here already; run the plain-text cleaning on the body alone.
    body = f"{given.get('title', '')}\n\n{text}" if given.get("title") else text
    return from_plain_text(body, doc_id=doc_id, path=path, meta=given, warnings_=warnings_)


def from_jsonl_file(path: Path, data: str, meta: dict[str, str] | None = None) -> Iterator[Document | Skipped]:
    """One Document per JSON line with a `text` field (optional id, title, date, source, url)."""
    for n, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Skipped(where, f"not valid JSON ({e.msg})")
            continue
        text = _field(obj, TEXT_FIELDS) if isinstance(obj, dict) else None
        if not isinstance(text, str) or not text.strip():
            yield Skipped(where, "JSON line has no non-empty string field 'text'")
            continue
        line_meta = {k: str(v) for k in META_KEYS if (v := _field(obj, (k, *META_ALIASES.get(k, ())))) not in (None, "")}
        line_meta = {**(meta or {}), **line_meta}
        doc_id = line_meta.pop("id", f"{path.stem}-{n}")
        yield from_plain_text(text, doc_id=doc_id, path=where, meta=line_meta, title_line=False)


#: Where crawlers put an article's text in a JSON record: kg's own `text`, news-please's `maintext`, others'.
TEXT_FIELDS = ("text", "maintext", "body", "content", "article")
#: Other names crawlers give the metadata fields (news-please: `date_publish`, `source_domain`).
META_ALIASES = {"date": ("date_publish", "published", "publish_date", "published_at", "pub_date", "datePublished",
                         "date_published", "publication_date"),
                "title": ("headline",), "source": ("source_domain", "sitename", "publisher"), "url": ("link",)}


def _field(obj: dict, names: tuple[str, ...]) -> object:
    """The first of these fields a record has, non-empty."""
    return next((obj[n] for n in names if obj.get(n) not in (None, "")), None)
