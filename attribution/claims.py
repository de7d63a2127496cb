"""Claims: what each citation attributes, and the sources it finally rests on.

A claim's roots are found by following nested citations inside its content
to their far end: "Kuzio tweeted: 'Channel 24: 5,000 soldiers ...'" is
Kuzio's claim, but it rests on Channel 24. A claim is single-source when
every chain that carries it ends in the same root.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from attribution.extract import Citation


@dataclass(frozen=True)
class Claim:
    """A cited statement with its sources, roots and the chains as evidence."""

    id: str
    text: str
    article: str
    sentence: str
    sources: tuple[str, ...]
    roots: tuple[str, ...]
    single_source: bool
    chains: tuple[tuple[str, ...], ...]


def article_claims(
    article: str, article_node: str, placed: list[tuple[Citation, str, str]]
) -> list[Claim]:
    """The claims of one article from its placed citations ``(citation, citer, source)``."""
    claims = []
    for c, citer, source in placed:
        if not c.content_text.strip():
            continue
        tails = _tails(c, source, placed)
        head = [article_node] if citer == article_node else [article_node, citer]
        chains = tuple(sorted({tuple(_dedupe([*head, *tail])) for tail in tails}))
        roots = tuple(sorted({chain[-1] for chain in chains}))
        claims.append(
            Claim(
                id=_claim_id(article, c),
                text=c.content_text,
                article=article,
                sentence=c.sentence_text,
                sources=(source,),
                roots=roots,
                single_source=len(roots) == 1,
                chains=chains,
            )
        )
    return claims


def _tails(
    c: Citation, source: str, placed: list[tuple[Citation, str, str]], depth: int = 0
) -> list[list[str]]:
    """Paths from ``source`` down through citations nested in ``c``'s content."""
    span = c.content_span
    inner = [
        (d, s)
        for d, citer, s in placed
        if d is not c and span and d.cue and citer == source and span[0] <= d.cue[0] < span[1]
    ]
    if not inner or depth > 5:
        return [[source]]
    return [[source, *tail] for d, s in inner for tail in _tails(d, s, placed, depth + 1)]


def _dedupe(path: list[str]) -> list[str]:
    out: list[str] = []
    for node in path:
        if node not in out:
            out.append(node)
    return out


def _claim_id(article: str, c: Citation) -> str:
    span = c.content_span or (0, 0)
    digest = hashlib.sha1(f"{article}:{span[0]}:{span[1]}".encode()).hexdigest()[:10]
    return f"claim:{digest}"
