"""Corpus stage ``publication_year``: complete a header date that gave no year ("le 26/10").

The year is taken from the batch: of the years of the documents whose publication
date is known, the one that puts the day closest to one of those dates.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..config import Settings
from ..model import Corpus, Document
from ..pipeline import stage

__all__ = ["infer_year"]


def infer_year(month_day: tuple[int, int], known: list[date]) -> int | None:
    best: tuple[int, int] | None = None
    for year in {d.year for d in known} | {d.year - 1 for d in known}:
        try:
            candidate = date(year, *month_day)
        except ValueError:
            continue
        distance = min(abs((candidate - d).days) for d in known)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def _known_dates(docs: tuple[Document, ...]) -> list[date]:
    found = []
    for doc in docs:
        if doc.published:
            try:
                found.append(date.fromisoformat(doc.published[:10]))
            except ValueError:
                continue
    return found


@stage(
    "publication_year",
    version="1",
    scope="corpus",
    requires=["published", "published_month_day"],
    assigns=["published"],
)
def make_publication_year(settings: Settings):  # type: ignore[no-untyped-def]
    def publication_year(corpus: Corpus) -> Corpus:
        known = _known_dates(corpus.documents)
        if not known:
            return corpus
        docs = []
        for doc in corpus.documents:
            if doc.published is None and doc.published_month_day:
                year = infer_year(doc.published_month_day, known)
                if year is not None:
                    month, day = doc.published_month_day
                    doc = replace(doc, published=f"{year:04d}-{month:02d}-{day:02d}")
            docs.append(doc)
        return replace(corpus, documents=tuple(docs))

    return publication_year
