"""Rules that recognise boilerplate lines in scraped news text (French, English, German)."""

from __future__ import annotations

import re

__all__ = ["DATE_LINE", "ends_article", "is_boilerplate", "is_date_line"]

_MONTHS = (
    r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"januar|februar|m[äa]rz|juni|juli|oktober|dezember"
)
_WEEKDAYS = (
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
)
#: a line that is only a date, maybe a weekday and a time: "Mercredi 26 Octobre 2016 - 12:54"
DATE_LINE = re.compile(
    rf"^(?:(?:{_WEEKDAYS}),?\s+)?\d{{1,2}}(?:er)?\.?\s+(?:{_MONTHS})\s+\d{{4}}"
    r"(?:\s*(?:[-,à|]|at|um)?\s*\d{1,2}\s*[:hH]\s*\d{2})?\s*$|^\d{1,2}/\d{1,2}/\d{2,4}(?:\s+\d{1,2}[:h]\d{2})?$",
    re.IGNORECASE,
)

_PATTERNS = [
    r"(?:partager|partagez|share|teilen|tweeter|tweet|envoyer|imprimer|print)(?:\s+(?:sur|on|cet article|this))?\s*:?",
    r"-\s*A\s*\+\s*A",
    r"©.{0,120}",
    r".{0,40}(?:photo|crédit|credit|foto|bild)\s*:.{0,120}",
    (
        r"(?:publi[ée]|mis[e]? à jour|dernière mise à jour|modifi[ée]|updated|published|posted|veröffentlicht|"
        r"aktualisiert)\b[^.!?]{0,60}"
    ),
    r"[^.!?]{0,60}\b(?:publi[ée] le|mis à jour le|published on|updated on)\b[^!?]{0,60}",
    r"(?:temps de lecture|lecture|reading time|lesezeit)\b.{0,40}",
    r"(?:\d+\s*)?(?:min(?:ute)?s?\s+(?:de lecture|read|lesezeit))",
    r"\d+(?:[\s.,]\d+)*",
    r"[\W_]*",
    r"(?:la rédaction(?: de)?|par|by|von|avec afp|with afp)\s+[\w .'’-]{0,60}",
    r"(?:→|>>|►)\s*.{0,200}",
    (
        r"(?:à lire aussi|lire aussi|a lire aussi|voir aussi|(?:a|à) \(re\)(?:lire|voir|écouter|ecouter)|read more|"
        r"related|mehr zum thema|lesen sie auch)\b.{0,200}"
    ),
    r"(?:abonnez-vous|newsletter|inscrivez-vous|subscribe|sign up).{0,120}",
    r"(?:publicité|advertisement|anzeige|sponsoris[ée])",
    r"(?:suivez-nous|follow us|folgen sie uns).{0,80}",
]
_BOILER = re.compile(r"^(?:" + "|".join(_PATTERNS) + r")$", re.IGNORECASE)
#: a caption: a sentence ending with a short credit in parentheses "… Auber. (ministère français de la Défense)"
_CAPTION = re.compile(r"^.{10,300}[.!?]\s*\((?:[^()]{2,60})\)$")
_END = re.compile(
    r"^(?:commentaires?|réagissez|vos réactions|comments?|leave a comment|kommentare)\s*(?:\(\d+\))?\s*:?$",
    re.IGNORECASE,
)


def is_boilerplate(line: str) -> bool:
    stripped = line.strip()
    return bool(_BOILER.match(stripped) or _CAPTION.match(stripped) or is_date_line(stripped))


def is_date_line(line: str) -> bool:
    return bool(DATE_LINE.match(line.strip()))


def ends_article(line: str) -> bool:
    """A line after which only comments and site furniture follow."""
    return bool(_END.match(line.strip()))
