"""Claims: what each citation attributes, the chains that carry it, and a verdict.

A claim is the content of one citation. Its chains (:mod:`attribution.chains`)
run from the reporting article down through nested citations to their far
end: "Kuzio tweeted: 'Channel 24: 5,000 soldiers ...'" is carried by Kuzio,
but rests on Channel 24.

Claims that tell the same thing are grouped (:func:`group_claims`), across
articles and sources, and each group gets one verdict from the roots of all
its chains:

- ``single_source``: every chain ends in the same root;
- ``corroborated``: two or more independent roots carry it;
- ``unsourced``: no chain names a source ("reportedly", "it was claimed").
"""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from attribution.chains import Chain, chains_of, joined, nesting, renamed_hops
from attribution.extract import Citation
from attribution.graph import Placed
from attribution.overlap import Wording, repeats, wording
from attribution.vocab import Verdict

# Two claims are one when their closest content sentences reach this
# IDF-weighted cosine and share at least MIN_SHARED_TERMS key terms (more
# across articles, where most pairs that look alike are not the same claim),
# among them an event: a verb and a noun. Claims of one article that repeat
# one wording are one too (attribution/overlap.py). On the 265 hand-labelled
# pairs of PolNeAR dev and the seeds a build still holds (benchmarks/tune_claims.py):
# within an article P 0.97 R 0.49 (138 pairs), across articles P 1.00 R 0.50 (127).
SIMILARITY = 0.35
MIN_SHARED_TERMS = 2
MIN_SHARED_ACROSS = 3
COMMON_TERM = 200
# A chain goes on into another article only through a claim this close to its own:
# at 0.5, "X reported the email came hours after Trump proposed a ban on Muslims"
# went on through another outlet's "Trump has said there should be a ban" (0.61).
CHAIN_SIMILARITY = 0.7


@dataclass(frozen=True, slots=True)
class Claim:
    """A cited statement, its chains, and the verdict of the group it belongs to.

    ``roots`` and ``verdict`` belong to the group: the independent sources at
    the far ends of every chain of every claim in it. ``why`` says which other
    claim this one was grouped with and on what words.
    """

    id: str
    text: str
    article: str
    sentence: str
    cue: str
    source: str | None
    chains: tuple[Chain, ...]
    terms: tuple[tuple[str, ...], ...] = ()
    group: str = ""
    roots: tuple[str, ...] = ()
    verdict: Verdict = "unsourced"
    single_source: bool = False
    why: str = ""
    # Set by attribution.rank: the group's check-worthiness and its one-line reason,
    # what kind of origin its root is, how many articles carry it, whether the claim
    # belongs on the list, and whether its source asserts or denies it.
    score: float = 0.0
    score_why: str = ""
    root_kind: str = ""
    articles: int = 0
    listed: bool = True
    stance: str = "asserts"
    clause: bool = True  # the content holds a finite verb (Citation.clause)


def article_claims(
    article: str, article_node: str, placed: list[Placed], rename: Callable[[str], str] = str
) -> list[Claim]:
    """The claims of one article from its placed citations.

    A claim's chains run from the article through the sources that passed it
    on, as the text says, to the one it rests on; a claim that holds another
    citation carries that citation's chains too (:func:`attribution.chains.chains_of`).
    ``rename`` maps node ids to their final, corpus-wide ids.
    """
    claims = []
    nest = nesting(placed)
    ids: set[str] = set()
    for p in placed:
        c, source = p.citation, p.source
        if not c.content_text.strip():
            continue
        ident = _claim_id(article, c, ids)
        ids.add(ident)
        claims.append(
            Claim(
                id=ident,
                text=c.content_text,
                article=article,
                sentence=c.sentence_text,
                cue=c.cue_text,
                source=rename(source) if source is not None else None,
                chains=chains_of(p, article, article_node, placed, rename, nest),
                terms=c.terms,
                clause=c.clause,
            )
        )
    return claims


def renamed(claim: Claim, rename: Callable[[str], str]) -> Claim:
    """``claim`` with its nodes given new ids, as :func:`article_claims` with ``rename`` gives.

    Claims can be made while the corpus is read and the merged ids given at the end.
    """
    chains = {}
    for chain in claim.chains:
        hops = tuple(renamed_hops(list(chain.hops), rename))
        path = (hops[0].source, *(h.target for h in hops)) if hops else chain.path[:1]
        chains[hops] = replace(chain, path=path, hops=hops)
    source = rename(claim.source) if claim.source is not None else None
    return replace(claim, chains=tuple(chains[k] for k in sorted(chains)), source=source)


def _claim_id(article: str, c: Citation, taken: AbstractSet[str] = frozenset()) -> str:
    """A stable id from the article and the content's span; two sources of one content
    ("the FBI and the State Department said") set the later one apart by its source."""
    span = c.content_span or (0, 0)
    key = f"{article}:{span[0]}:{span[1]}"
    ident = f"claim:{hashlib.sha1(key.encode()).hexdigest()[:10]}"
    if ident in taken and c.source is not None:
        key += f":{c.source.span[0]}:{c.source.span[1]}"
        ident = f"claim:{hashlib.sha1(key.encode()).hexdigest()[:10]}"
    return ident


def group_claims(
    claims: list[Claim],
    is_anonymous: Callable[[str], bool],
    owner: Callable[[str], str] = str,
    publishers: Mapping[str, str] | None = None,
) -> list[Claim]:
    """Group claims that tell the same thing and give every claim its group's verdict.

    Claims are returned in the order given. ``is_anonymous`` tells unnamed
    sources, which may be one another, so together they count as one root;
    ``owner`` maps a post to its author, who is the same source as the post.
    ``publishers`` maps each article to the node that publishes it: a chain
    that ends at an outlet goes on through that outlet's own article when it
    carries the same claim (:func:`continued`).
    """
    links = similar_pairs(claims)
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, j), _ in sorted(links.items()):
        parent[max(find(i), find(j))] = min(find(i), find(j))
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(claims)):
        members[find(i)].append(i)
    why = _explanations(claims, links)
    out = list(claims)
    claims = continued(claims, links, publishers or {})
    for first, group in members.items():
        roots, verdict = verdict_of([claims[i] for i in group], is_anonymous, owner)
        for i in group:
            out[i] = replace(
                claims[i],
                group=claims[first].id.replace("claim:", "group:"),
                roots=roots,
                verdict=verdict,
                single_source=verdict == "single_source",
                why=why.get(i, ""),
            )
    return out


def continued(
    claims: list[Claim],
    links: Mapping[tuple[int, int], tuple[float, tuple[str, ...]]],
    publishers: Mapping[str, str],
) -> list[Claim]:
    """Claims whose chains go on into the article of the outlet they end at.

    "Site X: according to Express, ..." and Express's own article, in which
    Kuzio tweeted the same claim: X's chain X -> Express continues as
    X -> Express -> tweet by Kuzio. Only between two claims grouped directly
    at CHAIN_SIMILARITY or more, and only through hops that pass words on:
    two articles that share an outlet, or a topic, but not a claim make no
    chain.
    """
    out = list(claims)
    for (a, b), (score, _) in sorted(links.items()):
        if score < CHAIN_SIMILARITY or claims[a].article == claims[b].article:
            continue
        for i, j in ((a, b), (b, a)):
            extra = {
                joined(chain, theirs)
                for chain in out[i].chains
                if chain.hops
                and chain.hops[-1].communicates
                and publishers.get(claims[j].article) == chain.path[-1]
                for theirs in claims[j].chains
                if theirs.hops
                and theirs.path[0] == chain.path[-1]
                and all(h.communicates for h in theirs.hops)
            } - {None}
            if extra:
                chains = {c.hops: c for c in (*out[i].chains, *extra) if c is not None}
                out[i] = replace(out[i], chains=tuple(chains[k] for k in sorted(chains)))
    return out


def verdict_of(
    group: list[Claim], is_anonymous: Callable[[str], bool], owner: Callable[[str], str] = str
) -> tuple[tuple[str, ...], Verdict]:
    """The independent roots of a group of claims and its verdict.

    A root that sits inside another chain of the group passed the claim on
    (Express reported what Kuzio tweeted), so it is not independent of the
    chain's end. Unnamed roots together count as one.
    """
    chains = [chain.path for claim in group for chain in claim.chains]
    relays = {node for path in chains for node in path[:-1]}
    roots = sorted({path[-1] for path in chains} - relays) or sorted({p[-1] for p in chains})
    named = {owner(r) for r in roots if not is_anonymous(r)}
    independent = len(named) + (1 if any(is_anonymous(r) for r in roots) else 0)
    if not roots:
        return (), "unsourced"
    return tuple(roots), "corroborated" if independent >= 2 else "single_source"


def similar_pairs(
    claims: list[Claim],
    threshold: float = SIMILARITY,
    least: tuple[int, int] = (MIN_SHARED_TERMS, MIN_SHARED_ACROSS),
) -> dict[tuple[int, int], tuple[float, tuple[str, ...]]]:
    """``{(i, j): (score, shared terms)}`` for claims similar enough to be one claim.

    Each claim is a set of content sentences, each a set of key terms; two
    claims score the best IDF-weighted cosine between any of their sentences.
    ``least`` is the fewest shared terms within one article and across two.
    """
    units = [(i, frozenset(s)) for i, c in enumerate(claims) for s in c.terms if s]
    df: dict[str, int] = defaultdict(int)
    for _, terms in units:
        for t in terms:
            df[t] += 1
    idf = {t: math.log((len(units) + 1) / n) for t, n in df.items()}
    # Sums run over sorted terms: a set's order changes with the process's hash seed,
    # and with it the last bits of a float sum, and which of two tied pairs is kept.
    norm = [math.sqrt(sum(idf[t] ** 2 for t in sorted(terms))) or 1.0 for _, terms in units]
    by_term: dict[str, list[int]] = defaultdict(list)
    for u, (_, terms) in enumerate(units):
        for t in terms:
            by_term[t].append(u)
    best: dict[tuple[int, int], tuple[float, tuple[str, ...]]] = {}
    seen: dict[int, tuple[Wording, frozenset[str]]] = {}
    for u, v in _candidate_pairs(units, by_term):
        (i, a), (j, b) = units[u], units[v]
        if i == j:
            continue
        shared = a & b
        key = (min(i, j), max(i, j))
        score = sum(idf[t] ** 2 for t in sorted(shared)) / (norm[u] * norm[v])
        if score <= best.get(key, (0.0, ()))[0]:
            continue
        if _alike(claims[i], claims[j], a, b, threshold, least, score) or (
            key not in best and _repeated(claims, key, seen)
        ):
            best[key] = (round(score, 3), tuple(sorted(shared)))
    return best


def _alike(
    x: Claim,
    y: Claim,
    a: frozenset[str],
    b: frozenset[str],
    threshold: float,
    least: tuple[int, int],
    score: float,
) -> bool:
    """Are two content sentences (key terms ``a`` and ``b``) alike enough to be one claim?"""
    shared = a & b
    fewest = least[0] if x.article == y.article else least[1]
    if len(shared) < fewest or not _an_event(shared) or score < threshold:
        return False
    return not (_conflict(a, b, "d:") or _conflict(a, b, "p:"))


def _repeated(
    claims: list[Claim],
    key: tuple[int, int],
    seen: dict[int, tuple[Wording, frozenset[str]]],
) -> bool:
    """Do claims ``key`` repeat one wording (:func:`attribution.overlap.repeats`)?

    ``seen`` keeps each claim's wording and key terms once made.
    """
    for n in key:
        if n not in seen:
            seen[n] = wording(claims[n].text), frozenset(t for s in claims[n].terms for t in s)
    (wi, ti), (wj, tj) = seen[key[0]], seen[key[1]]
    # The claim with fewer words; of two as long, the one with fewer key terms.
    short = ti if (len(wi.words), len(ti)) <= (len(wj.words), len(tj)) else tj
    same = claims[key[0]].article == claims[key[1]].article
    shared = ti & tj
    verbs = frozenset(t[2:] for t in shared if t.startswith("v:"))
    return repeats(wi, wj, same, _an_event(shared), verbs, short, shared)


def _an_event(shared: frozenset[str]) -> bool:
    """Do the shared terms tell an event: a verb with a noun or number taking part?

    Places and names alone ("Kharkiv region") are what two different claims
    about one war share most often.
    """
    verb = any(t.startswith("v:") for t in shared)
    return verb and any(t[:2] in ("n:", "d:", "p:") for t in shared)


def _conflict(a: frozenset[str], b: frozenset[str], cls: str) -> bool:
    """Do both sentences give numbers (or places), but none in common?"""
    ours = {t for t in a if t.startswith(cls)}
    theirs = {t for t in b if t.startswith(cls)}
    return bool(ours) and bool(theirs) and not ours & theirs


def _candidate_pairs(
    units: list[tuple[int, frozenset[str]]], by_term: dict[str, list[int]]
) -> Iterator[tuple[int, int]]:
    """Sentence pairs ``(u, v)``, u < v, that share a rarer term, in sorted order.

    A term in more than COMMON_TERM sentences weighs little and would make the
    number of pairs grow with the square of the corpus, so it nominates none.
    Pairs are made one sentence at a time: a big corpus has millions of them.
    """
    for u, (_, terms) in enumerate(units):
        near: set[int] = set()
        for t in terms:
            posting = by_term[t]  # ascending, as the units were read
            if len(posting) <= COMMON_TERM:
                near.update(posting[bisect_right(posting, u) :])
        for v in sorted(near):
            yield u, v


def _explanations(
    claims: list[Claim], links: dict[tuple[int, int], tuple[float, tuple[str, ...]]]
) -> dict[int, str]:
    """For each grouped claim, its closest partner and the words they share."""
    closest: dict[int, tuple[float, int, tuple[str, ...]]] = {}
    for (i, j), (score, shared) in links.items():
        for a, b in ((i, j), (j, i)):
            if score > closest.get(a, (0.0, -1, ()))[0]:
                closest[a] = (score, b, shared)
    return {
        a: f"same claim as {claims[b].id} ({claims[b].article}): shares "
        f"{', '.join(t[2:] for t in shared)}; similarity {score:.2f}"
        for a, (score, b, shared) in closest.items()
    }


def longest_chains(
    claims: list[Claim], min_hops: int = 2, limit: int | None = None
) -> list[tuple[Claim, Chain]]:
    """The claims' chains of ``min_hops`` hops or more, longest first, each with its claim.

    A chain is one claim's provenance, so two articles that cite the same
    source never make one chain together. A path told in one article by
    several claims is listed once, with the first of them by id; ties in
    length go by article, then path. ``limit`` keeps only the first ones.
    """
    first: dict[tuple[str, tuple[str, ...]], tuple[Claim, Chain]] = {}
    for claim in claims:
        for chain in claim.chains:
            if len(chain.path) - 1 < min_hops:
                continue
            key = (chain.article, chain.path)
            held = first.get(key)
            if held is None or claim.id < held[0].id:
                first[key] = (claim, chain)
    order = sorted(first, key=lambda k: (-len(k[1]), k))
    return [first[k] for k in order[:limit]]
