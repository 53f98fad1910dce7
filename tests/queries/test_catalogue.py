"""The catalogue reads `queries/*.rq` by name, from a folder given as a path or a string."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.errors import QueryError
from kg.queries import Catalogue

QUERIES = Path(__file__).resolve().parents[2] / "queries"


@pytest.mark.parametrize("as_text", [False, True])
def test_folder_as_path_or_string(tmp_path: Path, as_text: bool) -> None:
    shutil.copy(QUERIES / "timeline.rq", tmp_path)
    shutil.copy(QUERIES / "people-roles.rq", tmp_path)
    catalogue = Catalogue(str(tmp_path) if as_text else tmp_path)
    assert catalogue.names() == ["people-roles", "timeline"]
    assert catalogue.get("timeline").summary


def test_missing_folder_lists_nothing_and_names_the_fix(tmp_path: Path) -> None:
    catalogue = Catalogue(tmp_path / "absent")
    assert catalogue.names() == []
    with pytest.raises(QueryError, match="kg query --list"):
        catalogue.get("timeline")


def test_an_edited_query_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "q.rq"
    path.write_text("#+ summary: first\nASK {}\n")
    catalogue = Catalogue(tmp_path)
    assert catalogue.get("q").summary == "first"
    path.write_text("#+ summary: second, longer\nASK {}\n")  # another size, so seen even on coarse clocks
    assert catalogue.get("q").summary == "second, longer"
    path.unlink()
    with pytest.raises(QueryError, match="no saved query named"):
        catalogue.get("q")


def test_a_folder_named_like_a_query_is_not_one(tmp_path: Path) -> None:
    (tmp_path / "q.rq").mkdir()
    with pytest.raises(QueryError, match="no saved query named"):
        Catalogue(tmp_path).get("q")


def test_a_hidden_query_is_not_listed_but_runs_by_name(tmp_path: Path) -> None:
    (tmp_path / "shown.rq").write_text("#+ summary: listed\nASK {}\n")
    (tmp_path / "page.rq").write_text("#+ summary: for a page\n#+ hidden: true\nASK {}\n")
    catalogue = Catalogue(tmp_path)
    assert catalogue.names() == ["shown"] and [q.name for q in catalogue.all()] == ["shown"]
    assert catalogue.get("page").hidden and not catalogue.get("shown").hidden
    (tmp_path / "bad.rq").write_text("#+ summary: unclear\n#+ hidden: maybe\nASK {}\n")
    with pytest.raises(QueryError, match="bad hidden line"):
        catalogue.get("bad")


def test_the_entity_pages_queries_are_shipped_hidden() -> None:
    from kg.server.page_queries import PAGES

    pages = sorted(p.stem for p in QUERIES.glob("page-*.rq"))
    assert pages and all(PAGES.get(name).hidden for name in pages)
    assert not set(pages) & set(Catalogue(QUERIES).names())
