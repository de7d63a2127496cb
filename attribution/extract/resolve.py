"""Resolve "he", "the newspaper", "the tweet" to a source named earlier in the article."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy
from spacy.attrs import DEP, POS
from spacy.tokens import Doc, Token
from spacy.tokens import Span as Span_

from attribution.extract.cached import doc_ents, doc_text
from attribution.extract.citation import Mention, Span
from attribution.extract.phrases import is_proper, mention_for
from attribution.extract.rules import Found, quote_of
from attribution.lexicon import load_table, load_words

_POSTS = load_words("post_media.txt")
_NOT_PEOPLE = load_words("not_people.txt")  # months and days the small model tags PERSON


@dataclass(frozen=True)
class Antecedents:
    """Sources named in an article, in text order, that a reference can point back to."""

    mentions: tuple[Mention, ...]
    humans: frozenset[tuple[int, int]] = frozenset()
    posters: tuple[Mention, ...] = ()  # authors of tweets and posts, in text order
    quotes: frozenset[tuple[int, int]] = frozenset()  # the article's quotations
    sentences: tuple[int, ...] = ()  # where each sentence of the article starts
    sources: frozenset[tuple[int, int]] = frozenset()  # spans of sources the rules found
    # A lone surname's first name, where the article gives it one full name only.
    first_names: dict[str, str] = field(default_factory=dict)
    # Each sentence's subject when it is a named person ("" otherwise); the first is the headline's.
    subjects: tuple[str, ...] = ()
    # Where each proper noun that may name a person stands, and the word (lowercased).
    names: tuple[tuple[int, str], ...] = ()
    # "he"/"she" bound by the parse to the named subject of the clause it hangs on.
    bound: dict[Span, Mention] = field(default_factory=dict)
    # Sources that are records ("A Reuters survey found": the survey), in text order.
    records: tuple[Mention, ...] = ()

    @classmethod
    def from_doc(
        cls,
        doc: Doc,
        found: list[Found],
        quotes: tuple[Span, ...] = (),
        skip: tuple[Span, ...] = (),
    ) -> Antecedents:
        """Named people and outlets from NER, plus every source the rules found.

        Nothing inside the ``skip`` spans (datelines: "WASHINGTON (AP) —") is one.
        """
        outlet_words = load_words("outlet_words.txt")
        named = [m for f in found for m in (f.source, f.citer)]
        seen: list[Mention] = [m for m in named if m is not None and m.kind != "pronoun"]
        posters = tuple(
            sorted(
                (f.source for f in found if f.medium in _POSTS and f.source is not None),
                key=lambda m: m.span,
            )
        )
        for ent in doc_ents(doc):
            if ent.label_ == "PERSON" and ent.text.lower() not in _NOT_PEOPLE:
                if not _inside_description(ent.root):
                    name = _without_possessive(ent.text)
                    seen.append(Mention((ent.start_char, ent.end_char), ent.text, name, "person"))
            elif ent.label_ == "ORG" and {t.lower_ for t in ent} & outlet_words:
                name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
                name = _without_possessive(name)
                seen.append(Mention((ent.start_char, ent.end_char), ent.text, name, "outlet"))
        seen.extend(_named_arguments(doc))
        humans = _human_subjects(doc)
        seen.extend(humans)
        # Only a singular one can be "he" or "she"; "local officials" stay for "they".
        spans = frozenset(m.span for m, plural in humans.items() if not plural)
        if skip:
            seen = [m for m in seen if not any(a <= m.span[0] < b for a, b in skip)]
        starts = tuple(sent.start_char for sent in doc.sents)
        mentions = tuple(sorted(set(seen), key=lambda m: (m.span, m.name, m.kind, m.text)))
        sources = frozenset(f.source.span for f in found if f.source is not None)
        firsts = _first_names(mentions)
        # A headline seldom parses as a clause: its person is the first one it names.
        subjects = tuple(_named_subject(sent, n == 0) for n, sent in enumerate(doc.sents))
        return cls(
            mentions,
            spans,
            posters,
            frozenset(quotes),
            starts,
            sources,
            firsts,
            subjects,
            _person_like_names(doc),
            _bound_pronouns(doc),
            _records(doc_text(doc), [f.source for f in found if f.source is not None]),
        )

    def before(
        self,
        pos: int,
        kind: str,
        unlike: frozenset[str] = frozenset(),
        skip: tuple[tuple[int, int], ...] = (),
    ) -> Mention | None:
        """The nearest mention of ``kind`` ending before ``pos`` ("any" for any kind).

        A mention whose first word (name or title) is in ``unlike`` is passed
        over: "he" does not point back to "Hillary Clinton" or "Mrs. May";
        nor is one inside ``skip``: the speaker of a quote is not named in it.
        """
        ends = [m.span[1] for m in self.mentions]
        for m in reversed(self.mentions[: bisect_left(ends, pos + 1)]):
            # "outlet|organisation": "the agency" is a news agency or a government one.
            fits = m.kind in kind.split("|") or (kind == "person" and m.span in self.humans)
            if m.span[1] > pos or not (kind == "any" or fits):
                continue
            if any(a <= m.span[0] < b for a, b in skip) or (unlike and self._first(m) in unlike):
                continue
            return m
        return None

    def _first(self, m: Mention) -> str:
        """The first word of ``m``'s name, or of the one full name a lone surname has here:
        "Clinton" is "Hillary Clinton" where the article names no other Clinton."""
        words = m.name.lower().replace(".", " ").split()
        if len(words) == 1:
            return self.first_names.get(words[0], words[0])
        return words[0] if words else ""

    def resolve(
        self, mention: Mention | None, skip: tuple[tuple[int, int], ...] = ()
    ) -> Mention | None:
        """The mention, with a pronoun or definite description pointed at its antecedent.

        Returns None when a pronoun has no fitting antecedent; a definite
        description that is not a known reference ("the residents") becomes an
        unnamed source.
        """
        if mention is None or mention.kind != "pronoun":
            return mention
        key = mention.text.lower()
        want = load_table("pronouns.tsv").get(key)
        if want is None:
            target = self.described(mention)
            if target is not None:
                return replace(mention, name=target.name, kind=target.kind)
            return replace(mention, kind="anonymous", name=mention.text.lower())
        if want == "post":
            earlier = [
                m for m in self.posters if m.span[1] <= mention.span[0] and m.kind != "pronoun"
            ]
            if not earlier:
                return None
            return replace(mention, name=earlier[-1].name, kind=earlier[-1].kind)
        bound = self.bound.get(mention.span)
        if bound is not None and self._first(bound) in _like(key):
            return replace(mention, name=bound.name, kind="person", sure=True)
        target = None
        if not any(a <= mention.span[0] < b for a, b in self.quotes):
            # Told in the article's own voice, a pronoun seldom means a name inside a quote.
            target = self.before(mention.span[0], want, _unlike(key), (*skip, *self.quotes))
        target = target or self.before(mention.span[0], want, _unlike(key), skip)
        if target is None:
            return None
        sure = want == "person" and self.unambiguous(mention, target, _unlike(key))
        if target.span in self.humans:
            # "The Republican lawmaker told ... that she": she is who the lawmaker is.
            target = self.described(target) or target
        return replace(mention, name=target.name, kind=target.kind, sure=sure)

    def unambiguous(self, pronoun: Mention, target: Mention, unlike: frozenset[str]) -> bool:
        """Is ``target`` the only person "he" or "she" can mean here?

        It must be named, at most :data:`_SURE_REACH` sentences back, and the
        only person of a fitting gender from the start of its sentence to the
        pronoun: "Ana Lind spoke. ... She told CNN" is Lind; "Lind met Ray. She
        told CNN" may be either, and stays a guess.
        """
        if target.kind != "person" or target.span in self.humans or not self.sentences:
            return False
        here = bisect_left(self.sentences, pronoun.span[0] + 1) - 1
        there = bisect_left(self.sentences, target.span[0] + 1) - 1
        if here - there > _SURE_REACH:
            return False
        # The two sentences before count even when the name is in the pronoun's own one:
        # "Lind saw Dr. Ray. After examining Lind, she said ..." is Ray's word.
        lo, surname = self.sentences[max(min(there, here - _SURE_REACH), 0)], _surname(target.name)
        for m in self._starting_in(lo, pronoun.span[0]):
            person = m.kind == "person" or m.span in self.humans
            if person and _surname(m.name) != surname and self._first(m) not in unlike:
                return False
        # A name the tagger did not take for a person, before the pronoun in its sentence.
        own = set(_without_possessive(target.name).lower().replace(".", " ").split())
        start = self.sentences[here]
        near = self._starting_in(self.sentences[max(here - 1, 0)], pronoun.span[0])
        outlets = [m.span for m in near if m.kind == "outlet"]
        first = bisect_left(self.names, (start, ""))
        return not any(
            pos < pronoun.span[0]
            and word not in own | unlike
            and not any(a <= pos < b for a, b in outlets)
            for pos, word in self.names[first : bisect_left(self.names, (pronoun.span[0], ""))]
        )

    @cached_property
    def _starts(self) -> list[int]:
        return [m.span[0] for m in self.mentions]

    def _starting_in(self, lo: int, hi: int) -> tuple[Mention, ...]:
        """The mentions that start in [lo, hi), found by bisection (an article may have
        thousands)."""
        return self.mentions[bisect_left(self._starts, lo) : bisect_left(self._starts, hi)]

    def described(self, mention: Mention) -> Mention | None:
        """The one person or outlet a definite description points back to, if unambiguous.

        "the Republican lawmaker" (a public role, singular, no possessive) is the
        person quoted in the sentence just before, when that sentence quotes only
        one; "the influential daily" (an outlet noun) is the outlet named in this
        sentence or the two before, when only one is. Otherwise None.
        """
        words = mention.text.lower().replace("’", "'").split()
        if len(words) < 2 or words[0] != "the" or any("'" in w for w in words):
            return None
        noun = words[-1]
        here = bisect_left(self.sentences, mention.span[0] + 1) - 1
        roles = load_words("referring_roles.txt") | load_words("person_roles.txt")
        if noun in roles and (subject := self._protagonist_before(here)):
            found = [m for m in self.mentions if m.kind == "person" and m.name == subject]
            return found[0] if found else None
        if noun in load_words("referring_roles.txt"):
            lo, hi = self.sentences[here - 1] if here > 0 else 0, self.sentences[here]
            people = [
                m
                for m in self.mentions
                if m.kind == "person" and m.span not in self.humans and lo <= m.span[0] < hi
            ]
            quoted = [m for m in people if m.span in self.sources]
            names = {w.lower() for m in people for w in m.name.split()[-1:]}
            if not quoted or len(names) != 1 or any(" and " in m.text for m in quoted):
                return None
            return max(people, key=lambda m: len(m.name))
        if noun in load_words("document_heads.txt"):
            return self._record_before(mention, here)
        if noun in load_words("outlet_nouns.txt"):
            lo = self.sentences[max(here - 2, 0)] if self.sentences else 0
            outlets = [
                m
                for m in self.mentions
                if m.kind == "outlet" and lo <= m.span[0] and m.span[1] <= mention.span[0]
            ]
            if len({m.name.lower() for m in outlets}) == 1:
                return outlets[-1]
        return None

    def _record_before(self, mention: Mention, here: int) -> Mention | None:
        """The one named record a source in this sentence or the two before is, if only one:
        "A Reuters survey of voter lists found ... The study also found ..." is the survey."""
        lo = self.sentences[max(here - 2, 0)] if self.sentences else 0
        records = [m for m in self.records if lo <= m.span[0] and m.span[1] <= mention.span[0]]
        if len({m.name.lower() for m in records}) == 1:
            return records[-1]
        return None

    def _protagonist_before(self, here: int) -> str:
        """The person the headline is about, when the sentence before ``here`` is about
        them too: "Ana Lind Speaks Out ... / Ana Lind spoke Tuesday ... / On the show, the
        former mayor said ...". A description that follows the article's subject in
        both places is that subject; after anyone else it may be anyone ("Lind attacked
        Ray. The former mayor said ..."), and stays a description."""
        if here < 2 or len(self.subjects) <= here or not self.subjects[0]:
            return ""
        headline, before = self.subjects[0], self.subjects[here - 1]
        # The tagger often runs a headline's name on into its verb ("Ana Lind Speaks").
        same = bool(before) and before.split()[-1].lower() in headline.lower().split()
        return before if before and same and len(before.split()) > 1 else ""

    def resolve_found(self, found: Found) -> Found:
        """Resolve both the source and the citer of a rule's finding."""
        said = tuple(q for part in found.content if (q := quote_of(part, self.quotes)))
        source = self.resolve(found.source, said)
        citer = self.resolve(found.citer)
        if citer is not None and citer.kind not in {"outlet", "person", "organisation"}:
            citer = None
        if found.source is not None and source is None:
            return replace(found, source=None, citer=citer, kind="unresolved")
        return replace(found, source=source, citer=citer)


def _named_subject(sent: Span_, headline: bool = False) -> str:
    """The person a sentence is about: its main verb's subject, when the tagger names a
    person there ("Ana Lind spoke ..."), else ""; in a headline, the first person named."""
    if headline:
        first = next((e for e in sent.ents if e.label_ == "PERSON"), None)
        return _without_possessive(first.text) if first is not None else ""
    subject = next((c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.ent_type_ != "PERSON":
        return ""
    ent = next((e for e in sent.ents if e.start <= subject.i < e.end), None)
    return _without_possessive(ent.text) if ent is not None and ent.label_ == "PERSON" else ""


_SURE_REACH = 2  # sentences between a pronoun and the one antecedent it can have


def _surname(name: str) -> str:
    """The last word of a name, lowercased: "Ana Lind", "Lind" and "Ms. Lind" agree."""
    words = _without_possessive(name).lower().replace(".", " ").split()
    return words[-1] if words else ""


def _first_names(mentions: tuple[Mention, ...]) -> dict[str, str]:
    """Surname -> first name, for each surname the article gives exactly one full name."""
    firsts: dict[str, set[str]] = {}
    for m in mentions:
        words = m.name.lower().replace(".", " ").split()
        if m.kind == "person" and len(words) > 1:
            firsts.setdefault(words[-1], set()).add(words[0])
    return {last: next(iter(given)) for last, given in firsts.items() if len(given) == 1}


_GENDERED = {
    "he": "male",
    "him": "male",
    "his": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
}


def _unlike(pronoun: str) -> frozenset[str]:
    """Names and titles a pronoun cannot point back to, by its gender."""
    gender = _GENDERED.get(pronoun)
    other = {"male": "female", "female": "male"}.get(gender or "")
    return load_words(f"{other}_names.txt") if other else frozenset()


def _like(pronoun: str) -> frozenset[str]:
    """First names and titles known to fit a pronoun's gender."""
    gender = _GENDERED.get(pronoun)
    return load_words(f"{gender}_names.txt") if gender else frozenset()


def _without_possessive(name: str) -> str:
    """ "George W. Bush's" -> "George W. Bush": NER often takes the "'s" into the name."""
    name = name.strip()
    for suffix in ("'s", "’s"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
    return name.rstrip("'’\"") or name


def _inside_description(tok: Token) -> bool:
    """Is this name part of how another person is described?

    "Ana Ruiz, the strategist of Bush's campaigns," and "Bush's strategist,
    Ana Ruiz,": the sentence is about Ana Ruiz, and a "he" after it is not Bush.
    True when, before the clause's verb, the way up from ``tok`` passes an
    apposition of a name, or a noun that has a name as its apposition.
    """
    node = tok
    while node.dep_ not in {"ROOT"} and node.pos_ not in {"VERB", "AUX"}:
        head = node.head
        named = head.ent_type_ == "PERSON" or head.pos_ == "PROPN"
        if node.dep_ == "appos" and named and node.ent_type_ != "PERSON":
            return True
        titled = any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children)
        if node.dep_ in {"poss", "pobj", "prep"} and head.ent_type_ != "PERSON" and titled:
            return True
        node = head
    return False


_HEAD_AFTER = re.compile(r"^(?:['’]s?)?\s+([\w-]+)")
_HEAD_BEFORE = re.compile(r"([\w-]+)\s+(?:from|by|of)\s+(?:the\s+)?$", re.IGNORECASE)


def _records(text: str, sources: list[Mention]) -> tuple[Mention, ...]:
    """The sources that name a record: "a Reuters survey", "the 2014 Harlow study", "data
    from the Census Bureau"; a name or a year in it says which record it is."""
    heads = load_words("document_heads.txt")
    out = []
    for m in sources:
        start, end = m.span
        after = _HEAD_AFTER.match(text[end : end + 30])
        before = _HEAD_BEFORE.search(text[max(start - 30, 0) : start])
        near = {g.group(1).lower() for g in (after, before) if g}
        own = {w.lower() for w in re.findall(r"[\w-]+", m.text)}
        named = any(w[:1].isupper() or w[:1].isdigit() for w in m.text.split())
        if (near | own) & heads and named and m.kind != "pronoun":
            out.append(m)
    return tuple(sorted(out, key=lambda m: m.span))


def _human_subjects(doc: Doc) -> dict[Mention, bool]:
    """Unnamed people acting as subjects ("a woman in the port city confronted ..."),
    which "she" may point back to as readily as to a named person; each with
    whether it is plural."""
    roles = load_words("person_roles.txt")
    out = {}
    for tok in _tokens_where(doc, ("nsubj", "nsubjpass"), ("NOUN",)):
        if tok.lemma_.lower() in roles:
            start = tok.left_edge.idx if tok.left_edge.dep_ == "det" else tok.idx
            end = tok.idx + len(tok)
            text = doc_text(doc)[start:end]
            out[Mention((start, end), text, text.lower(), "anonymous")] = tok.tag_ == "NNS"
    return out


def _named_arguments(doc: Doc) -> list[Mention]:
    """People and outlets named as subjects or objects, which NER may have missed
    ("The Telegraph spoke to Irena Holt": the tagger calls the Telegraph a product)."""
    out = []
    for tok in _tokens_where(doc, ("nsubj", "nsubjpass", "dobj", "pobj"), ("PROPN", "NOUN")):
        if is_proper(tok):
            mention = mention_for(tok)
            if (
                mention
                and mention.kind in {"person", "outlet"}
                and mention.name.lower() not in _NOT_PEOPLE
            ):
                out.append(mention)
    return out


def _bound_pronouns(doc: Doc) -> dict[Span, Mention]:
    """ "he" or "she" as the subject of a clause that hangs on one whose subject is a
    named person: "Lind was right when she said ...", "Lind smiled, and she said ...".
    The parse, not the nearest name, says who it is."""
    out = {}
    for tok in _tokens_where(doc, ("nsubj",), ("PRON",)):
        verb = tok.head
        if tok.lower_ not in {"he", "she"} or verb.dep_ not in {"advcl", "conj"}:
            continue
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i > tok.i or subj.ent_type_ != "PERSON":
            continue
        named = mention_for(subj)
        if named is not None and named.kind == "person" and named.name.lower() not in _NOT_PEOPLE:
            out[(tok.idx, tok.idx + len(tok))] = named
    return out


def _person_like_names(doc: Doc) -> tuple[tuple[int, str], ...]:
    """Each name that may be a person's: where it is, and its word (lowercased). The
    tagger's organisations count too: it calls "Trump" one as often as a person."""
    pos = doc.to_array(POS)
    nouns = numpy.isin(pos, [doc.vocab.strings["PROPN"], doc.vocab.strings["NOUN"]])
    toks = (doc[int(i)] for i in numpy.flatnonzero(nouns))
    return tuple(
        (t.idx, _without_possessive(t.lower_))
        for t in toks
        if is_proper(t)
        and t.ent_type_ in {"", "PERSON", "ORG"}
        and not (t.i > 0 and t.nbor(-1).is_quote)  # a quote's first word
    )


def _tokens_where(doc: Doc, deps: tuple[str, ...], tags: tuple[str, ...]) -> Iterator[Token]:
    """Tokens with one of ``deps`` and one of the part-of-speech ``tags``, in text order.

    Read from whole-Doc arrays: making a Token for every word of an article
    in Python cost more than the tests themselves.
    """
    strings = doc.vocab.strings
    dep, pos = doc.to_array([DEP, POS]).T
    deps_ok = numpy.isin(dep, [strings[d] for d in deps])
    for i in numpy.flatnonzero(deps_ok & numpy.isin(pos, [strings[t] for t in tags])):
        yield doc[int(i)]
