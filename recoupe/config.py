"""Settings: every one has a name, a default and help text; validated and frozen."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from typing import Any

from .errors import ConfigError
from .model import FULL_LANGUAGES

__all__ = ["Settings", "describe_settings"]


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class Settings:
    words: int = _setting(100, "target length of each story's article, in words")
    languages: tuple[str, ...] = _setting(
        FULL_LANGUAGES,
        "languages recoupe analyses fully, with their models and word lists (a document in another one: other_languages)",
    )
    other_languages: bool = _setting(
        True,
        "analyse a document in a language outside `languages` with what needs no language model (cleaning, sentences,"
        " embeddings, figures in digits, quotes by their marks, stories), marked as partly analysed; false: refuse it"
        " with E201",
    )
    max_document_bytes: int = _setting(
        5_000_000, "largest single document (a text or HTML file, one JSONL line) accepted"
    )
    max_container_bytes: int = _setting(
        2_000_000_000, "largest JSONL or feed file accepted (read line by line / entry by entry)"
    )
    max_request_bytes: int = _setting(
        5_000_000, "largest request body `recoupe serve` reads (a POST of articles); a bigger one is refused (413)"
    )
    story_threshold: float = _setting(
        0.375, "similarity (0-1) above which two documents are taken to report the same story"
    )
    strict: bool = _setting(False, "stop at the first failure instead of recording it and going on")
    story_window_days: int = _setting(
        30,
        "a stored story is open to a new document only if it began within this many days of the document's"
        " publication date (ingestion date when it has none); in a batch (`recoupe run`) two documents published"
        " further apart are not similar",
    )
    story_regroup: bool = _setting(
        True,
        "after each new document, cluster the stored stories near it again and move documents that now fit"
        " another story (recoupe/tracking/regroup.py)",
    )
    speaker_confidence: float = _setting(
        0.7,  # the threshold bench/speaker_model.py chose (recoupe/data/speaker_model.json); a test keeps them equal
        "a quote's speaker is stated only when the model's confidence that it is right is at least this (0-1);"
        " below it the speaker is unknown and kept as a candidate (recoupe/stages/quotes/confidence.py)",
    )
    batch_documents: int = _setting(
        100,
        "documents analysed together by `recoupe run` and `recoupe ingest`: one task of a Dask worker (--workers,"
        " --scheduler), one step locally; the results depend on it (the sentence encoder's batches), not on where"
        " the batches run",
    )
    check_contracts: bool = _setting(
        False,
        "give each stage only the fields it declares it requires, and fail naming a stage that reads another"
        " (for tests and plug-in authors; slower)",
    )

    def __post_init__(self) -> None:
        if self.words < 10:
            raise ConfigError("words", f"must be at least 10, got {self.words}")
        if not 0.0 < self.story_threshold < 1.0:
            raise ConfigError("story_threshold", f"must be between 0 and 1, got {self.story_threshold}")
        if not 0.0 <= self.speaker_confidence <= 1.0:
            raise ConfigError("speaker_confidence", f"must be between 0 and 1, got {self.speaker_confidence}")
        if self.batch_documents < 1:
            raise ConfigError("batch_documents", f"must be at least 1, got {self.batch_documents}")
        if min(self.max_document_bytes, self.max_container_bytes, self.max_request_bytes) <= 0:
            raise ConfigError("max_document_bytes", "sizes must be positive")
        unknown = set(self.languages) - set(FULL_LANGUAGES)
        if unknown:
            raise ConfigError(
                "languages",
                f"no models for {sorted(unknown)}; valid: {', '.join(FULL_LANGUAGES)} (others: other_languages)",
            )

    def with_env(self, environ: dict[str, str] | None = None) -> Settings:
        """Override from ``RECOUPE_<NAME>`` environment variables."""
        env = os.environ if environ is None else environ
        changes: dict[str, Any] = {}
        for f in fields(self):
            raw = env.get(f"RECOUPE_{f.name.upper()}")
            if raw is not None:
                changes[f.name] = _parse(f.name, raw, getattr(self, f.name))
        return replace(self, **changes)


def _parse(name: str, raw: str, current: Any) -> Any:
    try:
        if isinstance(current, bool):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if isinstance(current, tuple):
            return tuple(part.strip() for part in raw.split(",") if part.strip())
        return type(current)(raw)
    except ValueError as exc:
        raise ConfigError(f"RECOUPE_{name.upper()}", f"cannot read {raw!r}: {exc}") from exc


def describe_settings() -> list[tuple[str, Any, str]]:
    """(name, default, help) for every setting, for docs and ``--help``."""
    return [(f.name, f.default, f.metadata["help"]) for f in fields(Settings)]
