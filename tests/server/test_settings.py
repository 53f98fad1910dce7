"""The server's token and limits are Settings (kg.config), read from the environment in one place."""

from __future__ import annotations

import pytest

from kg.config import Settings
from kg.errors import InputError
from kg.server.state import ServerState
from kg.store import KgStore


def test_token_and_answer_limit_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_UPDATE_TOKEN", raising=False)
    monkeypatch.delenv("KG_MAX_RESULT_MB", raising=False)
    assert Settings().update_token is None and Settings().max_result_mb == 128
    monkeypatch.setenv("KG_UPDATE_TOKEN", "secret-token")
    monkeypatch.setenv("KG_MAX_RESULT_MB", "3")
    assert (Settings().update_token, Settings().max_result_mb) == ("secret-token", 3)
    assert Settings().with_(update_token="other-token", max_result_mb=None).update_token == "other-token"
    for bad in ("lots", "-1", str((1 << 20) + 1)):
        monkeypatch.setenv("KG_MAX_RESULT_MB", bad)
        with pytest.raises(InputError, match="KG_MAX_RESULT_MB"):
            Settings()


def test_the_server_state_reads_its_limits_from_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_UPDATE_TOKEN", raising=False)
    monkeypatch.delenv("KG_MAX_RESULT_MB", raising=False)
    settings = Settings().with_(timeout=5.0, max_body=4096, max_result_mb=2, cache_mb=1, prepare=False)
    state = ServerState(KgStore(None), settings)
    assert (state.update_token, state.timeout, state.max_body, state.prepare) == (None, 5.0, 4096, False)
    assert state.executor.timeout == 5.0 and state.executor.max_result_bytes == 2 * 1024 * 1024
    assert state.cache.max_bytes == 1024 * 1024
