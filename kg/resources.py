"""Where the saved queries (`queries/*.rq`) and the ontology (`ontology/*.ttl`) are read from.

The repository keeps both folders at its top; the wheel carries them inside the package as
`kg/_queries` and `kg/_ontology` (mapped in pyproject.toml). An installed package finds them there, an
editable install or a plain checkout (where `kg/_queries` does not exist) at the top of the checkout.
KG_QUERIES and KG_ONTOLOGY override both (kg.config).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

#: The top of the repository when kg runs from a checkout (or an editable install of one).
CHECKOUT = Path(__file__).resolve().parent.parent


def queries_dir() -> Path:
    """The folder of the saved queries shipped with kg."""
    return _folder("_queries", "queries")


def ontology_dir() -> Path:
    """The folder holding diplomacy.ttl (the ontology) and shapes.ttl (its SHACL shapes)."""
    return _folder("_ontology", "ontology")


def _folder(packaged: str, in_checkout: str) -> Path:
    # A wheel is unpacked into site-packages, so the package's files are a real folder; the catalogue
    # reads (and the server watches) plain files there.
    shipped = resources.files("kg") / packaged
    if isinstance(shipped, Path) and shipped.is_dir():
        return shipped
    return CHECKOUT / in_checkout
