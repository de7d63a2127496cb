"""Load the word lists, patterns and alias tables kept in ``attribution/data``.

Lexicons are data, not code: one entry per line, ``#`` starts a comment.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("attribution.data").joinpath(name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split(" #", 1)[0].strip() if not line.startswith("#") else ""
        if line:
            out.append(line)
    return out


@cache
def load_words(name: str) -> frozenset[str]:
    """A set of lower-cased entries."""
    return frozenset(line.lower() for line in _lines(name))


@cache
def load_patterns(name: str, ignore_case: bool = True) -> tuple[re.Pattern[str], ...]:
    """Regular expressions, one per line (case-insensitive unless told otherwise)."""
    flags = re.IGNORECASE if ignore_case else 0
    return tuple(re.compile(line, flags) for line in _lines(name))


@cache
def load_any(name: str, ignore_case: bool = True) -> re.Pattern[str]:
    """One regex that matches where any line of ``name`` would: one search, not one per line."""
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile("|".join(f"(?:{line})" for line in _lines(name)), flags)


@cache
def load_table(name: str) -> dict[str, str]:
    """A tab-separated ``key<TAB>value`` table; keys are lower-cased."""
    table = {}
    for line in _lines(name):
        key, _, value = line.partition("\t")
        table[key.strip().lower()] = value.strip()
    return table
