"""spaCy registry functions for the adaptation config (`spacy train ... --code training/adapt/functions.py`).

Sourcing components copies their weights and strings but not the base pipeline's tokenizer settings or
its vocab lookups (`lexeme_norm`, which feeds the NORM feature the NER embeds); this callback copies both
so that the adapted NER sees exactly the features the base NER was trained on.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable

import spacy
from spacy.language import Language


@spacy.registry.callbacks("kg_adapt.copy_base.v1")
def copy_base(model: str) -> Callable[[Language], Language]:
    """A `before_init` callback: the base pipeline's tokenizer and vocab lookups into the new pipeline."""

    def before_init(nlp: Language) -> Language:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            base = importlib.import_module(model).load(exclude=["lemmatizer", "ner", "parser", "tagger"])
        nlp.tokenizer.from_bytes(base.tokenizer.to_bytes())
        nlp.vocab.lookups = base.vocab.lookups
        return nlp

    return before_init
