"""`kg build` on folders of generated junk: never a traceback, a reason for every skipped file,
exit code non-zero only when nothing was processed (or with --strict)."""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

import pytest

from tests.conftest import run_kg

GOOD = ("Talks in Geneva\n\nFrench Foreign Minister Jean Dupont met with Indian Foreign Minister Ravi Kumar "
        "in Geneva on Monday, the ministry said.\n")


def _junk_folder(root: Path, seed: int) -> dict[str, str]:
    """Junk files; returns file name -> the skip reason expected for it (or '' when it must build)."""
    rng = random.Random(seed)
    root.mkdir()
    expect: dict[str, str] = {}

    def put(name: str, data: bytes, reason: str) -> None:
        (root / name).write_bytes(data)
        expect[name] = reason

    put("good.txt", GOOD.encode(), "")
    put("empty.txt", b"", "file is empty")
    put("blank.md", b" \n\t\n  \r\n", "file is empty")
    put("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n" + rng.randbytes(2000), "binary content")
    zbuf = root / "a.zip"
    with zipfile.ZipFile(zbuf, "w") as z:
        z.writestr("x.txt", GOOD)
    put("archive.txt", zbuf.read_bytes(), "binary content")
    zbuf.unlink()
    put("photo.txt", b"\x89PNG\r\n\x1a\n" + rng.randbytes(3000), "binary content")
    put("photo2.md", b"\xff\xd8\xff\xe0" + rng.randbytes(3000), "binary content")
    put("nul.txt", b"Title\n\n" + bytes(rng.randrange(256) for _ in range(500)) + b"\x00", "binary content")
    put("latin1.txt", ("Caf\xe9 talks\n\n" + GOOD).encode("latin-1"), "")
    put("controls.txt", ("Title\n\n" + "".join(chr(rng.randrange(1, 32)) for _ in range(200))).encode(),
        "no text after removing boilerplate")
    put("nosentence.txt", b"Title\n\n\xe2\x80\xa6 \xe2\x80\x94 !!! ??? ...", "")
    put("script.html", b"<html><head><script>while(1){}</script><style>body{}</style></head><body></body></html>",
        "no article text found in the HTML")
    put("lines.jsonl", b'{"id": "j1", "text": "The minister said talks would go on."}\nnot json\n{"title": "x"}\n'
        b'{"id": "j1", "text": "A second document with the same id."}\n[1, 2]\n', "")
    put("dup.txt", b"Another title\n\nThe envoy met reporters.", "")
    (root / "sub").mkdir()
    (root / "sub" / "dup.txt").write_bytes(b"Another title\n\nA different text with the same file name.")
    expect["sub/dup.txt"] = "duplicate document id 'dup.txt'"
    words = [rng.choice(["minister", "met", "Geneva", "\u202e", "said", "\ufeff", "ok"]) for _ in range(40)]
    put("unicode.txt", ("Ünïcödé 标题\n\n" + " ".join(words) + " 😀.").encode(), "")
    return expect


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_junk_folder_builds_with_reasons(tmp_path: Path, seed: int) -> None:
    docs = tmp_path / "docs"
    expect = _junk_folder(docs, seed)
    r = run_kg("build", str(docs), "--store", str(tmp_path / "store"), timeout=240)
    assert "Traceback" not in r.stderr, r.stderr
    assert r.returncode == 0, r.stderr
    for name, reason in expect.items():
        if reason:
            assert f"{docs / name}: {reason}" in r.stderr, (name, r.stderr)
    assert "lines.jsonl:2: not valid JSON" in r.stderr
    assert "lines.jsonl:3: JSON line has no" in r.stderr
    assert "lines.jsonl:4: duplicate document id 'j1'" in r.stderr
    assert "lines.jsonl:5: JSON line has no" in r.stderr
    assert "invalid UTF-8" in r.stderr
    stats = json.loads(run_kg("stats", "--store", str(tmp_path / "store"), "--format", "json").stdout)
    assert stats["documents"] == 6  # good, latin1, nosentence, j1, dup.txt, unicode
    strict = run_kg("build", str(docs), "--store", str(tmp_path / "store"), "--strict", timeout=240)
    assert strict.returncode != 0 and "some inputs were skipped (--strict)" in strict.stderr
    assert "6 unchanged" in strict.stdout


@pytest.mark.slow
def test_only_junk_exits_non_zero_and_huge_texts_are_skipped(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "huge.txt").write_text("Huge\n\n" + ("The minister met the envoy. " * 10) + "\n" + "y" * 10_000_000)
    (docs / "oneline.txt").write_text("Line\n\n" + "word " * 210_000)  # a single line of 1 MB
    (docs / "bin.txt").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 10)
    r = run_kg("build", str(docs), "--store", str(tmp_path / "store"), timeout=240)
    assert "Traceback" not in r.stderr
    assert r.returncode != 0 and "no document could be processed" in r.stderr
    assert "huge.txt: text has 10,000," in r.stderr and "(KG_MAX_CHARS)" in r.stderr
    assert "oneline.txt: text has 1,049,999 characters" in r.stderr
    assert "bin.txt: binary content" in r.stderr


@pytest.mark.slow
def test_strict_and_partial_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_text("")
    args = [str(tmp_path / "good.txt"), str(tmp_path / "empty.txt"), "--store", str(tmp_path / "s")]
    assert run_kg("build", *args).returncode == 0
    r = run_kg("build", *args, "--strict")
    assert r.returncode == 1 and "--strict" in r.stderr


@pytest.mark.slow
def test_long_single_line_is_parsed_in_pieces(tmp_path: Path) -> None:
    meet = "French Foreign Minister Jean Dupont met Indian Foreign Minister Ravi Kumar in Geneva. "
    line = meet + "the talks went on for a long time and ended late. " * 3000 + meet
    (tmp_path / "long.txt").write_text("Long\n\n" + line)  # one 150,174-character line: two pieces
    store = tmp_path / "store"
    r = run_kg("build", str(tmp_path / "long.txt"), "--store", str(store), timeout=240)
    assert r.returncode == 0 and "1 built" in r.stdout, r.stderr
    q = run_kg("query", "SELECT (MAX(?e) AS ?m) WHERE { ?a nif:endIndex ?e }", "--store", str(store), "--format", "csv")
    assert int(q.stdout.split()[-1]) > 150_000  # a mention in the second piece, its offset into the whole text
