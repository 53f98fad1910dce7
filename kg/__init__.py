"""kg: a knowledge-graph builder for diplomacy news.

Documents flow one way: ingest -> nlp -> extract -> rdf -> store -> queries / server / export.
"""

__version__ = "0.1.0"
