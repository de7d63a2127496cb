"""Repeated wording: two claims that say the same thing in the same words.

An article quotes a statement whole and then again in part ("he expects
Clinton to fully recover from her bout with pneumonia" / "Clinton to fully
recover from her bout with pneumonia"). Their key terms may be too few, or
share no verb, for the similarity of :func:`attribution.claims.similar_pairs`,
but the words themselves repeat, in order. Only within one article: across
articles it added no labelled pair (benchmarks/tune_claims.py), and on 150
PolNeAR train articles its one addition was a shared title, "presumptive
Democratic presidential nominee Hillary Clinton" ("presumptive" parsed as a
verb). Two kinds of repeat count:

- a run of RUN content words in the same order, when the two claims also share
  an event (a verb and a noun taking part) and the run holds that verb:
  "Trump's 1995 state income tax filings" in two claims is a shared topic,
  not a shared claim;
- a claim of two content words or more whose words all appear, in order and
  together, inside another's, when it holds at least one key term of its own: "what to make of Mr. Clarke" names someone, it claims
  nothing, and one word ("deal", "refugees") is a topic.

A claim and its denial share their words: "the country is in decline" and "I
don't think this is a country in decline" are never one, so both must be
negated or neither.

Content words are the claim's own words, lower-cased, without stop words: the
wording matters here, not the lemma, so no parse is needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

# Five content words in the same order: at four, two different claims of one
# article in the labelled pairs were joined (benchmarks/tune_claims.py).
RUN = 5

# The fewest content words a claim inside another must have.
LEAST_WORDS = 2

_WORD = re.compile(r"[a-z0-9](?:[a-z0-9'.,-]*[a-z0-9])?")
_NEGATIONS = frozenset({"not", "n't", "no", "never", "nobody", "nothing", "none", "neither", "nor"})


@dataclass(frozen=True, slots=True)
class Wording:
    """A claim's content words in order, and what is needed to compare them fast."""

    words: tuple[str, ...]
    runs: frozenset[tuple[str, ...]]
    joined: str
    negated: bool


def wording(text: str) -> Wording:
    """The content words of ``text`` in order, their runs of RUN, and the words joined."""
    words = content_words(text)
    runs = frozenset(words[k : k + RUN] for k in range(len(words) - RUN + 1))
    negated = any(w in _NEGATIONS or w.endswith("n't") for w in words)
    return Wording(words, runs, f" {' '.join(words)} ", negated)


@cache
def content_words(text: str) -> tuple[str, ...]:
    """Lower-cased words of ``text`` that are not stop words, possessives cut.

    Curly apostrophes are made straight so that "Trump’s" and "Trump's" are
    one word; negations are kept, as "will" and "will not" differ.
    """
    out = []
    for word in _WORD.findall(text.lower().replace("’", "'")):
        word = word.removesuffix("'s")
        if word in _NEGATIONS or word.endswith("n't") or word not in STOP_WORDS:
            out.append(word)
    return tuple(out)


def repeats(
    a: Wording,
    b: Wording,
    same_article: bool,
    shared_event: bool,
    verbs: frozenset[str],
    short_terms: frozenset[str],
    shared_terms: frozenset[str],
) -> bool:
    """Do two claims repeat one wording (see the module's docstring)?

    ``shared_event`` tells that their shared key terms hold a verb and a noun,
    ``verbs`` are the lemmas of the verbs among them;
    ``short_terms`` are the key terms of the claim with fewer words and
    ``shared_terms`` those both claims have.
    """
    if not same_article or a.negated != b.negated:
        return False
    if shared_event and any(_holds_verb(run, verbs) for run in sorted(a.runs & b.runs)):
        return True
    if not short_terms or not short_terms <= shared_terms:
        return False
    short, long = (a, b) if len(a.words) <= len(b.words) else (b, a)
    return len(short.words) >= LEAST_WORDS and short.joined in long.joined


def _holds_verb(run: tuple[str, ...], verbs: frozenset[str]) -> bool:
    """Is a word of ``run`` a form of one of ``verbs`` (lemmas)?

    A form starts with the lemma, less a final "e" ("retreated", "making");
    irregular forms ("paid") are missed, which only makes a run count less often.
    """
    stems = {v.removesuffix("e") for v in verbs if len(v) > 2}
    return any(word.startswith(stem) for word in run for stem in stems)
