"""The HTML report of stories built with the builders: escaping, and citations that link to what they cite."""

from __future__ import annotations

from html.parser import HTMLParser

from recoupe.model import Failure, StoryEntity, SummarySentence
from recoupe.render import render
from recoupe.render.environment import environment
from recoupe.render.view import story_view

from .builders import extract, make_doc, make_report, make_story, quote, span_of

SCRIPT = "<script>alert('x')</script>"


class _Links(HTMLParser):
    """The citations of a page (href and "[n]") and its marked passages (id, source number, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.marks: dict[str, tuple[int, str]] = {}
        self._href: str | None = None
        self._source = 0
        self._mark: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "li" and attr.get("value"):
            self._source = int(attr["value"] or 0)
        elif tag == "a" and (attr.get("href") or "").startswith("#"):
            self._href = (attr["href"] or "")[1:]
        elif tag == "mark":
            self._mark = attr["id"]
            self.marks[attr["id"] or ""] = (self._source, "")

    def handle_endtag(self, tag: str) -> None:
        self._href = None if tag == "a" else self._href
        self._mark = None if tag == "mark" else self._mark

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self.links.append((self._href, data))
        if self._mark is not None:
            number, text = self.marks[self._mark]
            self.marks[self._mark] = (number, text + data)


ECHO = make_doc("Un incendie a touché l'usine. Trois employés sont blessés.", id="a", outlet="L'Écho")
RADIO = make_doc("L'usine a brûlé mercredi. Quatre employés sont blessés, a dit le préfet.", id="b")


def _report(title: str = "Incendie", **fields: object):  # type: ignore[no-untyped-def]
    conflict = SummarySentence(
        "Les chiffres divergent : trois selon [1]; quatre selon [2].",
        (span_of(ECHO, "Trois employés"), span_of(RADIO, "Quatre employés")),
        "conflict",
    )
    summary = (
        extract(ECHO, "Un incendie a touché l'usine.", span_of(RADIO, "L'usine a brûlé mercredi."), sources=2),
        extract(ECHO, "Trois employés sont blessés."),
        conflict,
    )
    quotes = (quote(RADIO, "Quatre employés sont blessés", "e1"),)
    entities = (StoryEntity("e1", "Paul Mercier", "PER", ()),)
    story = make_story(ECHO, RADIO, title=title, summary=summary, quotes=quotes, entities=entities, **fields)
    return make_report([ECHO, RADIO], story)


def test_every_citation_links_to_the_passage_it_cites_in_the_source_of_its_number() -> None:
    report = _report()
    page = _Links()
    page.feed(render(report, "html"))
    cited = [c for s in report.stories[0].summary for c in s.citations + s.support]
    cited += [c for q in report.stories[0].quotes for c in q.sources]
    assert len(page.links) == len(cited) == 6
    for (target, number), span in zip(page.links, cited, strict=True):
        source, text = page.marks[target]  # spans starting at one place share the first one's mark
        assert number == f"[{source}]"
        assert text and span.of(report.document(span.doc).text).startswith(text)


def test_text_from_the_reports_is_escaped() -> None:
    doc = make_doc(f"Le texte {SCRIPT} & la suite.", id="a", title=f"Titre {SCRIPT}", outlet=SCRIPT)
    story = make_story(doc, title=f"Story {SCRIPT}", where=(SCRIPT,), summary=(extract(doc, f"Le texte {SCRIPT}"),))
    failure = Failure(f"{SCRIPT}.txt", "read", "E_READ", f"bad {SCRIPT}")
    page = render(make_report([doc], story, failures=(failure,)), "html")
    assert "alert('x')</script>" not in page
    assert page.count("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;") == 8  # as html.escape writes it
    assert "&amp; la suite." in page


def test_a_claim_only_one_source_makes_is_marked() -> None:
    page = render(_report(), "html")
    assert '<span class="alone" title="only one source says this">Trois employés sont blessés.</span>' in page
    assert "Un incendie a touché l&#x27;usine.<sup>" in page


def test_a_story_renders_on_its_own_with_the_story_macro() -> None:
    report = _report(title="Incendie <à> Vénissieux")
    section = environment().get_template("story.html.j2").module.story(story_view(report, report.stories[0]))  # type: ignore[attr-defined]
    assert section.startswith('<section id="s1"><h2>Incendie &lt;à&gt; Vénissieux</h2>')
    assert section.endswith("</ol></section>")
    assert "<html" not in section


def test_reports_about_another_event_and_failures_are_listed() -> None:
    failure = Failure("vide.txt", "read", "E_EMPTY", "the input is empty")
    page = render(_report(off_topic=("c",)), "html")
    assert '<p class="apart">Given with this story but about another event: c</p>' in page
    page = render(make_report([], failures=(failure,)), "html")
    assert page.endswith(
        '<ul class="failures"><li><code>vide.txt</code> (E_EMPTY): the input is empty</li></ul></body></html>\n'
    )


def test_disagreements_are_listed_apart_from_the_article_under_a_heading_in_the_story_language() -> None:
    """Issue 21: the running text holds no conflict; each one is a line of its own section."""
    page = render(_report(), "html")
    article = page[page.index('<div class="article">') : page.index("</div>", page.index('<div class="article">'))]
    assert "divergent" not in article
    section = page[page.index("<h3>Divergences entre les sources</h3>") :]
    assert section.index('<ul class="disagreements"><li>Les chiffres divergent') < section.index("<h3>Quotes</h3>")
