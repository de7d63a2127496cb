"""Raw extractions as JSON records, the format other tools (and scorers) read.

One record per article::

    {"doc": NAME, "attributions": [{"source": [s, e] | null, "cue": [s, e] | null,
      "content": [[s, e], ...], "kind": ..., "confidence": ...}]}

Offsets are characters into the article text as read from disk, end exclusive.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from attribution.corpus import Article
from attribution.extract import WEAK_PARENTS, Citation, Extraction


def doc_name(article: Article) -> str:
    """The file name without its extension (the article id for JSON Lines records)."""
    head, sep, line = article.path.rpartition(":")
    if sep and line.isdigit() and head.endswith(".jsonl"):
        return article.id
    return Path(article.path).stem


def to_record(article: Article, extraction: Extraction, nested: bool = False) -> dict[str, Any]:
    """The JSON-ready record of one article's citations (credits included).

    Like PARC and PolNeAR annotations, records are univocal by default: a
    citation that lies inside another one's content ("Merrill says Machado
    promised ...") is left out, the outer one carrying it; ``nested`` keeps it.
    """
    atts = []
    cues: set[tuple[int, int]] = set()
    for c in extraction.citations:
        if not nested and _inside_another(c, extraction.citations):
            continue
        if c.cue is not None and c.cue in cues:
            continue  # "the FBI and the State Department said": one attribution, two sources
        if c.cue is not None:
            cues.add(c.cue)
        atts.append(
            {
                "source": list(c.source.written) if c.source else None,
                "source_name": list(c.source.span) if c.source else None,
                "cue": list(c.cue) if c.cue else None,
                "content": [list(span) for span in c.content],
                "kind": c.kind,
                "confidence": c.confidence,
            }
        )
    return {"doc": doc_name(article), "attributions": atts}


def _inside_another(c: Citation, citations: tuple[Citation, ...]) -> bool:
    if c.cue is None:
        return False
    return any(
        p is not c
        and p.kind not in WEAK_PARENTS
        and p.content_span
        and p.content_span[0] <= c.cue[0] < p.content_span[1]
        for p in citations
    )
