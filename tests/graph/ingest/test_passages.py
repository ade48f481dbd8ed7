"""Passages: headings, paragraphs and sentences as raw spans, each under its heading."""

from __future__ import annotations

from graph.ingest.passages import split_passages

TEXT = """Bakgrund

Kommissionen har tagit fram rapporter. Dessa presenteras i korthet.
Arendet
Fardplanen innehaller strategier.

Demokrati och trygghet
I.  Stark civilsamhallets mojligheter att vara en kraft
V.  Rikta tidiga sociala insatser till unga

Malomrade Demokrati och trygghet

Forvaltningen driver projektet Trygga torg.
"""


def test_headings_paragraphs_sentences_and_their_headings():
    found = split_passages(TEXT, str.upper)
    for p in found:
        assert TEXT[p.span.start:p.span.end] == p.span.raw
        assert p.span.restored == p.span.raw.upper()
    headings = [p.span.raw for p in found if p.kind == "heading"]
    assert headings == ["Bakgrund", "Arendet", "Demokrati och trygghet", "Malomrade Demokrati och trygghet"]
    sentences = [(p.span.raw, p.heading) for p in found if p.kind == "sentence"]
    assert ("Kommissionen har tagit fram rapporter.", "BAKGRUND") in sentences
    assert ("Dessa presenteras i korthet.", "BAKGRUND") in sentences
    assert ("Forvaltningen driver projektet Trygga torg.", "MALOMRADE DEMOKRATI OCH TRYGGHET") in sentences
    paragraphs = [p.span.raw for p in found if p.kind == "paragraph"]
    assert "I.  Stark civilsamhallets mojligheter att vara en kraft\nV.  Rikta tidiga sociala insatser till unga" \
        in paragraphs


def test_the_seed_has_its_goal_area_headings(raw_source):
    found = split_passages(raw_source, lambda t: t)
    headings = [p.span.raw for p in found if p.kind == "heading"]
    for head in ("Malomrade Uppvéaxt och utbildning", "Malomrade Arbete och féretagande",
                 "Malomrade Boende och stadsmiljo", "Malomrade Demokrati och trygghet",
                 "Forvaltningens synpunkter och forslag"):
        assert head in headings
    assert all(raw_source[p.span.start:p.span.end] == p.span.raw for p in found)
