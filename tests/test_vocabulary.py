"""One vocabulary: IRIs are minted and read back only in kg.rdf (and kg.store, which stores them), and
every `dip:` term the code or the saved queries name is declared in ontology/diplomacy.ttl.

A module elsewhere that builds an IRI by hand (the base plus `id/`, a namespace plus a local name, `<...>`
around an IRI) or takes one apart (`rsplit("#")`, finding `/id/`) would drift from the minting scheme
the day it changes; kg.rdf.namespaces has the functions (Minter.parse, kind_of, path_of, dip, term, curie,
dip_local, local_name) and kg.rdf.terms the term model (IRI.nt(), lit()).
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

from kg.rdf.convert import CLASS_OF, STANCE_IRI
from kg.rdf.namespaces import PREFIXES
from tests.conftest import ROOT, declared_dip_terms

KG = ROOT / "kg"
#: Where IRIs are minted, read back and serialized.
OWNERS = ("kg/rdf/", "kg/store/")
_NAMESPACES = "|".join([*(k.upper() for k in PREFIXES), "DCT", "_DIP"])
RULES = {
    "the base joined to a path by hand": re.compile(
        r"\bminter\.base\b|\[len\([\w.]*base\)|startswith\([\w.]*base\b|\bbase(_iri)?\s*\+\s*[\"']"
        r"|\{[\w.]*\.base\}|\{base(_iri)?\}(id|graph)/"),
    "a minted path segment": re.compile(r"[\"'/]id/|graph/(document|entities|state|ontology|staging)"),
    "a local name split off by hand": re.compile(r"split\(\s*[\"']#[\"']|\.find\(\s*[\"']/id/"),
    "a namespace joined to a name by hand": re.compile(
        rf"\b({_NAMESPACES})\s*\+|\{{({_NAMESPACES})\}}|removeprefix\(({_NAMESPACES})\)|startswith\(({_NAMESPACES})\)"),
    "a namespace IRI written out": re.compile("|".join(re.escape(ns) for ns in PREFIXES.values())),
    "an IRI put in angle brackets by hand": re.compile(r"<\{"),
}
#: Modules not moved onto kg.rdf yet, each with why (issue 23 moves them; remove a line once its file is clean).
EXEMPT: dict[str, str] = {}


def _code_lines(path: Path) -> list[tuple[int, str]]:
    """The lines of a module without comments and docstrings (prose may show an IRI's shape)."""
    text = path.read_text(encoding="utf-8")
    docs: set[int] = set()
    for node in ast.walk(ast.parse(text)):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            docs.update(range(body[0].lineno, (body[0].end_lineno or body[0].lineno) + 1))
    lines = text.splitlines()
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type == tokenize.COMMENT:
            row, col = tok.start
            lines[row - 1] = lines[row - 1][:col]
    return [(n, line) for n, line in enumerate(lines, 1) if n not in docs]


def _hand_built(path: Path) -> list[str]:
    return [f"{n}: {why}: {line.strip()}" for n, line in _code_lines(path)
            for why, rule in RULES.items() if rule.search(line)]


def _modules() -> list[str]:
    return sorted(p.relative_to(ROOT).as_posix() for p in KG.rglob("*.py"))


@pytest.mark.parametrize("module", [m for m in _modules() if not m.startswith(OWNERS) and m not in EXEMPT])
def test_no_iri_is_built_or_taken_apart_outside_kg_rdf(module: str) -> None:
    assert not _hand_built(ROOT / module), f"{module} builds or parses IRIs by hand; use kg.rdf"


@pytest.mark.parametrize("module", sorted(EXEMPT))
def test_every_exemption_is_still_needed(module: str) -> None:
    """An exempt module that no longer builds IRIs by hand leaves the list, so the rule holds for it again."""
    if not (ROOT / module).exists():
        pytest.fail(f"{module} is gone: drop it from EXEMPT")
    assert _hand_built(ROOT / module), f"{module} is clean now: drop it from EXEMPT"


def test_the_rules_catch_what_they_are_for(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('"""A docstring may say {base}id/person/x."""\n'
                      'a = f"{store.minter.base}graph/document/"  # a comment may say DIP + "x"\n'
                      'b = iri.rsplit("#", 1)[-1]\n'
                      'c = DIP + "Person"\n'
                      'd = f"<{iri}>"\n'
                      'e = "http://www.w3.org/2004/02/skos/core#prefLabel"\n'
                      'f = base + "id/"\n')
    found = {line.split(": ")[1] for line in _hand_built(sample)}
    assert found == set(RULES)
    assert not any(line.startswith("1:") for line in _hand_built(sample))


# --- every dip: term named in code, saved queries, templates and shapes is declared --------------------

#: `dip:term`, `{DIP}term`, `DIP + "term"`, `dip("term")`.
DIP_NAMED = re.compile(r"\bdip:([A-Za-z_][\w-]*)|\{DIP\}(\w+)|\bDIP\s*\+\s*[\"'](\w+)|\bdip\(\s*[\"'](\w+)[\"']")
#: Named in code on purpose though not in the ontology, each with why.
UNDECLARED = {"prunePending": "the prune mark of stores written by older kg versions, only ever removed"}


def _sources() -> list[Path]:
    files = [*KG.rglob("*.py"), *(ROOT / "queries").rglob("*.rq"), ROOT / "ontology" / "shapes.ttl"]
    files += [p for p in KG.rglob("*") if p.is_file() and p.parent.name == "templates"]
    return sorted(files)


def test_every_dip_term_the_code_names_isdeclared_dip_terms() -> None:
    declared = declared_dip_terms()
    named: dict[str, set[str]] = {}
    for path in _sources():
        for match in DIP_NAMED.finditer(path.read_text(encoding="utf-8")):
            local = next(g for g in match.groups() if g)
            named.setdefault(local, set()).add(path.relative_to(ROOT).as_posix())
    assert len(named) > 30, "the pattern no longer finds the code's dip: terms"
    missing = {t: sorted(where) for t, where in named.items() if t not in declared and t not in UNDECLARED}
    assert not missing, f"dip: terms named but not declared in ontology/diplomacy.ttl: {missing}"
    assert set(UNDECLARED) <= set(named), "an UNDECLARED term is no longer named: drop it"


def test_the_tables_of_classes_and_stances_aredeclared_dip_terms() -> None:
    """kg.rdf.convert names these through tables (dip(CLASS_OF[kind])), which the text search cannot see."""
    assert {*CLASS_OF.values(), *STANCE_IRI.values()} <= declared_dip_terms()
