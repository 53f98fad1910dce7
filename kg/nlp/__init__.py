"""NLP: the spaCy pipeline (model resolution, the project's components, the labels it relies on)."""

from kg.nlp.model import DEFAULT_MODEL, load_pipeline, resolve_model

__all__ = ["DEFAULT_MODEL", "load_pipeline", "resolve_model"]
