"""The store's commands: ``recoupe ingest``, ``recoupe stories``, ``recoupe story ID``.

Listing the stories and reading a published report need the store alone: the analysis (spaCy, the sentence
encoder) is imported inside the commands that run it, so that these answer in a fraction of a second.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from ..config import Settings
from ..errors import RecoupeError, exit_code_for
from ..store import Store, open_store

if TYPE_CHECKING:
    from .arrival import IngestResult

__all__ = ["run_store_command"]


def run_store_command(args: argparse.Namespace) -> int:
    try:
        store = open_store(args.db, create=args.command == "ingest")
    except RecoupeError as exc:
        print(f"recoupe: {exc}", file=sys.stderr)
        return exc.exit_code
    try:
        return {"ingest": _ingest, "stories": _stories, "story": _story}[args.command](store, args)
    finally:
        store.close()


def _ingest(store: Store, args: argparse.Namespace) -> int:
    from ..executors import open_executor
    from ..executors.progress import terminal_bar
    from .arrival import ingest

    bar = terminal_bar(quiet=args.quiet)
    try:
        settings = Settings().with_env()
        with open_executor(settings, workers=args.workers, scheduler=args.scheduler, bar=bar) as executor:
            result = ingest(args.paths, store, settings, executor=executor, bar=bar)
    except RecoupeError as exc:
        print(f"recoupe: {exc}", file=sys.stderr)
        return exc.exit_code
    for failure in result.failures:
        print(f"recoupe: {failure.message}", file=sys.stderr)
    for warning in result.warnings:
        print(f"recoupe: warning: {warning}", file=sys.stderr)
    if not args.quiet:
        _print_ingested(result)
    return max((exit_code_for(f.code) for f in result.failures), default=0)


def _print_ingested(result: IngestResult) -> None:
    print(
        f"{len(result.added)} added ({len(result.copies)} copies of a stored report), {len(result.versions)} new "
        f"versions, {len(result.duplicates)} already stored, "
        f"{len(result.failures)} failures; stories updated: "
        + (", ".join(f"{s} (v{v})" for s, v in result.published.items()) or "none")
        + (f"; {len(result.moved)} stored documents moved to another story" if result.moved else "")
        + ("; merged: " + ", ".join(f"{s} into {t}" for s, t in result.retired.items()) if result.retired else "")
        + (
            "; not published again yet (changed too little since their last version; brought up to date when"
            " read): " + ", ".join(result.deferred)
            if result.deferred
            else ""
        )
    )


def _stories(store: Store, args: argparse.Namespace) -> int:
    stories = store.stories(args.since)
    if args.json:
        copies = store.all_copies()
        rows = [
            {
                "id": s.id,
                "title": s.title,
                "when": s.last_published,
                "updated": s.updated_at,
                "documents": list(s.documents),
                "copies": copies.get(s.id, {}),
            }
            for s in stories
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for s in stories:
        print(
            f"{s.id}\t{s.last_published or '-'}\t{_count(len(s.documents), 'document')}, {_count(s.outlets, 'outlet')}\tupdated {s.updated_at}\t{s.title}"
        )
    return 0


def _story(store: Store, args: argparse.Namespace) -> int:
    latest = _latest(store, args.id)
    if latest is None:
        known = ", ".join(s.id for s in store.stories()[:20]) or "none"
        print(f"recoupe: story '{args.id}': not in {store.where}; stories: {known} [E001]", file=sys.stderr)
        return 2
    version, report_json = latest
    merged = store.merged_into(args.id)
    if merged:
        print(f"recoupe: story '{args.id}' was merged into '{merged}'; its last version follows", file=sys.stderr)
    if args.changes:
        return _changes(store, args, version, report_json)
    if args.json or not (args.md or args.html):
        print(report_json)
        return 0
    from ..render import render
    from .publishing import analyse_story

    report = analyse_story(store, args.id, Settings().with_env())
    print(render(report, "markdown" if args.md else "html"))
    return 0


def _latest(store: Store, story_id: str) -> tuple[int, str] | None:
    """``publish.current_report``, which publishes a story first if its documents changed since its last version:
    a story whose live documents are those of its last version (or that has none) is read without importing the
    analysis."""
    live, last = store.publication_state(story_id)
    if not live or live == last:
        return store.latest_report(story_id)
    from .publishing import current_report

    return current_report(store, story_id, Settings().with_env())


def _changes(store: Store, args: argparse.Namespace, version: int, report_json: str) -> int:
    since = args.since if args.since is not None else version - 1
    old_json = store.report_version(args.id, since) if since >= 1 else None
    if old_json is None:
        print(
            f"recoupe: story '{args.id}': no version {since} to compare with (versions 1-{version}) [E001]",
            file=sys.stderr,
        )
        return 2
    from .changes import compare, update_summary
    from .publishing import analyse_story

    old, new = json.loads(old_json), json.loads(report_json)
    changes = compare(args.id, (since, old), (version, new))
    report = analyse_story(store, args.id, Settings().with_env())
    said = [s["text"] for s in old["stories"][0]["summary"] if s.get("kind", "extract") == "extract"]
    update = update_summary(list(report.documents), changes.new_documents, said, Settings().with_env())
    if args.json:
        print(json.dumps({**changes.to_dict(), "update_summary": update}, ensure_ascii=False, indent=2))
        return 0
    print(f"# {args.id}: version {since} -> {version}\n")
    print("New documents: " + (", ".join(changes.new_documents) or "none"))
    if changes.removed_documents:
        print("No longer in this story (moved to another): " + ", ".join(changes.removed_documents))
    for figure in changes.revised_figures:
        before, now = figure["before"], figure["now"]
        print(
            f"Revised ({figure['about']}): {before['value']} ({before['published'] or '?'}) -> {now['value']} ({now['published'] or '?'})"
        )
    for conflict in changes.new_conflicts:
        print(
            f"New disagreement ({conflict['kind']}, {conflict['about']}): "
            + "; ".join(c["value"] for c in conflict["claims"])
        )
    print("\nWhat is new:")
    for sentence in update:
        print(f"- {sentence['text']} [{', '.join(c['doc'] for c in sentence['citations'])}]")
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
