"""The store bench/serve_load.py reads: the seeds and 2,000 OrangeSum articles (a fixed sample), built once.

Ingesting 2,000 articles takes minutes, so the store is kept at ``--db`` (default /tmp/recoupe-serve-bench.db) and
reused while it holds what it should; the load test copies it before writing into it.

    python bench/serve_store.py [--db FILE] [--articles 2000] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from recoupe.config import Settings
from recoupe.ingest import read_paths
from recoupe.model import RawDocument
from recoupe.store import open_store
from recoupe.tracking import ingest_items

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
from speed import articles

#: the sample of OrangeSum articles is drawn with this seed, so every run reads the same store
SAMPLE_SEED = 19
DEFAULT_DB = Path("/tmp/recoupe-serve-bench.db")


def sample(shared: Path, count: int) -> list[RawDocument]:
    every = articles(shared / "data" / "orangesum" / "articles.jsonl.gz")
    chosen = random.Random(SAMPLE_SEED).sample(every, count)
    return sorted(chosen, key=lambda d: (d.published or "", d.id))


def build(db: Path, shared: Path, count: int, *, batch: int = 200) -> None:
    """Ingest the seeds and ``count`` OrangeSum articles into ``db`` (a new file)."""
    store = open_store(str(db))
    settings = Settings()
    try:
        ingest_items(list(read_paths([shared / "seeds"], settings)), store, settings)
        docs = sample(shared, count)
        for first in range(0, len(docs), batch):
            ingest_items(docs[first : first + batch], store, settings)
            print(f"{min(first + batch, len(docs))}/{len(docs)} articles", file=sys.stderr)
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--db", default=str(DEFAULT_DB))
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    db = Path(args.db)
    if db.exists():
        print(f"{db} exists: kept (delete it to build it again)")
        return
    started = time.perf_counter()
    build(db, Path(args.shared), args.articles)
    print(f"built {db} in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
