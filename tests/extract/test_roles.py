"""Roles on short hand-written sentences."""

from __future__ import annotations

from tests.extract.conftest import name


def roles(f) -> set[tuple[str, str, str]]:  # noqa: ANN001
    return {(name(f, r.person), r.role_norm, name(f, r.organization) or name(f, r.relative_to)) for r in f.roles}


def test_title_before_name_with_country(read) -> None:  # noqa: ANN001
    f = read("Indian Foreign Minister Subrahmanyam Jaishankar arrived in Tokyo.")
    assert roles(f) == {("Subrahmanyam Jaishankar", "Foreign Minister", "India")}


def test_unnamed_description_gives_its_possessor_to_the_named_holder(read) -> None:  # noqa: ANN001
    f = read("President Joe Biden's special envoy arrived in Cairo on Monday.\n"
             "Special envoy Amos Hochstein met officials there.")
    assert ("Amos Hochstein", "Special Envoy", "Joe Biden") in roles(f)


def test_two_descriptions_leave_the_role_unattached(read) -> None:  # noqa: ANN001
    f = read("Canada's special envoy and Mexico's special envoy arrived on Monday.\n"
             "Special envoy Amos Hochstein met officials there.")
    assert not any(p == "Amos Hochstein" and o for p, _, o in roles(f))
