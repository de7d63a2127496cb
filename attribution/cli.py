"""Command-line interface: ``attribution build``, ``view``, ``claims``, ``chains``, ``show``."""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from importlib.metadata import version
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

import click
import networkx as nx

from attribution.chains import Chain
from attribution.claims import Claim
from attribution.errors import AttributionError, BrowserError, CacheError
from attribution.export import claim_record, claims_csv, read_claims, read_graph
from attribution.export.trim import DEFAULT_MAX_NODES
from attribution.rank import ranked_groups
from attribution.vocab import VERDICTS

if TYPE_CHECKING:
    from attribution.pipeline import Parsing


class CommandError(click.ClickException):
    """A one-line ``error: ...`` on stderr and exit status 2: what every failure of a command gives."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


def _fail(message: str) -> NoReturn:
    raise CommandError(message)


# What the command line adds to the library's errors: the flag that gets round them.
HINTS: dict[type[AttributionError], str] = {CacheError: "; try --no-cache"}


@contextmanager
def _one_line_errors(target: Path) -> Iterator[None]:
    """Turn a library error, an interrupt or an unwritable output into one line, exit 2."""
    try:
        yield
    except AttributionError as err:
        _fail(f"{err}{HINTS.get(type(err), '')}")
    except KeyboardInterrupt:
        _fail("interrupted; no output file was left half-written")
    except OSError as err:
        _fail(f"{err.filename or target}: cannot write outputs ({err.strerror or err})")


def _parsing_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options that say how articles are parsed, shared by build and extract."""
    options = [
        click.option(
            "--model", default=None, help="spaCy pipeline to use (default: en_core_web_sm)."
        ),
        click.option(
            "--jobs",
            "-j",
            type=click.IntRange(min=1),
            default=1,
            show_default=True,
            help="Parse in N local worker processes; the output is the same as with 1.",
        ),
        click.option(
            "--engine",
            type=click.Choice(["local", "dask"]),
            default="local",
            show_default=True,
            help="Where to parse: this machine, or a Dask cluster (needs --scheduler and "
            "the 'dask' extra).",
        ),
        click.option(
            "--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://10.0.0.5:8786."
        ),
        click.option(
            "--batch-size",
            type=click.IntRange(min=1),
            default=None,
            help="Articles per nlp.pipe batch [default: 64].",
        ),
        click.option(
            "--cache",
            "cache_file",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help="Cache of extractions (SQLite) [default: $ATTRIBUTION_CACHE or "
            "~/.cache/attribution/extractions.sqlite]. Unchanged articles are not parsed again.",
        ),
        click.option(
            "--no-cache", is_flag=True, help="Parse every article; read and write no cache."
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _parsing(
    model: str | None,
    jobs: int,
    engine: str,
    scheduler: str | None,
    batch_size: int | None,
    cache_file: Path | None,
    no_cache: bool,
) -> Parsing:
    from attribution.cache import default_path
    from attribution.pipeline import Parsing

    if scheduler and engine != "dask":
        _fail("--scheduler goes with --engine dask")
    if engine == "dask" and not scheduler:
        _fail("--engine dask needs --scheduler ADDRESS (e.g. tcp://host:8786)")
    cache = None if no_cache else (cache_file or default_path())
    how = Parsing(model, engine, jobs, scheduler, cache=cache)
    return replace(how, batch_size=batch_size) if batch_size else how


def _report(line: str) -> None:
    """A skipped article or a warning from the build: one line on stderr."""
    click.echo(line, err=True)


@contextmanager
def _progress_bar(shown: bool) -> Iterator[Callable[[int], None] | None]:
    """A progress callback drawing a bar on stderr, or None when no bar is wanted."""
    if not shown:
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(desc="articles", unit="art", leave=False)
    try:
        yield lambda done: bar.update(done - bar.n)
    finally:
        bar.close()


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(version("attribution"), prog_name="attribution")
def main() -> None:
    """Turn news articles into a source-attribution graph.

    Finds who is cited for what in each article ("The Telegraph reported ...",
    "Matvienko told The Post ...", "according to multiple reports"), joins the
    citations across articles into one graph, and lists the claims that rest
    on a single source.

    \b
    Example:
      attribution build articles/ --out graphs/ukraine
      attribution claims graphs/ukraine --single-source
      attribution chains graphs/ukraine --min-length 3
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("graphs/corpus"),
    show_default=True,
    help="Folder for the outputs.",
)
@_parsing_options
@click.option(
    "--aliases",
    "aliases_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Your alias table: one 'alias<TAB>canonical name' per line, '#' comments.",
)
@click.option(
    "--max-nodes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_NODES,
    show_default=True,
    help="Draw at most this many nodes in graph.html: those on claims' chains (longest "
    "first), then the best connected. The build says what it left out; data files keep everything.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def build(
    paths: tuple[str, ...],
    out_dir: Path,
    aliases_file: Path | None,
    max_nodes: int,
    quiet: bool,
    **parsing: Any,
) -> None:
    """Build the citation graph of PATHS (files, folders, globs; .txt .html .jsonl).

    Writes graph.html (open it in a browser, works offline), graph.json
    (node-link JSON), graph.graphml, graph.gexf, claims.json and claims.csv
    to --out. A file that cannot be read is reported on one line and skipped;
    the exit status is 1 when anything was skipped, 2 when nothing was built.

    \b
    Sources are joined across articles: outlets through a built-in alias
    table ("the FT", "U.K. Telegraph"), people on full name, surname and
    near-miss spellings; --aliases adds your own joins ("KH<TAB>Kelmarsk
    Herald"). Unnamed sources ("experts") stay apart per article.

    \b
    Example:
      attribution build attribution/samples --out graphs/sample
      attribution build 'news/*.jsonl' page.html --out graphs/today -q
      attribution build news/ --aliases my_aliases.tsv --out graphs/news
      attribution build big/ --max-nodes 2000 --out graphs/big
      attribution build big/ --jobs 4 --out graphs/big
      attribution build big/ --engine dask --scheduler tcp://10.0.0.5:8786

    \b
    Each article's citations are cached (SQLite, keyed by the text, the model
    and the extractor version): a re-run parses only new or changed articles.
    """
    from attribution.entities import read_aliases
    from attribution.pipeline import build as run_build

    with _one_line_errors(out_dir):
        aliases = read_aliases(aliases_file) if aliases_file is not None else {}
    how = _parsing(**parsing)
    with _one_line_errors(out_dir), _progress_bar(not quiet and sys.stderr.isatty()) as bar:
        summary, graph = run_build(
            paths,
            out_dir,
            parsing=how,
            progress=bar,
            report=_report,
            aliases=aliases,
            max_nodes=max_nodes,
        )
    if graph is None:
        _fail("no article could be read; nothing written")
    if not quiet:
        lines = summary.lines(graph)
        if summary.page_note:
            lines[-1] += " (raise --max-nodes to see more)"
        for line in lines:
            click.echo(line, err=True)
        click.echo(
            f"wrote {out_dir}/graph.html and {len(summary.outputs) - 1} more files", err=True
        )
    sys.exit(1 if summary.problems else 0)


@main.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--out",
    "out_file",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="JSON Lines file to write (one line per article).",
)
@_parsing_options
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def extract_cmd(paths: tuple[str, ...], out_file: Path, quiet: bool, **parsing: Any) -> None:
    """Write the raw citations of PATHS as JSON Lines, for other tools and scorers.

    One line per article: {"doc": NAME, "attributions": [{"source": [start, end] | null,
    "cue": [start, end] | null, "content": [[start, end], ...], "kind": ...,
    "confidence": ...}]}, character offsets into the text as read from disk
    (end exclusive); NAME is the file name without its extension.

    \b
    Example:
      attribution extract attribution/samples --out citations.jsonl
      attribution extract path/to/polnear/dev/text --out dev.jsonl
    """
    import time

    from attribution.export import write_atomic
    from attribution.extract.records import to_record
    from attribution.pipeline import Summary, extractions

    summary, lines, start = Summary(), [], time.perf_counter()
    how = _parsing(**parsing)
    with _one_line_errors(out_file), _progress_bar(not quiet and sys.stderr.isatty()) as bar:
        found = extractions(paths, summary, parsing=how, progress=bar, report=_report)
        for article, extraction in found:
            lines.append(json.dumps(to_record(article, extraction), ensure_ascii=False))
            summary.read += 1
        if not lines:
            _fail("no article could be read; nothing written")
        write_atomic(out_file, "\n".join(lines) + "\n")
    seconds = time.perf_counter() - start
    if not quiet:
        click.echo(
            f"{summary.read} articles, {len(summary.problems)} skipped, "
            f"{seconds:.1f} s ({summary.read / seconds:.1f} docs/s); wrote {out_file}",
            err=True,
        )
    sys.exit(1 if summary.problems else 0)


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--predictions",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score this `attribution extract` file instead of extracting now.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", default=0, show_default=True, help="Print N misses and N false alarms.")
@click.option("--model", default=None, help="spaCy pipeline to use (default: en_core_web_sm).")
def evaluate(
    gold_dir: Path, predictions: Path | None, as_json: bool, errors: int, model: str | None
) -> None:
    """Score extraction against hand-annotated BRAT files (PolNeAR/PARC style).

    GOLD_DIR holds NAME.txt with NAME*.ann (the first annotator's file is
    used), or text/ and attributions/ folders as a PolNeAR split does.
    Prints precision, recall and F1 for source, cue and content spans (exact
    and token overlap) and for whole attributions.

    \b
    Example:
      attribution evaluate tests/fixtures/brat
      attribution evaluate path/to/polnear/dev --errors 20
      attribution evaluate path/to/polnear/dev --predictions dev.jsonl --json
    """
    from attribution import evaluate as ev

    files = ev.gold_files(gold_dir)
    if not files:
        _fail(f"{gold_dir}: no NAME.txt files here")
    records = _predictions(predictions, [str(t) for t, _ in files.values()], model)
    scores = ev.Scores()
    shown: dict[str, list[tuple[str, str]]] = {"miss": [], "false alarm": []}
    for name, (txt, ann) in files.items():
        text = txt.read_text(encoding="utf-8")
        gold = ev.parse_ann(ann.read_text(encoding="utf-8"), text) if ann else []
        pred = ev.parse_record(records.get(name, {}), text)
        scores.add_document(text, pred, gold)
        misses, alarms = ev.errors(text, pred, gold)
        shown["miss"] += [(name, ev.sentence_of(text, a)) for a in misses]
        shown["false alarm"] += [(name, ev.sentence_of(text, a)) for a in alarms]
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=1))
    else:
        click.echo(scores.table())
    for what, items in shown.items():
        for name, sentence in items[:errors]:
            click.echo(f"{what:>11}  {name}: {_short(sentence, 220)}")


def _predictions(
    path: Path | None, texts: list[str], model: str | None
) -> dict[str, dict[str, Any]]:
    """``{doc: record}`` from a file, or by extracting the texts now."""
    if path is not None:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
            return {r["doc"]: r for r in (json.loads(line) for line in lines if line.strip())}
        except (ValueError, KeyError, TypeError) as err:
            _fail(f"{path}: not an `attribution extract` file ({err})")
    from attribution.extract.records import to_record
    from attribution.pipeline import Parsing, Summary, extractions

    parsing = Parsing(model=model)  # scoring measures the extractor as it is: no cache
    try:
        with _progress_bar(sys.stderr.isatty()) as bar:
            found = extractions(texts, Summary(), parsing=parsing, progress=bar, report=_report)
            return {r["doc"]: r for r in (to_record(a, x) for a, x in found)}
    except AttributionError as err:
        _fail(str(err))


def _load(out_dir: Path) -> tuple[nx.MultiDiGraph, list[Claim]]:
    if not (out_dir / "graph.json").is_file():
        _fail(f"{out_dir}: no graph.json here (run `attribution build ... --out {out_dir}` first)")
    try:
        return read_graph(out_dir), read_claims(out_dir)
    except (OSError, ValueError, TypeError, KeyError) as err:
        _fail(f"{out_dir}: cannot read the build ({err})")


ROOT_KINDS = (
    "anonymous",
    "document",
    "post",
    "article",
    "outlet",
    "organisation",
    "described",
    "person",
)
DEFAULT_TERMINAL_LIMIT = 50


@main.command()
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.option(
    "--single-source",
    is_flag=True,
    help="Only claims that rest on one source, most worth checking first.",
)
@click.option(
    "--verdict",
    type=click.Choice(VERDICTS),
    help="Only claims with this verdict (--single-source is --verdict single_source).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=None,
    help=f"List at most this many claim groups (default {DEFAULT_TERMINAL_LIMIT} on a "
    "terminal, all otherwise; 0 for all).",
)
@click.option(
    "--min-articles",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Only claim groups carried by at least this many articles.",
)
@click.option(
    "--root-kind",
    default=None,
    metavar="KINDS",
    help="Only groups whose root is of these kinds, comma-separated: " + ", ".join(ROOT_KINDS),
)
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="Also claims kept off the list (fragments, questions, headline repeats).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
def claims(
    out_dir: Path,
    single_source: bool,
    verdict: str | None,
    limit: int | None,
    min_articles: int,
    root_kind: str | None,
    show_all: bool,
    fmt: str,
) -> None:
    """List the claims of a build, grouped, most worth checking first.

    Claims that tell the same thing (in any article, from any source) form
    one group with one verdict: single_source when every chain carrying it
    ends in the same root, corroborated when two or more independent roots
    carry it, unsourced when none names a source. Groups come highest score
    first: factual assertions (numbers, events, records) over opinions and
    plans, weak roots (unnamed sources, documents, posts, chains) over
    on-the-record speakers, and claims carried by more articles first
    (docs/ranking.md). Each chain is printed as evidence with its article and
    sentence; "(inferred)" marks a relay the article implies ("according to a
    report by ...") rather than states.

    \b
    Example:
      attribution claims graphs/sample --single-source
      attribution claims graphs/sample --single-source --root-kind anonymous,document
      attribution claims graphs/sample --verdict corroborated --limit 0
      attribution claims graphs/sample --format csv > claims.csv
    """
    graph, items = _load(out_dir)
    kinds = _root_kinds(root_kind)
    wanted = "single_source" if single_source else verdict
    groups = [
        members
        for members in ranked_groups(items)
        if (not wanted or members[0].verdict == wanted)
        and (show_all or any(c.listed for c in members))
        and members[0].articles >= min_articles
        and (kinds is None or members[0].root_kind in kinds)
    ]
    if limit is None:
        limit = DEFAULT_TERMINAL_LIMIT if sys.stdout.isatty() and fmt == "table" else 0
    shown = groups[:limit] if limit else groups
    items = [c for members in shown for c in members if show_all or c.listed]
    if fmt == "json":
        click.echo(json.dumps([claim_record(c) for c in items], ensure_ascii=False, indent=1))
    elif fmt == "csv":
        click.echo("".join(claims_csv(items)), nl=False)
    else:
        _print_groups(graph, shown, show_all)
    more = f" (first {len(shown)} of {len(groups)} groups; --limit 0 for all)"
    count = f"{len(items)} claim{'s' if len(items) != 1 else ''} in {len(shown)} groups"
    click.echo(count + (more if len(shown) < len(groups) else ""), err=True)


def _root_kinds(option: str | None) -> frozenset[str] | None:
    """The kinds asked for with --root-kind, checked; None when not given."""
    if option is None:
        return None
    kinds = frozenset(k.strip() for k in option.split(",") if k.strip())
    unknown = sorted(kinds - set(ROOT_KINDS))
    if unknown:
        raise click.BadParameter(
            f"unknown kind {', '.join(unknown)}; choose from {', '.join(ROOT_KINDS)}",
            param_hint="--root-kind",
        )
    return kinds


def _print_groups(graph: nx.MultiDiGraph, groups: list[list[Claim]], show_all: bool) -> None:
    label: Callable[[str], str] = lambda n: graph.nodes[n].get("label", n) if n in graph else n  # noqa: E731
    for rank, members in enumerate(groups, 1):
        first = members[0]
        roots = ", ".join(label(r) for r in first.roots) or "no named source"
        stance = "" if first.stance == "asserts" else f" [{first.stance}]"
        # The claim whole, however long: what a fact-checker is asked to check.
        click.echo(textwrap.fill(f"{rank}. {first.text}{stance}", 100, subsequent_indent="    "))
        kind = f" ({first.root_kind})" if first.root_kind else ""
        carried = f"{first.articles} article{'s' if first.articles != 1 else ''}"
        click.echo(f"    {first.verdict.replace('_', ' ')}: rests on {roots}{kind}; {carried}")
        click.echo(f"    score {first.score:g}: {first.score_why}")
        for c in members:
            if not (c.listed or show_all):
                continue
            if c is not first:
                click.echo(f"    also: {_short(c.text, 100)}")
            for chain in c.chains or ():
                mark = " (inferred)" if chain.inferred else ""
                click.echo(f"    chain{mark}: {' -> '.join(label(n) for n in chain.path)}")
            click.echo(f"      [{c.article}] {_short(c.sentence, 150)}")


@main.command()
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.option(
    "--min-length",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Fewest hops a chain must have (2: the article and two sources).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="Most chains to list.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="json: a list of {claim, text, article, length, path, hops}, each node as {id, label}.",
)
def chains(out_dir: Path, min_length: int, limit: int, fmt: str) -> None:
    """List the longest chains of a build, longest first, with each hop's cue.

    A chain is the provenance of one claim, as one article tells it: the
    article, then each source that passed the claim on, down to the one it
    rests on ("The Herald reported that Ana Lind said the bridge is unsafe" is
    article -> The Herald -> Ana Lind). Only communication makes a hop: said,
    told, reported, tweeted, according to, a quote. Beliefs and perceptions
    ("knows", "wants", "showed") end the chain, and two articles that cite the
    same source never join into one chain.

    Each hop shows who passed the words on, the cue, whose words they are and
    the article; "(inferred)" marks a relay the article implies ("according to
    a report by Express UK") rather than states. A path told by several
    claims of one article is listed once, with the first claim.

    \b
    Example:
      attribution chains graphs/sample
      attribution chains graphs/sample --min-length 3 --limit 5
      attribution chains graphs/sample --format json > chains.json
    """
    from attribution.claims import longest_chains

    graph, items = _load(out_dir)
    found = longest_chains(items, min_hops=min_length, limit=limit)
    label: Callable[[str], str] = lambda n: graph.nodes[n].get("label", n) if n in graph else n  # noqa: E731
    if fmt == "json":
        records = [_chain_record(claim, chain, label) for claim, chain in found]
        click.echo(json.dumps(records, ensure_ascii=False, indent=1))
    else:
        _print_chains(found, label)
    if not found:
        click.echo(f"no chain of {min_length} hops or more", err=True)


def _print_chains(found: list[tuple[Claim, Chain]], label: Callable[[str], str]) -> None:
    """Each chain as "N hops: A -> B -> C", its claim, then one line per hop."""
    for claim, chain in found:
        hops = len(chain.path) - 1
        path = " -> ".join(label(n) for n in chain.path)
        click.echo(f"{hops} hop{'s' if hops != 1 else ''}: {path}")
        click.echo(f"  claim: {_short(claim.text, 110)}")
        for hop in chain.hops:
            mark = " (inferred)" if hop.inferred else ""
            source, target = label(hop.source), label(hop.target)
            click.echo(f"    {source} -[{hop.cue}]-> {target}{mark}   ({hop.article})")


def _chain_record(claim: Claim, chain: Chain, label: Callable[[str], str]) -> dict[str, Any]:
    """One chain of `attribution chains --format json`: its claim, path and hops."""
    node: Callable[[str], dict[str, str]] = lambda n: {"id": n, "label": label(n)}  # noqa: E731
    return {
        "claim": claim.id,
        "text": claim.text,
        "article": chain.article,
        "length": len(chain.path) - 1,
        "path": [node(n) for n in chain.path],
        "hops": [
            {
                "source": node(hop.source),
                "target": node(hop.target),
                "article": hop.article,
                "sentence": hop.sentence,
                "cue": hop.cue,
                "inferred": hop.inferred,
            }
            for hop in chain.hops
        ],
    }


@main.command()
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.argument("name")
@click.option("--limit", default=10, show_default=True, help="Most citations to list each way.")
def show(out_dir: Path, name: str, limit: int) -> None:
    """Show what the source NAME cites and who cites it, with the evidence.

    NAME is matched against every node's name and aliases, case-insensitive
    ("the FT" finds Financial Times); a part of a name works when it fits
    one node only.

    \b
    Example:
      attribution show graphs/sample "Channel 9 News"
      attribution show graphs/sample Brannagh
    """
    graph, items = _load(out_dir)
    node = _find_node(graph, name)
    data = graph.nodes[node]
    click.echo(f"{data['label']} ({data['kind']}, {node})")
    others = [a for a in data.get("aliases", []) if a != data["label"]]
    if others:
        click.echo(f"  also written: {', '.join(others)}")
    if data.get("author"):
        click.echo(f"  posted by: {graph.nodes[data['author']]['label']}")
    posts = sorted(n for n, a in graph.nodes(data="author") if a == node)
    if posts:
        click.echo(f"  posted: {', '.join(graph.nodes[n]['label'] for n in posts)}")
    for title, edges, end in (
        ("cites", graph.out_edges(node, data=True), 1),
        ("cited by", graph.in_edges(node, data=True), 0),
    ):
        edges = sorted(edges, key=lambda e: (e[2]["article"], e[2]["sentence"]))
        click.echo(f"{title} ({len(edges)}):")
        for edge in edges[:limit]:
            other, d = graph.nodes[edge[end]]["label"], edge[2]
            mark = " (inferred)" if d["inferred"] else ""
            click.echo(
                f"  {other} -[{d['cue']}]{mark}  [{d['article']}] {_short(d['sentence'], 140)}"
            )
        if len(edges) > limit:
            click.echo(f"  … {len(edges) - limit} more (--limit)")
    rooted = [c for c in items if {node, *posts} & set(c.roots)]
    verdicts = {v: sum(c.verdict == v for c in rooted) for v in VERDICTS}
    click.echo(
        f"claims resting on it: {len(rooted)} "
        f"({verdicts['single_source']} single-source, {verdicts['corroborated']} corroborated)"
    )


def _find_node(graph: nx.MultiDiGraph, name: str) -> str:
    """The one node NAME names: exact label or alias first, then a unique partial match."""
    want = " ".join(name.split()).lower()
    names = {n: [d.get("label", n), *d.get("aliases", [])] for n, d in graph.nodes(data=True)}
    for test in (lambda x: x.lower() == want, lambda x: want in x.lower()):
        found: list[str] = sorted(
            n for n, xs in names.items() if n == name or any(test(x) for x in xs)
        )
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            shown = "; ".join(f"{graph.nodes[n]['label']} ({n})" for n in found[:8])
            _fail(f"{name!r} fits {len(found)} sources: {shown}; give more of the name")
    _fail(f"no source named {name!r} in this build")


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@main.command("view")
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.option("--print", "print_only", is_flag=True, help="Only print the page's path.")
@click.option(
    "--screenshot",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Save a PNG of the page instead (headless Chromium; needs the 'browser' extra).",
)
def view(out_dir: Path, print_only: bool, screenshot: Path | None) -> None:
    """Open OUT_DIR/graph.html (from `attribution build`) in your web browser.

    The page works offline, straight from disk. Where no browser can be
    started (a server, an SSH session), the page's path is printed instead.

    \b
    Example:
      attribution view graphs/sample
      attribution view graphs/sample --print
      attribution view graphs/sample --screenshot docs/sample-graph.png
    """
    import webbrowser

    page = (out_dir / "graph.html").resolve()
    if not page.is_file():
        _fail(f"{out_dir}: no graph.html here (run `attribution build ... --out {out_dir}` first)")
    if screenshot is not None:
        _screenshot(page, screenshot)
        return
    opened = False
    if not print_only:
        try:
            opened = webbrowser.get().open(page.as_uri())
        except webbrowser.Error:
            opened = False
    if opened:
        click.echo(f"opened {page}", err=True)
    else:
        click.echo(page)


def _screenshot(page: Path, png: Path) -> None:
    from attribution.export.browser import screenshot

    try:
        screenshot(page, png)
    except BrowserError as err:
        _fail(f"{page}: cannot take a screenshot: {err}")
    click.echo(f"wrote {png}", err=True)
