"""Reading a reply: a ``.txt`` file as UTF-8, a ``.pdf`` through pypdf's text layer (no OCR of images).

The text that comes out is the raw text provenance counts into: it is saved as ``data/sources/<slug>.txt`` and
never changed. Bad input is an :class:`~graph.errors.IngestError` naming the file (and the page of a PDF).
"""

from __future__ import annotations

import io
import logging
import unicodedata
from pathlib import Path

from graph.errors import IngestError

__all__ = ["MAX_BYTES", "SUFFIXES", "read_source", "source_from_bytes"]

SUFFIXES = (".txt", ".pdf")
MAX_BYTES = 20 * 1024 * 1024  # the largest reply read (a remiss reply is some pages; 20 MB is a scanned book)


def _text_file(data: bytes, name: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise IngestError(f"{name}:{line}:{column}: not UTF-8 text (byte 0x{data[exc.start]:02x}); save the reply "
                          f"as UTF-8") from None
    if "\x00" in text:
        raise IngestError(f"{name}: a NUL character at offset {text.index(chr(0))}: this is not a text file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _pdf_file(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about odd but readable files
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise IngestError(f"{name}: the PDF is encrypted; save it without a password first")
        pages = list(reader.pages)
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IngestError(f"{name}: not a readable PDF: {exc}") from None
    if not pages:
        raise IngestError(f"{name}: the PDF has no pages")
    texts = []
    for number, page in enumerate(pages, start=1):
        try:
            text = page.extract_text() or ""
        except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds; each is this page's fault
            raise IngestError(f"{name}, page {number}: its text cannot be read: {exc}") from None
        texts.append(unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").strip("\n"))
    if not any(t.strip() for t in texts):
        raise IngestError(f"{name}: the PDF has no text layer on any of its {len(pages)} page(s) (a scan without "
                          f"OCR); run OCR first or give the text as a .txt file")
    return "\n\n".join(texts) + "\n"


def source_from_bytes(data: bytes, name: str) -> str:
    """The raw text of the reply file ``name`` (its suffix decides: ``.txt`` or ``.pdf``) given as ``data``."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise IngestError(f"{name}: a reply is a .txt or a .pdf file, not {suffix or 'a file without a suffix'}")
    if len(data) > MAX_BYTES:
        raise IngestError(f"{name}: {len(data)} bytes; a reply may have at most {MAX_BYTES} bytes")
    text = _pdf_file(data, name) if suffix == ".pdf" else _text_file(data, name)
    if not text.strip():
        raise IngestError(f"{name}: the file has no text")
    return text


def read_source(path: str | Path) -> str:
    """The raw text of the reply file at ``path`` (see :func:`source_from_bytes`)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    return source_from_bytes(data, str(path))
