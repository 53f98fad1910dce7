"""The HTTP server (`kg serve`): SPARQL 1.1 Protocol, Graph Store Protocol, saved-queries API,
Linked Data pages and a small offline UI over one KgStore opened once per process."""

from kg.server.app import create_app
from kg.server.state import ServerState

__all__ = ["ServerState", "create_app"]
