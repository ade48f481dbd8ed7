"""Strategy notations (``DT.VI``: a goal-area code and a roman numeral): how they sort and how people type them.

As strings ``DT.IX`` sorts before ``DT.V``; :func:`notation_key` sorts by the numeral's value, and every list in
notation order uses it. :func:`normalize_notation` reads the forms planners type (``dt 6``, ``DT6``).
"""

from __future__ import annotations

import re

__all__ = ["ROMAN", "roman_value", "notation_key", "normalize_notation"]

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")  # numerals planners may type
_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_NOTATION = re.compile(r"^\s*([A-Za-zÅÄÖåäö]{2})\s*[.\-\s]?\s*([IVXivx]+|\d{1,2})\s*$")


def roman_value(numeral: str) -> int:
    """``"VI"`` → 6; 0 when ``numeral`` is not a roman numeral.

    >>> roman_value("IX"), roman_value("xii"), roman_value(""), roman_value("6")
    (9, 12, 0, 0)
    """
    values = [_VALUES.get(c, 0) for c in numeral.upper()]
    if not values or 0 in values:
        return 0
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


def notation_key(notation: str) -> tuple[str, int, str]:
    """A sort key for notations: the goal-area code, then the numeral's value (roman or arabic), then the text.

    >>> sorted(["DT.IX", "DT.V", "DT", "AF.II", "DT.X", "DT.IV"], key=notation_key)
    ['AF.II', 'DT', 'DT.IV', 'DT.V', 'DT.IX', 'DT.X']
    """
    code, _, numeral = notation.partition(".")
    return code, int(numeral) if numeral.isdigit() else roman_value(numeral), notation


def normalize_notation(text: str) -> str | None:
    """A strategy notation as the graph writes it, from any form planners type; ``None`` if ``text`` is none.

    >>> [normalize_notation(t) for t in ("DT.VI", "dt vi", "DT 6", "DT6", "DT.6", "uu.4", "DT", "polisen")]
    ['DT.VI', 'DT.VI', 'DT.VI', 'DT.VI', 'DT.VI', 'UU.IV', None, None]
    """
    match = _NOTATION.match(text)
    if not match:
        return None
    code, number = match.group(1).upper(), match.group(2).upper()
    if number.isdigit():
        n = int(number)
        if not 1 <= n <= len(ROMAN):
            return None
        number = ROMAN[n - 1]
    elif number not in ROMAN:
        return None
    return f"{code}.{number}"
