"""Write a built graph and its claims to disk: JSON, GraphML, GEXF, CSV and HTML.

Every file is written atomically (to a temporary file, then renamed), so an
interrupted run never leaves a half-written output behind.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from dataclasses import asdict
from pathlib import Path

import networkx as nx

from attribution.claims import Chain, Claim

FILES = ("graph.json", "graph.graphml", "graph.gexf", "claims.json", "claims.csv", "graph.html")


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file owner-only; give it the mode a plain open() would.
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def graph_json(graph: nx.MultiDiGraph) -> str:
    """networkx node-link JSON (edges under ``links``), keys sorted."""
    data = nx.node_link_data(graph, edges="links")
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def read_graph(out_dir: Path) -> nx.MultiDiGraph:
    """Load ``graph.json`` written by :func:`graph_json`."""
    data = json.loads((out_dir / "graph.json").read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="links")


def _flat_copy(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GraphML and GEXF take scalars only: lists become "; "-joined strings."""
    flat = nx.MultiDiGraph()
    flat.graph["name"] = "attribution"
    for node, data in graph.nodes(data=True):
        flat.add_node(
            node, **{k: "; ".join(v) if isinstance(v, list) else v for k, v in data.items()}
        )
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **data)
    return flat


def graphml(graph: nx.MultiDiGraph) -> str:
    return "\n".join(nx.generate_graphml(_flat_copy(graph))) + "\n"


def gexf(graph: nx.MultiDiGraph) -> str:
    text = "\n".join(nx.generate_gexf(_flat_copy(graph)))
    # The writer stamps today's date; drop it so the same input gives the same bytes.
    return re.sub(r' lastmodifieddate="[^"]*"', "", text) + "\n"


def claim_record(c: Claim) -> dict:
    """A claim as plain data: what claims.json holds (the grouping terms left out)."""
    record = asdict(c)
    del record["terms"]
    return record


def claims_json(claims: list[Claim]) -> str:
    return json.dumps([claim_record(c) for c in claims], ensure_ascii=False, indent=1) + "\n"


CSV_COLUMNS = (
    "id", "group", "verdict", "roots", "text", "article", "sentence", "cue", "source", "chains",
    "inferred", "why",
)  # fmt: skip


def claims_csv(claims: list[Claim]) -> str:
    """One row per claim; chains as "a -> b -> c" joined by " | "."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in claims:
        writer.writerow(
            [
                c.id,
                c.group,
                c.verdict,
                "; ".join(c.roots),
                c.text,
                c.article,
                c.sentence,
                c.cue,
                c.source or "",
                " | ".join(" -> ".join(chain.path) for chain in c.chains),
                any(chain.inferred for chain in c.chains),
                c.why,
            ]
        )
    return buffer.getvalue()


def read_claims(out_dir: Path) -> list[Claim]:
    """Load ``claims.json`` written by :func:`claims_json`."""
    records = json.loads((out_dir / "claims.json").read_text(encoding="utf-8"))
    return [
        Claim(
            **{
                **r,
                "chains": tuple(Chain(**{**ch, "path": tuple(ch["path"])}) for ch in r["chains"]),
                "roots": tuple(r["roots"]),
            }
        )
        for r in records
    ]


def write_all(
    out_dir: Path,
    graph: nx.MultiDiGraph,
    claims: list[Claim],
    chains: list[list[str]],
    title: str,
    max_nodes: int | None = None,
) -> tuple[list[Path], str | None]:
    """Write every output file; return their paths and what the page left out (or None).

    Only the page is cut down to ``max_nodes``; every other file holds the whole graph.
    """
    from attribution.export.html import render_html
    from attribution.export.layout import depths
    from attribution.export.trim import DEFAULT_MAX_NODES, keep_important

    trim = keep_important(
        graph,
        max_nodes or DEFAULT_MAX_NODES,
        depths(graph),
        protect=(n for chain in chains for n in chain),
    )
    drawn = [c for c in chains if all(n in trim.graph for n in c)]
    texts = {
        "graph.json": graph_json(graph),
        "graph.graphml": graphml(graph),
        "graph.gexf": gexf(graph),
        "claims.json": claims_json(claims),
        "claims.csv": claims_csv(claims),
        "graph.html": render_html(
            trim.graph, title=title, chains=drawn, claims=claims, note=trim.note()
        ),
    }
    paths = []
    for name in FILES:
        write_atomic(out_dir / name, texts[name])
        paths.append(out_dir / name)
    return paths, trim.note()
