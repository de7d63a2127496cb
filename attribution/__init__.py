"""Turn news articles into a source-attribution graph: who is cited for what, by whom.

Build a graph from texts in memory, files or folders, look at its claims, and
write it out (an interactive page, GraphML, GEXF, JSON, CSV)::

    import attribution

    result = attribution.build_graph(["The Ledger reported that the mayor will resign."])
    print(result.summary)
    for claim in result.claims:
        print(claim.source, "->", claim.text)
    attribution.write(result, "graphs/example")

:func:`extract` finds the citations in one spaCy ``Doc``. Every error raised
on purpose is an :class:`AttributionError`; progress and skipped articles are
logged on the ``"attribution"`` logger, never printed. The command line is
``attribution`` (or ``python -m attribution``).

Note: ``attribution.extract`` is the function; the extraction modules are
imported by their full name (``from attribution.extract.rules import ...``).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from attribution.api import Result, Written, build_graph, extract, write
from attribution.chains import Chain, Hop
from attribution.claims import Claim
from attribution.corpus import Article
from attribution.errors import (
    AliasError,
    AttributionError,
    BrowserError,
    CacheError,
    CorpusError,
    EngineError,
    ModelError,
    OptionError,
)
from attribution.extract.citation import Citation, Mention
from attribution.pipeline import Summary

try:
    __version__ = version("attribution")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "AliasError",
    "Article",
    "AttributionError",
    "BrowserError",
    "CacheError",
    "Chain",
    "Citation",
    "Claim",
    "CorpusError",
    "EngineError",
    "Hop",
    "Mention",
    "ModelError",
    "OptionError",
    "Result",
    "Summary",
    "Written",
    "__version__",
    "build_graph",
    "extract",
    "write",
]
