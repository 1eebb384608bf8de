"""Stories of several OrangeSum articles, for gold sets on reports no rule has read (conflicts, support links).

OrangeSum articles are single reports; recoupe groups those of one quarter into stories, and the stories of
``MIN_DOCS`` or more articles are listed in a file of tests/gold (``LISTS``: October-December 2019 in
orangesum-stories.jsonl, topics ``O001``...; January-March 2020 in orangesum-stories-second.jsonl, topics
``P001``...; July-September 2019 in orangesum-stories-third.jsonl, topics ``Q001``...; April-June 2019 in
orangesum-stories-fourth.jsonl, topics ``R001``...; January-March 2019 in orangesum-stories-fifth.jsonl, topics
``S001``...; the articles' ids, in the order recoupe lists them). ``clusters``
reads the lists back as RPM2-format clusters (cluster ``C1``), the articles' text taken from ../shared, so that
bench/conflicts.py and bench/support.py score them as they score RPM2's. The grouping is recoupe's, not a human's: a
story may hold an article of another event, which the annotators say (``off_topic`` in the gold).

    python bench/orangesum_stories.py [--shared ../shared] [--list orangesum-stories-second.jsonl] [--force]
    python bench/orangesum_stories.py --list orangesum-stories-second.jsonl --dry-run   # sizes only

The gold sets drawn from a list name its stories (``O001``...): the script refuses to rewrite one (another grouping
would renumber them) unless ``--force`` is given.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Collection, Iterator
from pathlib import Path

from recoupe.config import Settings
from recoupe.eval.summaries import Cluster
from recoupe.pipeline import DEFAULT_STAGES, Pipeline

sys.path.insert(0, str(Path(__file__).parent))
from speed import articles

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
#: each list: the publication dates whose articles are grouped, and its stories' topic letter
LISTS = {
    "orangesum-stories.jsonl": ("2019-10-01", "2019-12-31", "O"),  # 1,834 articles
    "orangesum-stories-second.jsonl": ("2020-01-01", "2020-03-31", "P"),  # 1,840 articles
    "orangesum-stories-third.jsonl": ("2019-07-01", "2019-09-30", "Q"),  # 2,013 articles
    "orangesum-stories-fourth.jsonl": ("2019-04-01", "2019-06-30", "R"),  # 1,982 articles
    "orangesum-stories-fifth.jsonl": ("2019-01-01", "2019-03-31", "S"),  # 1,968 articles
    "orangesum-stories-sixth.jsonl": ("2018-10-01", "2018-12-31", "V"),  # 1,893 articles
    "orangesum-stories-seventh.jsonl": ("2018-07-01", "2018-09-30", "W"),  # 1,929 articles
}
MIN_DOCS = 2


def _path(shared: Path) -> Path:
    """OrangeSum's articles in ../shared."""
    return shared / "data" / "orangesum" / "articles.jsonl.gz"


def clusters(shared: Path, names: Collection[str] = ()) -> Iterator[Cluster]:
    """The stories of these lists (every list that exists when none is named) as clusters of their articles (no
    reference summaries)."""
    listed = [
        json.loads(line)
        for name in names or LISTS
        if (GOLD / name).exists()
        for line in (GOLD / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    wanted = {doc for story in listed for doc in story["ids"]}
    texts = {doc.id: doc for doc in articles(_path(shared)) if doc.id in wanted}
    for story in listed:
        yield Cluster(story["topic"], story["cluster"], tuple(texts[i] for i in story["ids"]), ())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--list", choices=list(LISTS), default=next(iter(LISTS)), help="the list to write")
    parser.add_argument("--force", action="store_true", help="rewrite the list the gold sets are keyed on")
    parser.add_argument("--dry-run", action="store_true", help="print the stories' sizes, write nothing")
    args = parser.parse_args()
    path = GOLD / args.list
    if path.exists() and not (args.force or args.dry_run):
        parser.error(f"{path} exists and gold sets name its stories: --force to rewrite it")
    first, last, letter = LISTS[args.list]
    docs = sorted(
        (d for d in articles(_path(args.shared)) if first <= (d.published or "")[:10] <= last),
        key=lambda d: (d.published or "", d.id),
    )
    corpus = Pipeline(DEFAULT_STAGES, settings=Settings()).run(docs)
    stories = sorted((s for s in corpus.stories if len(s.documents) >= MIN_DOCS), key=lambda s: s.documents[0])
    lines = [
        json.dumps(
            {"topic": f"{letter}{n:03d}", "cluster": "C1", "ids": list(s.documents), "title": s.title},
            ensure_ascii=False,
        )
        for n, s in enumerate(stories, start=1)
    ]
    if not args.dry_run:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sizes = [len(s.documents) for s in stories]
    print(f"{len(docs)} articles, {len(corpus.stories)} stories, {len(stories)} of {MIN_DOCS}+ articles: {sizes}")


if __name__ == "__main__":
    main()
