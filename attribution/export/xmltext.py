"""XML escaping as libxml2 writes it, for writers that format elements as text.

The corpus reader has already made a space of every character XML cannot hold.
"""

from __future__ import annotations

import re

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
