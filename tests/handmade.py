"""Parsed sentences written by hand, so rule tests do not move with the spaCy model.

A sentence is its text and a CoNLL-like table, one row per token (whitespace
tokens are left out and put back from the text)::

    # id  word     lemma    tag   pos    head  dep    ent
    1     Brandt   Brandt   NNP   PROPN  2     nsubj  PERSON
    2     said     say      VBD   VERB   0     ROOT
    3     so       so       RB    ADV    2     advmod
    4     .        .        .     PUNCT  2     punct

``head`` is the row id of the head (0 for the root). ``ent`` is an entity label;
rows with the same label in a row make one entity ("B-PERSON" starts a new one
next to another). To write a table quickly, parse a sentence of your own with
the model and print it with :func:`table_of`, check it, then freeze it in a
test: :func:`hand` rebuilds the same Doc with no model at all.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces
from spacy.vocab import Vocab

from attribution.corpus import Article
from attribution.extract import Extraction, extract


@cache
def vocab() -> Vocab:
    """A blank English vocabulary: lexical attributes (stop words, shapes) but no model."""
    return spacy.blank("en").vocab


def hand(text: str, table: str) -> Doc:
    """The Doc that ``table`` describes for ``text`` (see the module docstring)."""
    rows = [line.split() for line in table.strip().splitlines() if line.split()]
    rows = [row for row in rows if not row[0].startswith("#")]
    for n, row in enumerate(rows, 1):
        if int(row[0]) != n or len(row) not in (7, 8):
            raise ValueError(f"row {n} of the table is malformed: {' '.join(row)}")
    words, spaces = get_words_and_spaces([row[1] for row in rows], text)
    # get_words_and_spaces adds whitespace tokens ("\n\n") the table leaves out.
    at: list[int] = []  # position in ``words`` of each table row
    for i, word in enumerate(words):
        if len(at) < len(rows) and word == rows[len(at)][1]:
            at.append(i)
    if len(at) != len(rows):
        raise ValueError("the table's words do not spell the text")
    lemmas, tags, pos, heads, deps, ents = [], [], [], [], [], []
    row_of = {i: n for n, i in enumerate(at)}
    for i, word in enumerate(words):
        n = row_of.get(i)
        if n is None:  # a whitespace token hangs on the word before it
            lemmas.append(word)
            tags.append("_SP")
            pos.append("SPACE")
            heads.append(max(i - 1, 0))
            deps.append("dep")
            ents.append("O")
            continue
        _, _, lemma, tag, p, head, dep, *ent = rows[n]
        lemmas.append(lemma)
        tags.append(tag)
        pos.append(p)
        heads.append(i if head == "0" else at[int(head) - 1])
        deps.append(dep)
        ents.append(_iob(ent[0] if ent else "O", ents[-1] if ents else "O"))
    return Doc(
        vocab(),
        words=words,
        spaces=spaces,
        lemmas=lemmas,
        tags=tags,
        pos=pos,
        heads=heads,
        deps=deps,
        ents=ents,
    )


def _iob(label: str, before: str) -> str:
    """ "PERSON" continues an entity of the same label just before it; "B-X" starts one."""
    if label == "O" or label.startswith(("B-", "I-")):
        return label
    return f"I-{label}" if before[2:] == label else f"B-{label}"


def table_of(doc: Doc) -> str:
    """The table :func:`hand` reads, for a Doc parsed by a model (whitespace tokens left out)."""
    kept = [t for t in doc if not t.is_space]
    ids = {t.i: n for n, t in enumerate(kept, 1)}
    rows = []
    for t in kept:
        head = 0 if t.head.i == t.i else ids.get(t.head.i, 0)
        # "B-" only where an entity starts right after another of the same label.
        joined = t.i > 0 and t.ent_iob_ == "B" and doc[t.i - 1].ent_type_ == t.ent_type_
        ent = ("B-" if joined else "") + t.ent_type_
        rows.append([str(ids[t.i]), t.text, t.lemma_, t.tag_, t.pos_, str(head), t.dep_, ent])
    widths = [max((len(r[c]) for r in rows), default=0) for c in range(8)]
    return "\n".join(
        " ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in rows
    )


def extract_doc(doc: Doc) -> Extraction:
    """The project's extraction on ``doc``, as one article with no title or boilerplate."""
    return extract(doc, Article(id="hand", text=doc.text, path="hand.txt"))
