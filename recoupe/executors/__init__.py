"""Executors: where the per-document stages run.

``local`` (the default) runs them in this process; ``dask`` on the workers of a Dask distributed cluster, started
on this machine (``--workers N``) or running already (``--scheduler tcp://HOST:PORT``). Both are registered in
``recoupe.registry.executors`` like a plug-in's would be (entry-point group ``recoupe.executors``); each factory
takes the settings and the keyword options ``workers``, ``scheduler`` and ``bar``. Nothing here imports Dask: the
``dask`` factory imports it when called. docs/executors.md tells how they work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from ..registry import executors

if TYPE_CHECKING:
    from ..config import Settings
    from .base import Executor
    from .progress import BarFactory

__all__ = ["open_executor"]


def _local(settings: Settings, *, bar: BarFactory | None = None, **_: Any) -> Executor:
    from .local import LocalExecutor

    return LocalExecutor(settings, bar=bar)


def _dask(
    settings: Settings, *, workers: int | None = None, scheduler: str | None = None, bar: BarFactory | None = None
) -> Executor:
    from .dask_engine import DaskExecutor

    return DaskExecutor(settings, workers=workers, scheduler=scheduler, bar=bar)


executors.register("local", _local)
executors.register("dask", _dask)


def open_executor(
    settings: Settings, *, workers: int | None = None, scheduler: str | None = None, bar: BarFactory | None = None
) -> Executor:
    """The ``dask`` executor when ``workers`` or ``scheduler`` is given, else the ``local`` one (to use in ``with``)."""
    name = "dask" if workers is not None or scheduler is not None else "local"
    factory = executors.get(name)
    return cast("Executor", factory(settings, workers=workers, scheduler=scheduler, bar=bar))
