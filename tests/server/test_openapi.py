"""`/openapi.json`: a valid OpenAPI document whose defaults are typed and whose media types are the ones served.

The app is called in-process (ASGI) on the seed store, so the description is checked against what
the same app answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from openapi_spec_validator import validate

from kg.config import Settings
from kg.server import ServerState, create_app
from kg.server.negotiate import GRAPHS, RESULTS
from kg.store import KgStore
from tests.server.conftest import in_process_get

JSON_TYPES = {"integer": int, "number": (int, float), "boolean": bool, "string": str}


@pytest.fixture(scope="module")
def get(seeds_store: Path) -> Iterator[Callable[..., httpx.Response]]:
    """GET from the app on the seed store, in-process; one event loop for the module, as a server has."""
    settings = Settings().with_(store=str(seeds_store))
    state = ServerState(KgStore(settings.store, base_iri=settings.base_iri, read_only=True), settings.with_(prepare=False))
    with in_process_get(create_app(state)) as call:
        yield call


@pytest.fixture(scope="module")
def spec(get: Callable[..., httpx.Response]) -> dict:
    r = get("/openapi.json")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    return r.json()


def saved(spec: dict) -> dict[str, dict]:
    prefix = "/api/queries/"
    return {p[len(prefix):]: ops["get"] for p, ops in spec["paths"].items() if p.startswith(prefix)}


def test_openapi_json_is_a_valid_openapi_document(spec: dict) -> None:
    validate(spec)  # raises with the first error
    assert spec["openapi"].startswith("3.")


def test_parameter_defaults_have_their_schemas_type(spec: dict) -> None:
    checked = 0
    for op in saved(spec).values():
        for p in op["parameters"]:
            schema = p["schema"]
            if "default" in schema:
                expected = JSON_TYPES[schema["type"]]
                assert isinstance(schema["default"], expected), (p["name"], schema)
                assert schema["type"] == "boolean" or not isinstance(schema["default"], bool), (p["name"], schema)
                checked += 1
    assert checked >= 5
    params = {p["name"]: p["schema"] for p in saved(spec)["who-met-whom"]["parameters"]}
    assert params["include_planned"] == {"type": "boolean", "default": False}
    params = {p["name"]: p["schema"] for p in saved(spec)["people-roles"]["parameters"]}
    assert params["min_confidence"] == {"type": "number", "default": 0}


def test_each_saved_query_states_the_media_types_its_form_returns(spec: dict) -> None:
    ops = saved(spec)
    assert set(ops["meeting-network"]["responses"]["200"]["content"]) == set(GRAPHS)  # a CONSTRUCT: RDF
    assert "text/turtle" in ops["meeting-network"]["responses"]["200"]["content"]
    assert set(ops["who-met-whom"]["responses"]["200"]["content"]) == set(RESULTS)  # a SELECT: results
    formats = {p["name"]: p["schema"] for p in ops["meeting-network"]["parameters"]}["format"]
    assert "turtle" in formats["enum"] and "csv" not in formats["enum"]
    formats = {p["name"]: p["schema"] for p in ops["who-met-whom"]["parameters"]}["format"]
    assert "csv" in formats["enum"] and "turtle" not in formats["enum"]


def test_the_stated_media_types_are_the_ones_served(get: Callable[..., httpx.Response], spec: dict) -> None:
    for name, op in saved(spec).items():
        if any(p["required"] for p in op["parameters"]):
            continue
        content = op["responses"]["200"]["content"]
        r = get(f"/api/queries/{name}")
        assert r.status_code == 200, (name, r.text[:300])
        served = r.headers["content-type"].split(";")[0]
        assert served == next(iter(content)), (name, served, list(content))  # the first one is the default
        for fmt in {p["name"]: p["schema"] for p in op["parameters"]}["format"]["enum"]:
            r = get(f"/api/queries/{name}", params={"format": fmt})
            assert r.status_code == 200 and r.headers["content-type"].split(";")[0] in content, (name, fmt)
