"""Turn the noun phrase that names a source into a :class:`Mention`.

The parse gives a head token; a reader wants "Petro Kuzyk", not "Petro Kuzyk,
a Ukrainian commander who took part in ...". These functions trim appositions
and clauses, see through "a report by X" to X, and guess the kind of source.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from attribution.extract.cached import doc_ents, doc_text, ents_within
from attribution.extract.citation import Mention
from attribution.lexicon import load_table, load_words
from attribution.vocab import SourceKind

# Dependents that belong to a name ("The", "U.K.", "Olena", "'s").
_NAME_DEPS = {"compound", "det", "flat", "nmod", "poss", "case", "amod", "nummod", "punct"}


def phrase_tokens(head: Token) -> list[Token]:
    """The head and the dependents that make up its name, in text order.

    "Ministry of Defense" keeps its "of" phrase; appositions, relative clauses
    and other trailing material are dropped.
    """
    tokens = [head]
    for child in head.lefts:
        if child.dep_ in _NAME_DEPS:
            tokens.extend(child.subtree)
    for child in head.rights:
        if child.dep_ in {"compound", "flat", "case"} or (
            child.dep_ == "prep"
            and child.lower_ == "of"
            and head.pos_ == "PROPN"
            and any(t.pos_ == "PROPN" for t in child.children)
        ):
            tokens.extend(child.subtree)
    # The small model sometimes leaves a first name unattached ("Marta" as ROOT).
    first = min(tokens, key=lambda t: t.i)
    while first.i > 0 and first.nbor(-1).pos_ == "PROPN" and head.pos_ == "PROPN":
        first = first.nbor(-1)
        tokens.append(first)
    tokens = sorted(set(tokens), key=lambda t: t.i)
    # A phrase is contiguous: cut at the first gap, keeping the head, and never
    # reaches back over a dash ("RENO, Nev. (AP) — Republican hopeful Ann Ray").
    tokens = [t for t in tokens if t.i >= _after_dash(head, tokens)]
    return [t for t in tokens if _contiguous_with(head, t, tokens)]


_DASHES = {"—", "–", "--"}


def _after_dash(head: Token, tokens: list[Token]) -> int:
    """The index of the first token after the last dash before ``head`` (0 if none)."""
    dashes = [t.i for t in tokens if t.i < head.i and t.text in _DASHES]
    return dashes[-1] + 1 if dashes else 0


def _contiguous_with(head: Token, tok: Token, tokens: list[Token]) -> bool:
    idx = {t.i for t in tokens}
    lo, hi = sorted((head.i, tok.i))
    return all(i in idx for i in range(lo, hi + 1))


def see_through(head: Token) -> Token:
    """From "a report by Express UK" or "the Telegraph report" to the one behind it.

    Follows "by/in/from/of X" after a cue noun, a possessive, or a proper-noun
    compound ("Telegraph report"), and an apposition that names a common noun
    ("One news account ..., Euromaidan Press").
    """
    cue_nouns = load_words("cue_nouns.txt")
    if head.pos_ == "NOUN" and (head.lemma_.lower() in cue_nouns or head.lower_ in cue_nouns):
        for child in head.rights:
            if child.dep_ == "acl":
                agents = [a for a in child.children if a.dep_ == "agent"]
                objs = [t for a in agents for t in a.children if t.dep_ == "pobj"]
                if objs:
                    return see_through(objs[0])
            if child.dep_ in {"prep", "agent"} and child.lower_ in {"by", "in", "from", "of"}:
                objs = [t for t in child.children if t.dep_ == "pobj"]
                # "a survey of voter lists" is about the lists: "of" names an author
                # only when a name follows ("a report of the Senate Ethics Committee").
                if objs and child.lower_ == "of" and objs[0].pos_ != "PROPN":
                    continue
                if objs and objs[0].pos_ in {"PROPN", "NOUN", "PRON"}:
                    return see_through(objs[0])
        for child in head.lefts:
            if child.dep_ == "poss" and child.pos_ == "PROPN":
                return child
            if child.dep_ in {"compound", "nmod"} and child.pos_ == "PROPN":
                return child
    if head.pos_ == "NOUN" and head.lower_ in load_words("document_heads.txt"):
        # "Data from the 2014 Community Survey show": the survey is the record that speaks.
        for child in head.rights:
            named = [t for t in child.children if t.dep_ == "pobj" and t.pos_ == "PROPN"]
            if child.dep_ == "prep" and child.lower_ in {"from", "by"} and named:
                return named[0]
    if head.pos_ in {"NOUN", "PRON"} and head.lower_ not in load_words("personal_pronouns.txt"):
        for child in head.rights:
            appos = [t for t in child.subtree if t.dep_ == "appos" and t.pos_ == "PROPN"]
            if child.dep_ in {"appos", "acl"} and appos:
                return appos[0]
    return head


def mention_for(head: Token, written: Token | None = None) -> Mention | None:
    """A Mention for the source whose head token is ``head`` (None for "it"/"there").

    ``span`` covers the name ("Petro Kuzyk"); ``phrase`` covers the whole noun
    phrase as written, appositions and all ("Petro Kuzyk, a Ukrainian commander
    who ..."), or ``written`` (a relative "who") when given: the span PARC-style
    annotation marks as the source.
    """
    phrase = _phrase_span(written or head)
    head = see_through(head)
    tokens = _whole_entity(head, phrase_tokens(head))
    if head.lower_ in {"it", "there", "this", "that", "which", "who", "i", "you"}:
        return None
    doc = head.doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    text = doc_text(doc)[start:end]
    return Mention(
        span=(start, end),
        text=text,
        name=_name(doc, tokens, head),
        kind=guess_kind(tokens, head),
        phrase=phrase,
    )


def _whole_entity(head: Token, tokens: list[Token]) -> list[Token]:
    """``tokens`` run on to the end of the organisation name ``head`` opens or sits in,
    which the parse may cut: "Alliance to Reclaim Our Schools", "New York Times/CBS News"."""
    doc = head.doc
    if head.ent_type_ != "ORG":
        return tokens
    ent = next((e for e in doc_ents(doc) if e.start <= head.i < e.end), None)
    if ent is None or ent.label_ != "ORG" or ent.end <= tokens[-1].i + 1:
        return tokens
    if any((t.is_punct and t.text not in {"/", "&", "-", "."}) or t.pos_ == "VERB" for t in ent):
        # "Politico, Democratic party", "Survivors Explain Why ...": the tagger ran on.
        return tokens
    start = min(tokens[0].i, ent.start)
    return list(doc[start : ent.end])


def _phrase_span(head: Token) -> tuple[int, int]:
    """The subtree of ``head`` without edge punctuation."""
    tokens = [t for t in head.subtree if not t.is_space]
    tokens = [t for t in tokens if t.i >= _after_dash(head, tokens)] or [head]
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens.pop()
    while len(tokens) > 1 and tokens[0].is_punct:
        tokens.pop(0)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _name(doc: Doc, tokens: list[Token], head: Token) -> str:
    """The name inside the phrase: a PERSON or ORG entity when there is one."""
    for label, shortest in (("PERSON", 1), ("ORG", 2)):
        for ent in ents_within(doc, tokens[0].i, tokens[-1].i + 1):
            if ent.label_ == label and ent.start <= head.i < ent.end and len(ent) >= shortest:
                return _strip_det(ent)
    while tokens and (tokens[0].dep_ == "det" or tokens[0].pos_ == "PUNCT"):
        tokens = tokens[1:]
    if is_proper(head):
        # "local farmer Ivo Brandt" names Ivo Brandt: drop the description before the name.
        while tokens and tokens[0] is not head and not is_proper(tokens[0]):
            tokens = tokens[1:]
    while tokens and tokens[-1].pos_ in {"PUNCT", "PART"}:
        tokens = tokens[:-1]
    return doc_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1])] if tokens else head.text


def _strip_det(ent: SpacySpan) -> str:
    text = ent.text
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    # "CNN's", and the bare apostrophe of a name ending in s ("Fox News'").
    return text.removesuffix("'s").removesuffix("’s").removesuffix("'").removesuffix("’")


def guess_kind(tokens: list[Token], head: Token) -> SourceKind:
    """outlet, person, organisation, post or anonymous, from the phrase alone."""
    lower = head.lower_
    if lower in load_words("personal_pronouns.txt") or (
        head.pos_ == "NOUN" and tokens[0].lower_ == "the"
    ):
        return "pronoun"
    if (
        tokens[0].lower_ == "the"
        and head.text.islower()
        and lower in load_words("outlet_nouns.txt")
    ):
        return "pronoun"  # "the influential daily": which one, resolution tells
    words = {t.lower_.strip(".") for t in _name_run(tokens, head) if is_proper(t)}
    if words & load_words("outlet_words.txt") or _in_alias_table(tokens):
        return "outlet"
    if head.ent_type_ == "PERSON" or (is_proper(head) and _has_person_role(head)):
        return "person"
    if head.ent_type_ in {"ORG", "GPE", "NORP"} or lower.startswith("@"):
        return "organisation"
    if is_proper(head) and lower in load_words("document_heads.txt"):
        return "anonymous"  # "the 2014 Harlow Survey": a record, named, not a person
    if is_proper(head):
        return "person"
    return "anonymous"


def _name_run(tokens: list[Token], head: Token) -> list[Token]:
    """The words a kind is read from: all of ``tokens``, but for a person's name only the
    name itself: "Fox News correspondent Ed Henry" is a person, not Fox News."""
    if head.ent_type_ != "PERSON":
        return tokens
    run = [t for t in tokens if t.i <= head.i and t.ent_type_ == "PERSON"]
    return run or tokens


def is_proper(tok: Token) -> bool:
    """A proper noun, or a capitalised word the tagger took for a common one."""
    return tok.pos_ == "PROPN" or (
        tok.pos_ == "NOUN" and tok.text[:1].isupper() and not tok.is_sent_start
    )


def _has_person_role(head: Token) -> bool:
    """ "Taras Kuzio, a research fellow at ...": an apposition that names a person's role."""
    roles = load_words("person_roles.txt")
    return any(c.dep_ == "appos" and c.lemma_.lower() in roles for c in head.children)


def _in_alias_table(tokens: list[Token]) -> bool:
    # "CNBC's" is CNBC: the possessive is no part of the name.
    names = " ".join(
        t.lower_ for t in tokens if t.dep_ != "det" and t.pos_ != "PUNCT" and t.tag_ != "POS"
    )
    # Capitalised, so that "the hill" or "a salon" stays a common noun.
    return any(t.text[:1].isupper() for t in tokens) and names in load_table("outlet_aliases.tsv")
