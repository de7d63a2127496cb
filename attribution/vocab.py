"""The package's closed vocabularies as types: kinds of citation and source, media, verdicts.

Each is a ``Literal``, so a type checker catches a misspelt kind, and
``typing.get_args`` lists the values (the command line's choices come from
here). The words that *find* these (cue verbs, outlet words) are data, in
``attribution/data``.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = ["KINDS", "MEDIA", "SOURCE_KINDS", "VERDICTS", "Kind", "Medium", "SourceKind", "Verdict"]

# How a citation is made.
Kind = Literal[
    "direct",  # a quotation: "'...,' she said"
    "indirect",  # reported speech: "she said that ..."
    "quoted",  # a citation found inside another's quotation
    "according-to",  # "according to the ministry"
    "noun-cue",  # "in a statement", "a report by"
    "credit",  # a photo or wire credit, or the article's own credit line
    "stance",  # a stance or act of expression outside the cue lexicon ("rejected the plan")
    "no-source",  # "it was reported that ...": no one named
    "unresolved",  # a pronoun whose antecedent could not be found
]

# What a source is: a mention's kind, and a graph node's.
SourceKind = Literal[
    "outlet",
    "person",
    "organisation",
    "post",  # a tweet or post of its own: "tweet by Ilse Brannagh" (a node only)
    "anonymous",  # "officials", "a source close to ..."
    "article",  # an article with no known outlet (a node only)
    "pronoun",  # "he", "the newspaper": before resolution within the article
]

# How the words were passed on.
Medium = Literal["speech", "print", "tweet", "post", "telegram", "photo", "wire", "unknown"]

# A claim group's verdict (see attribution.claims).
Verdict = Literal["single_source", "corroborated", "unsourced"]

KINDS: tuple[Kind, ...] = get_args(Kind)
SOURCE_KINDS: tuple[SourceKind, ...] = get_args(SourceKind)
MEDIA: tuple[Medium, ...] = get_args(Medium)
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
