"""Reading a reply: UTF-8 text, a real PDF's text layer (written here with reportlab), and clear errors."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from graph.errors import IngestError
from graph.ingest.text import read_source, source_from_bytes


def _pdf(pages: list[list[str]]) -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for lines in pages:
        y = 800
        for line in lines:
            c.drawString(72, y, line)
            y -= 16
        c.showPage()
    c.save()
    return out.getvalue()


def test_text_file_is_utf8_with_line_ends_made_plain(tmp_path):
    path = tmp_path / "svar.txt"
    path.write_bytes("Förvaltningen föreslår\r\natt nämnden överlämnar".encode())
    assert read_source(path) == "Förvaltningen föreslår\natt nämnden överlämnar"


def test_a_pdf_is_read_through_its_text_layer_page_by_page():
    data = _pdf([["Malomrade Demokrati och trygghet", "Förvaltningen driver projektet Trygga torg."],
                 ["Sida två: i samverkan med polisen."]])
    text = source_from_bytes(data, "svar.pdf")
    assert "Förvaltningen driver projektet Trygga torg." in text
    assert text.index("Trygga torg") < text.index("Sida två")
    assert "\n\n" in text  # pages are paragraphs of their own


@pytest.mark.parametrize(("data", "name", "words"), [
    (b"Ok\n\xff\xfe", "svar.txt", "svar.txt:2:1: not UTF-8"),
    (b"", "svar.txt", "svar.txt: the file has no text"),
    (b"%PDF-1.4 not really", "svar.pdf", "svar.pdf: not a readable PDF"),
    (b"text", "svar.docx", "svar.docx: a reply is a .txt or a .pdf file, not .docx"),
])
def test_bad_input_names_the_file(data, name, words):
    with pytest.raises(IngestError) as caught:
        source_from_bytes(data, name)
    assert words in str(caught.value)


def test_a_pdf_without_a_text_layer_says_so():
    with pytest.raises(IngestError, match="no text layer on any of its 2 page"):
        source_from_bytes(_pdf([[], []]), "skannad.pdf")


def test_a_missing_file_names_it(tmp_path):
    with pytest.raises(IngestError, match="saknas.txt: cannot be read"):
        read_source(tmp_path / "saknas.txt")
