"""Tests for the parsing engines (attribution.engine): same results, same order, anywhere."""

from __future__ import annotations

import re
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from attribution import engine
from attribution.cli import main
from attribution.corpus import Article, read_corpus
from attribution.errors import OptionError

CORPUS = Path(__file__).parent / "fixtures" / "cli_corpus"
OUTPUTS = ("graph.json", "graph.graphml", "graph.gexf", "claims.json", "claims.csv", "graph.html")


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    items = [a for a in read_corpus([str(CORPUS)]) if isinstance(a, Article)]
    assert len(items) == 3
    return items


def test_in_order_yields_in_input_order_with_a_bounded_window() -> None:
    running, most = 0, 0
    lock = threading.Lock()

    def work(batch: list[int]) -> list[int]:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.02 * (5 - batch[0] % 5))  # later batches finish first
        with lock:
            running -= 1
        return [n * 10 for n in batch]

    with ThreadPoolExecutor(max_workers=8) as pool:
        submit = lambda batch: pool.submit(work, batch)  # noqa: E731
        out = list(engine.in_order(submit, iter(range(23)), size=2, window=3))
    assert out == [n * 10 for n in range(23)]
    assert most <= 3


def test_in_order_reads_the_stream_only_as_far_as_the_window() -> None:
    pulled = []

    def stream():
        for n in range(100):
            pulled.append(n)
            yield n

    def submit(batch: list[int]) -> Future:
        done: Future = Future()
        done.set_result(batch)
        return done

    first = next(engine.in_order(submit, stream(), size=4, window=2))
    assert first == 0 and len(pulled) <= 9


def test_a_pool_of_two_gives_what_one_process_gives(articles: list[Article]) -> None:
    local = list(engine.Local(None).run(articles))
    pool = engine.Pool(None, jobs=2)
    try:
        assert list(pool.run(articles)) == local
    finally:
        pool.close()
    assert all(not isinstance(r, str) for r in local)


def test_a_failing_article_becomes_a_reason_not_an_exception(
    articles: list[Article], monkeypatch
) -> None:
    real = engine.extract

    def flaky(doc, article: Article):
        if article.id == articles[1].id:
            raise ValueError("boom")
        return real(doc, article)

    monkeypatch.setattr(engine, "extract", flaky)
    results = list(engine.Local(None).run(articles))
    assert [isinstance(r, str) for r in results] == [False, True, False]
    assert str(articles[1].path) in results[1] and "ValueError: boom" in results[1]


def test_dask_needs_a_scheduler_address() -> None:
    with pytest.raises(OptionError, match="scheduler address") as caught:
        engine.make("dask", None)
    assert "--" not in str(caught.value)  # the library names no flag: the CLI does


def test_an_unreachable_scheduler_is_one_clear_error() -> None:
    pytest.importorskip("distributed")
    with pytest.raises(engine.EngineError, match=re.escape("tcp://127.0.0.1:9")):
        engine.Dask(None, "tcp://127.0.0.1:9", timeout=2)


def test_cli_says_when_dask_has_no_scheduler(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["build", str(CORPUS), "--out", str(tmp_path), "--engine", "dask"]
    )
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "error: --engine dask needs --scheduler ADDRESS (e.g. tcp://host:8786)"
    ]


def _build(tmp_path: Path, name: str, *extra: str) -> Path:
    out = tmp_path / name
    args = ["build", str(CORPUS), "--out", str(out), "--no-cache", "-q", *extra]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return out


def test_jobs_two_writes_the_same_bytes_as_jobs_one(tmp_path: Path) -> None:
    one, two = _build(tmp_path, "one"), _build(tmp_path, "two", "--jobs", "2")
    for name in OUTPUTS:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_a_two_worker_dask_cluster_writes_the_same_bytes_as_a_local_run(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    local = _build(tmp_path, "local")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        assert len(cluster.workers) == 2
        remote = _build(
            tmp_path, "dask", "--engine", "dask", "--scheduler", cluster.scheduler_address
        )
        with distributed.Client(cluster) as client:
            prefixes = client.run_on_scheduler(
                lambda dask_scheduler: [*dask_scheduler.task_prefixes]
            )
    assert "extract_batch" in prefixes  # the parsing ran on the cluster
    for name in OUTPUTS:
        assert (local / name).read_bytes() == (remote / name).read_bytes(), name


@pytest.mark.releases_model
def test_local_engine_unloads_the_model_when_closed(articles) -> None:
    from attribution import nlp as nlp_mod

    local = engine.Local(None)
    results = list(local.run(articles))
    assert nlp_mod.load.cache_info().currsize >= 1
    local.close()
    assert nlp_mod.load.cache_info().currsize == 0
    assert [r.article for r in results] == [a.id for a in articles]
