"""Opening pronouns the article writes as a person's name (``summarize.antecedent``), judged by hand.

``--draw FILE --seed N`` analyses OrangeSum articles in a random order (fixed seed) and writes every sentence whose
opening "Il" or "Elle" recoupe would write as a name, with the sentence before it, until ``SAMPLE`` are found, into
tests/gold/FILE with no verdict; a person then judges each line blind ("right": the pronoun stands for that person;
"wrong": for someone or something else; "unsure": the text does not tell). Without ``--draw`` the judged files are
scored into bench/results/antecedents.md: the share of rewrites that name the right person, and how many sentences
opening on a personal "il" or "elle" the rule rewrote (its coverage).

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
        "first score: OrangeSum articles no rule had read, drawn with seed 41, judged blind",
    ),
)
VERDICTS = ("right", "wrong", "unsure")


def draw(shared: Path, name: str, seed: int) -> None:
    pool = articles(shared / "data" / "orangesum" / "articles.jsonl.gz")
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


def report() -> None:
    rows = ["| set | rewrites judged | right | wrong | unsure | right / (right + wrong) |", "|---|---|---|---|---|---|"]
    for name, what in SETS:
        lines = [json.loads(x) for x in (GOLD / name).read_text(encoding="utf-8").splitlines() if x.strip()]
        counts = {v: sum(x["verdict"] == v for x in lines) for v in VERDICTS}
        decided = counts["right"] + counts["wrong"]
        share = f"{counts['right'] / decided:.2f}" if decided else "-"
        rows.append(f"| {name} ({what}) | {len(lines)} | {counts['right']} | {counts['wrong']} | {counts['unsure']} |"
                    f" {share} |")  # fmt: skip
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
        draw(Path(args.shared), args.draw, args.seed)
    else:
        report()


if __name__ == "__main__":
    main()
