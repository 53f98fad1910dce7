"""`pip install .` gives the whole product: the wheel carries the saved queries, the ontology, the data
tables, templates and static files, and an installed kg runs every command from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest

from kg import resources
from tests.conftest import ROOT, SEEDS, run_kg
from tests.wheel_smoke import smoke_run

QUERIES = sorted(p.name for p in (ROOT / "queries").glob("*.rq"))
ONTOLOGY = ["diplomacy.ttl", "shapes.ttl"]


def _pyproject() -> dict:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_under_kg_is_in_the_wheel() -> None:
    """pyproject.toml lists the packages (a find cannot map queries/ and ontology/ into kg/), so a new
    folder under kg/ must be listed there too."""
    listed = set(_pyproject()["tool"]["setuptools"]["packages"])
    on_disk = {".".join(d.relative_to(ROOT).parts) for d in (ROOT / "kg").rglob("*")
               if d.is_dir() and d.name != "__pycache__" and any(f.is_file() for f in d.iterdir())}
    assert on_disk | {"kg"} <= listed, f"add to [tool.setuptools] packages: {sorted(on_disk - listed)}"


def test_resources_are_found_in_the_checkout() -> None:
    assert sorted(p.name for p in resources.queries_dir().glob("*.rq")) == QUERIES
    assert all((resources.ontology_dir() / name).is_file() for name in ONTOLOGY)


def test_kg_version_prints_the_installed_version() -> None:
    result = run_kg("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"kg, version {version('kg')}"


def test_validate_names_missing_shapes_in_one_line(seeds_store: Path, tmp_path: Path) -> None:
    result = run_kg("validate", "--store", str(seeds_store), env={"KG_ONTOLOGY": str(tmp_path)})
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: no SHACL shapes at {tmp_path / 'shapes.ttl'}: point KG_ONTOLOGY " \
                                    "at a folder holding shapes.ttl"


# -- the built distributions -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist, and the wheel built from it, by `python -m build` without network."""
    pytest.importorskip("build")
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


@pytest.mark.slow
def test_wheel_holds_queries_ontology_data_templates_and_static(dist: Path) -> None:
    (wheel,) = dist.glob("kg-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = ({f"kg/_queries/{q}" for q in QUERIES} | {f"kg/_ontology/{o}" for o in ONTOLOGY}
                | {f"kg/data/{p.name}" for p in (ROOT / "kg" / "data").glob("*.tsv")}
                | {f"kg/data/words/{p.name}" for p in (ROOT / "kg" / "data" / "words").glob("*.toml")}
                | {f"kg/server/templates/{p.name}" for p in (ROOT / "kg" / "server" / "templates").iterdir()}
                | {f"kg/server/static/{p.name}" for p in (ROOT / "kg" / "server" / "static").iterdir()}
                | {"kg/export/templates/viz.html", "kg/export/templates/explorer.js", "kg/export/templates/explorer.css",
                   "kg/cli.py", "kg/resources.py"})
    assert expected <= names, sorted(expected - names)
    assert all(n.startswith(("kg/", "kg-")) for n in names), sorted(n for n in names if not n.startswith("kg"))
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "Requires-Python: >=3.10" in metadata and "Classifier: " in metadata and "Keywords: " in metadata
    assert "[console_scripts]\nkg = kg.cli:main" in zipfile.ZipFile(wheel).read(
        next(n for n in names if n.endswith(".dist-info/entry_points.txt"))).decode()


@pytest.mark.slow
def test_sdist_holds_what_builds_the_wheel_and_no_tests(dist: Path) -> None:
    (sdist,) = dist.glob("kg-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert {"pyproject.toml", "README.md", "CHANGELOG.md", "kg/cli.py", "ontology/shapes.ttl",
            *(f"queries/{q}" for q in QUERIES)} <= names
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/", "training/", "seeds/"))]


@pytest.mark.slow
def test_installed_wheel_runs_every_command_outside_the_checkout(dist: Path, tmp_path: Path) -> None:
    """The wheel installed with --no-deps into a fresh venv that borrows this environment's dependencies
    (a .pth line: no network), then run from a folder outside the checkout."""
    (wheel,) = dist.glob("kg-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index",
                    str(wheel)], check=True, timeout=300)
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    # A plain path line: the dependencies are importable, the checkout's editable-install hook (a .pth
    # in that folder) is not run, so `kg` can only come from the wheel.
    (site / "zz_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_") and k != "PYTHONPATH"}
    where = subprocess.run([str(python), "-c", "import kg.resources as r; print(r.__file__); print(r.queries_dir())"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout.split()
    assert all(Path(p).is_relative_to(site) for p in where), where

    work = tmp_path / "work"
    work.mkdir()
    done = smoke_run(venv / "bin" / "kg", SEEDS, work)
    assert "kg query people-roles --store " + str(work / "store") + " --format json" in done
    assert {"kg validate --store " + str(work / "store"), "GET /api/queries/people-roles"} <= set(done)
