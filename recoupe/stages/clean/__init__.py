"""Stage ``clean``: boilerplate out, clean body text in; what was removed is kept."""

from __future__ import annotations

import re
from dataclasses import replace

import lxml.html

from ...config import Settings
from ...errors import NoArticle
from ...model import Document
from ...pipeline import stage
from .boilerplate import ends_article, is_boilerplate
from .fragment import fallback_text
from .glued import unglue

__all__ = ["clean_text", "extract_html", "word_count"]

#: a first line this short, not ending a sentence, is the title of a scraped text
TITLE_MAX_CHARS = 200
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")
#: characters that print as nothing and split words for every later stage: soft hyphens ("mar\u00adtelé"),
#: zero-width spaces, word joiners, byte-order marks left inside the text
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
_MAX_REMOVED_FROM_HTML = 200
#: fewer words than this once cleaned is no article (a page of menus, a caption alone)
MIN_ARTICLE_WORDS = 6
#: scripts written without spaces between words (Chinese, Japanese kana, Korean): each character counts as a word,
#: so that a Chinese report reaches the language stage, which names its language (issue 17), instead of "1 words"
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
#: what an error page, a removed article or a robot check says where an article should be (French, English,
#: German); a short text that opens with it is no article
ERROR_PAGE = re.compile(
    r"\b(?:(?:erreur|error|fehler)\s*404|404\s*(?:-\s*)?(?:not found|page|erreur|error)|page (?:non trouvée|introuvable)"
    r"|la page (?:que vous (?:recherchez|demandez|avez demandée)|demandée) (?:n'existe pas|n’existe pas|est introuvable)"
    r"|cette page n['’]existe (?:pas|plus)|page not found|the page you (?:requested|are looking for) (?:cannot|could not|can't)"
    r" be found|(?:seite|die angeforderte seite) (?:wurde )?nicht gefunden|make sure your browser supports javascript"
    r"|(?:veuillez )?activer (?:le )?javascript|please enable javascript|verify (?:that )?you are (?:a )?human"
    r"|access denied|accès refusé|this article (?:is no longer available|has been removed)"
    r"|cet article n['’]est plus disponible)",
    re.IGNORECASE,
)
#: an error page is short; a long article that quotes one of those words is still an article
ERROR_PAGE_MAX_WORDS = 150


def clean_text(text: str) -> tuple[list[str], list[str]]:
    """Split scraped text into kept lines and removed boilerplate lines."""
    kept: list[str] = []
    removed: list[str] = []
    seen: set[str] = set()
    lines = text.split("\n")
    for number, line in enumerate(lines):
        stripped = unglue(_SPACES.sub(" ", _INVISIBLE.sub("", line)).strip())
        if not stripped:
            continue
        if ends_article(stripped):
            removed.extend(rest for rest in (ln.strip() for ln in lines[number:]) if rest)
            break
        key = stripped.casefold()
        if key in seen or is_boilerplate(stripped):
            removed.append(stripped)
            continue
        seen.add(key)
        kept.append(stripped)
    return kept, removed


def word_count(line: str) -> int:
    return len(_UNSPACED.findall(line)) + len(_UNSPACED.sub(" ", line).split())


def split_title(kept: list[str]) -> tuple[str | None, list[str]]:
    """The first line is a title when it is short and does not end like a sentence."""
    if len(kept) > 1 and len(kept[0]) <= TITLE_MAX_CHARS and not kept[0].endswith((".", "…", '"', "»")):
        return kept[0], kept[1:]
    return None, kept


def extract_html(html: str, where: str) -> tuple[str, dict[str, str | None], list[str]]:
    """Main text, page metadata and the page's other text blocks (removed) of an HTML page."""
    import trafilatura  # only HTML needs it (0.2 s of imports)

    try:
        result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except (ValueError, TypeError) as exc:  # lxml refuses some malformed pages
        raise NoArticle(where, f"the HTML could not be parsed ({exc})") from None
    text = getattr(result, "text", None) or ""
    if not text.strip():
        text = fallback_text(html) or ""
    if not text.strip():
        raise NoArticle(where, "the HTML page has no article text (only navigation, forms or furniture)")
    meta = {
        key: getattr(result, attr, None)
        for key, attr in (("title", "title"), ("outlet", "sitename"), ("published", "date"))
    }
    return text, meta, _other_blocks(html, text)


def _other_blocks(html: str, main: str) -> list[str]:
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    blocks = (_SPACES.sub(" ", t).strip() for t in root.text_content().split("\n"))
    return [b for b in blocks if b and b not in main][:_MAX_REMOVED_FROM_HTML]


@stage("clean", version="4", requires=["raw"], assigns=["text", "removed", "title", "outlet", "published"])
def make_clean(settings: Settings):  # type: ignore[no-untyped-def]
    def clean(doc: Document) -> Document:
        raw = doc.raw
        meta: dict[str, str | None] = {}
        page_removed: list[str] = []
        body = raw.content
        if raw.kind == "html":
            body, meta, page_removed = extract_html(raw.content, doc.source)
        kept, removed = clean_text(body)
        title = doc.title or meta.get("title")
        title = _INVISIBLE.sub("", title) if title else title
        if raw.kind == "text" and title is None:
            title, kept = split_title(kept)
        elif kept and title and kept[0].casefold() == title.casefold():
            removed.insert(0, kept.pop(0))
        words = sum(word_count(line) for line in kept)
        error = ERROR_PAGE.search("\n".join(kept)[:400]) if words <= ERROR_PAGE_MAX_WORDS else None
        if error:
            raise NoArticle(doc.source, f"an error page, not an article ({error.group(0)!r} where the text should be)")
        if words < MIN_ARTICLE_WORDS:
            raise NoArticle(
                doc.source,
                f"no article text: {words} words left once boilerplate is removed (at least {MIN_ARTICLE_WORDS})",
            )
        return replace(
            doc,
            text="\n".join(kept),
            removed=tuple(removed + page_removed),
            title=title,
            outlet=doc.outlet or meta.get("outlet"),
            published=doc.published or meta.get("published"),
        )

    return clean
