"""Restored readings of the OCR'd source: tiny inline lexicons for the rules, the real word list on the seed."""

from __future__ import annotations

import re
import tomllib

from graph.settings import DATA_DIR
from graph.vocab.restore import Lexicon, restore
from graph.vocab.text import fold


def test_confusions_are_undone_when_a_known_word_fits():
    lex = Lexicon(["Svenska Bostäder"], frequencies={"öka": 5.0, "är": 7.0, "på": 7.0, "nämnder": 4.0})
    assert restore("6ka", lex) == "öka"
    assert restore("&r", lex) == "är"
    assert restore("Bostéder pd", lex) == "Bostäder på"
    assert restore("ndmnder", lex) == "nämnder"
    assert restore("Okand xyzzy 2018", lex) == "Okand xyzzy 2018"  # unknown words and numbers stay as scanned


def test_the_word_as_scanned_stays_unless_a_restoration_is_clearly_more_frequent():
    lex = Lexicon(frequencies={"har": 7.0, "här": 6.5, "for": 4.9, "för": 7.1})
    assert restore("Forvaltningen har", Lexicon(["förvaltningen"], frequencies={"har": 7.0, "här": 6.5})) == (
        "Förvaltningen har")
    assert restore("har for", lex) == "har för"


def test_case_is_kept():
    lex = Lexicon(frequencies={"förvaltningen": 5.0, "öka": 5.0})
    assert restore("FORVALTNINGEN Forvaltningen forvaltningen Oka", lex) == (
        "FÖRVALTNINGEN Förvaltningen förvaltningen Öka")


def test_compounds_of_a_known_word_and_a_restorable_one():
    lex = Lexicon(frequencies={"stadsdel": 4.0, "området": 5.0})
    assert restore("stadsdelsomradet", lex) == "stadsdelsområdet"


def test_word_accuracy_on_the_seed_without_the_curation(raw_source):
    """Held out: the lexicon is the Swedish word list alone; the truth is every word with å/ä/ö of the curated
    labels, descriptions and reasons, matched to the raw words of the same skeleton."""
    curation = tomllib.loads((DATA_DIR / "curation" / "reply-000.toml").read_text(encoding="utf-8"))
    texts: list[str] = []

    def walk(value):
        if isinstance(value, dict):
            for key, inner in value.items():
                texts.append(inner) if key in ("sv", "desc_sv", "reason_sv") and isinstance(inner, str) else walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    walk(curation)
    truth = {fold(w): w for t in texts for w in re.findall(r"\w+", t.lower()) if set(w) & set("åäö")}
    raw_words = re.findall(r"[\w&]+", raw_source)
    restored_words = re.findall(r"[\w&]+", restore(raw_source, Lexicon()))
    assert len(raw_words) == len(restored_words)
    judged = [(truth[fold(a.lower())], b.lower()) for a, b in zip(raw_words, restored_words, strict=True)
              if fold(a.lower()) in truth]
    accuracy = sum(t == r for t, r in judged) / len(judged)
    assert len(judged) > 150 and accuracy >= 0.9, accuracy
