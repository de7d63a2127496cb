"""The README and docs/ stay true: links resolve, commands and flags exist, no private paths."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from attribution.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# A link in Markdown: [text](target), the target without a scheme.
LINK = re.compile(r"\]\(([^)\s]+)\)")
# A documented command line: `attribution NAME ...` up to a backtick, "#" comment or line end.
COMMAND = re.compile(r"\battribution ([a-z]+)((?: [^`#\n]*)?)")
PRIVATE = "../shared"


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    lines = page.read_text(encoding="utf-8").splitlines()
    return {_slug(line.lstrip("#")) for line in lines if line.startswith("#")}


def _links(page: Path) -> list[str]:
    return [t for t in LINK.findall(page.read_text(encoding="utf-8")) if "://" not in t]


def test_readme_is_short() -> None:
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) <= 200


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_link_resolves(page: Path) -> None:
    for target in _links(page):
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        assert linked.exists(), f"{page.name}: {target} does not exist"
        if anchor:
            assert anchor in _anchors(linked), f"{page.name}: no heading #{anchor} in {path}"


def test_slug_follows_github() -> None:
    assert _slug(" Raw citations: `attribution extract`") == "raw-citations-attribution-extract"
    assert _slug("Re-runs: the cache") == "re-runs-the-cache"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_no_private_paths_in_docs(page: Path) -> None:
    assert PRIVATE not in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_no_private_paths_in_help(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert PRIVATE not in result.output


def _options(command: click.Command) -> set[str]:
    return {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_documented_commands_and_flags_exist(page: Path) -> None:
    found = COMMAND.findall(page.read_text(encoding="utf-8"))
    for name, rest in found:
        if name not in main.commands:
            continue  # prose such as "attribution reads ..." names no command
        flags = re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", rest)
        unknown = set(flags) - _options(main.commands[name]) - {"-h", "--help"}
        assert not unknown, f"{page.name}: attribution {name} has no {sorted(unknown)}"


def test_a_command_is_found_in_the_readme() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    names = {name for name, _ in COMMAND.findall(text) if name in main.commands}
    assert {"build", "view", "claims", "chains", "show", "extract"} <= names
