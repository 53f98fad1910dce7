"""`kg viz`: a self-contained offline page, and (where Chromium is installed) a real render."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from kg.export.projection import Options
from kg.export.read import read_store
from kg.export.viz import build_viz, entity_details, vis_network_js
from kg.store import KgStore
from tests.conftest import ROOT, run_kg
from tests.export.conftest import iri

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def graph_json(page: str) -> dict:
    m = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', page, re.S)
    assert m
    return json.loads(m.group(1))


def test_page_is_self_contained_with_the_pyvis_bundle_inlined(tiny_store: KgStore) -> None:
    page = build_viz(tiny_store)
    assert vis_network_js() in page.replace("<\\/script", "</script")
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=|@import", page)
    assert not re.search(r"""(src|href)=["']?https?:""", page)
    data = graph_json(page)
    assert {n["label"] for n in data["nodes"]} >= {"Jean Dupont", "Ravi Kumar", "France"}
    assert "Geneva" not in {n["label"] for n in data["nodes"]}  # a place no edge reaches: dropped in the view
    met = [e for e in data["edges"] if e["label"] == "met with"]
    assert len(met) == 1 and met[0]["value"] == 2 and met[0]["arrows"] == ""
    colors = {n["group"]: n["color"] for n in data["nodes"]}
    assert colors["Person"] != colors["Country"]


def test_viz_drops_isolated_nodes_unless_asked_and_carries_the_dates_the_slider_uses(tiny_store: KgStore) -> None:
    data = graph_json(build_viz(tiny_store, Options.parse(facts="meetings", keep_isolated=False)))
    assert {n["label"] for n in data["nodes"]} == {"Jean Dupont", "Ravi Kumar"}
    (met,) = data["edges"]
    assert (met["attrs"]["first_date"], met["attrs"]["last_date"]) == ("2015-09-07", "2015-09-30")
    assert len(graph_json(build_viz(tiny_store, Options.parse(facts="meetings")))["nodes"]) == 6
    page = build_viz(tiny_store)
    assert 'class="kg-from" type="range"' in page and "window.KgExplorer" in page


def test_details_give_roles_meetings_and_statements_with_evidence(tiny_store: KgStore) -> None:
    details = entity_details(read_store(tiny_store), Options())
    dupont = details[iri(tiny_store, "person:jean dupont")]
    assert [r["text"] for r in dupont["roles"]] == ["Foreign Minister, France"]
    assert len(dupont["meetings"]) == 3 and any("(planned)" in m["text"] for m in dupont["meetings"])
    assert any("in Geneva" in m["text"] and m["dates"] == "2015-09-07" for m in dupont["meetings"])
    (said,) = dupont["statements"]
    assert said["text"] == "[agrees] useful" and said["evidence"] == ['Dupont said the talks were "useful".']
    assert details[iri(tiny_store, "person:ravi kumar")]["spoken about"][0]["text"].startswith("Jean Dupont:")
    assert details[iri(tiny_store, "country:france")]["members"][0]["text"] == "Jean Dupont: Foreign Minister"


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_viz_renders_in_headless_chromium(seeds_store: Path, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    out = tmp_path / "graph.html"
    r = run_kg("viz", "-o", str(out), "--store", str(seeds_store))
    assert r.returncode == 0, r.stderr
    expected = graph_json(out.read_text(encoding="utf-8"))
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 850})
            requests: list[str] = []
            errors: list[str] = []
            page.on("request", lambda req: requests.append(req.url))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(out.as_uri())
            page.wait_for_function("window.kgReady === true", timeout=30_000)
            assert errors == [] and [u for u in requests if not u.startswith("file:")] == []
            positions = page.evaluate("window.kgNetwork.getPositions()")
            assert len(positions) == len(expected["nodes"])
            # Nodes are drawn: the canvas holds pixels of the Person colour.
            person = expected["colors"]["Person"]
            drawn = page.evaluate("""(hex) => {
                const c = document.querySelector('#graph canvas'), ctx = c.getContext('2d');
                const px = ctx.getImageData(0, 0, c.width, c.height).data;
                const [r, g, b] = [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16));
                let n = 0;
                for (let i = 0; i < px.length; i += 4) if (px[i] === r && px[i+1] === g && px[i+2] === b) n++;
                return n; }""", person)
            assert drawn > 200
            assert all(n["attrs"]["degree"] > 0 for n in expected["nodes"])  # isolated nodes dropped by default
            # The date range hides the edges whose facts are outside it, and the nodes left without edges.
            dates = page.evaluate("window.kgExplorer.dates")
            assert dates == sorted(set(dates)) and len(dates) > 2
            late = dates[-2]
            inside = [e for e in expected["edges"] if not e["attrs"]["first_date"] or (
                e["attrs"]["last_date"] >= late and e["attrs"]["first_date"] <= dates[-1])]
            page.fill(".kg-from", str(len(dates) - 2))  # the slider itself, as a user drags it
            page.dispatch_event(".kg-from", "input")
            assert page.inner_text(".kg-range-label") == f"{late} – {dates[-1]}"
            assert page.inner_text("#count").startswith(f"{len(inside)} of {len(expected['edges'])} edges")
            hidden = page.evaluate("window.kgExplorer.edges.get({filter: e => e.hidden}).length")
            assert hidden == len(expected["edges"]) - len(inside) > 0
            page.evaluate("([a, b]) => window.kgExplorer.setRange(a, b)", [dates[0], dates[-1]])
            assert page.evaluate("window.kgExplorer.edges.get({filter: e => e.hidden}).length") == 0
            shot = tmp_path / "viz.png"
            page.screenshot(path=str(shot))
            assert shot.stat().st_size > 20_000
            # Searching and clicking a node shows its roles, meetings and statements with evidence.
            page.fill("#search", "Kerry")
            page.press("#search", "Enter")
            panel = page.inner_text("#panel")
            assert "John Kerry" in panel and "ROLES" in panel.upper() and "Secretary of State" in panel
            obama = next(n["id"] for n in expected["nodes"] if n["label"] == "Barack Obama")
            page.evaluate("window.kgSearch('')")
            # the layout may still be settling on a loaded machine: freeze it so the node stays where it is read
            page.evaluate("window.kgNetwork.stopSimulation()")
            # a point of the node's disc that no neighbour drawn over it covers (nodes may touch in a dense graph)
            xy = page.evaluate("""(id) => { const n = window.kgNetwork, c = n.canvasToDOM(n.getPositions([id])[id]);
                for (const r of [0, 3, 6, 9]) for (const [dx, dy] of [[0, 0], [r, 0], [-r, 0], [0, r], [0, -r]]) {
                    const p = {x: c.x + dx, y: c.y + dy}; if (n.getNodeAt(p) === id) return p; }
                return c; }""", obama)
            box = page.locator("#graph canvas").bounding_box()
            page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])
            panel = page.inner_text("#panel")
            assert panel.startswith("Barack Obama") and "STATEMENTS" in panel.upper()
            if target := os.environ.get("KG_SAVE_VIZ_PNG"):  # regenerate docs/viz.png for the README
                page.fill("#search", "")
                page.evaluate("window.kgSearch(''); window.kgNetwork.fit()")
                page.screenshot(path=str(ROOT / target))
        finally:
            browser.close()
