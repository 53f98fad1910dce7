"""The README names every saved query and every CLI command (Datasette's test_docs habit); every saved
query parses and projects its parameters; the README's test command is what CI runs.

The full reference (every option, parameter, term and route) is the documentation site's, kept in step
with the code by tests/test_docs_site.py.
"""

from __future__ import annotations

import re

import pytest

from kg.cli import cli
from kg.queries import Catalogue, SavedQuery
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CATALOGUE = Catalogue(ROOT / "queries")


@pytest.mark.parametrize("name", CATALOGUE.names())
def test_every_saved_query_is_in_the_readme(name: str) -> None:
    assert f"`{name}`" in README, f"saved query {name} is not documented in README.md"


@pytest.mark.parametrize("q", CATALOGUE.all(), ids=lambda q: q.name)
def test_every_saved_query_parses_and_projects_its_parameters(q: SavedQuery) -> None:
    head = q.sparql[q.sparql.upper().index("SELECT"):].split("WHERE")[0] if q.form == "SELECT" else ""
    for p in q.parameters:
        assert p.required or p.default is not None, f"{q.name}: optional {p.name} needs a default"
        if head:
            assert re.search(rf"\?{p.name}\b", head), f"{q.name}: parameter {p.name} must be projected"


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_cli_command_is_in_the_readme(name: str) -> None:
    assert f"kg {name}" in README, f"command kg {name} is not documented in README.md"


def test_readme_test_command_is_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest -q" in ci and "python -m pytest -q" in README
