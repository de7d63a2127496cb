"""Find every citation in a parsed article.

``extract(doc, article)`` runs the sentence rules of :mod:`.rules`, the
line-level media credits, and the "Name: ..." attributions inside quoted
posts; then it resolves pronouns and "the newspaper"-style references within
the article and works out who cites whom when one citation sits inside
another's content.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, replace
from typing import cast

import numpy
from spacy.tokens import Doc, Token

from attribution.corpus import Article, datelines
from attribution.extract.cached import doc_ents, doc_text, ents_within, forget
from attribution.extract.citation import Citation, Mention, Span
from attribution.extract.phrases import mention_for
from attribution.extract.quotes import find_quotes
from attribution.extract.resolve import Antecedents
from attribution.extract.rules import (
    RULES,
    Context,
    Found,
    according_to,
    may_fire,
    quote_of,
    reporting_verb,
)
from attribution.extract.terms import content_terms
from attribution.lexicon import load_patterns, load_words
from attribution.vocab import Kind, Medium, SourceKind

__all__ = ["EXTRACTOR_VERSION", "Citation", "Extraction", "Mention", "compact", "extract"]

# A stance ("X rejected the plan") does not carry the citations inside it.
WEAK_PARENTS = frozenset({"stance"})

# Bump when rules change, so cached extractions are not reused.
EXTRACTOR_VERSION = "21"

_POST_LEAD = re.compile(
    r"^\s*(?P<name>(?:[A-Z0-9][\w’'.&-]*\s){0,5}[A-Z0-9][\w’'.&-]*):\s+(?P<rest>\S.*)$", re.S
)


@dataclass(frozen=True, slots=True)
class Extraction:
    """What one article yields: its citations and the people it names in full."""

    article: str
    citations: tuple[Citation, ...]
    people: tuple[str, ...]


def extract(doc: Doc, article: Article) -> Extraction:
    """All citations in one article, in text order."""
    try:
        return _extract(doc, article)
    finally:
        forget(doc)


def _extract(doc: Doc, article: Article) -> Extraction:
    text = doc_text(doc)
    ctx = Context(tuple(find_quotes(text)), text)
    found: list[tuple[Found, Span]] = []
    candidates = may_fire(doc)
    for sent in doc.sents:
        if article.in_boilerplate(sent.start_char, sent.start_char + 1):
            continue
        for i in candidates[sent.start : sent.end].nonzero()[0]:
            tok = doc[sent.start + int(i)]
            hit = next((f for rule in RULES if (f := rule(tok, ctx)) is not None), None)
            if hit is not None:
                found.append((hit, (sent.start_char, sent.end_char)))
    found.extend(media_credits(article))
    found.extend(speaker_lines(doc, article, ctx))
    found.extend(quoted_citations(doc, ctx, found, candidates))
    found = _dedupe(found)
    found.extend(_conjoined(doc, found))
    dated = tuple(d.span for d in datelines(text))
    found = [(_without_dateline(f, dated, text), s) for f, s in found] if dated else found
    antecedents = Antecedents.from_doc(doc, [f for f, _ in found], ctx.quotes, dated)
    resolved = [(antecedents.resolve_found(f), s) for f, s in found]
    resolved = [(f, s) for f, s in resolved if f.source is not None or f.kind == "no-source"]
    resolved.extend(_posts_in_quotes(doc, resolved))
    citations = [_citation(article, doc, f, s) for f, s in sorted(resolved, key=_order)]
    people = sorted(
        {e.text for e in doc_ents(doc) if e.label_ == "PERSON" and " " in e.text.strip()}
    )
    return Extraction(article.id, tuple(nest(citations)), tuple(people))


def compact(extraction: Extraction) -> Extraction:
    """The same extraction with its repeated strings shared.

    The graph and the claims keep every article's strings until the outputs
    are written, and what comes back from the spill file, the cache or a
    worker process holds its own copy of every term ("v:retreat"), kind and
    name, and of a sentence for each citation in it. Interned, each is held
    once: a sentence that carries three citations, or wire copy reprinted by
    ten outlets, costs one string.
    """
    return replace(extraction, citations=tuple(_compact(c) for c in extraction.citations))


def _compact(c: Citation) -> Citation:
    return replace(
        c,
        article=sys.intern(c.article),
        source=_compact_mention(c.source),
        citer=_compact_mention(c.citer),
        kind=cast(Kind, sys.intern(c.kind)),
        medium=cast(Medium, sys.intern(c.medium)),
        cue_text=sys.intern(c.cue_text),
        content_text=sys.intern(c.content_text),
        sentence_text=sys.intern(c.sentence_text),
        lemma=sys.intern(c.lemma),
        terms=tuple(tuple(sys.intern(t) for t in terms) for terms in c.terms),
    )


def _compact_mention(m: Mention | None) -> Mention | None:
    if m is None:
        return None
    return replace(
        m,
        text=sys.intern(m.text),
        name=sys.intern(m.name),
        kind=cast(SourceKind, sys.intern(m.kind)),
    )


def quoted_citations(
    doc: Doc, ctx: Context, found: list[tuple[Found, Span]], candidates: numpy.ndarray
) -> list[tuple[Found, Span]]:
    """Citations inside someone's quoted words: “People say, ‘It can wait,’” Ruiz said.

    The rules skip cues inside quotes; here each quote a source is cited for is
    read as text of its own, so the citations in it nest under that source.
    Pronouns are left out: whom a "he" inside a quote means is the speaker's
    business, and the article's antecedents are no guide to it. So is a
    citation whose content reaches out of the quote: that is the parse
    running on into the narrative.
    """
    out = []
    quotes = frozenset(ctx.quotes)
    for f, sentence in found:
        if f.kind != "direct" or f.source is None:
            continue
        for quote in (q for part in f.content if (q := quote_of(part, quotes))):
            inner = Context(tuple(q for q in ctx.quotes if q != quote), ctx.text)
            span = doc.char_span(quote[0], quote[1], alignment_mode="expand")
            for tok in span if span is not None else ():
                if not candidates[tok.i]:
                    continue
                hit = reporting_verb(tok, inner) or according_to(tok, inner)
                # A participle or relative clause in a quote is most often what someone
                # might say ("people who say ..."), not what they said.
                if tok.tag_ == "VBG" or tok.dep_ == "relcl" or hit is None or hit.source is None:
                    continue
                within = all(quote[0] <= a and b <= quote[1] for a, b in hit.content)
                if within and hit.source.text.lower() not in load_words("personal_pronouns.txt"):
                    out.append((replace(hit, kind="quoted", confidence=0.6), sentence))
    return out


def _order(item: tuple[Found, Span]) -> tuple[int, int]:
    found, sentence = item
    return (found.cue or sentence)[0], sentence[0]


def _without_dateline(found: Found, dated: tuple[Span, ...], text: str) -> Found:
    """ "WASHINGTON (AP) — ..." names a place and a wire, never who is speaking.

    A citer inside a dateline is dropped, and so is a source, unless the
    phrase goes on past the dateline to a name (:func:`_past_dateline`).
    """

    def inside(m: Mention | None) -> bool:
        return m is not None and any(a <= m.span[0] and m.span[1] <= b for a, b in dated)

    if inside(found.citer):
        found = replace(found, citer=None)
    if found.source is not None and inside(found.source):
        found = replace(found, source=_past_dateline(found.source, dated, text))
    return found


def _past_dateline(m: Mention, dated: tuple[Span, ...], text: str) -> Mention | None:
    """ "WASHINGTON -- President Obama said": the parse made the place the subject and the
    speaker its apposition; the speaker is the rest of the phrase, when a name is left."""
    end = max(b for a, b in dated if a <= m.span[0] < b)
    stop = m.written[1]
    start = end + len(text[end:stop]) - len(text[end:stop].lstrip(" -—–,"))
    name = text[start:stop].strip()
    if not name[:1].isupper():
        return None
    return Mention((start, start + len(name)), name, name, "person", (start, start + len(name)))


def _dedupe(found: list[tuple[Found, Span]]) -> list[tuple[Found, Span]]:
    """One citation per cue; the first rule to claim a cue keeps it."""
    seen: set[Span | None] = set()
    out = []
    for f, s in found:
        key = f.cue
        if key in seen:
            continue
        seen.add(key)
        out.append((f, s))
    return out


def _conjoined(doc: Doc, found: list[tuple[Found, Span]]) -> list[tuple[Found, Span]]:
    """One citation more for each named source joined to another's: "Both the FBI and the
    State Department said ..." is the FBI's word and the State Department's. Each copy
    keeps the cue, so a record for scorers holds the attribution once."""
    out = []
    for f, sentence in found:
        if f.source is None or f.source.kind == "pronoun":
            continue
        span = doc.char_span(*f.source.span, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        # Only a source that is itself the speaker: the subject, or "according to X and
        # Y", "a study by X and Y"; not "polls in X and Y" nor a show "Fox and Friends".
        if not (root.dep_ in {"nsubj", "nsubjpass"} or _speaking_object(root)):
            continue
        # Two names, each one ("former Gov. and party chairman Ed Rendell" is one person),
        # joined by "and": "Cruz, Wilkin said" is a list the parse ran on.
        if root.ent_type_ not in _NAMED or not any(
            t.dep_ == "cc" and t.lower_ in {"and", "or"} for t in root.subtree if t.i > root.i
        ):
            continue
        for conj in root.conjuncts:
            if conj.i > root.i and conj.ent_type_ in _NAMED and (m := mention_for(conj)):
                out.append((replace(f, source=m), sentence))
    return out


_NAMED = frozenset({"ORG", "PERSON"})


def _speaking_object(tok: Token) -> bool:
    """Is ``tok`` the object of "according to" or of "by" ("a study by X")?"""
    prep = tok.head
    return tok.dep_ == "pobj" and (
        prep.lower_ == "by" or (prep.lower_ == "to" and prep.head.lower_ == "according")
    )


def media_credits(article: Article) -> list[tuple[Found, Span]]:
    """ "Pictures from @Ukraine_world", "Credit: PA Images" on a line of their own."""
    out = []
    pos = 0
    for line in article.text.splitlines(keepends=True):
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        for pattern in load_patterns("credits.txt"):
            match = pattern.search(stripped)
            if match and len(stripped) < 120:
                start = pos + lead + match.start("source")
                name = match.group("source").strip()
                mention = Mention((start, start + len(name)), name, name, _credit_kind(name))
                cue = (pos + lead + match.start(), start)
                line_span = (pos + lead, pos + lead + len(stripped))
                out.append((Found(mention, cue, (), "credit", "photo", 0.8), line_span))
                break
        pos += len(line)
    return out


_SPEAKER = re.compile(
    r"[\"“]?(?P<name>(?:[A-Z][\w.’'-]*\s){0,4}[A-Z][\w.’'-]*):\s+(?P<rest>\S.*)", re.S
)
_SIGNED = re.compile(
    r"[”\"]\s*(?P<dash>[―—])\s*(?P<name>[A-Z][\w.’' -]{1,50}?)\s*(?:,[^\n]*)?[.]?\s*$"
)


def speaker_lines(doc: Doc, article: Article, ctx: Context) -> list[tuple[Found, Span]]:
    """ "PENCE: Well, look ..." and "Name: headline" lines, and quotes signed "― Name".

    The name must be a transcript's capitals, an outlet, or a person or
    organisation to the tagger: "Ukraine: troops retreat" is a headline.
    """
    out = []
    for start, end, line in _nonblank_lines(article.text):
        if article.in_boilerplate(start, start + 1) or len(line) < 12:
            continue
        lead = len(line) - len(line.lstrip())
        match = _SPEAKER.match(line.strip())
        if match and not _speaker_name(doc, start + lead + match.start("name"), match["name"]):
            match = None
        if match and not ctx.in_quote(start + lead + match.start("name")):
            n0 = start + lead + match.start("name")
            name = match.group("name")
            colon = n0 + len(name)
            mention = Mention((n0, colon), name, name, _speaker_kind(name))
            rest = (start + lead + match.start("rest"), end)
            out.append(
                (Found(mention, (colon, colon + 1), (rest,), "direct", "speech", 0.6), (start, end))
            )
            continue
        signed = _SIGNED.search(line)
        quote = ctx.quote_before(start + signed.start("dash"), within=3) if signed else None
        if signed and quote:
            n0 = start + signed.start("name")
            name = signed.group("name").strip()
            mention = Mention((n0, n0 + len(name)), name, name, _speaker_kind(name))
            dash = (start + signed.start("dash"), start + signed.end("dash"))
            out.append((Found(mention, dash, (quote,), "direct", "speech", 0.6), (start, end)))
    return out


def _speaker_name(doc: Doc, start: int, name: str) -> bool:
    """A transcript's "PENCE", an outlet, or a name the tagger reads as one whole entity;
    never a headline's label ("EXCLUSIVE:", data/kickers.txt)."""
    if name.lower() in load_words("kickers.txt"):
        return False
    if (name.isupper() and len(name) > 2) or _outlet_like(name):
        return True
    return any(
        e.start_char == start and e.end_char == start + len(name) and e.label_ in ("PERSON", "ORG")
        for e in doc_ents(doc)
    )


def _nonblank_lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            out.append((pos, pos + len(body.rstrip()), body.rstrip()))
        pos += len(line)
    return out


def _speaker_kind(name: str) -> SourceKind:
    return "outlet" if _outlet_like(name) else "person"


def _credit_kind(name: str) -> SourceKind:
    words = {w.lower().strip(".") for w in name.split()}
    if words & load_words("outlet_words.txt") or name.lower().endswith("images"):
        return "outlet"
    return "organisation"


def _posts_in_quotes(doc: Doc, found: list[tuple[Found, Span]]) -> list[tuple[Found, Span]]:
    """ "Channel 24: 5,000 soldiers ..." quoted in a tweet: the tweet cites Channel 24."""
    out = []
    for f, sentence in found:
        if f.kind != "direct" or f.source is None:
            continue
        for start, end in f.content:
            match = _POST_LEAD.match(doc_text(doc)[start:end])
            if not match or not _names_a_source(
                doc, start + match.start("name"), match.group("name")
            ):
                continue
            n0 = start + match.start("name")
            name = match.group("name")
            kind: SourceKind = "outlet" if _outlet_like(name) else "organisation"
            mention = Mention((n0, n0 + len(name)), name, name, kind)
            colon = start + match.end("name")
            content = ((start + match.start("rest"), end),)
            out.append(
                (
                    Found(
                        mention,
                        (colon, colon + 1),
                        content,
                        "direct",
                        "post",
                        0.7,
                        f.source,
                        nested=True,
                    ),
                    sentence,
                )
            )
    return out


def _outlet_like(name: str) -> bool:
    return bool({w.lower() for w in name.split()} & load_words("outlet_words.txt"))


def _names_a_source(doc: Doc, start: int, name: str) -> bool:
    span = doc.char_span(start, start + len(name), alignment_mode="expand")
    if span is None:
        return _outlet_like(name)
    ents = {e.label_ for e in ents_within(doc, span.start, span.end)}
    return _outlet_like(name) or bool(ents & {"PERSON", "ORG"})


def _citation(article: Article, doc: Doc, f: Found, sentence: Span) -> Citation:
    text = doc_text(doc)
    return Citation(
        article=article.id,
        source=f.source,
        cue=f.cue,
        cue_text=text[f.cue[0] : f.cue[1]] if f.cue else "",
        content=f.content,
        content_text=" … ".join(text[a:b] for a, b in f.content),
        kind=f.kind,
        medium=f.medium,
        sentence=sentence,
        sentence_text=" ".join(text[sentence[0] : sentence[1]].split()),
        confidence=f.confidence,
        citer=f.citer,
        nested=f.nested,
        terms=content_terms(doc, f.content),
        lemma=f.lemma,
        clause=has_finite_verb(doc, f.content),
    )


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def has_finite_verb(doc: Doc, content: tuple[Span, ...]) -> bool:
    """Does any part of ``content`` hold a finite verb or a modal?"""
    for start, end in content:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and any(t.tag_ in _FINITE_TAGS for t in span):
            return True
    return False


def nest(citations: list[Citation]) -> list[Citation]:
    """Give a citation inside another's content that one's source as its citer.

    "Russia's Ministry of Defense confirmed that ..., the BBC reported": the
    ministry's citation lies inside the BBC's content, so the BBC cites it.
    """
    out = []
    for c in citations:
        if c.citer is None and c.cue is not None and c.content:
            parent = _innermost_parent(c, citations)
            if parent is not None and parent.source is not None:
                c = replace(c, citer=parent.source, nested=True)
        out.append(c)
    return out


def _innermost_parent(c: Citation, citations: list[Citation]) -> Citation | None:
    best: Citation | None = None
    narrowest = 0  # the width of best's content
    for p in citations:
        span = p.content_span
        if p is c or span is None or c.cue is None or p.kind in WEAK_PARENTS:
            continue
        inside = span[0] <= c.cue[0] and c.cue[1] <= span[1]
        if c.source is not None:
            inside = inside and span[0] <= c.source.span[0] and c.source.span[1] <= span[1]
        if inside and (best is None or span[1] - span[0] < narrowest):
            best, narrowest = p, span[1] - span[0]
    return best
