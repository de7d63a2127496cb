"""The public functions: build a graph from articles, extract one Doc, write the outputs.

Imported by ``attribution/__init__.py``; use them as ``attribution.build_graph``,
``attribution.extract`` and ``attribution.write``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from spacy.language import Language
from spacy.tokens import Doc

from attribution import nlp as nlp_mod
from attribution.chains import Chain
from attribution.claims import Claim, longest_chains
from attribution.corpus import Article, from_text
from attribution.entities import alias_key, read_aliases
from attribution.errors import CorpusError, ModelError, OptionError
from attribution.export import write_all
from attribution.export.trim import DEFAULT_MAX_NODES
from attribution.extract import Citation
from attribution.extract import extract as extract_article
from attribution.pipeline import Item, Parsing, Summary, collect, title

__all__ = ["Result", "Written", "build_graph", "extract", "write"]

Aliases = Mapping[str, str] | str | os.PathLike[str]


@dataclass(frozen=True)
class Result:
    """What :func:`build_graph` found in a set of articles.

    Attributes
    ----------
    graph : networkx.MultiDiGraph
        Who cites whom: an edge ``A -> B`` means A cites B, with the evidence
        (article, sentence, cue, content) as edge data. Nodes have a ``label``
        and a ``kind`` (outlet, person, organisation, post, anonymous, article).
    claims : tuple of Claim
        Every cited statement, grouped across articles, each with its chains
        and the verdict of its group (single_source, corroborated, unsourced).
    chains : tuple of Chain
        The claims' chains of one hop or more, longest first, each path once
        per article.
    summary : Summary
        Counts: articles read and skipped (with the reasons), sources,
        citations, claims by verdict. ``print(result.summary)`` shows them.
    """

    graph: nx.MultiDiGraph
    claims: tuple[Claim, ...]
    chains: tuple[Chain, ...]
    summary: Summary


@dataclass(frozen=True)
class Written:
    """The files :func:`write` wrote.

    Attributes
    ----------
    folder : pathlib.Path
        Where they are.
    files : tuple of pathlib.Path
        graph.json, graph.graphml, graph.gexf, claims.json, claims.csv and graph.html.
    note : str or None
        What the page left out to stay drawable, or None when it shows every node.
    """

    folder: Path
    files: tuple[Path, ...]
    note: str | None = None

    @property
    def page(self) -> Path:
        """The interactive page, ``graph.html``: open it in a browser (it works offline)."""
        return self.folder / "graph.html"


def build_graph(
    articles: Iterable[str | os.PathLike[str] | Article],
    *,
    nlp: Language | str | None = None,
    aliases: Aliases | None = None,
    cache: str | os.PathLike[str] | None = None,
    jobs: int = 1,
    batch_size: int = nlp_mod.BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
) -> Result:
    """Find who cites whom in ``articles`` and join the citations into one graph.

    Parameters
    ----------
    articles : iterable of str, path or Article
        A plain ``str`` is the text of one article, in memory (ids ``text-1``,
        ``text-2``, ... in order). A path (``pathlib.Path`` or any
        ``os.PathLike``) is a file or a folder read from disk: ``.txt``,
        ``.html`` and ``.jsonl`` files (one article per line). An
        :class:`Article` is used as given.
    nlp : spacy.language.Language or str, optional
        The spaCy pipeline: one already loaded (used as given, in this
        process), or the name of one to load. By default ``en_core_web_sm``,
        with sentences that never run across a line break.
    aliases : mapping or path, optional
        Extra names to join: ``{"KH": "Kelmarsk Herald"}``, or a file of
        ``alias<TAB>canonical name`` lines.
    cache : str or path, optional
        An SQLite file of extractions: an unchanged article is not parsed
        again. By default nothing is cached.
    jobs : int, default 1
        Worker processes that parse; the result is the same with any number.
    batch_size : int, default 64
        Articles per ``nlp.pipe`` batch.
    progress : callable, optional
        Called with the number of articles done after each one.

    Returns
    -------
    Result
        The graph, the claims, their chains and a summary.

    Raises
    ------
    CorpusError
        When no article at all can be read. A single unreadable article is
        skipped, logged on the "attribution" logger and listed in
        ``result.summary.problems``.
    ModelError
        When the spaCy pipeline is not installed.
    AttributionError
        The base class of every error raised here (also AliasError,
        CacheError, EngineError, OptionError).

    Examples
    --------
    >>> result = attribution.build_graph(["The mayor will resign, The Ledger reported."])
    >>> [result.graph.nodes[n]["label"] for n in result.graph]  # doctest: +SKIP
    ['The mayor will resign, The Ledger reported.', 'The Ledger']
    """
    if jobs < 1 or batch_size < 1:
        raise OptionError(f"jobs and batch_size must be at least 1, got {jobs} and {batch_size}")
    loaded = nlp if isinstance(nlp, Language) else None
    parsing = Parsing(
        model=nlp if isinstance(nlp, str) else None,
        jobs=jobs,
        batch_size=batch_size,
        cache=Path(cache) if cache is not None else None,
        nlp=loaded,
    )
    summary, graph, claims = collect(
        _items(articles), parsing=parsing, progress=progress, aliases=_aliases(aliases)
    )
    if graph is None:
        shown = f": {summary.problems[0]}" if summary.problems else ""
        raise CorpusError("articles", f"no article could be read{shown}")
    chains = tuple(chain for _, chain in longest_chains(claims, min_hops=1))
    return Result(graph, tuple(claims), chains, summary)


def _items(articles: Iterable[str | os.PathLike[str] | Article]) -> Iterator[Item]:
    """Plain strings become articles in memory; paths and articles pass through."""
    texts = 0
    for item in articles:
        if isinstance(item, str):
            texts += 1
            ident = f"text-{texts}"
            # An empty text goes on as it is, to be skipped with its reason like an empty file.
            yield from_text(item, ident) if item.strip() else Article(ident, item, ident)
        elif isinstance(item, Article):
            yield item
        else:
            yield os.fspath(item)


def _aliases(aliases: Aliases | None) -> dict[str, str]:
    if aliases is None:
        return {}
    if isinstance(aliases, Mapping):
        return {alias_key(k): v.strip() for k, v in aliases.items()}
    return read_aliases(Path(aliases))


def extract(doc: Doc, *, article: Article | None = None) -> list[Citation]:
    """The citations in one parsed spaCy ``Doc``, in text order.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        A Doc with a dependency parse and named entities, e.g. from
        ``spacy.load("en_core_web_sm")(text)``.
    article : Article, optional
        What is known about the text (outlet, boilerplate lines). By default it
        is read from ``doc.text`` as a plain-text article would be.

    Returns
    -------
    list of Citation
        Each with its source (a :class:`Mention`, or None for "it was
        reported"), cue, content spans and kind; offsets are characters of
        ``doc.text``.

    Raises
    ------
    ModelError
        When the Doc has no dependency parse.
    OptionError
        When ``article``'s text is not the Doc's.
    """
    if not doc.has_annotation("DEP"):
        raise ModelError("the Doc has no dependency parse: parse it with a pipeline that has one")
    if article is None:
        if not doc.text.strip():
            return []
        article = from_text(doc.text, "doc")
    elif len(article.text) != len(doc.text):
        raise OptionError(f"{article.id}: the article's text is not the Doc's text")
    return list(extract_article(doc, article).citations)


def write(
    result: Result, out_dir: str | os.PathLike[str], *, max_nodes: int = DEFAULT_MAX_NODES
) -> Written:
    """Write ``result`` to ``out_dir``: the page, the graph in three formats and the claims.

    Parameters
    ----------
    result : Result
        From :func:`build_graph`.
    out_dir : str or path
        The folder; made when missing. Files in it are replaced whole, never
        left half-written.
    max_nodes : int, default 5000
        The most nodes drawn on graph.html (those on claims' chains first,
        then the best connected); every other file keeps the whole graph.

    Returns
    -------
    Written
        The paths written and what the page left out.
    """
    if max_nodes < 1:
        raise OptionError(f"max_nodes must be at least 1, got {max_nodes}")
    folder = Path(out_dir)
    files, note = write_all(
        folder, result.graph, list(result.claims), title(result.summary.read), max_nodes
    )
    return Written(folder, tuple(files), note)
