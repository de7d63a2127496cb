"""Temporaries a killed build left beside its outputs are removed by the next write."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from attribution.export import remove_stale, write_atomic


def _dead_pid() -> int:
    """The pid of a process that has finished."""
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(child.stdout)


def test_a_write_removes_our_stale_temporaries_only(tmp_path: Path) -> None:
    dead = _dead_pid()
    stale = tmp_path / f".graph.json.{dead}.k2j4xq0a.tmp"
    running = tmp_path / f".graph.json.{os.getppid()}.abcd1234.tmp"  # a live process's
    old_style = tmp_path / ".graph.json.x7_3kq9z.tmp"
    fresh_old_style = tmp_path / ".graph.json.m1n2b3v4.tmp"
    others = [
        tmp_path / "notes.tmp",
        tmp_path / f".claims.json.{dead}.k2j4xq0a.tmp.keep",
        tmp_path / f".graph.jsonl.{dead}.k2j4xq0a.tmp",
        tmp_path / "graph.json.backup",
    ]
    for path in (stale, running, old_style, fresh_old_style, *others):
        path.write_text("half", encoding="utf-8")
    hour_ago = time.time() - 2 * 3600
    os.utime(old_style, (hour_ago, hour_ago))

    write_atomic(tmp_path / "graph.json", "{}\n")

    assert (tmp_path / "graph.json").read_text(encoding="utf-8") == "{}\n"
    assert not stale.exists() and not old_style.exists()
    assert running.exists() and fresh_old_style.exists()
    assert all(p.exists() for p in others)
    assert sorted(p.name for p in tmp_path.glob(".graph.json.*.tmp")) == sorted(
        [running.name, fresh_old_style.name]
    )


def test_our_temporaries_name_the_writing_process(tmp_path: Path, monkeypatch) -> None:
    seen: list[str] = []

    def content(handle) -> None:
        seen.extend(p.name for p in tmp_path.glob(".claims.csv.*.tmp"))
        handle.write(b"a,b\n")

    write_atomic(tmp_path / "claims.csv", content)
    assert len(seen) == 1 and seen[0].startswith(f".claims.csv.{os.getpid()}.")
    # Our own temporary, while being written, is never stale to us.
    (tmp_path / seen[0]).write_text("x", encoding="utf-8")
    assert remove_stale(tmp_path / "claims.csv") == []


def test_a_build_killed_mid_write_is_cleaned_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "out"
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from attribution.export import write_atomic\n"
        "def content(handle):\n"
        "    handle.write(b'half')\n"
        "    handle.flush()\n"
        "    os._exit(9)\n"
        "write_atomic(Path(sys.argv[1]) / 'graph.json', content)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    killed = subprocess.run([sys.executable, "-c", script, str(out)], env=env, check=False)
    assert killed.returncode == 9
    assert len(list(out.glob(".graph.json.*.tmp"))) == 1
    write_atomic(out / "graph.json", "{}\n")
    assert list(out.glob(".graph.json.*.tmp")) == []
