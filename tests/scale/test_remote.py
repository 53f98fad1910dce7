"""A remote store: kg build / query / export / stats against a real SPARQL server (`oxigraph serve`)."""

from __future__ import annotations

import csv
import http.server
import io
import json
import shutil
import threading
from pathlib import Path

import httpx
import pytest

from kg.build import build
from kg.config import Settings
from kg.queries import Catalogue, run_saved
from kg.stats import store_stats
from kg.store import KgStore
from kg.store.factory import open_store
from kg.store.remote import RemoteStore
from tests.conftest import SEEDS, run_kg
from tests.scale.conftest import free_port


def _ok(*args: str) -> str:
    result = run_kg(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.slow
def test_build_query_export_stats_round_trip(sparql_server: str, seeds_store: Path) -> None:
    out = _ok("build", str(SEEDS), "--store", sparql_server)
    assert "documents: 5 built" in out
    local = KgStore(seeds_store, base_iri=Settings().base_iri, read_only=True)
    remote = open_store(sparql_server, base_iri=Settings().base_iri)
    # The same bytes as the embedded store built from the same documents.
    assert _ok("export", "--format", "nq", "--store", sparql_server).encode() == local.export("nq")
    assert remote.export("turtle", graph="003_6a82afc5f1cd8415.txt") == \
        local.export("turtle", graph="003_6a82afc5f1cd8415.txt")
    assert json.loads(_ok("stats", "--format", "json", "--store", sparql_server)) == store_stats(local)
    # Saved queries with parameters give the same rows.
    args = ["query", "statements-about", "--param", "keyword=groundless attacks", "--format", "csv"]
    rows = list(csv.DictReader(io.StringIO(_ok(*args, "--store", sparql_server))))
    assert rows and any(r["speaker"] == "Hong Lei" for r in rows)
    saved = Catalogue(Settings().queries_dir).get("statements-about")
    expected = list(run_saved(local, saved, {"keyword": "groundless attacks"}).rows())
    assert [r["quote"] for r in rows] == [r["quote"].value if r["quote"] else "" for r in expected]
    # A rebuild of the same documents writes nothing.
    assert "documents: 0 built, 5 unchanged" in _ok("build", str(SEEDS), "--store", sparql_server)


@pytest.mark.parametrize("mode", ["", "?gsp="], ids=["graph-store-protocol", "sparql-update-only"])
def test_changed_document_is_replaced_remotely(sparql_server: str, tmp_path: Path, mode: str) -> None:
    settings = Settings().with_(store=sparql_server + mode)
    doc = tmp_path / "a.txt"
    doc.write_text("Visit\n\nPresident Tomas Berg met Prime Minister Erna Solberg in Oslo on Monday.\n", encoding="utf-8")
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], tmp_path / "b.txt")
    paths = [str(doc), str(tmp_path / "b.txt")]
    assert build(paths, settings).built == 2
    doc.write_text("Visit\n\nPresident Tomas Berg met Chancellor Angela Merkel in Berlin on Monday.\n", encoding="utf-8")
    summary = build(paths, settings)
    assert (summary.built, summary.unchanged) == (1, 1)
    store = open_store(settings.store, base_iri=settings.base_iri)
    assert isinstance(store, RemoteStore)
    assert store.document_ids() == ["a.txt", "b.txt"]
    text = store.export("nt", graph="a.txt").decode()
    assert "Angela Merkel" in text and "Erna Solberg" not in text
    assert "Erna Solberg" not in store.export("nt").decode(), "pruned from the entities graph"
    assert store.remove_document("a.txt") and not store.remove_document("a.txt")
    assert store.document_ids() == ["b.txt"]


def test_unreachable_endpoint_is_a_one_line_error() -> None:
    result = run_kg("stats", "--store", f"http://127.0.0.1:{free_port()}")
    assert result.returncode == 3
    assert result.stderr.startswith("error: cannot reach SPARQL endpoint http://127.0.0.1:")
    assert "Traceback" not in result.stderr


def test_endpoint_layouts_from_url() -> None:
    s = RemoteStore.from_url("http://u:pw@h:3030/ds?profile=fuseki", base_iri="http://x/")
    assert (s.query_url, s.update_url, s.gsp_url) == ("http://h:3030/ds/query", "http://h:3030/ds/update",
                                                      "http://h:3030/ds/data")
    assert s._http.auth is not None
    g = RemoteStore.from_url("http://h:7200/repositories/kg?profile=graphdb", base_iri="http://x/")
    assert (g.query_url, g.update_url, g.gsp_url) == ("http://h:7200/repositories/kg",
                                                      "http://h:7200/repositories/kg/statements",
                                                      "http://h:7200/repositories/kg/rdf-graphs/service")
    q = RemoteStore.from_url("https://q.example/api?profile=qlever", base_iri="http://x/")
    assert (q.query_url, q.update_url, q.gsp_url) == ("https://q.example/api", "https://q.example/api", None)
    o = RemoteStore.from_url("http://h:7878?gsp=", base_iri="http://x/")
    assert (o.query_url, o.update_url, o.gsp_url) == ("http://h:7878/query", "http://h:7878/update", None)


#: Every saved query with parameters that change its answer, and with its defaults.
SAVED_QUERY_CASES = [
    ("people-roles", {}), ("people-roles", {"min_confidence": "0.8"}),
    ("statements", {}), ("meeting-participants", {}),
    ("entity-profile", {"entity": "Xi Jinping"}),
    ("statements-about", {"entity": "China"}), ("statements-about", {"keyword": "cyber"}),
    ("who-met-whom", {}), ("who-met-whom", {"include_planned": "true"}),
    ("timeline", {}), ("timeline", {"since": "2015-09-10", "until": "2015-09-20"}),
    ("organization-members", {}), ("organization-members", {"org": "China"}),
    ("contested-claims", {}), ("contested-claims", {"entity": "China"}),
    ("meeting-network", {}), ("meeting-network", {"include_planned": "true"}),
]


def _answer(store: object, name: str, values: dict[str, str]) -> list[tuple]:
    """Rows (or triples) as sorted tuples of text; lists inside a value (GROUP_CONCAT, unordered) sorted."""
    result = run_saved(store, Catalogue(Settings().queries_dir).get(name), values)  # type: ignore[arg-type]
    rows = [tuple((k, " ".join(sorted(str(v).replace(",", " ").split())) if v else "") for k, v in sorted(r.items()))
            for r in result.rows()]
    return sorted(rows)


def test_saved_queries_answer_the_same_on_a_remote_store(sparql_server: str, seeds_store: Path, tmp_path: Path) -> None:
    """Parameters reach a remote store as VALUES, not substitutions: they must still reach every sub-SELECT."""
    local = KgStore(seeds_store, base_iri=Settings().base_iri, read_only=True)
    loaded = httpx.post(f"{sparql_server}/store", content=local.export("nq"),
                        headers={"Content-Type": "application/n-quads"}, timeout=60)
    assert loaded.status_code in (200, 201, 204), loaded.text
    remote = open_store(sparql_server, base_iri=Settings().base_iri)
    for name, values in SAVED_QUERY_CASES:
        expected = _answer(local, name, values)
        assert expected, (name, values)
        assert _answer(remote, name, values) == expected, (name, values)
    # the parameters change the answers (else the cases above would not test their binding)
    assert _answer(local, "who-met-whom", {}) != _answer(local, "who-met-whom", {"include_planned": "true"})
    assert _answer(local, "timeline", {}) != _answer(local, "timeline", {"since": "2015-09-10", "until": "2015-09-20"})


def test_the_store_token_is_a_setting_sent_as_a_bearer_token(monkeypatch: pytest.MonkeyPatch) -> None:
    def headers(token: str | None) -> httpx.Headers:
        store = open_store("http://h:7878", base_iri="http://x/", token=token)
        assert isinstance(store, RemoteStore)
        return store._http.headers

    monkeypatch.delenv("KG_STORE_TOKEN", raising=False)
    assert Settings().store_token is None and "Authorization" not in headers(Settings().store_token)
    monkeypatch.setenv("KG_STORE_TOKEN", "s3cret")
    settings = Settings()
    assert settings.store_token == "s3cret" and "s3cret" not in repr(settings)
    assert headers(settings.store_token)["Authorization"] == "Bearer s3cret"
    assert "Authorization" not in headers(None)


def test_kg_sends_kg_store_token_to_the_endpoint(tmp_path: Path) -> None:
    """End to end: `kg stats --store URL` with KG_STORE_TOKEN set sends it with its queries."""
    seen: list[str] = []

    class Refuse(http.server.BaseHTTPRequestHandler):
        def _answer(self) -> None:
            seen.append(self.headers.get("Authorization", ""))
            self.send_response(401)
            self.send_header("Content-Length", "9")
            self.end_headers()
            self.wfile.write(b"no entry\n")

        do_GET = do_POST = _answer

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Refuse)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        result = run_kg("stats", "--store", f"http://127.0.0.1:{server.server_address[1]}",
                        env={"KG_STORE_TOKEN": "s3cret"})
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode != 0 and "401" in result.stderr, result.stderr
    assert seen and set(seen) == {"Bearer s3cret"}
