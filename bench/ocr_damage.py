"""The seed's OCR style as a rule: clean Swedish → the text a scan of it gives (for invented replies to test on).

The seed (data/sources/000_bcd631ecaa6cfe08.txt) is a scan that lost every å, ä and ö. The two earlier invented
replies (tests/data/reply-skarholmen.txt, reply-hasselby-vallingby.txt) were damaged by hand in its manner; this
module writes that manner down, and tests/data/reply-rinkeby-kista.txt was made with it
(``python -m bench.ocr_damage tests/data/reply-rinkeby-kista.clean.txt --seed 3 > tests/data/reply-rinkeby-kista.txt``).

Rules, word by word, each choice drawn from ``random.Random(seed)`` in reading order (so one clean text and one
seed give one damaged text):

1. the word "är" is "&r";
2. a word-initial ö or Ö is "6" ("öka" → "6ka", "Öppen" → "6ppen");
3. any other ä is "é" with probability :data:`P_E_FOR_A` (else "a"); Ä is "A";
4. å is "d" with probability :data:`P_D_FOR_AA` (else "a"); Å is "A";
5. any other ö is "é" with probability :data:`P_E_FOR_O` (else "o"); Ö is "O";
6. a lone "I" that begins a sentence or line is "|";
7. paragraphs (blank-line separated) are wrapped at :data:`WIDTH` characters;
8. the roadmap's title block (:data:`MARGIN`, a running page header) is put in once, as its own paragraph,
   before paragraph ``margin_at``.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import textwrap
from pathlib import Path

__all__ = ["MARGIN", "WIDTH", "damage"]

WIDTH = 66
P_E_FOR_A = 0.3
P_D_FOR_AA = 0.15
P_E_FOR_O = 0.05
MARGIN = "Fardplan for ett Stockholm for alla - en\nrapport frdn kommissionen for ett socialt\nhallbart Stockholm"
_WORD = re.compile(r"\w+", re.UNICODE)


def _word(word: str, rng: random.Random) -> str:
    if word == "är":
        return "&r"
    out = []
    for i, ch in enumerate(word):
        if ch in "öÖ" and i == 0:
            out.append("6")
        elif ch == "ä":
            out.append("é" if rng.random() < P_E_FOR_A else "a")
        elif ch == "å":
            out.append("d" if rng.random() < P_D_FOR_AA else "a")
        elif ch == "ö":
            out.append("é" if rng.random() < P_E_FOR_O else "o")
        else:
            out.append({"Ä": "A", "Å": "A", "Ö": "O"}.get(ch, ch))
    return "".join(out)


def damage(clean: str, seed: int = 0, margin_at: int | None = None) -> str:
    """``clean`` as the scan would give it (rules 1–8 of the module doc)."""
    rng = random.Random(seed)
    paragraphs = [p.strip() for p in clean.strip().split("\n\n")]
    out = []
    for index, paragraph in enumerate(paragraphs):
        if margin_at is not None and index == margin_at:
            out.append(MARGIN)
        text = _WORD.sub(lambda m: _word(m.group(0), rng), paragraph)
        text = re.sub(r"(?:(?<=^)|(?<=[.!?] ))I(?= \w)", "|", text)
        lines = [textwrap.fill(line, WIDTH, break_long_words=False, break_on_hyphens=False)
                 for line in text.split("\n")]
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ocr_damage", description=__doc__.splitlines()[0])
    parser.add_argument("clean", type=Path, help="the clean Swedish text (UTF-8)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--margin-at", type=int, default=None, help="the paragraph the title block goes before")
    args = parser.parse_args(argv)
    sys.stdout.write(damage(args.clean.read_text(encoding="utf-8"), args.seed, args.margin_at))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
