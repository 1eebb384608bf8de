"""Do two checkouts of recoupe give the same results? Each runs the whole pipeline, in its own process, on the same
inputs: OrangeSum articles, the seed reports, and RPM2 dev clusters (each set a batch of its own). Compared: every
document as :func:`recoupe.serialize.to_data` writes it, the JSON report, the failures, and the sentence vectors
(bit for bit, else the largest difference). Exits 1 when anything differs.

    python bench/same_results.py --baseline /tmp/wt/speed-base [--articles 200] [--clusters 4]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def _batches(shared: Path, articles: int, clusters: int) -> dict[str, list[Any]]:
    """The input batches as RawDocuments (read in the checkout being run)."""
    from recoupe.config import Settings
    from recoupe.ingest import read_paths
    from recoupe.model import RawDocument

    batches: dict[str, list[Any]] = {"seeds": list(read_paths([shared / "seeds"], Settings()))}
    orangesum = []
    with gzip.open(shared / "data" / "orangesum" / "articles.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line, _ in zip(handle, range(articles), strict=False):
            record = json.loads(line)
            content, title = record["article"], record.get("title")
            orangesum.append(RawDocument(str(record["id"]), f"orangesum:{record['id']}", "text", content, title=title))
    batches["orangesum"] = orangesum
    with (shared / "data" / "rpm2" / "dev.jsonl").open(encoding="utf-8") as handle:
        for line, _ in zip(handle, range(clusters), strict=False):
            record = json.loads(line)
            name = f"rpm2-{record['topic']}-{record['cluster']}"
            batches[name] = [RawDocument(d["id"], f"rpm2:{d['id']}", "text", d["text"]) for d in record["docs"]]
    return batches


def run_one(shared: Path, out: Path, articles: int, clusters: int) -> None:
    """Run this process's recoupe on every batch; write documents, reports and vectors under ``out``."""
    import recoupe
    from recoupe.config import Settings
    from recoupe.pipeline import DEFAULT_STAGES, Pipeline
    from recoupe.render import render
    from recoupe.report import Report
    from recoupe.serialize import to_data

    print(f"running {recoupe.__file__}", flush=True)
    for name, raws in _batches(shared, articles, clusters).items():
        corpus = Pipeline(DEFAULT_STAGES, settings=Settings()).run(raws)
        documents = {d.id: to_data(d) for d in corpus.documents}
        failures = [to_data(f) for f in corpus.failures]
        report = json.loads(render(Report(corpus), "json"))
        (out / f"{name}.json").write_text(json.dumps({"documents": documents, "failures": failures, "report": report}))
        vectors = {d.id: np.asarray(d.vectors) for d in corpus.documents if d.vectors is not None}
        np.savez(out / f"{name}.npz", **vectors)  # type: ignore[arg-type]


def _differences(a: Any, b: Any, path: str = "") -> list[str]:
    """Where two JSON values differ (the first few)."""
    if type(a) is not type(b):
        return [f"{path}: {a!r} != {b!r}"]
    if isinstance(a, dict):
        found = [f"{path}/{k}: only in one" for k in sorted(set(a) ^ set(b))]
        for key in sorted(set(a) & set(b)):
            found += _differences(a[key], b[key], f"{path}/{key}")
        return found
    if isinstance(a, list):
        if len(a) != len(b):
            return [f"{path}: {len(a)} items != {len(b)}"]
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in _differences(x, y, f"{path}[{i}]")]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


def compare(old: Path, new: Path) -> bool:
    same = True
    for path in sorted(old.glob("*.json")):
        a, b = json.loads(path.read_text()), json.loads((new / path.name).read_text())
        found = _differences(a, b)
        va, vb = np.load(old / f"{path.stem}.npz"), np.load(new / f"{path.stem}.npz")
        bitwise = sorted(va.files) == sorted(vb.files) and all(np.array_equal(va[k], vb[k]) for k in va.files)
        largest = max((float(np.max(np.abs(va[k] - vb[k]), initial=0.0)) for k in va.files if k in vb.files), default=0)
        print(
            f"{path.stem}: {len(a['documents'])} documents, {len(a['report']['stories'])} stories; "
            f"documents and report {'identical' if not found else f'DIFFER in {len(found)} places'}; "
            f"vectors {'bit for bit identical' if bitwise else f'differ by at most {largest:.2e}'}"
        )
        for line in found[:10]:
            print("   ", line[:300])
        same = same and not found and bitwise
    return same


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", required=True, help="another checkout of recoupe, e.g. a git worktree of main")
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--clusters", type=int, default=4)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        run_one(Path(args.shared), Path(args.one), args.articles, args.clusters)
        return
    with tempfile.TemporaryDirectory() as tmp:
        outs = {}
        for label, checkout in (("baseline", Path(args.baseline).resolve()), ("current", ROOT)):
            outs[label] = Path(tmp) / label
            outs[label].mkdir()
            env = dict(os.environ, PYTHONPATH=str(checkout), OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
            options = ["--shared", args.shared, "--articles", str(args.articles), "--clusters", str(args.clusters)]
            command = [sys.executable, __file__, "--baseline", "-", "--one", str(outs[label]), *options]
            subprocess.run(command, check=True, env=env, cwd=checkout)
        sys.exit(0 if compare(outs["baseline"], outs["current"]) else 1)


if __name__ == "__main__":
    main()
