"""Write a built graph and its claims to disk: JSON, GraphML, GEXF, CSV and HTML.

Every file is written atomically (to a temporary file, then renamed), so an
interrupted run never leaves a half-written output behind.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx

from attribution.chains import Chain, Hop
from attribution.claims import Claim, longest_chains
from attribution.export.gexf import write_gexf
from attribution.export.graphml import write_graphml

FILES = ("graph.json", "graph.graphml", "graph.gexf", "claims.json", "claims.csv", "graph.html")
PANEL_CHAINS = 50  # claims' chains listed on the page, longest first


# What an output is made from: its text, the text in pieces, or a function that
# writes it to a binary file (for writers that stream XML).
Content = str | Iterable[str] | Callable[[BinaryIO], None]


def write_atomic(path: Path, content: Content) -> None:
    """Write ``content`` to ``path`` so that readers see the old file or the new, never half."""
    tmp = _stage(path, content)
    try:
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _stage(path: Path, content: Content) -> Path:
    """Write ``content`` to a temporary file beside ``path``, ready to be renamed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(path)
    # ".graph.json.<pid>.<random>.tmp": ours, and which process is writing it.
    fd, tmp = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp"
    )
    try:
        # mkstemp makes the file owner-only; give it the mode a plain open() would.
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            if callable(content):
                content(handle)
            else:
                with io.TextIOWrapper(handle, encoding="utf-8", newline="") as text:
                    text.writelines([content] if isinstance(content, str) else content)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def remove_stale(path: Path) -> list[Path]:
    """Remove the temporaries of ``path`` that a killed write left behind; the ones removed.

    Only our own names are touched: ``.NAME.<pid>.<random>.tmp`` whose
    process is gone, and ``.NAME.<random>.tmp`` (named before the pid was in
    the name) once it is an hour old. A temporary of a write still running,
    and any other file, is left alone.
    """
    ours = re.compile(rf"\.{re.escape(path.name)}\.(?:(?P<pid>\d+)\.)?[a-z0-9_]+\.tmp")
    removed = []
    for entry in _entries(path.parent):
        match = ours.fullmatch(entry.name)
        if match is None or not _stale(entry, match["pid"]):
            continue
        with contextlib.suppress(OSError):  # another run got there first, or cannot
            entry.unlink()
            removed.append(entry)
    return removed


def _entries(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []


def _stale(entry: Path, pid: str | None) -> bool:
    """True when nothing writes ``entry`` any more."""
    if pid is not None:
        return int(pid) != os.getpid() and not _alive(int(pid))
    try:
        return time.time() - entry.stat().st_mtime > _LEGACY_AGE
    except OSError:
        return False


_LEGACY_AGE = 3600  # seconds after which a temporary with no pid in its name is stale


def _alive(pid: int) -> bool:
    """True when process ``pid`` runs on this machine (or may: we cannot signal it)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def graph_json(graph: nx.MultiDiGraph) -> Iterator[str]:
    """networkx node-link JSON (edges under ``links``), keys sorted, one node or edge a line.

    One JSON document, read back by ``json.load``; each record on its own line
    lets ``grep`` find a node with all its data, and lets json's C encoder
    write a record at a time (an indented document needs the pure-Python one).
    """
    data = nx.node_link_data(graph, edges="links")
    encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
    for n, key in enumerate(sorted(data)):
        yield ("{" if n == 0 else ", ") + encode(key) + ": "
        value = data[key]
        yield from _lines(value, encode) if isinstance(value, list) else (encode(value),)
    yield "}\n"


def _lines(items: Iterable[Any], encode: Callable[[Any], str]) -> Iterator[str]:
    """A JSON array with each item on a line of its own."""
    empty = True
    for item in items:
        yield ("[\n" if empty else ",\n") + encode(item)
        empty = False
    yield "[]" if empty else "\n]"


def read_graph(out_dir: Path) -> nx.MultiDiGraph:
    """Load ``graph.json`` written by :func:`graph_json`."""
    data = json.loads((out_dir / "graph.json").read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="links")


def graphml(graph: nx.MultiDiGraph) -> Callable[[BinaryIO], None]:
    """GraphML, streamed element by element (:mod:`attribution.export.graphml`)."""
    return lambda handle: write_graphml(graph, handle)


def gexf(graph: nx.MultiDiGraph) -> Callable[[BinaryIO], None]:
    """GEXF for Gephi, streamed element by element (:mod:`attribution.export.gexf`)."""
    return lambda handle: write_gexf(graph, handle)


def claim_record(c: Claim) -> dict[str, Any]:
    """A claim as plain data: what claims.json holds (the grouping terms left out)."""
    record = {f.name: getattr(c, f.name) for f in fields(c) if f.name not in {"terms", "clause"}}
    record["chains"] = [
        {f.name: getattr(ch, f.name) for f in fields(ch)}
        | {"path": list(ch.path), "hops": [hop_record(h) for h in ch.hops]}
        for ch in c.chains
    ]
    record["roots"] = list(c.roots)
    return record


def hop_record(hop: Hop) -> dict[str, Any]:
    """A hop of a chain as plain data."""
    return {f.name: getattr(hop, f.name) for f in fields(hop)}


def chain_from_record(record: dict[str, Any]) -> Chain:
    """The Chain that :func:`claim_record` wrote as ``record``."""
    hops = tuple(Hop(**h) for h in record.get("hops") or ())
    return Chain(**{**record, "path": tuple(record["path"]), "hops": hops})


def claims_json(claims: list[Claim]) -> Iterator[str]:
    """claims.json: one JSON array, each claim on a line of its own."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    yield from _lines(map(claim_record, claims), encode)
    yield "\n"


CSV_COLUMNS = (
    "id", "group", "verdict", "roots", "text", "article", "sentence", "cue", "source", "chains",
    "inferred", "why", "score", "score_why", "root_kind", "articles", "listed", "stance",
)  # fmt: skip


def claims_csv(claims: list[Claim]) -> Iterator[str]:
    """claims.csv line by line: one row per claim; chains as "a -> b -> c" joined by " | "."""
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
                c.score,
                c.score_why,
                c.root_kind,
                c.articles,
                c.listed,
                c.stance,
            ]
        )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def read_claims(out_dir: Path) -> list[Claim]:
    """Load ``claims.json`` written by :func:`claims_json`."""
    records = json.loads((out_dir / "claims.json").read_text(encoding="utf-8"))
    return [
        Claim(
            **{
                **r,
                "chains": tuple(chain_from_record(ch) for ch in r["chains"]),
                "roots": tuple(r["roots"]),
            }
        )
        for r in records
    ]


def write_all(
    out_dir: Path,
    graph: nx.MultiDiGraph,
    claims: list[Claim],
    title: str,
    max_nodes: int | None = None,
) -> tuple[list[Path], str | None]:
    """Write every output file; return their paths and what the page left out (or None).

    Only the page is cut down to ``max_nodes``; every other file holds the whole graph.
    The page lists the claims' longest chains (two hops or more) and a trim keeps the
    nodes of every such chain first, longest chains first.
    """
    from attribution.export.html import LONG_CHAIN, html_pieces
    from attribution.export.trim import DEFAULT_MAX_NODES, keep_important

    chains = longest_chains(claims, min_hops=LONG_CHAIN)
    trim = keep_important(
        graph,
        max_nodes or DEFAULT_MAX_NODES,
        protect=(n for _, chain in chains for n in chain.path),
    )
    drawn = [c for c in chains if all(n in trim.graph for n in c[1].path)][:PANEL_CHAINS]
    makers: dict[str, Callable[[], Content]] = {
        "graph.json": lambda: graph_json(graph),
        "graph.graphml": lambda: graphml(graph),
        "graph.gexf": lambda: gexf(graph),
        "claims.json": lambda: claims_json(claims),
        "claims.csv": lambda: claims_csv(claims),
        "graph.html": lambda: html_pieces(
            trim.graph, title=title, chains=drawn, claims=claims, note=trim.note()
        ),
    }
    staged: list[tuple[str, Path]] = []
    try:
        # One text in memory at a time; the files replace the old ones only when all are made.
        for name in FILES:
            staged.append((name, _stage(out_dir / name, makers[name]())))
        for name, tmp in staged:
            os.replace(tmp, out_dir / name)
    finally:
        for _, tmp in staged:
            tmp.unlink(missing_ok=True)
    return [out_dir / name for name in FILES], trim.note()
