"""What extraction produces: mentions of sources and the citations that tie them."""

from __future__ import annotations

from dataclasses import dataclass

from attribution.vocab import Kind, Medium, SourceKind

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Mention:
    """A source named in the text.

    ``span`` is where it stands (a pronoun stays a pronoun there); ``name`` is
    what it refers to after resolution within the article ("he" -> "Dmytro
    Kuleba", "the newspaper" -> "The Telegraph"); ``kind`` is what it is
    (:data:`attribution.vocab.SourceKind`).
    """

    span: Span
    text: str
    name: str
    kind: SourceKind
    phrase: Span | None = None
    # A pronoun whose antecedent is the only one that fits nearby ("Ana Lind spoke. ...
    # she told CNN"): a chain may go through it, unlike a guessed one.
    sure: bool = False

    @property
    def written(self) -> Span:
        """The whole noun phrase as written (the name's span when not known)."""
        return self.phrase or self.span


@dataclass(frozen=True, slots=True)
class Citation:
    """One attribution: ``citer`` reports that ``source`` said ``content``.

    ``citer`` is None when the article itself is the one reporting; it is set
    for "X told The Post" (The Post cites X) and for citations nested inside
    another citation's content ("..., the BBC reported": the BBC cites the
    ministry). ``source`` is None for "it was reported that ...".
    """

    article: str
    source: Mention | None
    cue: Span | None
    cue_text: str
    content: tuple[Span, ...]
    content_text: str
    kind: Kind
    medium: Medium
    sentence: Span
    sentence_text: str
    confidence: float
    citer: Mention | None = None
    nested: bool = False  # the citer is the source of an enclosing citation, not "told X"
    terms: tuple[tuple[str, ...], ...] = ()  # key lemmas of each content sentence
    lemma: str = ""  # the cue's lemma ("tell", "according to", "tweet"); "" for a bare quote
    # The content holds a finite verb: a statement ("the ferry stopped"), not a phrase
    # ("Clinton leading by four points", "the arrest of the officer for shooting").
    clause: bool = True

    @property
    def content_span(self) -> Span | None:
        """The smallest span covering every content part."""
        if not self.content:
            return None
        return self.content[0][0], self.content[-1][1]
