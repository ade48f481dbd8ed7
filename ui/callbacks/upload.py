"""The bytes of a file a ``dcc.Upload`` sent (the Data page's spreadsheet and reply uploads)."""

from __future__ import annotations

import base64
import binascii

__all__ = ["upload_bytes"]


def upload_bytes(contents: str) -> bytes:
    """The bytes of a ``dcc.Upload`` ``contents`` string (``data:…;base64,…``); empty when it is not one."""
    try:
        return base64.b64decode(contents.split(",", 1)[1], validate=True)
    except (IndexError, binascii.Error, ValueError):
        return b""
