"""XML escaping as libxml2 writes it, for writers that format elements as text.

The corpus reader has already made a space of every character XML cannot hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice
from typing import BinaryIO

_IN_ATTRIBUTE = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\n": "&#10;",
        "\r": "&#13;",
        "\t": "&#9;",
    }
)
_IN_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
# translate() looks every character up in a dict: search first, as most values need nothing.
_ATTRIBUTE_SPECIAL = re.compile('[&<>"\n\r\t]')
_TEXT_SPECIAL = re.compile("[&<>\r]")


def quote(value: str) -> str:
    """``value`` as a double-quoted attribute value."""
    if _ATTRIBUTE_SPECIAL.search(value):
        value = value.translate(_IN_ATTRIBUTE)
    return f'"{value}"'


def text(value: str) -> str:
    """``value`` as element content."""
    return value.translate(_IN_TEXT) if _TEXT_SPECIAL.search(value) else value


def opening(tag: str, attrib: dict[str, str]) -> str:
    """``<tag a="1" b="2"``, to be closed with ``>`` or ``/>``."""
    return f"<{tag}" + "".join(f" {k}={quote(v)}" for k, v in attrib.items())


def write_text(handle: BinaryIO, parts: Iterable[str], per_write: int = 500) -> None:
    """Write ``parts`` to ``handle`` as UTF-8, a few hundred at a time.

    One write per element would cost more than formatting it; the document
    as a whole is never in memory.
    """
    parts = iter(parts)
    while block := "".join(islice(parts, per_write)):
        handle.write(block.encode("utf-8"))
