"""Opening pronouns the article writes as a person's name (``summarize.antecedent``), judged by hand.

``--draw FILE --seed N`` analyses OrangeSum articles in a random order (fixed seed) and writes every sentence whose
opening "Il" or "Elle" recoupe would write as a name, with the sentence before it, until ``SAMPLE`` are found, into
tests/gold/FILE with no verdict; a person then judges each line blind ("right": the pronoun stands for that person;
"wrong": for someone or something else; "unsure": the text does not tell). Without ``--draw`` the judged files are
scored into bench/results/antecedents.md: the share of rewrites that name the right person, for every judged set
as drawn and for the rewrites the current code still makes on it.

    python bench/antecedents.py [--shared ../shared] [--draw FILE --seed N]
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import subprocess
import sys
from pathlib import Path

from recoupe.config import Settings
from recoupe.pipeline import ANALYSIS_STAGES, Pipeline
from recoupe.stages.summarize.antecedent import antecedent, opening_pronoun

sys.path.insert(0, str(Path(__file__).parent))
from speed import articles

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
OUT = ROOT / "bench" / "results" / "antecedents.md"
SAMPLE = 50
#: articles analysed at once
BATCH = 40
#: the judged sets: file, and what it is
SETS = (
    (
        "antecedents-first.jsonl",
        (
            "first score: OrangeSum articles no rule had read, drawn with seed 41, judged blind; then read to leave"
            " out more impersonal forms, stressed pronouns, cut names and a first name of the other gender"
        ),
    ),
    (
        "antecedents-second.jsonl",
        (
            "first score of the rule so amended: OrangeSum articles of neither set, drawn with seed 42, judged blind;"
            " then read: the pronoun must be the subject of a verb of speech or will, a few more impersonal forms"
        ),
    ),
    (
        "antecedents-third.jsonl",
        (
            "first score of the rule restricted to verbs of speech or will: OrangeSum articles of no earlier set, drawn"
            " with seed 43, judged blind; a review then made a verb of will need what is willed, compared whole names"
            " and bounded the impersonal forms (not from its verdicts)"
        ),
    ),
)
VERDICTS = ("right", "wrong", "unsure")


def draw(shared: Path, name: str, seed: int) -> None:
    judged = {str(json.loads(x)["doc"])[2:] for judged_set, _ in SETS if (GOLD / judged_set).exists()
              for x in (GOLD / judged_set).read_text(encoding="utf-8").splitlines() if x.strip()}  # fmt: skip
    pool = [a for a in articles(shared / "data" / "orangesum" / "articles.jsonl.gz") if a.id not in judged]
    order = random.Random(seed).sample(pool, k=len(pool))
    pipeline = Pipeline(ANALYSIS_STAGES, settings=Settings())
    found: list[dict[str, object]] = []
    opening, read = 0, 0
    while len(found) < SAMPLE and read < len(order):
        batch, read = order[read : read + BATCH], read + BATCH
        for doc in pipeline.run(batch).documents:
            for index, sentence in enumerate(doc.sentences):
                if len(found) >= SAMPLE or index == 0 or not opening_pronoun(doc, sentence):
                    continue
                opening += 1
                person = antecedent(doc, sentence)
                if person is not None:
                    before = doc.sentences[index - 1]
                    found.append({"id": len(found) + 1, "doc": f"OS{doc.id}", "before": before.text,
                                  "sentence": sentence.text, "name": person.name, "verdict": None})  # fmt: skip
    with (GOLD / name).open("w", encoding="utf-8") as out:
        out.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in found)
    print(f"{read} articles read: {opening} sentences open on a personal il/elle, {len(found)} rewritten into {name}")


def _version() -> str:
    found = subprocess.run(["git", "describe", "--always", "--dirty"], check=False, cwd=ROOT, capture_output=True,
                           text=True)  # fmt: skip
    return found.stdout.strip() or "unknown"


def _row(label: str, lines: list[dict[str, object]]) -> str:
    counts = {v: sum(x["verdict"] == v for x in lines) for v in VERDICTS}
    decided = counts["right"] + counts["wrong"]
    share = f"{counts['right'] / decided:.2f}" if decided else "-"
    return f"| {label} | {len(lines)} | {counts['right']} | {counts['wrong']} | {counts['unsure']} | {share} |"


def kept(shared: Path, lines: list[dict[str, object]]) -> list[dict[str, object]]:
    """The judged rewrites the current code still makes: the sentence starting where the judged one starts in the
    same article (sentences glued with no space are cut apart since the first sets were drawn), the same name."""
    wanted = {str(x["doc"])[2:] for x in lines}
    raw = [a for a in articles(shared / "data" / "orangesum" / "articles.jsonl.gz") if a.id in wanted]
    docs = {f"OS{d.id}": d for d in Pipeline(ANALYSIS_STAGES, settings=Settings()).run(raw).documents}
    still = []
    for line in lines:
        doc = docs[str(line["doc"])]
        start = doc.text.find(str(line["sentence"]))  # the judged sentence may since have been cut in two
        sentence = next((s for s in doc.sentences if s.span.start == start), None)
        person = antecedent(doc, sentence) if sentence is not None else None
        if person is not None and person.name == line["name"]:
            still.append(line)
    return still


def report(shared: Path) -> None:
    rows = ["| set | rewrites judged | right | wrong | unsure | right / (right + wrong) |", "|---|---|---|---|---|---|"]
    for name, what in SETS:
        lines = [json.loads(x) for x in (GOLD / name).read_text(encoding="utf-8").splitlines() if x.strip()]
        if any(x["verdict"] is None for x in lines):
            continue  # not judged yet
        rows.append(_row(f"{name} ({what})", lines))
        rows.append(_row(f"{name}: the rewrites the current code still makes", kept(shared, lines)))
    OUT.write_text(
        "# Opening pronouns written as names (bench/antecedents.py)\n\n"
        f'{datetime.date.today()}, code {_version()}. Each line: a sentence opening on "Il" or "Elle" that the '
        "article would write with a person's name in the pronoun's place (`summarize.antecedent`), judged by hand "
        "from the sentence and the one before it (how: tests/gold/README.md).\n\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    print("\n".join(rows))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--draw", metavar="FILE", help="draw rewrites into tests/gold/FILE for judging")
    parser.add_argument("--seed", type=int, default=41)
    args = parser.parse_args()
    if args.draw:
        if (GOLD / args.draw).exists():
            parser.error(f"{args.draw} exists: a judged set is never drawn again")
        draw(Path(args.shared), args.draw, args.seed)
    else:
        report(Path(args.shared))


if __name__ == "__main__":
    main()
