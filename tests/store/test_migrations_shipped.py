"""An installation without its schema migrations is refused rather than making a store with no tables."""

from __future__ import annotations

import pytest

from recoupe.errors import ConfigError
from recoupe.store import base


def test_an_installation_without_migrations_is_refused_rather_than_making_an_empty_store(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    class Empty:
        def joinpath(self, name: str) -> Empty:
            return self

        def iterdir(self) -> list[object]:
            return []

    monkeypatch.setattr(base, "files", lambda package: Empty())
    with pytest.raises(ConfigError, match="no schema migration ships with this installation"):
        base.migrations()
