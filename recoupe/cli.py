"""The command line: ``recoupe run PATH... [--json FILE] [--md FILE] [--html FILE]``.

Each command imports what it runs: ``--help``, ``--version`` and the store's listings start without the analysis
(spaCy, trafilatura, the sentence encoder; bench/startup.py measures it).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Settings, describe_settings
from .errors import ConfigError, RecoupeError, exit_code_for
from .outputs import check_outputs, write_outputs

if TYPE_CHECKING:
    from .report import Report

__all__ = ["main", "version"]

EXIT_OK = 0
#: some inputs failed, the rest was processed: the highest exit code among the failures' classes
OUTPUTS = (("json", "json"), ("md", "markdown"), ("html", "html"))
#: what ``recoupe eval`` imports that only the extra 'eval' installs (pyproject.toml): module -> package
EVAL_EXTRA = {"sumy": "sumy", "rouge_score": "rouge-score", "nltk": "nltk"}


_DB_HELP = "store: a SQLite file path (default recoupe.db in the working directory) or postgresql://user@host/db"


def version() -> str:
    """The installed distribution's version, else (recoupe run from a source tree) ``recoupe.__version__``, which the
    distribution's version is built from (pyproject.toml)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("recoupe")
    except PackageNotFoundError:
        from . import __version__

        return __version__


class _Version(argparse.Action):
    """``--version``: the version is looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> None:
        print(f"recoupe {version()}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="recoupe", description="Cross-check news reports into cited story articles.")
    parser.add_argument("--version", action=_Version, help="print the version and exit")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="analyse files and folders of reports", epilog=_settings_help())
    run.add_argument("paths", nargs="+", help="text, HTML, JSONL or RSS/Atom files, or folders of them")
    run.add_argument("--json", metavar="FILE", help="write the JSON report (report.schema.json v1)")
    run.add_argument("--md", metavar="FILE", help="write the Markdown report")
    run.add_argument("--html", metavar="FILE", help="write the self-contained HTML report")
    run.add_argument("--words", type=int, help="length of each article in words (default 100)")
    run.add_argument("--strict", action="store_true", help="stop at the first failure")
    run.add_argument("--quiet", action="store_true", help="print failures only (and no progress bar)")
    _engine_options(run)
    ingest = commands.add_parser("ingest", help="add documents to a store; each joins a story on arrival")
    ingest.add_argument("paths", nargs="+", help="text, HTML, JSONL or RSS/Atom files, or folders of them")
    ingest.add_argument("--db", help=_DB_HELP)
    ingest.add_argument("--quiet", action="store_true", help="print failures only (and no progress bar)")
    _engine_options(ingest)
    stories = commands.add_parser("stories", help="list the stored stories")
    stories.add_argument("--db", help=_DB_HELP)
    stories.add_argument("--since", help="only stories with news on or after this ISO date")
    stories.add_argument("--json", action="store_true", help="JSON: each story's id and the ids of its documents")
    story = commands.add_parser("story", help="print a stored story's current report")
    story.add_argument("id", help="story id, as `recoupe stories` lists it")
    story.add_argument("--db", help=_DB_HELP)
    story.add_argument(
        "--changes", action="store_true", help="what changed since an earlier version (default: the previous)"
    )
    story.add_argument("--since", type=int, metavar="VERSION", help="with --changes: compare with this version")
    form = story.add_mutually_exclusive_group()
    for flag in ("json", "md", "html"):
        form.add_argument(f"--{flag}", action="store_true", help=f"print the {flag.upper()} report")
    serve = commands.add_parser("serve", help="serve the REST API and the newsroom pages over a store")
    serve.add_argument("--db", help=_DB_HELP)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument(
        "--token-file", metavar="FILE", help="file holding the token writes need (else RECOUPE_TOKEN; none: read-only)"
    )
    evaluate = commands.add_parser("eval", help="measure recoupe against references and peers")
    what = evaluate.add_subparsers(dest="what", required=True)
    summaries = what.add_parser("summaries", help="summarise every cluster of an RPM2-format JSONL file")
    summaries.add_argument(
        "clusters", help="JSONL: {topic, cluster, docs: [{id, text}], summaries: [{annotator, text}]}"
    )
    summaries.add_argument("--words", type=int, default=100, help="summary length in words (default 100)")
    summaries.add_argument("--out", metavar="FILE", help="write {topic, cluster, summary, citations} lines")
    return parser


def _engine_options(command: argparse.ArgumentParser) -> None:
    """Where the per-document stages run (``recoupe.executors``): here by default, or on Dask workers."""
    engine = command.add_mutually_exclusive_group()
    engine.add_argument(
        "--workers", type=int, metavar="N", help="analyse on N Dask worker processes started on this machine"
    )
    engine.add_argument(
        "--scheduler", metavar="URL", help="analyse on the workers of a running Dask cluster (tcp://HOST:PORT)"
    )


def _settings_help() -> str:
    return "settings (environment RECOUPE_<NAME>): " + "; ".join(f"{n} ({d}): {h}" for n, d, h in describe_settings())


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "eval":
        return _eval_summaries(args)
    if args.command == "serve":
        from .web.serve import serve

        return serve(args)
    if args.command in ("ingest", "stories", "story"):
        from .tracking.commands import run_store_command

        return run_store_command(args)
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    from .api import analyze
    from .executors import open_executor
    from .executors.progress import terminal_bar
    from .pipeline import StrictStop

    try:
        settings = Settings().with_env()
        settings = replace(settings, strict=args.strict or settings.strict, words=args.words or settings.words)
        check_outputs((getattr(args, option), fmt) for option, fmt in OUTPUTS)
        bar = terminal_bar(quiet=args.quiet)
        with open_executor(settings, workers=args.workers, scheduler=args.scheduler, bar=bar) as executor:
            report = analyze(args.paths, settings=settings, executor=executor)
    except StrictStop as stop:
        print(f"recoupe: stopped (--strict): {stop}", file=sys.stderr)
        return stop.exit_code
    except RecoupeError as exc:
        print(f"recoupe: {exc}", file=sys.stderr)
        return exc.exit_code
    _print_summary(report, quiet=args.quiet)
    try:
        write_outputs(report, ((getattr(args, option), fmt) for option, fmt in OUTPUTS))
    except RecoupeError as exc:
        print(f"recoupe: {exc}", file=sys.stderr)
        return exc.exit_code
    return _exit_code(report)


def _print_summary(report: Report, *, quiet: bool) -> None:
    for failure in report.failures:
        print(f"recoupe: {failure.message}", file=sys.stderr)
    for warning in report.warnings:
        print(f"recoupe: warning: {warning}", file=sys.stderr)
    if quiet:
        return
    print(f"{len(report.documents)} documents, {len(report.stories)} stories, {len(report.failures)} failures")
    for story in report.stories:
        apart = f" (apart: {', '.join(story.off_topic)})" if story.off_topic else ""
        count = len(story.documents)
        print(
            f"  {story.id} [{count} document{'' if count == 1 else 's'}, {story.when or 'date unknown'}] {story.title}{apart}"
        )


def _exit_code(report: Report) -> int:
    return max((exit_code_for(f.code) for f in report.failures), default=EXIT_OK)


def _eval_summaries(args: argparse.Namespace) -> int:
    try:
        from .eval.summaries import evaluate, render_table
    except ModuleNotFoundError as exc:
        package = EVAL_EXTRA.get((exc.name or "").split(".")[0])
        if package is None:
            raise
        missing = ConfigError("eval", f"needs the package {package} (extra 'eval'): pip install 'recoupe[eval]'")
        print(f"recoupe: {missing}", file=sys.stderr)
        return missing.exit_code
    path = Path(args.clusters)
    if not path.is_file():
        print(f"recoupe: {path}: no such file [E100]", file=sys.stderr)
        return 3
    try:
        table, faithful = evaluate(
            path, words=args.words, settings=Settings(), out=Path(args.out) if args.out else None
        )
    except RecoupeError as exc:
        print(f"recoupe: {exc}", file=sys.stderr)
        return exc.exit_code
    if table.scores:
        clusters = len(next(iter(table.scores.values())))
        print(render_table(table, clusters))
    if faithful:
        print(
            f"faithfulness (content words found in the cited spans): min {min(faithful):.2f}, mean {sum(faithful) / len(faithful):.2f}"
        )
    return EXIT_OK
