"""The page in a real browser: headless Chromium driven by Playwright, network refused.

Skips, saying why, where Playwright or a Chromium is missing (.ci/run installs both).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from attribution.export.browser import BrowserError, find_chromium, load, open_page
from attribution.pipeline import build

SAMPLES = Path(__file__).resolve().parents[1] / "attribution" / "samples"
CRAFTED_TITLE = "Mayor <img src=x onerror=alert(1)> says the dam holds"
CRAFTED_QUOTE = "The dam will hold </script><script>alert(2)</script> all winter"
CRAFTED = f"""{CRAFTED_TITLE}

"{CRAFTED_QUOTE}," Mayor Dana Whitcombe told the Kelmarsk Herald on Monday.

Engineers said the <b>spillway</b> was inspected last week, according to the city council.
"""

pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
if find_chromium() is None:
    pytest.skip("no Chromium on this machine (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def sample_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sample")
    summary, graph = build([str(SAMPLES)], out, report=lambda line: None)
    assert graph is not None and not summary.problems
    return out


@pytest.fixture(scope="module")
def crafted_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("crafted")
    (corpus / "crafted.txt").write_text(CRAFTED, encoding="utf-8")
    out = tmp_path_factory.mktemp("crafted_out")
    _, graph = build([str(corpus)], out, report=lambda line: None)
    assert graph is not None
    return out


class Visit:
    """One page load with everything a test may want to check afterwards."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.blocked: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression: str) -> Any:
        return self.page.evaluate(expression)


@pytest.fixture()
def visit() -> Iterator[Any]:
    """Call with an output folder; returns a loaded :class:`Visit`."""
    with ExitStack() as stack:

        def go(out_dir: Path) -> Visit:
            blocked: list[str] = []
            try:
                page, url = stack.enter_context(open_page(out_dir / "graph.html", blocked=blocked))
            except BrowserError as err:
                pytest.skip(str(err))
            seen = Visit(page)
            seen.blocked = blocked
            load(page, url)
            return seen

        yield go


def graph_json(out_dir: Path) -> dict[str, Any]:
    return json.loads((out_dir / "graph.json").read_text(encoding="utf-8"))


def test_page_loads_offline_without_errors(sample_dir: Path, visit: Any) -> None:
    seen = visit(sample_dir)
    assert seen.errors == []
    assert seen.blocked == []  # it asked for nothing beyond its own file
    assert seen.js("typeof window.network.getSelectedNodes") == "function"


def test_drawn_counts_equal_graph_json(sample_dir: Path, visit: Any) -> None:
    data = graph_json(sample_dir)
    seen = visit(sample_dir)
    drawn = seen.js("[network.body.nodeIndices.length, network.body.edgeIndices.length]")
    assert drawn == [len(data["nodes"]), len(data["links"])]


def test_first_chain_highlights_exactly_its_nodes(sample_dir: Path, visit: Any) -> None:
    from attribution.claims import longest_chains
    from attribution.export import read_claims

    longest = longest_chains(read_claims(sample_dir))[0][1].path
    seen = visit(sample_dir)
    seen.page.click('#chains button[data-chain="0"]')
    assert sorted(seen.js("network.getSelectedNodes()")) == sorted(longest)
    dimmed = seen.js("nodesData.get().filter(n => n.color.background === '#f4f4f4').map(n => n.id)")
    everyone = {n["id"] for n in graph_json(sample_dir)["nodes"]}
    assert set(dimmed) == everyone - set(longest)


def test_single_source_claim_highlights_its_chain(sample_dir: Path, visit: Any) -> None:
    seen = visit(sample_dir)
    first = seen.js("JSON.parse(document.getElementById('graph-data').textContent).claims[0]")
    assert first["hops"] == 3  # the sample's relay_site -> Express -> tweet -> Channel 9 News
    seen.page.click('#claims button[data-claim="0"]')
    assert sorted(seen.js("network.getSelectedNodes()")) == sorted(first["nodes"])
    assert "Channel 9 News" in seen.page.inner_text('#claims button[data-claim="0"]')


def test_search_by_alias_focuses_the_node(sample_dir: Path, visit: Any) -> None:
    seen = visit(sample_dir)
    seen.page.fill("#search", "the FT")
    seen.page.press("#search", "Enter")
    seen.page.wait_for_timeout(800)  # the focus animation takes 500 ms
    assert seen.js("network.getSelectedNodes()") == ["outlet:financial-times"]
    view = seen.js("network.getViewPosition()")
    node = seen.js("network.getPosition('outlet:financial-times')")
    assert abs(view["x"] - node["x"]) < 5 and abs(view["y"] - node["y"]) < 5


def test_filters_hide_kinds_and_nodes_off_chains(sample_dir: Path, visit: Any) -> None:
    seen = visit(sample_dir)
    count = "nodesData.get().filter(n => !n.hidden && n.kind === '%s').length"
    assert seen.js(count % "anonymous") > 0
    seen.page.uncheck('#filters input[data-kind="anonymous"]')
    assert seen.js(count % "anonymous") == 0
    seen.page.check('#filters input[data-kind="anonymous"]')
    seen.page.check("#chains-only")
    shown = seen.js("nodesData.get().filter(n => !n.hidden).map(n => n.onChain)")
    assert shown and all(shown)
    assert seen.js("nodesData.get().filter(n => n.hidden).length") > 0


def test_crafted_article_runs_nothing_and_reads_literally(crafted_dir: Path, visit: Any) -> None:
    seen = visit(crafted_dir)
    seen.page.wait_for_timeout(300)
    assert seen.dialogs == []
    assert seen.errors == []
    assert seen.js("document.querySelectorAll('img, b').length") == 0
    assert seen.js("document.scripts.length") == 3
    assert "<img src=x onerror=alert(1)>" in seen.page.inner_text("body")  # title, chain list
    # Edge tooltips are DOM elements holding the quote as text, not as markup.
    tips = seen.js(
        "edgesData.get().map(e => [e.title.textContent, e.title.innerHTML])"
        ".filter(t => t[0].includes('alert(2)'))"
    )
    assert tips
    for text, markup in tips:
        assert "</script><script>alert(2)</script>" in text
        assert "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in markup
