"""Raw extractions as JSON records, the format other tools (and scorers) read.

One record per article::

    {"doc": NAME, "attributions": [{"source": [s, e] | null, "cue": [s, e] | null,
      "content": [[s, e], ...], "kind": ..., "confidence": ...}]}

Offsets are characters into the article text as read from disk, end exclusive.
"""

from __future__ import annotations

from pathlib import Path

from attribution.corpus import Article
from attribution.extract import Extraction


def doc_name(article: Article) -> str:
    """The file name without its extension (the article id for JSON Lines records)."""
    head, sep, line = article.path.rpartition(":")
    if sep and line.isdigit() and head.endswith(".jsonl"):
        return article.id
    return Path(article.path).stem


def to_record(article: Article, extraction: Extraction) -> dict:
    """The JSON-ready record of one article's citations (credits included)."""
    atts = []
    for c in extraction.citations:
        atts.append(
            {
                "source": list(c.source.span) if c.source else None,
                "cue": list(c.cue) if c.cue else None,
                "content": [list(span) for span in c.content],
                "kind": c.kind,
                "confidence": c.confidence,
            }
        )
    return {"doc": doc_name(article), "attributions": atts}
