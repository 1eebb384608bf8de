"""Issue 21: the editor's checklist on the seeds' article and on two RPM2 dev clusters' articles.

Absolute date in the lead (where its report has a publication date), no two sentences stating the same fact, no
sentence opening on a pronoun or connective without its antecedent, no headline or credit line, the disagreements
outside the running text (after it, and under their own heading in the Markdown report).
"""

from __future__ import annotations

import json

import pytest

import recoupe
from recoupe.model import Story, SummarySentence
from recoupe.render import render
from recoupe.report import Report
from recoupe.stages.summarize.checklist import fragment, needs_antecedent
from recoupe.stages.summarize.support import facts, same_fact
from recoupe.stages.summarize.when import relative_days

from .conftest import shared

CLUSTERS = (("T02", "C1"), ("T08", "C1"))


@pytest.fixture(scope="module")
def rpm2_reports(tmp_path_factory: pytest.TempPathFactory) -> list[Report]:
    records = [json.loads(line) for line in shared("data", "rpm2", "dev.jsonl").read_text().splitlines()]
    reports = []
    for record in (r for r in records if (r["topic"], r["cluster"]) in CLUSTERS):
        folder = tmp_path_factory.mktemp(f"{record['topic']}-{record['cluster']}")
        for doc in record["docs"]:
            (folder / f"{doc['id']}.txt").write_text(doc["text"], encoding="utf-8")
        reports.append(recoupe.analyze(folder))
    return reports


def _sentence_of(report: Report, sentence: SummarySentence):  # type: ignore[no-untyped-def]
    span = sentence.citations[0]
    doc = report.document(span.doc)
    return doc, next(s for s in doc.sentences if s.span == span)


def _check(report: Report, story: Story) -> None:
    running = [s for s in story.summary if s.kind != "conflict"]
    assert running and all(s.kind == "conflict" for s in story.summary[len(running) :])  # disagreements last
    lead_doc, lead = _sentence_of(report, running[0])
    if lead_doc.published:
        assert not relative_days(lead_doc, lead) or running[0].added
    stated = [facts(*_sentence_of(report, s)) for s in running]
    for i, a in enumerate(stated):
        assert not any(same_fact(a, b) and same_fact(b, a) for b in stated[i + 1 :]), running[i].text
    for previous, sentence in zip([None, *running], running, strict=False):
        doc, source = _sentence_of(report, sentence)
        assert not fragment(source.text, doc.language or "fr"), sentence.text
        if needs_antecedent(source.text, doc.language or "fr"):
            assert previous is not None and previous.citations[0].doc == doc.id, sentence.text


def _sections(report: Report, story: Story) -> None:
    markdown = render(report, "markdown")
    conflicts = [s for s in story.summary if s.kind == "conflict"]
    if conflicts:
        heading = markdown.index("### Divergences entre les sources")
        assert all(markdown.index(s.text.split("[")[0]) > heading for s in conflicts)


def test_the_seeds_article_passes_the_checklist(seeds_report) -> None:  # type: ignore[no-untyped-def]
    story = next(s for s in seeds_report.stories if "000_453e026e2b9dbb2c" in s.documents)
    _check(seeds_report, story)
    _sections(seeds_report, story)
    assert "mardi 25 octobre 2016" in story.summary[0].text
    assert story.conflicts and not any(s.kind == "conflict" for s in story.summary)  # possible only: calibration


def test_two_rpm2_dev_articles_pass_the_checklist(rpm2_reports: list[Report]) -> None:
    assert len(rpm2_reports) == len(CLUSTERS)
    for report in rpm2_reports:
        for story in report.stories:
            _check(report, story)
            _sections(report, story)
