"""One registry for stages, readers, renderers and executors; built-ins register like plug-ins.

Third parties add entries through the entry-point groups ``recoupe.stages``,
``recoupe.readers``, ``recoupe.renderers`` and ``recoupe.executors``: each entry point names a module
that registers its components when imported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from importlib.metadata import entry_points
from typing import Generic, Literal, TypeVar

from .errors import ConfigError

__all__ = ["Registry", "StageInfo", "executors", "load_plugins", "readers", "renderers", "stages"]

T = TypeVar("T")
Scope = Literal["document", "corpus"]


@dataclass(frozen=True, slots=True)
class StageInfo:
    """A stage's declared contract: what it needs on its input and what it fills in."""

    name: str
    version: str
    scope: Scope
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


class Registry(Generic[T]):
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}

    def register(self, name: str, item: T) -> T:
        if name in self._items:
            raise ConfigError(name, f"a {self.kind} of that name is already registered")
        self._items[name] = item
        return item

    def get(self, name: str) -> T:
        load_plugins()
        try:
            return self._items[name]
        except KeyError:
            raise ConfigError(
                name, f"no {self.kind} of that name; available: {', '.join(sorted(self._items))}"
            ) from None

    def names(self) -> list[str]:
        load_plugins()
        return sorted(self._items)


stages: Registry[Callable[..., object]] = Registry("stage")
readers: Registry[Callable[..., object]] = Registry("reader")
renderers: Registry[Callable[..., object]] = Registry("renderer")
#: where the per-document stages run: "local" (this process) or "dask" (recoupe.executors)
executors: Registry[Callable[..., object]] = Registry("executor")

_BUILTINS = (
    "recoupe.ingest.readers",
    "recoupe.stages.clean",
    "recoupe.stages.metadata",
    "recoupe.stages.language",
    "recoupe.stages.sentences",
    "recoupe.stages.annotate",
    "recoupe.stages.embed",
    "recoupe.stages.dates",
    "recoupe.stages.pubyear",
    "recoupe.stages.quotes",
    "recoupe.stages.figures",
    "recoupe.stages.stories",
    "recoupe.stages.crosscheck",
    "recoupe.stages.summarize",
    "recoupe.render.json_report",
    "recoupe.render.markdown",
    "recoupe.render.html",
    "recoupe.executors",
)
_loaded = False


def load_plugins() -> None:
    """Import the built-in modules, then every entry point's module, once."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    for module in _BUILTINS:
        import_module(module)
    for group in ("recoupe.stages", "recoupe.readers", "recoupe.renderers", "recoupe.executors"):
        for ep in entry_points(group=group):
            ep.load()
