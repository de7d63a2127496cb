"""The build, end to end: read -> parse -> extract -> resolve -> graph -> claims -> export.

Articles stream through spaCy in batches and each Doc is dropped once its
citations are extracted. The extractions wait in a spill file until the model
is unloaded; only then are they joined into the graph and the claims.
"""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import BinaryIO

import networkx as nx
from spacy.language import Language

from attribution import nlp as nlp_mod
from attribution.cache import Cache
from attribution.claims import Claim, article_claims, group_claims, longest_chains, renamed
from attribution.corpus import Article, read_corpus
from attribution.engine import Engine, Given
from attribution.engine import make as make_engine
from attribution.entities import EntityIndex
from attribution.errors import CorpusError, OptionError
from attribution.export import write_all
from attribution.extract import Extraction, compact
from attribution.graph import ArticleInfo, add_article, finish
from attribution.rank import rank_claims

# A path (a file, a folder or a glob) or an article already in memory.
Item = str | os.PathLike[str] | Article
Report = Callable[[str], None]  # one line: an article skipped, or a warning
Progress = Callable[[int], None]  # called with the number of articles done so far
CHUNK = 512  # articles looked up in the cache at a time; the rest of the corpus waits on disk

log = logging.getLogger("attribution")


def _log_line(line: str) -> None:
    log.warning("%s", line)


@dataclass
class Summary:
    """What a build did, for the closing report and the exit status."""

    read: int = 0
    cached: int = 0  # articles whose extraction came from the cache, not the parser
    problems: list[str] = field(default_factory=list)
    sources: int = 0
    citations: int = 0
    longest_chain: list[str] = field(default_factory=list)  # node path of one claim's chain
    single_source: int = 0
    corroborated: int = 0
    unsourced: int = 0
    claims: int = 0
    outputs: list[Path] = field(default_factory=list)
    page_note: str | None = None  # what graph.html left out, if anything
    chain_labels: list[str] = field(default_factory=list)  # ``longest_chain``'s node labels

    def lines(self, graph: nx.MultiDiGraph | None = None) -> list[str]:
        """The build's report, a line per topic; ``graph`` gives the chain's labels."""
        if graph is not None:
            names = [str(graph.nodes[n].get("label", n)) for n in self.longest_chain]
        else:
            names = self.chain_labels or self.longest_chain
        chain = " -> ".join(names) or "none"
        hops = max(len(self.longest_chain) - 1, 0)
        return [
            f"articles read: {self.read} ({self.cached} from the cache), "
            f"skipped: {len(self.problems)}",
            f"sources: {self.sources}, citations: {self.citations}",
            f"longest chain ({hops} hop{'s' if hops != 1 else ''}): {chain}",
            f"claims: {self.claims}, single-source: {self.single_source}, "
            f"corroborated: {self.corroborated}, unsourced: {self.unsourced}",
            *([f"graph.html: {self.page_note}"] if self.page_note else []),
        ]

    def __str__(self) -> str:
        return "\n".join(self.lines())


@dataclass(frozen=True)
class Parsing:
    """How articles are parsed: with which model, where, in what batches, with which cache.

    ``nlp`` is a spaCy pipeline already loaded, used as given in this process
    (``model`` names one to load instead, in any engine).
    """

    model: str | None = None
    engine: str = "local"  # or "dask", with ``scheduler``
    jobs: int = 1  # local worker processes
    scheduler: str | None = None
    batch_size: int = nlp_mod.BATCH_SIZE
    cache: Path | None = None  # None: parse every article, remember nothing
    nlp: Language | None = None

    def key(self) -> str:
        """What parses depend on (the model and spaCy releases); says early if it is missing."""
        if self.nlp is not None:
            return nlp_mod.pipeline_key(self.nlp)
        return nlp_mod.model_key(self.model)

    def start(self) -> Engine:
        """The engine that parses what the cache lacks (it loads the model when run)."""
        if self.nlp is None:
            return make_engine(self.engine, self.model, self.jobs, self.scheduler, self.batch_size)
        if self.engine != "local" or self.jobs > 1:
            raise OptionError("a loaded spaCy pipeline parses in this process only: one job")
        return Given(self.nlp, self.batch_size)


def _articles(items: Iterable[Item], summary: Summary, report: Report) -> Iterator[Article]:
    for item in read_corpus(items):
        if isinstance(item, CorpusError):
            summary.problems.append(str(item))
            report(f"skipped {item}")
            continue
        yield item


def extractions(
    items: Iterable[Item],
    summary: Summary,
    *,
    parsing: Parsing = Parsing(),
    progress: Progress | None = None,
    report: Report | None = None,
) -> Iterator[tuple[Article, Extraction]]:
    """Stream ``(article, extraction)`` for every readable article of ``items``, in order.

    ``items`` are paths (files, folders, globs) or :class:`Article` objects.
    Articles go through the cache in chunks; only those it lacks are parsed.
    Problems are reported (to ``report``, else to the "attribution" logger) and
    recorded in ``summary``; they never stop the stream. ``progress`` is called
    with the number of articles done after each one.
    """
    say = report or _log_line
    warn = lambda line: say(f"warning: {line}")  # noqa: E731
    key = parsing.key()  # also says early when the model is missing
    store = Cache(parsing.cache, key, warn) if parsing.cache else None
    engine: Engine | None = None
    articles = _articles(items, summary, say)
    done = 0
    try:
        while chunk := list(islice(articles, CHUNK)):
            known = [store.get(a) if store else None for a in chunk]
            todo = [a for a, x in zip(chunk, known, strict=True) if x is None]
            if todo and engine is None:
                engine = parsing.start()
            fresh = engine.run(todo) if engine and todo else iter(())
            for article, cached in zip(chunk, known, strict=True):
                result = cached if cached is not None else next(fresh)
                summary.cached += cached is not None
                done += 1
                if progress is not None:
                    progress(done)
                if isinstance(result, str):
                    summary.problems.append(result)
                    say(f"skipped {result}")
                    continue
                if cached is None and store is not None:
                    store.put(article, result)
                yield article, result
    finally:
        if engine is not None:
            engine.close()
        if store is not None:
            store.close()


def build(
    items: Iterable[Item],
    out_dir: Path,
    *,
    parsing: Parsing = Parsing(),
    progress: Progress | None = None,
    report: Report | None = None,
    aliases: dict[str, str] | None = None,
    max_nodes: int | None = None,
) -> tuple[Summary, nx.MultiDiGraph | None]:
    """Build the graph of every article of ``items`` and write it to ``out_dir``.

    ``aliases`` is the user's alias table (:func:`attribution.entities.read_aliases`);
    ``max_nodes`` caps the nodes drawn on the page (the data files keep them all).
    """
    spill_dir = next(p for p in (out_dir, *out_dir.parents) if p.is_dir())
    summary, graph, claims = collect(
        items,
        parsing=parsing,
        progress=progress,
        report=report,
        aliases=aliases,
        spill_dir=spill_dir,
    )
    if graph is None:
        return summary, None
    summary.outputs, summary.page_note = write_all(
        out_dir, graph, claims, title(summary.read), max_nodes
    )
    return summary, graph


def title(read: int) -> str:
    """The page's title for a build of ``read`` articles."""
    return f"Citation graph of {read} article{'s' if read != 1 else ''}"


def tally(summary: Summary, graph: nx.MultiDiGraph, claims: list[Claim]) -> None:
    """Fill in ``summary``'s counts of sources, citations, claims and the longest chain."""
    top = longest_chains(claims, min_hops=1, limit=1)
    summary.sources = sum(1 for _, kind in graph.nodes(data="kind") if kind != "article")
    summary.citations = graph.number_of_edges()
    summary.longest_chain = list(top[0][1].path) if top else []
    summary.chain_labels = [str(graph.nodes[n].get("label", n)) for n in summary.longest_chain]
    summary.claims = len(claims)
    summary.single_source = sum(c.verdict == "single_source" for c in claims)
    summary.corroborated = sum(c.verdict == "corroborated" for c in claims)
    summary.unsourced = sum(c.verdict == "unsourced" for c in claims)


def collect(
    items: Iterable[Item],
    *,
    parsing: Parsing = Parsing(),
    progress: Progress | None = None,
    report: Report | None = None,
    aliases: dict[str, str] | None = None,
    spill_dir: Path | None = None,
) -> tuple[Summary, nx.MultiDiGraph | None, list[Claim]]:
    """The graph, the grouped claims and the counts of every article of ``items``, in memory.

    While the parser runs, each article's extraction waits in a spill file, not
    in memory: the graph is built once the model is unloaded, so the parse and
    the corpus's citations are never in memory together. The file has no name
    and goes in ``spill_dir`` (by default the system's temporary folder, which
    may itself be in memory: a build puts it beside its outputs).
    """
    summary = Summary()
    with tempfile.TemporaryFile(prefix=".attribution-spill-", dir=spill_dir) as spill:
        stream = extractions(items, summary, parsing=parsing, progress=progress, report=report)
        for article, extraction in stream:
            info = ArticleInfo(
                article.id, article.path, article.title, article.outlet, "", article.credit
            )
            pickle.dump((info, extraction), spill, pickle.HIGHEST_PROTOCOL)
            summary.read += 1
        if not summary.read:
            return summary, None, []
        spill.seek(0)
        graph, claims = join(_unspill(spill, summary.read), aliases=aliases)
    tally(summary, graph, claims)
    return summary, graph, claims


def _unspill(spill: BinaryIO, count: int) -> Iterator[tuple[ArticleInfo, Extraction]]:
    for _ in range(count):
        yield pickle.load(spill)


def join(
    items: Iterable[tuple[ArticleInfo, Extraction]], *, aliases: dict[str, str] | None = None
) -> tuple[nx.MultiDiGraph, list[Claim]]:
    """Resolve every article's citations against the others; the joined graph and claims.

    Each article's citations become edges and claims as it is read, then are let go.
    """
    index = EntityIndex(aliases=dict(aliases or {}))
    graph = nx.MultiDiGraph()
    infos: list[ArticleInfo] = []
    claims: list[Claim] = []
    for info, extraction in items:
        info = replace(info, node=index.article_node(info.id, info.title, info.outlet))
        placed = add_article(graph, index, info, compact(extraction))
        claims.extend(article_claims(info.id, info.node, placed))
        infos.append(info)
    moves = index.merge()
    final = finish(graph, index, infos, moves)
    return final, all_claims(final, claims, moves)


def all_claims(graph: nx.MultiDiGraph, claims: list[Claim], moves: dict[str, str]) -> list[Claim]:
    """The articles' claims with merged nodes renamed, grouped across the corpus, ranked.

    Ranked order (:func:`attribution.rank.rank_claims`): the claims most worth
    checking first; claims.json is written in this order.
    """
    rename: Callable[[str], str] = lambda node: moves.get(node, node)  # noqa: E731
    claims = [renamed(claim, rename) for claim in claims]
    claims.sort(key=lambda c: (c.article, c.id))
    anonymous = {n for n, kind in graph.nodes(data="kind") if kind == "anonymous"}
    authors = dict(graph.nodes(data="author", default=None))
    publishers = {a["id"]: a["node"] for a in graph.graph["articles"]}
    grouped = group_claims(
        claims, anonymous.__contains__, lambda n: authors.get(n) or n, publishers
    )
    kinds = dict(graph.nodes(data="kind", default=""))
    labels = dict(graph.nodes(data="label", default=""))
    titles = {a["id"]: a.get("title") or "" for a in graph.graph["articles"]}
    return rank_claims(grouped, kinds, labels, titles)
