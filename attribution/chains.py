"""Chains: the provenance of one claim, hop by hop, as the text tells it.

``article -> A -> B`` means the article reports a claim on A's word and A
passed on B's words. A hop needs a cue that passes words on (said, told,
reported, according to: data/hop_cues.txt) and a source that can speak
(data/communicator_heads.txt); the who-cites-whom graph, whose paths stitch
citations of different claims together, is not consulted. docs/chains.md
has the patterns that make hops and those that do not.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import NamedTuple

from attribution.extract import Citation, Mention
from attribution.graph import Placed
from attribution.lexicon import load_words


def chains_of(
    p: Placed,
    article: str,
    article_node: str,
    placed: list[Placed],
    rename: Callable[[str], str],
    nest: Nest | None = None,
) -> tuple[Chain, ...]:
    """The chains of ``p``'s claim: from the article down to its source, then on through
    the citations nested in its content. ``rename`` gives node ids their final form;
    ``nest`` is :func:`nesting` of ``placed``, worked out once per article by callers
    that ask for every citation's chains."""
    if p.source is None:
        return ()
    nest = nest or nesting(placed)
    head = _head(p, article, article_node, nest)
    found = {tuple(renamed_hops([*head, *tail], rename)) for tail in _tails(p, article, nest)}
    return tuple(_chain(hops, article_node, article, p.citation, rename) for hops in sorted(found))


@dataclass(frozen=True, slots=True, order=True)
class Hop:
    """One step of a chain: ``source`` passed on what ``target`` said, wrote or posted.

    ``source`` and ``target`` are node ids, in the graph's direction (the
    citer first). ``sentence`` and ``cue`` are the words that make the step.
    """

    source: str
    target: str
    article: str
    sentence: str
    cue: str
    inferred: bool = False
    communicates: bool = True  # False for a belief or an act ("knows", "showed"): a chain's end


@dataclass(frozen=True, slots=True)
class Chain:
    """The provenance of one claim: the article, then each source that passed it on.

    ``path`` is the article's node and the sources, outermost first; every
    consecutive pair is one of ``hops``, and every hop carries this same
    claim. ``sentence`` and ``cue`` are those of the claim itself.
    """

    path: tuple[str, ...]
    article: str
    sentence: str
    cue: str
    inferred: bool = False  # a hop is a relay the article implies, not one it states
    hops: tuple[Hop, ...] = ()


def passes_on(c: Citation) -> bool:
    """Does ``c``'s cue pass on words (said, told, reported, according to, a quote)?

    Beliefs, intentions, knowledge and perception ("knows", "wants",
    "showed", "continued") are attributions but carry no chain.
    """
    if c.kind in {"according-to", "credit"}:
        return True
    if c.kind not in {"direct", "indirect", "noun-cue", "quoted"}:
        return False
    if c.lemma in load_words("spoken_stances.txt") and c.lemma not in load_words("hop_cues.txt"):
        # "blasted", "likened": words passed on only through the show or interview they were said on.
        return not c.nested and c.citer is not None and c.citer.kind == "outlet"
    return not c.lemma or c.lemma in load_words("hop_cues.txt")


def communicator(m: Mention | None) -> bool:
    """Can ``m`` pass words on: a person, outlet, organisation, post, or unnamed source
    named by what it is ("sources", "a spokesman"), never a thing, number or pronoun."""
    if m is None or not any(ch.isalpha() for ch in m.name) or m.kind == "pronoun":
        return False
    if m.kind != "anonymous":
        return True
    words = m.name.lower().replace("’", "'").removesuffix("'s").split()
    head = words[-1] if words else ""
    heads = load_words("communicator_heads.txt") | load_words("person_roles.txt")
    return any(form in heads for form in _singulars(head))


def carries(outer: Citation, inner: Citation) -> bool:
    """Does ``outer``'s source pass on the words of ``inner``, a citation in its content?

    Both must pass words on, ``inner``'s source must be able to speak
    (:func:`_inner_source`), and the two must be nested, not side by side:
    not each in the other's content ("organisers added ..., the paper
    reported"), and not two trailing reports in a row ("X, KING-TV reported,
    while Y, the Sun-Times reported").
    """
    if not (passes_on(outer) and passes_on(inner) and _inner_source(inner.source)):
        return False
    if _pronoun(outer.source):
        return False  # "He said CNN had tweeted ...": a chain through a guess
    if _holds(inner, outer.cue) or _borrowed(inner) or _outlet_inside(outer, inner):
        return False
    if _trailing(inner) and _trailing(outer) and outer.source is not None and inner.cue:
        return outer.source.written[0] - inner.cue[1] <= 3
    return True


def _outlet_inside(outer: Citation, inner: Citation) -> bool:
    """An outlet's report parsed inside a non-outlet's "according to", or the reverse:
    "Bloomberg reports that ..., according to the Roper Center" and "X told
    reporters ..., according to Reuters" hang "according to" anywhere; which one
    passed the other's words on is the reader's guess, not the text's."""
    if "according to" not in (outer.lemma, inner.lemma):
        return False
    kinds = (outer.source.kind if outer.source else "", inner.source.kind if inner.source else "")
    return (kinds[1] == "outlet" or _reports(inner.source)) and kinds[0] != "outlet"


def _reports(m: Mention | None) -> bool:
    """An unnamed report ("press reports", "news accounts"): like an outlet, it may hang
    on either of two citations ("X said ..., according to press reports")."""
    if m is None or m.kind != "anonymous":
        return False
    words = m.name.lower().split()
    return bool(words) and any(w in {"report", "account"} for w in _singulars(words[-1]))


def _borrowed(c: Citation) -> bool:
    """A participle cue away from its source ("..., adding", "— asserting"): the parse
    lent it a subject, and it most often goes on with the outer speaker's words.
    "a tweet saying" names its own source, right before the cue."""
    if c.source is None or c.cue is None or not c.cue_text.lower().endswith("ing"):
        return False
    return not 0 <= c.cue[0] - c.source.written[1] <= 2


def _holds(c: Citation, pos: tuple[int, int] | None) -> bool:
    return pos is not None and any(a <= pos[0] < b for a, b in c.content)


def _trailing(c: Citation) -> bool:
    """Is the cue after all of the content ("..., the BBC reported")?"""
    return bool(c.content) and c.cue is not None and c.content[-1][1] <= c.cue[0]


def _inner_source(m: Mention | None) -> bool:
    """A source whose words another source passed on: a communicator written as a
    name or a noun phrase. Not a pronoun, and not a description that points back
    without a name ("the candidate", "her account"), which is most often someone
    the chain already holds."""
    if not communicator(m):
        return False
    assert m is not None
    words = m.text.lower().split()
    if not words or (words[0] in load_words("personal_pronouns.txt") and not m.sure):
        return False  # a guessed antecedent inside another's words is a guess too many
    return m.kind != "anonymous" or words[0] not in _BACK_REFERENCES


def _pronoun(m: Mention | None) -> bool:
    """A pronoun whose antecedent is a guess; one with a single fitting antecedent
    nearby (:attr:`Mention.sure`) is that person."""
    pronoun = m is not None and m.text.lower().strip() in load_words("personal_pronouns.txt")
    return pronoun and not (m is not None and m.sure)


_BACK_REFERENCES = frozenset(
    {"the", "this", "that", "his", "her", "its", "their", "these", "those"}
)


def _singulars(word: str) -> tuple[str, ...]:
    if word.endswith("ies"):
        return word, word[:-3] + "y"
    if word.endswith("es"):
        return word, word[:-2], word[:-1]
    return (word, word[:-1]) if word.endswith("s") else (word,)


def _hop(source: str, target: str, article: str, c: Citation, inferred: bool = False) -> Hop:
    return Hop(source, target, article, c.sentence_text, c.cue_text, inferred, passes_on(c))


def _head(
    p: Placed, article: str, article_node: str, nest: Nest, below: tuple[Placed, ...] = ()
) -> list[Hop]:
    """The hops from the article down to ``p``'s source.

    A citation nested in another's content ("Express reported that Kuzio
    tweeted ...") continues its parent's chain when both pass words on and
    its source can speak; "X told The Post" goes through The Post. ``below``
    are the citations already on the way down, which a bad parse can make
    each other's parents.
    """
    c, citer, source = p.citation, p.citer, p.source
    assert source is not None
    if citer == article_node:
        return [_hop(article_node, source, article, c)]
    if c.nested:
        parent = nest.parents[id(p)]
        if parent is None or parent in below:
            return [_hop(article_node, source, article, c)]
        above = _head(parent, article, article_node, nest, (*below, p))
        if not carries(parent.citation, c):
            return above  # it rests on the parent's source
        return [*above, _hop(citer, source, article, c)]
    if _through_citer(p):
        # A relay's first hop is told by the sentence that names the report, or by the credit.
        first = p.via or c
        return [
            Hop(article_node, citer, article, first.sentence_text, _relay_cue(p), p.relayed),
            _hop(citer, source, article, c, inferred=p.relayed),
        ]
    return [_hop(article_node, source, article, c)]


def _relay_cue(p: Placed) -> str:
    if not p.relayed:
        return p.citation.cue_text
    return p.via.cue_text if p.via is not None else "credit"


def _through_citer(p: Placed) -> bool:
    """Did ``p``'s words reach the article through its citer?

    "X told CNN": when the cue passes words on to an outlet, from a source
    written as a name or noun phrase. "he told CNN" is one hop to whoever
    "he" was taken to be: on text nobody tuned on, that guess was wrong seven
    times in eight (50 chains of PolNeAR train, judged by hand).

    A relay the article implies ("according to a report by Express") carries
    what was published (posts, outlets, documents, unnamed sources), not what
    a named person said: the article may have heard that itself, and the text
    does not say. A wire credit in the metadata relays everything.
    """
    c = p.citation
    if not (passes_on(c) and communicator(c.source)) or _pronoun(c.source):
        return False
    if p.relayed:
        assert c.source is not None
        if p.via is None:
            return True  # a wire story: its metadata says all of it came from the wire
        return c.source.kind != "person" or (p.source or "").startswith("post:")
    return c.citer is not None and c.citer.kind == "outlet"


class Nest(NamedTuple):
    """Which citation each citation of an article is nested in, and the reverse, by ``id``."""

    parents: dict[int, Placed | None]
    children: dict[int, list[Placed]]


def nesting(placed: list[Placed]) -> Nest:
    """:class:`Nest` of an article's citations, in one pass over each source's citations
    (a long article has thousands: comparing every pair for every claim is cubic)."""
    by_source: dict[str | None, list[Placed]] = defaultdict(list)
    for d in placed:
        by_source[d.source].append(d)
    parents = {id(p): _parent(p, by_source.get(p.citer, [])) for p in placed}
    children: dict[int, list[Placed]] = defaultdict(list)
    for d in placed:
        parent = parents[id(d)]
        if parent is not None and d.source is not None:
            children[id(parent)].append(d)
    return Nest(parents, children)


def _parent(p: Placed, placed: list[Placed]) -> Placed | None:
    """The innermost citation whose content holds ``p``'s cue and whose source cites it.

    The cue must be in a part of the content, not in a gap between parts:
    `"...," she said, and as X spoke, Y said yes` holds Y's cue in no quote of hers.
    """
    cue = p.citation.cue
    best: Placed | None = None
    for d in placed:
        span = d.citation.content_span
        if d is p or d.source != p.citer or span is None or cue is None:
            continue
        inside = any(a <= cue[0] < b for a, b in d.citation.content)
        if inside and (best is None or _width(span) < _width(best)):
            best = d
    return best


def _width(x: tuple[int, int] | Placed) -> int:
    # Placed is a NamedTuple: test for it first.
    span = (x.citation.content_span or (0, 0)) if isinstance(x, Placed) else x
    return span[1] - span[0]


def _tails(p: Placed, article: str, nest: Nest, depth: int = 0) -> list[list[Hop]]:
    """Hops from ``p``'s source down through the citations nested in its content.

    Only citations that pass words on from a source that can speak continue
    the chain; the others are the content's own business.
    """
    if depth > 5 or not passes_on(p.citation):
        return [[]]
    inner = [d for d in nest.children.get(id(p), []) if carries(p.citation, d.citation)]
    if not inner:
        return [[]]
    return [
        [_hop(p.source or "", d.source or "", article, d.citation), *tail]
        for d in inner
        for tail in _tails(d, article, nest, depth + 1)
    ]


def renamed_hops(hops: list[Hop], rename: Callable[[str], str]) -> list[Hop]:
    """``hops`` with final node ids; a hop joined to itself by a merge goes, and a path
    that comes back to a node it passed is cut there."""
    out: list[Hop] = []
    seen: set[str] = set()
    for hop in hops:
        hop = replace(hop, source=rename(hop.source), target=rename(hop.target))
        if hop.source == hop.target:
            continue
        seen.add(hop.source)
        if hop.target in seen:
            break
        out.append(hop)
    return out


def _chain(
    hops: tuple[Hop, ...],
    article_node: str,
    article: str,
    c: Citation,
    rename: Callable[[str], str],
) -> Chain:
    path = (hops[0].source, *(h.target for h in hops)) if hops else (rename(article_node),)
    inferred = any(h.inferred for h in hops)
    return Chain(path, article, c.sentence_text, c.cue_text, inferred, hops)


def joined(ours: Chain, theirs: Chain) -> Chain | None:
    """``ours`` going on with ``theirs``, a chain that starts where ours ends (None if it loops)."""
    if set(ours.path) & set(theirs.path[1:]):
        return None  # it would come back to a source it passed
    hops = (*ours.hops, *theirs.hops)
    # Each hop is stated in its own article; that the two carry one claim is the grouping's guess.
    return replace(ours, path=(*ours.path, *theirs.path[1:]), hops=hops, inferred=True)
