"""SHACL validation of the graph with pyshacl, reported in plain words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.store import GraphStore


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus}: {self.message}" + (f" ({self.path})" if self.path else "")


def validate(store: GraphStore, shapes_path: Path, ontology_path: Path | None = None) -> list[Violation]:
    """Every SHACL violation in the union of the store's graphs."""
    import pyshacl
    import rdflib

    if not shapes_path.is_file():
        raise InputError(f"no SHACL shapes at {shapes_path}: point KG_ONTOLOGY at a folder holding shapes.ttl")
    data = rdflib.Graph()
    data.parse(data=store.export("nt").decode("utf-8"), format="nt")
    shapes = rdflib.Graph().parse(shapes_path, format="turtle")
    ont = rdflib.Graph().parse(ontology_path, format="turtle") if ontology_path and ontology_path.is_file() else None
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ont, inference="none",
                                           allow_warnings=True)
    if conforms:
        return []
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    out = []
    for r in report.subjects(rdflib.RDF.type, sh.ValidationResult):
        focus = report.value(r, sh.focusNode)
        path = report.value(r, sh.resultPath)
        msg = report.value(r, sh.resultMessage)
        out.append(Violation(str(focus), str(path or ""), str(msg or "violates a shape")))
    return sorted(out, key=lambda v: (v.focus, v.path, v.message))
