"""Keep a page drawable: the N most important nodes of a big graph, and what was left out.

Importance, in order: the nodes it is told to protect (those of the claims' chains, the
longest first), then nodes with more citations in and out. The kept graph is the subgraph those nodes
induce, so every edge drawn is a real citation between two drawn nodes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

__all__ = ["DEFAULT_MAX_NODES", "Trim", "keep_important"]

DEFAULT_MAX_NODES = 5000


@dataclass(frozen=True)
class Trim:
    """A graph cut down to at most ``max_nodes`` nodes, and a count of the rest."""

    graph: nx.MultiDiGraph  # the graph itself, or a read-only view of part of it
    total_nodes: int
    total_edges: int
    shown_edges: int  # edges of ``graph``, counted once: a view is slow to count
    dropped: dict[str, int] = field(default_factory=dict)  # node kind -> nodes left out

    def note(self) -> str | None:
        """One line for the page and the build report; None when nothing was left out."""
        if not self.dropped:
            return None
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(self.dropped.items()))
        shown = self.graph.number_of_nodes()
        return (
            f"showing {shown} of {self.total_nodes} nodes and "
            f"{self.shown_edges} of {self.total_edges} citations; "
            f"left out the least connected: {kinds}"
        )


def keep_important(graph: nx.MultiDiGraph, max_nodes: int, protect: Iterable[str] = ()) -> Trim:
    """The ``max_nodes`` most important nodes of ``graph`` and the citations among them.

    ``protect`` nodes (those of claims' chains) come first, in the order given. The graph
    itself is returned untouched when it is small enough.
    """
    total = (graph.number_of_nodes(), graph.number_of_edges())
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, got {max_nodes}")
    if graph.number_of_nodes() <= max_nodes:
        return Trim(graph, *total, shown_edges=total[1])
    first = [n for n in dict.fromkeys(protect) if n in graph]
    chosen = set(first)
    rest = sorted(
        (n for n in graph if n not in chosen),
        key=lambda n: (-graph.degree(n), n),
    )
    keep = set((first + rest)[:max_nodes])
    dropped = Counter(str(graph.nodes[n].get("kind", "unknown")) for n in graph if n not in keep)
    # A read-only view: a copy would duplicate most of a big graph's attributes.
    view = graph.subgraph(keep)
    return Trim(view, *total, view.number_of_edges(), dict(dropped))
