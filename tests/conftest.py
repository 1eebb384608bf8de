"""Tiny builders (STYLE.md: builders over big fixtures) and the one shared, slow seeds run."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

from recoupe.model import Document, Mention, RawDocument, Span
from recoupe.stages.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "usine-lyon"


def make_raw(text: str, *, id: str = "d1", kind: str = "text", **meta: str) -> RawDocument:
    return RawDocument(id=id, source=f"test:{id}", kind=kind, content=text, **meta)  # type: ignore[arg-type]


def make_doc(text: str, *, id: str = "d1", language: str = "fr", **fields: object) -> Document:
    """A document whose clean text is ``text``, split into sentences."""
    doc = Document.from_raw(make_raw(text, id=id))
    doc = replace(doc, text=text, language=language, sentences=split_sentences(id, text, language))
    return replace(doc, **fields)  # type: ignore[arg-type]


def with_mentions(text: str, names: list[tuple[str, str]], *, id: str = "d1", **fields: object) -> Document:
    """A document whose tagger found ``names`` (text, label), each at its first occurrence."""
    mentions = []
    for name, label in names:
        start = text.index(name)
        mentions.append(Mention(Span(id, start, start + len(name)), name, label))  # type: ignore[arg-type]
    return make_doc(text, id=id, mentions=tuple(mentions), **fields)


def bench_module(name: str) -> ModuleType:
    """A script of bench/ loaded as a module, once (the CI floors reuse the benchmarks' scoring); registered before it
    runs, since dataclasses look their module up."""
    known = sys.modules.get(f"bench_{name}")
    if known is not None:
        return known
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared data sits beside the repo as ../shared")
    return path


@pytest.fixture(scope="session")
def seeds_report():  # type: ignore[no-untyped-def]
    import recoupe

    return recoupe.analyze(shared("seeds"))
