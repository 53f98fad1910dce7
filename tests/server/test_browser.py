"""The UI in headless Chromium: open /, run a saved query with a parameter, see the right rows;
takes a screenshot (written to KG_SAVE_UI_PNG when set, e.g. docs/ui.png for the README).
Skipped when Chromium or Playwright is missing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed")]


def test_run_saved_query_in_the_browser(seeds_server: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu",
                                                                    "--disable-background-networking"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 820})
            remote = []
            page.on("request", lambda r: remote.append(r.url) if not r.url.startswith(seeds_server) else None)
            page.goto(seeds_server + "/")
            page.click("button.saved-query[data-name='entity-profile']")
            page.fill("#param-form input[name='entity']", "Xi Jinping")
            page.click("#run")
            page.wait_for_selector("#results tbody tr")
            headers = page.locator("#results th").all_inner_texts()
            assert headers[:3] == ["name", "kind", "fact"]
            first_cells = page.locator("#results tbody tr td:first-child").all_inner_texts()
            assert first_cells and set(first_cells) == {"Xi Jinping"}
            assert "rows" in page.inner_text("#status")
            assert page.locator("#downloads a", has_text="CSV").get_attribute("href").startswith(
                "/api/queries/entity-profile?entity=Xi+Jinping&format=csv")
            shot = page.screenshot(full_page=False)
            assert shot.startswith(b"\x89PNG")
            if target := os.environ.get("KG_SAVE_UI_PNG"):
                Path(target).write_bytes(shot)

            page.goto(seeds_server + "/id/person/xi-jinping")
            page.wait_for_selector("#graph circle")
            assert page.locator("#graph .node").count() > 3
            assert remote == []  # works offline: nothing fetched from anywhere else
        finally:
            browser.close()
