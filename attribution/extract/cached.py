"""Doc attributes that spaCy rebuilds on every access, built once per Doc.

``Doc.text`` joins every token's text and ``Doc.ents`` makes a Span per
entity each time they are read; the rules read both thousands of times per
article, which made extraction cost several times the parse itself.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

_TEXT = "attribution.text"
_ENTS = "attribution.ents"
_STARTS = "attribution.ent_starts"


def doc_text(doc: Doc) -> str:
    """The text of ``doc``, the same string as ``doc.text``."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """The named entities of ``doc``, the same Spans as ``doc.ents``."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
    return ents


def ents_within(doc: Doc, start: int, end: int) -> list[Span]:
    """Entities wholly inside tokens ``start:end``, as ``doc[start:end].ents`` gives."""
    ents = doc_ents(doc)
    starts = doc.user_data.get(_STARTS)
    if starts is None:
        starts = doc.user_data[_STARTS] = [e.start for e in ents]
    # Entities never overlap, so those inside the range are a run in text order.
    found = []
    for ent in ents[bisect_left(starts, start) :]:
        if ent.end > end:
            break
        found.append(ent)
    return found


def forget(doc: Doc) -> None:
    """Drop what was built on ``doc``, once extraction is done with it.

    The cached entity Spans refer back to their Doc: left in place, they make
    a cycle that only the garbage collector frees, and Docs (each with its
    arrays) piled up between its rare full passes. Parsing 1,200 invented
    articles, peak RSS went from 268 MB without extraction to 390 MB with it.
    """
    doc.user_data.pop(_TEXT, None)
    doc.user_data.pop(_ENTS, None)
    doc.user_data.pop(_STARTS, None)
