"""Find quoted passages in a text, tolerant of the quirks of real articles."""

from __future__ import annotations

import re

Span = tuple[int, int]

OPENERS = {"“": "”", '"': '"', "«": "»"}
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[“\"«])")


def paragraphs(text: str) -> list[Span]:
    """Spans of paragraphs: blocks separated by blank lines (or a line opening a quote)."""
    spans, start = [], 0
    for match in _PARAGRAPH.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def find_quotes(text: str) -> list[Span]:
    """Spans of quoted text, quotation marks excluded.

    A quote left open at the end of a paragraph runs on when the next
    paragraph reopens with a quotation mark (the newspaper convention for
    multi-paragraph quotes); otherwise it ends with its paragraph, so one
    unbalanced mark never swallows the rest of the article.
    """
    # Some papers write quotation marks as two apostrophes (''like this''):
    # read them as one straight mark and a space, which keeps every offset.
    text = text.replace("''", '" ')
    quotes: list[Span] = []
    open_from: int | None = None
    for p_start, p_end in paragraphs(text):
        lead = text[p_start:p_end].lstrip()
        reopens = open_from is not None and lead[:1] in OPENERS
        if open_from is not None and not reopens:
            quotes.append(_trim(text, open_from, _end_before(text, p_start)))
            open_from = None
        parts, open_from = _quotes_in(text, p_start, p_end, open_from)
        quotes.extend(parts)
    if open_from is not None:
        quotes.append(_trim(text, open_from, len(text)))
    return [q for q in quotes if q[1] > q[0]]


def _quotes_in(
    text: str, start: int, end: int, open_from: int | None
) -> tuple[list[Span], int | None]:
    """Quotes closed inside one paragraph, and where a still-open quote began."""
    found: list[Span] = []
    closer = "”" if open_from is not None else None
    i = start
    if open_from is not None:
        # Skip the reopening mark of a continued quote.
        i = start + len(text[start:end]) - len(text[start:end].lstrip()) + 1
    while i < end:
        ch = text[i]
        if (
            closer is not None
            and open_from is not None
            and (ch == closer or (closer == "”" and ch == '"'))
        ):
            found.append(_trim(text, open_from, i))
            open_from, closer = None, None
        elif closer is None and ch in OPENERS and _opens(text, i):
            open_from, closer = i + 1, OPENERS[ch]
        i += 1
    return found, open_from


def _opens(text: str, i: int) -> bool:
    """A straight double quote opens only at a word start."""
    if text[i] != '"':
        return True
    return i == 0 or not text[i - 1].isalnum()


def _end_before(text: str, pos: int) -> int:
    return len(text[:pos].rstrip())


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
