"""Names as the stages compare them: folded spellings, phonetic keys, people named by a title, first names."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib.resources import files

__all__ = ["TITLED", "first_names", "fold", "is_title", "phonetic"]

_TITLES = re.compile(
    r"^(?:m\.|mme|mlle|mr|mrs|ms|dr|me|monsieur|madame|président|presidente?|general|général|herr|frau)\s+",
    re.IGNORECASE,
)
_ARTICLES = re.compile(r"^(?:l['’]|la |le |les |the |der |die |das )", re.IGNORECASE)
_HEADS = re.compile(r"^(?:groupe |organisation |group |organization |organisation )", re.IGNORECASE)
#: people a title names alone, one at a time, that the tagger never takes for names: "le dalaï-lama", "le pape"
#: (not "le pape Benoît XVI", whose name the tagger finds)
TITLED = re.compile(
    r"\b(?:[Ll]e|du|au|[Tt]he|[Dd]er|des|dem|den) (?:14e |XIVe )?(?P<title>[Dd]ala[iï][- ][Ll]ama|[Pp]ape|[Pp]ope|[Pp]apst)\b"
    r"(?!\s+[A-ZÀ-Ý])"
)


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Case, accents, apostrophes, articles, titles and 'groupe'/'organisation' folded away."""
    text = unicodedata.normalize("NFKD", name.replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = " ".join(text.split())
    for pattern in (_ARTICLES, _TITLES, _HEADS):
        text = pattern.sub("", text)
    return text


@lru_cache(maxsize=1 << 16)
def phonetic(name: str) -> str:
    """A spelling key: transliteration and doubling variants meet (daech/daesh, raqqa/raqa)."""
    key = re.sub(r"[\s\-'.]", "", fold(name)).replace("sh", "ch").replace("ou", "u")
    return re.sub(r"(.)\1+", r"\1", key)


def is_title(name: str) -> bool:
    """A person named by a title alone ("le dalaï-lama", "le pape"): a person, but no name that tells two stories
    apart."""
    return TITLED.fullmatch("le " + name) is not None


@cache
def first_names() -> dict[str, str]:
    """Given names whose gender is not in doubt ("Nicolas": "m", "Rachida": "f"), from recoupe/data/first_names.tsv."""
    found: dict[str, str] = {}
    for line in files("recoupe.data").joinpath("first_names.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            gender, names = line.split("\t")
            found.update(dict.fromkeys(names.split(), gender))
    return found
