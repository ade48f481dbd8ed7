"""Text normalisation for matching names: case- and diacritic-insensitive."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lower-case, strip diacritics and collapse white space: ``"Skarpnäcksmodellen"`` → ``"skarpnacksmodellen"``.

    >>> fold("  Socialtjänsten  och ÖVRIGA ")
    'socialtjansten och ovriga'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", stripped).strip()
