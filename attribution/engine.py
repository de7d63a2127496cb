"""Where articles are parsed: in this process, in a local process pool, or on a Dask cluster.

Every engine takes a stream of articles and gives back one result per
article, in the order given: the :class:`Extraction`, or a one-line reason
when extraction failed. Order is what makes ``--jobs 4`` and a cluster
write the same bytes as one process. Work is sent in small batches with a
bounded number in flight, so memory does not grow with the corpus.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Protocol

from spacy.language import Language
from spacy.tokens import Doc

from attribution import nlp as nlp_mod
from attribution.corpus import Article
from attribution.errors import EngineError, OptionError
from attribution.extract import Extraction, extract
from attribution.extract.parts import PART_LIMIT, Part, joined, parts, shifted

Result = Extraction | str  # a str says why this article's extraction failed

TASK_SIZE = 16  # articles per task sent to a worker: small enough to keep both cores busy
IN_FLIGHT = 4  # tasks queued per worker


class Engine(Protocol):
    """Parses and extracts a stream of articles, results in input order."""

    def run(self, articles: Iterable[Article]) -> Iterator[Result]: ...

    def close(self) -> None: ...


def extract_all(
    articles: Iterable[Article],
    model: str | None,
    batch_size: int = nlp_mod.BATCH_SIZE,
    part_limit: int = PART_LIMIT,
) -> Iterator[Result]:
    """Parse ``articles`` with ``nlp.pipe`` and extract each; Docs are dropped at once.

    An article longer than ``part_limit`` characters is parsed and extracted
    in parts (:mod:`attribution.extract.parts`) and its result joined again.
    An article the parser or the rules fail on gives a one-line reason; the
    others go on.
    """
    return extract_with(nlp_mod.load(model), articles, batch_size, part_limit)


def extract_with(
    nlp: Language,
    articles: Iterable[Article],
    batch_size: int = nlp_mod.BATCH_SIZE,
    part_limit: int = PART_LIMIT,
) -> Iterator[Result]:
    """:func:`extract_all` with a pipeline already loaded."""
    pieces = (part for article in articles for part in parts(article, part_limit))
    done: list[Extraction] = []
    failure: str | None = None
    for parsed, part in nlp_mod.parse_each(nlp, ((p.article.text, p) for p in pieces), batch_size):
        if failure is None:
            result = _extract_part(parsed, part)
            if isinstance(result, str):
                failure = result
            else:
                done.append(result)
        if part.last:
            yield failure if failure is not None else _whole(part, done)
            done, failure = [], None


def extract_batch(
    articles: list[Article], model: str | None, batch_size: int, part_limit: int = PART_LIMIT
) -> list[Result]:
    """:func:`extract_all` on one batch: the task a worker runs."""
    return list(extract_all(articles, model, batch_size, part_limit))


def _extract_part(parsed: Doc | Exception, part: Part) -> Result:
    """One part's citations, offsets into the whole article, or why there are none."""
    path = part.article.path
    if isinstance(parsed, Exception):
        return reason(path, "parsing failed", parsed)
    try:
        return shifted(extract(parsed, part.article), part.start)
    except Exception as err:  # one bad article must not stop the batch
        return reason(path, "extraction failed", err)


def _whole(part: Part, done: list[Extraction]) -> Extraction:
    """The article's extraction from its parts' (the one part's when it was whole)."""
    if len(done) == 1 and part.start == 0:
        return done[0]
    return joined(part.article, done)


def reason(path: str, what: str, err: BaseException) -> str:
    """``path: what (Error: message)`` on one line, however long the message."""
    message = " ".join(str(err).split())
    if len(message) > _MESSAGE:
        message = message[: _MESSAGE - 1] + "…"
    return f"{path}: {what} ({type(err).__name__}{': ' if message else ''}{message})"


_MESSAGE = 200  # characters of an exception's message kept in a reason


class Local:
    """This process, one ``nlp.pipe`` stream: the default."""

    def __init__(self, model: str | None, batch_size: int = nlp_mod.BATCH_SIZE) -> None:
        self.model, self.batch_size = model, batch_size

    def run(self, articles: Iterable[Article]) -> Iterator[Result]:
        return extract_all(articles, self.model, self.batch_size)

    def close(self) -> None:
        nlp_mod.release()


class Given:
    """This process, with a spaCy pipeline the caller loaded: used as given, never released."""

    def __init__(self, nlp: Language, batch_size: int = nlp_mod.BATCH_SIZE) -> None:
        self.nlp, self.batch_size = nlp, batch_size

    def run(self, articles: Iterable[Article]) -> Iterator[Result]:
        return extract_with(self.nlp, articles, self.batch_size)

    def close(self) -> None:
        """Nothing to let go: the pipeline is the caller's."""


class Pool:
    """``jobs`` worker processes on this machine, each with its own pipeline."""

    def __init__(self, model: str | None, jobs: int, batch_size: int = nlp_mod.BATCH_SIZE) -> None:
        self.model, self.jobs, self.batch_size = model, jobs, min(batch_size, TASK_SIZE)
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)

    def run(self, articles: Iterable[Article]) -> Iterator[Result]:
        submit = lambda batch: self._pool.submit(  # noqa: E731
            extract_batch, batch, self.model, self.batch_size
        )
        return in_order(submit, articles, TASK_SIZE, self.jobs * IN_FLIGHT)

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


class Dask:
    """Workers of a Dask distributed cluster; ``scheduler`` is its address.

    Each worker needs this package and the model installed; it loads the
    model once and keeps it. Articles travel to workers as data, so the
    files need not be visible to them.
    """

    def __init__(
        self,
        model: str | None,
        scheduler: str,
        batch_size: int = nlp_mod.BATCH_SIZE,
        timeout: float = 30,
    ) -> None:
        try:
            from distributed import Client
        except ImportError as err:
            raise EngineError(
                "the dask engine needs the 'dask' extra: pip install 'attribution[dask]'"
            ) from err
        self.model, self.batch_size = model, min(batch_size, TASK_SIZE)
        try:
            self._client = Client(  # type: ignore[no-untyped-call]  # distributed is partly typed
                scheduler, timeout=timeout, set_as_default=False
            )
        except (OSError, TimeoutError, ValueError) as err:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler} ({err})") from err
        self._workers = max(1, len(self._client.scheduler_info().get("workers", {})))

    def run(self, articles: Iterable[Article]) -> Iterator[Result]:
        submit = lambda batch: self._client.submit(  # noqa: E731
            extract_batch, batch, self.model, self.batch_size, pure=False
        )
        return in_order(submit, articles, TASK_SIZE, self._workers * IN_FLIGHT)

    def close(self) -> None:
        self._client.close()  # type: ignore[no-untyped-call]


class Pending(Protocol):
    """A batch sent to a worker: a local future or a Dask one."""

    def result(self) -> list[Result]: ...


def in_order(
    submit: Callable[[list[Article]], Pending],
    articles: Iterable[Article],
    size: int,
    window: int,
) -> Iterator[Result]:
    """Submit ``articles`` in batches of ``size``, at most ``window`` at a time; yield in order."""
    stream = iter(articles)
    queued: deque[Pending] = deque()
    while True:
        while len(queued) < window and (batch := list(islice(stream, size))):
            queued.append(submit(batch))
        if not queued:
            return
        yield from queued.popleft().result()


def make(
    name: str,
    model: str | None,
    jobs: int = 1,
    scheduler: str | None = None,
    batch_size: int = nlp_mod.BATCH_SIZE,
) -> Engine:
    """The engine called ``name`` ("local" or "dask"); ``jobs`` > 1 makes local a pool."""
    if name == "dask":
        if not scheduler:
            raise OptionError("the dask engine needs a scheduler address (e.g. tcp://host:8786)")
        return Dask(model, scheduler, batch_size)
    if jobs > 1:
        return Pool(model, jobs, batch_size)
    return Local(model, batch_size)
