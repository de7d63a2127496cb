"""The README's Python example runs as written, and does what it says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"


def python_example(markdown: str, heading: str = "## Use it from Python") -> str:
    """The first ```python block after ``heading``."""
    section = markdown.split(f"\n{heading}\n", 1)
    assert len(section) == 2, f"README has no {heading!r} section"
    block = re.search(r"```python\n(.*?)```", section[1], re.DOTALL)
    assert block is not None, f"no python block under {heading!r}"
    return block.group(1)


def test_the_python_example_runs_and_writes_a_graph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = python_example(README.read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    scope: dict[str, object] = {"__name__": "readme"}
    exec(compile(code, "README.md", "exec"), scope)
    printed = capsys.readouterr().out
    assert "articles read: 2" in printed
    result = scope["result"]
    labels = {data["label"]: data["kind"] for _, data in result.graph.nodes(data=True)}
    assert labels.get("Ledger") == "outlet" and labels.get("Ana Ruiz") == "person"
    assert any(c.text.startswith("The budget is broken") for c in result.claims)
    assert "outlet:ledger -> the mayor will resign" in printed
    assert (tmp_path / "graphs" / "example" / "graph.html").is_file()
