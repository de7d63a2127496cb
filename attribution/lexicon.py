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
    """One regex that matches where any line of ``name`` would: one search, not one per line.

    Lines that start with ``^`` or ``\\b`` share that anchor: Python's regex
    engine tries every alternative at every position, and one failed anchor
    then rules out the whole group at once (a search over a line of prose
    went four times faster for the boilerplate list).
    """
    groups: dict[str, list[str]] = {"^": [], r"\b": [], "": []}
    for line in _lines(name):
        lead = next((a for a in ("^", r"\b") if line.startswith(a)), "")
        if _has_top_level_bar(line):  # "^a|b": the anchor is a's alone
            lead = ""
        groups[lead].append(line[len(lead) :])
    pattern = "|".join(
        f"{lead}(?:{'|'.join(f'(?:{rest})' for rest in rests)})"
        for lead, rests in groups.items()
        if rests
    )
    return re.compile(pattern, re.IGNORECASE if ignore_case else 0)


def _has_top_level_bar(pattern: str) -> bool:
    """Whether ``pattern`` has a ``|`` outside every group and character class."""
    depth, in_class, escaped = 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return True
    return False


@cache
def load_table(name: str) -> dict[str, str]:
    """A tab-separated ``key<TAB>value`` table; keys are lower-cased."""
    table = {}
    for line in _lines(name):
        key, _, value = line.partition("\t")
        table[key.strip().lower()] = value.strip()
    return table
