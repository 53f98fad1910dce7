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
