"""The key terms of a citation's content, sentence by sentence, for grouping claims.

Two reports of one event rarely share wording ("forced two huge Russian trucks
to retreat" / "a Russian army truck retreated") but share lemmas of their
content words: truck, retreat, Russian. Only those are kept; function words,
reporting verbs and pronouns would make every pair of claims look alike.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from attribution.extract.citation import Span
from attribution.lexicon import load_words

# Terms are "class:lemma": n for nouns and names, p for places, v for verbs,
# a for adjectives, d for numbers. The class is kept so that grouping can ask
# for a shared event (a verb) about a shared participant (a noun), can tell
# that "5,000 soldiers near Kharkiv" and "half the soldiers in Crimea" differ
# in their specifics, and so that "its forces" does not match "forced".
_CLASS = {"NOUN": "n", "PROPN": "n", "VERB": "v", "ADJ": "a", "NUM": "d"}
_PLACES = frozenset({"GPE", "LOC", "FAC"})


def content_terms(doc: Doc, content: tuple[Span, ...]) -> tuple[tuple[str, ...], ...]:
    """Sorted key terms ("v:retreat", "n:truck") of each sentence the content spans touch."""
    out = []
    for start, end in content:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for sent in _sentences(doc, span.start, span.end):
            terms = sorted({term for tok in sent if (term := _term(tok))})
            if terms:
                out.append(tuple(terms))
    return tuple(out)


def _sentences(doc: Doc, start: int, end: int) -> list[list[Token]]:
    """Tokens ``start:end`` cut at sentence boundaries."""
    out: list[list[Token]] = [[]]
    for tok in doc[start:end]:
        if tok.is_sent_start and out[-1]:
            out.append([])
        out[-1].append(tok)
    return [s for s in out if s]


def _term(tok: Token) -> str | None:
    cls = _CLASS.get(tok.pos_)
    if cls is None or not any(ch.isalnum() for ch in tok.text):
        return None
    particle = next((c for c in tok.children if c.dep_ == "prt"), None) if cls == "v" else None
    if particle is not None and _too_common(tok):
        # "a bomb went off", "check out the tape": the particle makes an event of a verb
        # too common to count alone ("go", "check"); other verbs keep their lemma.
        return f"v:{_lemma(tok)}_{particle.lower_}"
    if tok.is_stop and cls != "d":  # "two" is a stop word, but two trucks are not five
        return None
    if tok.ent_type_ == "PERSON" or tok.lower_.strip(".") in load_words("titles.txt"):
        # Who a claim is about is its topic, not its content: most claims in a
        # campaign name the candidates.
        return None
    if cls == "d":
        return "d:" + tok.text.replace(",", "").lower()
    if tok.ent_type_ in _PLACES and cls == "n":
        cls = "p"
    lemma = _lemma(tok)
    if len(lemma) < 2 or lemma in load_words("cue_verbs.txt"):
        return None
    if cls == "v" and lemma in load_words("light_verbs.txt"):
        return None
    return f"{cls}:{lemma}"


def _too_common(tok: Token) -> bool:
    """A verb the terms leave out: a stop word or a light verb ("go", "take", "make")."""
    lemma = _lemma(tok)
    return lemma not in load_words("cue_verbs.txt") and (
        tok.is_stop or lemma in load_words("light_verbs.txt")
    )


def _lemma(tok: Token) -> str:
    """The token's lemma, lower-cased, with "-xes" plurals made right.

    The English lookup table lemmatises "taxes" as "taxis" (and "axes" as
    "axis"): "pay taxes" and "income tax" would share no term. A noun or verb
    in "-xes" is the word without its "es" ("boxes", "fixes"); news has few
    axes of symmetry.
    """
    lemma = tok.lemma_.lower().strip("'’.")
    text = tok.lower_
    if text.endswith("xes") and len(text) > 4 and tok.pos_ in ("NOUN", "VERB"):
        return text[:-2]
    return lemma
