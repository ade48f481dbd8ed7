"""OCR repair: the rules on tiny lexicons, and the word accuracy on the seed (before and after)."""

from __future__ import annotations

import tomllib

from graph.ingest.repair import RepairLexicon, repair, word_accuracy
from graph.settings import DATA_DIR


def test_lone_bar_is_i_and_e_acute_is_preferred_as_a_diacritic():
    lex = RepairLexicon(["Stärk det systematiska arbetet"], frequencies={"stark": 5.0, "i": 7.0, "budget": 4.0})
    assert repair("| budget 2018", lex) == "I budget 2018"
    assert repair("Stérk det systematiska arbetet", lex) == "Stärk det systematiska arbetet"
    assert repair("en stark budget", lex) == "en stark budget"  # a word as scanned stays


def test_a_lost_letter_and_an_unknown_name():
    lex = RepairLexicon(["Lokala idrottsföreningar"], frequencies={"med": 7.0})
    assert repair("med lokala idrottsfreningar", lex) == "med lokala idrottsföreningar"
    assert repair("projektet Skérholmsdialogen", lex) == "projektet Skärholmsdialogen"
    assert repair("avdelningen fr kultur", lex) == "avdelningen för kultur"


def test_the_raw_text_keeps_its_words(raw_source):
    lex = RepairLexicon()
    assert len(repair(raw_source, lex).split()) == len(raw_source.split())


def test_word_accuracy_on_the_seed(raw_source):
    """Held out: the lexicon is the Swedish word list alone; the truth is the curation's Swedish text."""
    curation = tomllib.loads((DATA_DIR / "curation" / "reply-000.toml").read_text(encoding="utf-8"))
    texts = [entry[key] for section in ("goal_area", "strategy", "node") for entry in curation[section]
             for key in ("sv", "desc_sv") if key in entry]
    texts += [f["reason_sv"] for f in curation["fact"] if "reason_sv" in f]
    result = word_accuracy(raw_source, texts, RepairLexicon())
    assert result["words"] > 200
    assert result["before"] < 0.2 < 0.9 <= result["after"]
