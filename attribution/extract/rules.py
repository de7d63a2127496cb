"""One small function per construction that attributes content to a source.

Each rule looks at one token of a parsed sentence and returns a
:class:`Found` (source, cue, content) or None. Rules know nothing of other
sentences; resolving "he" or "the newspaper" happens afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import cast

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, POS
from spacy.parts_of_speech import VERB
from spacy.tokens import Doc, Token

from attribution.extract.cached import doc_text
from attribution.extract.citation import Mention, Span
from attribution.extract.phrases import is_proper, mention_for
from attribution.lexicon import load_table, load_words
from attribution.vocab import Kind, Medium

_JOINER = re.compile(r"[ \t,:;—–\-\"“”'‘’]*")
_EDGE_TRIM = " \t\n,.;:—–-\"“”'‘’()"
_MEDIA = cast(dict[str, Medium], load_table("media_words.tsv"))
_BELIEF = load_words("belief_verbs.txt")
_NEEDS_CLAUSE = _BELIEF | load_words("clause_verbs.txt")
_HEARERS = load_words("hearers.txt")


@dataclass(frozen=True)
class Found:
    """What a rule found in one sentence, before resolution."""

    source: Mention | None
    cue: Span | None
    content: tuple[Span, ...]
    kind: Kind
    medium: Medium = "speech"
    confidence: float = 0.7
    citer: Mention | None = None
    nested: bool = False
    lemma: str = ""  # the cue's lemma ("tell", "according to", "tweet"); "" for a bare quote


@dataclass(frozen=True)
class Context:
    """What a rule may look at besides the token: the article's quotes."""

    quotes: tuple[Span, ...]
    text: str = ""

    def _joins(self, a: int, b: int) -> bool:
        """Only commas, colons, dashes, spaces and quotation marks between a and b."""
        return bool(_JOINER.fullmatch(self.text[a:b])) if self.text else True

    def in_quote(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quotes)

    def quote_after(self, pos: int, within: int = 4) -> Span | None:
        """A quote opening within a few characters after ``pos`` (", “..." or ": “...")."""
        return next(
            (q for q in self.quotes if 0 <= q[0] - pos <= within and self._joins(pos, q[0])), None
        )

    def said(self, quote: Span) -> Span:
        """A quote as the content of a citation: without the comma that hands it on to
        its reporting clause (`“The road is closed,” Lind said`)."""
        start, end = quote
        while end > start and self.text and self.text[end - 1] in ", \t\n":
            end -= 1
        return start, end

    def quote_before(self, pos: int, within: int = 4) -> Span | None:
        """A quote closing within a few characters before ``pos`` (`...,” he said`)."""
        return next(
            (q for q in self.quotes if 0 <= pos - q[1] <= within and self._joins(q[1], pos)), None
        )


Rule = Callable[[Token, Context], "Found | None"]


def quote_of(part: Span, quotes: frozenset[Span]) -> Span | None:
    """The quote a content part is (:meth:`Context.said` may have cut its closing comma).

    Looked up, not searched: an article can hold thousands of quotes and citations.
    """
    start, end = part
    return next(((start, end + k) for k in range(4) if (start, end + k) in quotes), None)


def token_span(tok: Token) -> Span:
    return tok.idx, tok.idx + len(tok)


def spans_of(tokens: Iterable[Token]) -> tuple[Span, ...]:
    """Contiguous character spans covering ``tokens``, trimmed of edge punctuation."""
    ordered = sorted(tokens, key=lambda t: t.i)
    if not ordered:
        return ()
    doc = ordered[0].doc
    groups: list[list[Token]] = [[ordered[0]]]
    for tok in ordered[1:]:
        if tok.i == groups[-1][-1].i + 1:
            groups[-1].append(tok)
        else:
            groups.append([tok])
    spans = []
    for group in groups:
        start, end = group[0].idx, group[-1].idx + len(group[-1])
        start, end = _trim(doc_text(doc), start, end)
        if end > start:
            spans.append((start, end))
    return tuple(spans)


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in _EDGE_TRIM:
        start += 1
    while end > start and text[end - 1] in _EDGE_TRIM:
        end -= 1
    # A leading complementiser is the cue's, not the content's.
    match = re.match(r"that\s+", text[start:end])
    if match:
        start += match.end()
    return start, end


def clause_without(head: Token, *drop: Token) -> tuple[Span, ...]:
    """The subtree of ``head`` minus the subtrees of ``drop``."""
    dropped = {t.i for d in drop for t in d.subtree}
    return spans_of(t for t in head.subtree if t.i not in dropped)


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, borrowing it from the first conjunct ("X smiled and said")."""
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            return child
        if child.dep_ == "nsubj":
            if child.lower_ in {"who", "that"} and verb.dep_ == "relcl":
                return verb.head
            return child
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return set_off_subject(verb) or subject_of(verb.head)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in {"PROPN", "NOUN"}:
        return verb.head
    if verb.dep_ in {"advcl", "xcomp"} and verb.tag_ == "VBG" and verb.head.pos_ in {"VERB", "AUX"}:
        # "Clinton mocked the complaint, saying ...": the subject of the host verb.
        return subject_of(verb.head)
    return None


def set_off_subject(verb: Token) -> Token | None:
    """The subject of a reporting clause the parser hung on the sentence before it.

    In "The fund grew, the mayor's budget chief, Ana Ruiz, told the paper" the
    small model makes "told" a conjunct of "grew" and "budget chief" an
    apposition of the word before it, so the conjunct would borrow "The fund".
    A conjunct with no "and" that follows a comma straight after an apposition
    set off by commas takes that apposition as its subject.
    """
    if verb.i < 3 or verb.nbor(-1).text != "," or any(c.dep_ == "cc" for c in verb.head.children):
        return None
    top = verb.nbor(-2)
    while top.dep_ in {"compound", "flat", "amod", "punct"} and top.head.i < verb.i:
        top = top.head
    if top.dep_ != "appos":
        return None
    while top.head.dep_ == "appos" and top.head.i < verb.i:
        top = top.head
    first = top.left_edge
    if first.i == 0 or first.nbor(-1).text != "," or top.pos_ not in {"NOUN", "PROPN"}:
        return None
    # Someone who can speak: a person's name or role, not "Cambridge, Mass., said".
    named = any(t.ent_type_ == "PERSON" for t in top.subtree)
    return top if named or top.lemma_.lower() in load_words("person_roles.txt") else None


def _written_subject(verb: Token) -> Token | None:
    """The subject token as written, e.g. the relative "who" of "X, who said ..."."""
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _hearer(verb: Token) -> Mention | None:
    """The one told: "X told The Post" makes The Post the one citing X."""
    for child in verb.children:
        if child.dep_ in {"dobj", "dative"} and child.lower_ not in _HEARERS:
            return _told(child, verb)
        if (
            child.dep_ == "prep"
            and child.lower_ == "to"
            and verb.lemma_ in {"speak", "talk", "say"}
        ):
            objs = [t for t in child.children if t.dep_ == "pobj"]
            if objs and objs[0].lower_ not in _HEARERS:
                return _told(objs[0], verb)
    return None


def _told(tok: Token, verb: Token) -> Mention | None:
    """The one ``verb`` told, or the outlet they work for when they are a named person:
    "told Fox News's Ana Berg", "told Ana Berg of Fox News" (the "of" the parse may hang
    on the verb, right after the name) were told to Fox News, which published the words."""
    told = mention_for(tok)
    if told is not None and told.kind == "person":
        after = [p for p in verb.children if p.i == tok.right_edge.i + 1]
        return _employer(tok) or _of_outlet(after) or told
    return told


_OCCASIONS = load_words("occasions.txt")  # "in an interview with CNN"
_SHOW_HEADS = load_words("show_heads.txt")  # "The Laura Ingraham Show"
_ON_TOPIC = load_words("topic_verbs.txt")  # "commented on the Times report": a topic, no venue
# "said in Times Square", "said on Election Day": a place or a time is not a venue.
_NOT_VENUES = {"DATE", "TIME", "FAC", "LOC", "EVENT", "CARDINAL", "ORDINAL"}


def _venue(verb: Token, ctx: Context) -> Mention | None:
    """The outlet or show a source spoke through, which passes the words on to the article.

    "X said in an interview with CNN('s Wolf Blitzer)", "X said on Fox News's “Fox and
    Friends”", "On “Face the Nation,” X said", "In a Bloomberg interview X declared",
    "X appeared on MSNBC and said". A show owned by a named outlet gives the outlet; a
    show named alone (in quotes, or "The ... Show") counts as an outlet. Listeners who
    did not publish are no venue: "in a speech to supporters", "in a letter to Congress".
    """
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "on", "during"}]
    host = verb.head
    if verb.dep_ in {"conj", "advcl"} and host.lemma_ in {"appear", "speak", "talk", "tell"}:
        # "X appeared on MSNBC and said ...", "X spoke to CNN, saying ...".
        told = _hearer(host) if host.lemma_ != "appear" else None
        if told is not None and told.kind == "outlet":
            return told
        preps += [c for c in host.children if c.dep_ == "prep" and c.lower_ in {"in", "on"}]
    occasion = _relative_occasion(verb, preps)
    if occasion is not None:
        return _occasion(occasion, ctx) or (
            _publisher(occasion, ctx) if is_proper(occasion) else None
        )
    for prep in preps:
        for obj in (c for c in prep.children if c.dep_ in {"pobj", "pcomp"}):
            if obj.lemma_.lower() in _OCCASIONS and not ctx.in_quote(obj.idx):
                # "on The Laura Ingraham Show": a show named alone is its own publisher.
                found = _occasion(obj, ctx) or (_publisher(obj, ctx) if is_proper(obj) else None)
            elif prep.lower_ == "during" or verb.lemma_ in _ON_TOPIC:
                found = None
            else:
                found = _publisher(obj, ctx)
            if found is not None:
                return found
    return _venue_in_complement(verb, ctx)


def _relative_occasion(verb: Token, preps: list[Token]) -> Token | None:
    """The occasion a relative clause is "in": "X's RT appearance, in which he said",
    "an interview with CNN during which she said"."""
    if verb.dep_ != "relcl" or verb.head.lemma_.lower() not in _OCCASIONS:
        return None
    which = (c for p in preps for c in p.children if c.dep_ == "pobj")
    return verb.head if any(c.lower_ == "which" for c in which) else None


def _venue_in_complement(verb: Token, ctx: Context) -> Mention | None:
    """A venue the parse hung on the verb's object: "blasted Clinton as a disgrace on The
    Laura Ingraham Show". Only an occasion ("an interview with X") or a show's name
    counts there: "criticized the coverage on CNN" may be CNN's coverage."""
    for comp in (c for c in verb.rights if c.dep_ in {"dobj", "prep"}):
        for prep in comp.subtree:
            if prep is comp or prep.dep_ != "prep" or prep.lower_ not in {"in", "on"}:
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if obj.lemma_.lower() not in _OCCASIONS or ctx.in_quote(obj.idx):
                    continue
                found = _occasion(obj, ctx)
                if found is None and is_proper(obj) and obj.lower_ in _SHOW_HEADS:
                    found = _publisher(obj, ctx)
                if found is not None:
                    return found
    return None


def _occasion(noun: Token, ctx: Context) -> Mention | None:
    """Who published "a Bloomberg interview", "an interview with ABC News", "an episode of X"."""
    for child in noun.lefts:
        if child.dep_ in {"poss", "compound", "nmod"}:
            m = mention_for(child)
            if m is not None and m.kind == "outlet":
                return m
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ in {"with", "on", "to", "of", "for", "in"}:
            for obj in (c for c in prep.children if c.dep_ in {"pobj", "pcomp"}):
                found = _publisher(obj, ctx)
                if found is not None:
                    return found
    return None


def _publisher(tok: Token, ctx: Context) -> Mention | None:
    """``tok`` names an outlet or a show: "CNN", "CNN's Wolf Blitzer", "“Face the Nation”".

    The outlet that owns a show or employs a host comes first; a show title
    is an outlet of its own. A common noun ("the Senate floor", "a conference
    call") is neither.
    """
    if tok.lower_ in load_words("outlet_staff.txt"):
        return _staff_outlet(tok, ctx)
    named_show = is_proper(tok) and tok.lower_ in _SHOW_HEADS  # the tagger's EVENT or not
    if tok.ent_type_ in _NOT_VENUES and not named_show:
        return None
    titled = ctx.in_quote(tok.idx)
    if not (titled or is_proper(tok) or tok.lemma_.lower() in _SHOW_HEADS):
        return None
    owner = _employer(tok)
    if owner is not None:
        return owner
    m = mention_for(tok)
    if m is not None and m.kind == "outlet":
        return m
    if titled:
        return _show_title(tok, ctx)
    if m is not None and is_proper(tok) and tok.lower_ in _SHOW_HEADS:
        return replace(m, kind="outlet")  # "The Laura Ingraham Show"
    return None


def _employer(tok: Token) -> Mention | None:
    """The outlet a named host or reporter works for: "CNN's Wolf Blitzer", "Harbour
    Radio host Ana Berg" (the outlet in a title before the name), "Ana Berg of CNN"."""
    for child in tok.lefts:
        # A part of the outlet's own name ("Daily" in "The Daily Beast") is no employer.
        named = child.dep_ == "poss" or tok.ent_type_ == "PERSON"
        if named and child.dep_ in {"poss", "compound", "nmod"}:
            # A title ("host") names no one: the outlet is in the words before it.
            m = _employer(child) if child.pos_ == "NOUN" else mention_for(child)
            if m is not None and m.kind == "outlet":
                return m
    return _of_outlet(list(tok.rights))  # "Bill Hart of Harbour Radio"


def _of_outlet(preps: list[Token]) -> Mention | None:
    """The outlet in "of/at/from X" among ``preps``, if X is one."""
    for prep in preps:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "at", "from"}:
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                m = mention_for(obj)
                if m is not None and m.kind == "outlet":
                    return m
    return None


def _staff_outlet(tok: Token, ctx: Context) -> Mention | None:
    """The outlet whose staff ``tok`` names: "the editorial board of The Post", "CNN's
    reporters", "reporters from CNN" (data/outlet_staff.txt)."""
    owner = next((c for c in tok.lefts if c.dep_ == "poss"), None)
    if owner is not None:
        return _publisher(owner, ctx)
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "from", "at"}:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            return _publisher(obj, ctx) if obj is not None else None
    return None


def _show_title(tok: Token, ctx: Context) -> Mention | None:
    """The quoted title ``tok`` stands in: "“Face the Nation”" names a show, a long quote does not."""
    quote = next((q for q in ctx.quotes if q[0] <= tok.idx < q[1]), None)
    if quote is None:
        return None
    text = doc_text(tok.doc)
    start, end = _trim(text, *quote)
    title = text[start:end]
    words = title.split()
    if not words or len(words) > 6 or not all(w[:1].isupper() for w in words if len(w) > 3):
        return None  # "“On this basis,” X said" is a quote, not a title
    if tok.head.idx >= start or any(
        t.idx < start or t.idx >= end for t in tok.subtree if not t.is_punct
    ):
        return None
    return Mention((start, end), title, title, "outlet", phrase=(start, end))


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _medium(verb: Token) -> Medium:
    """How the words went out: a tweet or post when the verb, its subject ("The tweet
    read: ...") or an object of its prepositions ("said on Telegram") says so."""
    subj = subject_of(verb)
    if subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in {"tweet", "post"}:
        return _MEDIA[subj.lemma_.lower()]
    # "an interview with The Huffington Post" is no post: a name's "Post" is an outlet.
    words = {verb.lemma_.lower()} | {
        t.lower_
        for t in verb.subtree
        if t.dep_ == "pobj" and not (t.lower_ == "post" and t.pos_ == "PROPN")
    }
    return next((_MEDIA[w] for w in sorted(words) if w in _MEDIA), "speech")


def reporting_verb(tok: Token, ctx: Context) -> Found | None:
    """A reporting verb with its subject and what it reports.

    >>> # "Kuzyk told the FT that the meals were still set out."
    >>> # "“We have never been so busy,” Mauratova told the newspaper."
    >>> # "The ministry confirmed that ..., the BBC reported."
    """
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in load_words("cue_verbs.txt"):
        return None
    if ctx.in_quote(tok.idx):
        return None
    subj = subject_of(tok)
    if subj is None or subj.lower_ in load_words("impersonal_subjects.txt"):
        return _passive_report(tok, ctx)
    if subj.dep_ == "nsubjpass":
        return _passive_report(tok, ctx)
    content = _reported_content(tok, ctx)
    hearer = _hearer(tok) if tok.lemma_ in {"tell", "speak", "talk"} else None
    if not content and hearer is None and tok.lemma_ not in {"post", "tweet", "share"}:
        return None
    if not content and tok.lemma_.lower() in _NEEDS_CLAUSE:
        return None
    source = mention_for(subj, _written_subject(tok))
    if source is None:
        return None
    if hearer is None and source.kind != "outlet" and _spoken(_lemma(tok)):
        hearer = _venue(tok, ctx)
    kind: Kind = "direct" if any(ctx.in_quote(s[0]) for s in content) else "indirect"
    confidence = 0.9 if kind == "direct" else 0.75
    return Found(
        source, token_span(tok), content, kind, _medium(tok), confidence, hearer, lemma=_lemma(tok)
    )


def _carried_cue(verb: Token) -> Token | None:
    """The cue verb ``verb`` carries: "continues to insist", "went on to say" (a verb of
    aspect, data/aspect_verbs.txt), or "responded by saying", "began by writing"."""
    cues = load_words("cue_verbs.txt")
    for child in verb.children:
        aspect = child.dep_ == "xcomp" and _lemma(verb) in load_words("aspect_verbs.txt")
        if aspect and child.pos_ == "VERB" and _lemma(child) in cues:
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            for inner in (c for c in child.children if c.dep_ == "pcomp" and c.tag_ == "VBG"):
                if _lemma(inner) in cues:
                    return inner
    return None


def _that_complement(tok: Token) -> bool:
    """A clause that is what was said: a complement, or a "that" clause the parse made an
    adverbial one ("continues to insist, in an interview, that ...")."""
    that = any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
    return tok.dep_ == "ccomp" or (tok.dep_ == "advcl" and that)


def carried_report(tok: Token, ctx: Context) -> Found | None:
    """A cue verb carried by another verb, said by that verb's subject.

    >>> # "Osk continues to insist, most recently in an interview with CNN, that ..."
    >>> # "Osk appeared on CNN and began by saying fares would rise."

    The cue and its lemma are the inner verb's; the content is the inner verb's
    clause, or the clause the parse hung on the outer verb; the venue may be
    named on either ("appeared on CNN and began by saying").
    """
    if tok.pos_ != "VERB" or ctx.in_quote(tok.idx):
        return None
    inner = _carried_cue(tok)
    subj = subject_of(tok) if inner is not None else None
    if inner is None or subj is None or subj.dep_ == "nsubjpass":
        return None
    if subj.lower_ in load_words("impersonal_subjects.txt"):
        return None
    if tok.tag_ == "VBG" and subj.i > tok.i:
        # "..., Sanders said, going on to say that ..., young people do not want ...":
        # the parse lent the participle a subject from the clause after it.
        return None
    content = _reported_content(inner, ctx) or next(
        (clause_without(c) for c in tok.children if c.i > inner.i and _that_complement(c)), ()
    )
    source = mention_for(subj, _written_subject(tok))
    if not content or source is None:
        return None
    venue = None
    if source.kind != "outlet" and _spoken(_lemma(inner)):
        venue = _venue(inner, ctx) or _venue(tok, ctx)
    kind: Kind = "direct" if any(ctx.in_quote(s[0]) for s in content) else "indirect"
    return Found(
        source, token_span(inner), content, kind, _medium(inner), 0.75, venue, lemma=_lemma(inner)
    )


def made_clear(tok: Token, ctx: Context) -> Found | None:
    """ "X made (it) clear that ...": a statement, whose cue is "made ... clear", by a
    person, organisation or unnamed speaker ("the storm made it clear" is none).

    >>> # "In an interview with the Gazette, Osk made it clear that fares would rise."
    """
    if tok.pos_ != "VERB" or _lemma(tok) != "make" or ctx.in_quote(tok.idx):
        return None
    clear = next((c for c in tok.children if c.lower_ == "clear" and c.i > tok.i), None)
    subj = subject_of(tok) if clear is not None else None
    if clear is None or subj is None or subj.dep_ == "nsubjpass":
        return None
    speakers = load_words("person_roles.txt") | load_words("communicator_heads.txt")
    if not (_actor(subj) or _lemma(subj) in speakers):
        return None  # "the storm made it clear that ..." is no one's statement
    if any(
        t.lower_ not in {"it", "very", "abundantly", "perfectly", "crystal"}
        for t in tok.doc[tok.i + 1 : clear.i]
    ):
        return None  # "made this clear:" shows; "made it (very) clear that" says
    hosts = (*clear.children, *tok.children)
    clause = next((c for c in hosts if c.dep_ in {"ccomp", "advcl"} and c.i > clear.i), None)
    source = mention_for(subj, _written_subject(tok))
    if clause is None or source is None or clause.pos_ not in {"VERB", "AUX"}:
        return None
    venue = _venue(tok, ctx) if source.kind != "outlet" else None
    cue = (tok.idx, clear.idx + len(clear))
    content = clause_without(clause)
    return Found(source, cue, content, "indirect", "speech", 0.75, venue, lemma="make clear")


def _spoken(lemma: str) -> bool:
    """Does a cue with this lemma pass words on when said through a venue (a show, an
    interview, an essay)? Speech verbs always; verbs of judging aloud ("blasted",
    "likened": data/spoken_stances.txt) only there."""
    return lemma in load_words("hop_cues.txt") or lemma in load_words("spoken_stances.txt")


def _reported_content(verb: Token, ctx: Context) -> tuple[Span, ...]:
    """What a reporting verb reports: its clause, an adjacent quote, or its host clause."""
    after = ctx.quote_after(verb.idx + len(verb), within=4)
    if after:
        return (ctx.said(after),)
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp"} and child.i > verb.i:
            return clause_without(child)
    clause = _that_clause(verb)
    if clause is not None:
        return clause_without(clause)
    colon = _after_colon(verb)
    if colon is not None:
        return (colon,)
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp"} and child.i < verb.i:
            # The quote just before the reporting clause, when the clause starts in it: a
            # mixed quote (`Bush called the plan “a mess,” Lind said`) is the whole clause.
            first = next((t for t in child.subtree if not t.is_punct), child)
            quote = ctx.quote_before(_left_edge_of_clause(verb).idx, within=6)
            if quote is None or not quote[0] <= first.idx < quote[1]:
                quote = next((q for q in ctx.quotes if q[0] <= first.idx < q[1] + 2), None)
            if quote:
                return (ctx.said(quote),)
            return _whole_sentence_before(verb, child) or clause_without(child)
    quote = ctx.quote_before(_left_edge_of_clause(verb).idx, within=4)
    if quote:
        return (ctx.said(quote),)
    if verb.dep_ == "conj" and (subj := set_off_subject(verb)) is not None:
        return clause_without(verb.head, subj, verb)
    if verb.dep_ in {"parataxis", "ccomp", "advcl"} and _set_off(verb):
        # "..., the BBC reported." / "The museum, Mr. Bush said, celebrated ...": the host clause.
        return clause_without(verb.head, verb)
    if (
        verb.dep_ == "advcl"
        and any(c.lower_ == "as" and c.dep_ == "mark" for c in verb.children)
        and verb.lemma_.lower() not in load_words("light_verbs.txt")
    ):
        # "..., as the BBC reported" - but not "..., as evacuations continue".
        return clause_without(verb.head, verb)
    return ()


def _whole_sentence_before(verb: Token, clause: Token) -> tuple[Span, ...]:
    """All the sentence before a reporting clause that closes it, when the parse gave the
    verb only the last of two joined clauses: in "A told B that ..., but C overruled
    the request, the source added", the source added all of it. Empty otherwise."""
    sent = verb.sent
    first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    start = clause.left_edge
    if first is None or start.i <= first.i or not _set_off(verb):
        return ()
    rest = [t for t in sent if t.i > verb.i and t not in set(verb.subtree)]
    if any(not (t.is_punct or t.is_space) for t in rest):
        return ()
    end = _left_edge_of_clause(verb).i - 1  # the comma before the reporting clause
    return spans_of(t for t in sent if first.i <= t.i < end)


def _after_colon(verb: Token) -> Span | None:
    """ "Limbaugh added: And from a supposed front-runner ...": the rest of the paragraph."""
    nxt = verb.nbor() if verb.i + 1 < len(verb.doc) else None
    if nxt is None or nxt.text != ":":
        return None
    text = doc_text(verb.doc)
    end = text.find("\n", nxt.idx)
    start, end = _trim(text, nxt.idx + 1, end if end != -1 else len(text))
    return (start, end) if end > start else None


def _set_off(verb: Token) -> bool:
    """The reporting clause stands apart from its host, after a comma or between two."""
    first = _left_edge_of_clause(verb)
    before = first.nbor(-1) if first.i > 0 else None
    return before is not None and before.text in {",", "—", "–", "”", "''"}


def _that_clause(verb: Token) -> Token | None:
    """A "that" clause the parser hung elsewhere ("tweeted in the morning that X was ...")."""
    for tok in verb.subtree:
        if tok.i > verb.i and tok.lower_ == "that" and tok.dep_ in {"mark", "advmod"}:
            head = tok.head
            if (
                head.head == verb
                and head.pos_ in {"VERB", "AUX"}
                and head.dep_ in {"advcl", "relcl"}
            ):
                return head
    return None


def _left_edge_of_clause(verb: Token) -> Token:
    """The first token of the reporting clause itself (its subject), not its content."""
    subj = subject_of(verb)
    return subj.left_edge if subj is not None and subj.i < verb.i else verb


def _passive_report(verb: Token, ctx: Context) -> Found | None:
    """ "It was reported that ..." / "X is said to ...": attribution without a source."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    content = _reported_content(verb, ctx)
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is not None and content and any(c.dep_ == "xcomp" for c in verb.children):
        # "The company is said to be close to collapse": the subject is part of what is said.
        content = spans_of(
            [*subj.subtree, *(t for c in verb.children if c.dep_ == "xcomp" for t in c.subtree)]
        )
    elif subj is not None and subj.lower_ != "it":
        return None
    if not content:
        return None
    if agent is not None:
        objs = [t for t in agent.children if t.dep_ == "pobj"]
        if objs:
            return Found(
                mention_for(objs[0]),
                token_span(verb),
                content,
                "indirect",
                _medium(verb),
                lemma=_lemma(verb),
            )
    return Found(
        None, token_span(verb), content, "no-source", _medium(verb), 0.5, lemma=_lemma(verb)
    )


def according_to(tok: Token, ctx: Context) -> Found | None:
    """ "according to X": X is the source of the clause the phrase hangs on.

    >>> # "Russian soldiers fled, according to multiple reports."
    """
    if tok.lower_ != "according" or tok.i + 1 >= len(tok.doc) or tok.nbor().lower_ != "to":
        return None
    to = tok.nbor()
    objs = [t for t in to.children if t.dep_ == "pobj"] or [
        t for t in tok.children if t.dep_ == "pobj"
    ]
    if not objs:
        return None
    source = mention_for(objs[0])
    if source is None:
        return None
    host = tok.head if tok.head.pos_ in {"VERB", "AUX"} else tok.head.head
    while host.dep_ not in {"ROOT", "ccomp", "conj", "advcl", "relcl"} and host.head is not host:
        host = host.head
    content = _within_quote(clause_without(host, tok), tok.idx, ctx)
    citer = _relative_hearer(objs[0])
    cue = (tok.idx, to.idx + len(to))
    return Found(source, cue, content, "according-to", "print", 0.85, citer, lemma="according to")


def _within_quote(content: tuple[Span, ...], pos: int, ctx: Context) -> tuple[Span, ...]:
    """``content`` cut to the quotation that holds ``pos``, if one does: an "according
    to" inside someone's quote ('the report says the firm "has 98 offices, according to
    its own website"') vouches for the quote's words, not the sentence around it."""
    quote = next(((a, b) for a, b in ctx.quotes if a <= pos < b), None)
    if quote is None:
        return content
    cut = tuple((max(a, quote[0]), min(b, quote[1])) for a, b in content)
    return tuple((a, b) for a, b in cut if a < b) or content


def _relative_hearer(noun: Token) -> Mention | None:
    """ "local residents ..., who spoke to The Washington Post": the Post cites them."""
    for tok in noun.subtree:
        if tok.dep_ == "relcl" and tok.lemma_ in {"speak", "talk", "tell"}:
            return _hearer(tok)
    return None


def noun_cue(tok: Token, ctx: Context) -> Found | None:
    """ "In a tweet by X, ..." / "In a statement, X ...": a cue noun carries the source.

    >>> # "In a tweet by Taras Kuzio, Russian soldiers are said to be revolting."
    """
    if tok.lemma_.lower() not in load_words("cue_nouns.txt") or tok.dep_ != "pobj":
        return None
    prep = tok.head
    if prep.lower_ not in {"in", "on"} or prep.head.pos_ not in {"VERB", "AUX"}:
        return None
    by = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}]
    objs = [t for b in by for t in b.children if t.dep_ == "pobj"]
    if not objs:
        return None
    source = mention_for(objs[0])
    if source is None:
        return None
    medium = _MEDIA.get(tok.lemma_.lower(), "print")
    content = clause_without(prep.head, prep)
    return Found(source, token_span(tok), content, "noun-cue", medium, 0.8, lemma=_lemma(tok))


def post_reads(tok: Token, ctx: Context) -> Found | None:
    """ "The tweet read: “...”": the post speaks; its author is found by resolution."""
    if tok.lemma_ not in {"read", "say"} or ctx.in_quote(tok.idx):
        return None
    subj = subject_of(tok)
    if subj is None or subj.lemma_.lower() not in load_words("post_nouns.txt"):
        return None
    quote = ctx.quote_after(tok.idx + len(tok), within=4)
    if quote is None:
        return None
    start = subj.left_edge.idx
    mention = Mention(
        (start, subj.idx + len(subj)),
        doc_text(tok.doc)[start : subj.idx + len(subj)],
        subj.text,
        "pronoun",
    )
    medium = _MEDIA.get(subj.lemma_, "post")
    return Found(mention, token_span(tok), (quote,), "direct", medium, 0.8, lemma=_lemma(tok))


_STANCE_SUBJECTS = load_words("stance_pronouns.txt")


def stance_verb(tok: Token, ctx: Context) -> Found | None:
    """A named actor's stance or act of expression outside the cue lexicon.

    PolNeAR counts beliefs, intentions and positions as attributions
    ("Nervo rejected that argument", "Trump defended his tweets"); these are
    kept with low confidence and kind "stance", which the graph leaves out.

    >>> # "Justice Nervo rejected that argument in a ruling released Thursday."
    """
    if tok.pos_ != "VERB" or ctx.in_quote(tok.idx) or tok.dep_ in {"amod", "acl", "relcl"}:
        return None
    if tok.lemma_.lower() in load_words("not_stance_verbs.txt"):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or not _actor(subj):
        return None
    comps = [c for c in tok.rights if c.dep_ in {"ccomp", "xcomp", "dobj"}]
    if not comps:
        return None
    content = spans_of(t for c in comps for t in c.subtree)
    source = mention_for(subj, _written_subject(tok))
    if source is None or not content:
        return None
    if _lemma(tok) in load_words("spoken_stances.txt") and source.kind != "outlet":
        venue = _venue(tok, ctx)
        if venue is not None:
            return _judged_aloud(tok, source, venue)
    return Found(source, token_span(tok), content, "stance", "speech", 0.4, lemma=_lemma(tok))


def _judged_aloud(verb: Token, source: Mention, venue: Mention) -> Found:
    """ "X blasted Y as a disgrace on The Z Show": words the show published, so a
    citation the show passes on. Its content is the judgement (the verb's
    complements), without the venue's phrase."""
    dropped = _venue_phrase(verb, venue)
    content = spans_of(
        t
        for c in verb.rights
        if c.dep_ not in {"punct", "cc", "conj", "npadvmod"}
        for t in c.subtree
        if t.i not in dropped
    )
    return Found(
        source, token_span(verb), content, "indirect", "speech", 0.6, venue, lemma=_lemma(verb)
    )


def _venue_phrase(verb: Token, venue: Mention) -> set[int]:
    """The tokens of the prepositional phrase that names ``venue`` ("on The Z Show")."""
    for tok in verb.subtree:
        if venue.span[0] <= tok.idx < venue.span[1]:
            node = tok
            while node.dep_ != "prep" and node.head is not node and node is not verb:
                node = node.head
            return {t.i for t in node.subtree} if node.dep_ == "prep" else set()
    return set()


def _actor(subj: Token) -> bool:
    """A person, organisation or pronoun for one: the kind of subject that holds a view."""
    if subj.lower_ in _STANCE_SUBJECTS:
        return True
    return subj.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or (
        subj.pos_ == "PROPN" and subj.ent_type_ not in {"DATE", "TIME", "CARDINAL", "MONEY"}
    )


def hedge(tok: Token, ctx: Context) -> Found | None:
    """ "The dam was reportedly sabotaged": a claim passed on with no source at all."""
    if tok.dep_ != "advmod" or tok.lower_ not in load_words("hedges.txt"):
        return None
    content = clause_without(tok.head, tok)
    if not content:
        return None
    return Found(None, token_span(tok), content, "no-source", "unknown", 0.5, lemma=_lemma(tok))


RULES: tuple[Rule, ...] = (
    carried_report,
    made_clear,
    reporting_verb,
    according_to,
    noun_cue,
    post_reads,
    stance_verb,
    hedge,
)


def may_fire(doc: Doc) -> numpy.ndarray:
    """Which tokens of ``doc`` any rule could fire on: a mask built from whole-Doc arrays.

    It is the union of each rule's first test (a verb; "according"; a
    prepositional object; "read" or "say"; an adverbial modifier), so the
    rules are not called for the three tokens in four that none of them
    wants. A rule whose first test changes must be given a place here.
    """
    strings = doc.vocab.strings
    pos, dep, lower, lemma = doc.to_array([POS, DEP, LOWER, LEMMA]).T
    return numpy.asarray(
        (pos == VERB)
        | (lower == strings["according"])
        | numpy.isin(dep, [strings["pobj"], strings["advmod"]])
        | numpy.isin(lemma, [strings["read"], strings["say"]])
    )
