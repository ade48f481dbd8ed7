"""QR codes made here with segno (no outside service): SVG for pages and handouts."""

from __future__ import annotations

import io

__all__ = ["qr_svg"]


def qr_svg(text: str, scale: int = 10, title: str = "QR") -> str:
    """An SVG QR code of ``text`` (error correction M, a 2-module quiet zone), titled for screen readers."""
    import segno

    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="svg", scale=scale, border=2, dark="#000000", light="#ffffff",
                                     title=title, xmldecl=False)
    return out.getvalue().decode("utf-8")
