"""The README documents every saved query and every CLI command (Datasette's test_docs habit)."""

from __future__ import annotations

import re

from kg.cli import cli
from kg.queries import Catalogue
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_saved_query_is_in_the_readme() -> None:
    for name in Catalogue(ROOT / "queries").names():
        assert f"`{name}`" in README, f"saved query {name} is not documented in README.md"


def test_every_saved_query_parses_and_projects_its_parameters() -> None:
    for q in Catalogue(ROOT / "queries").all():
        head = q.sparql[q.sparql.upper().index("SELECT"):].split("WHERE")[0] if q.form == "SELECT" else ""
        for p in q.parameters:
            assert p.required or p.default is not None, f"{q.name}: optional {p.name} needs a default"
            if head:
                assert re.search(rf"\?{p.name}\b", head), f"{q.name}: parameter {p.name} must be projected"


def test_every_cli_command_is_in_the_readme() -> None:
    for name in cli.commands:
        assert f"kg {name}" in README, f"command kg {name} is not documented in README.md"


def test_readme_test_command_is_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest -q" in ci and "python -m pytest -q" in README
