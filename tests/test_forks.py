"""Workers are forked while no other thread runs (Python 3.12 and newer
warn that a child forked from a threaded process may deadlock): Pelican's
progress display is paused for the fork, and where another thread still
runs the work is done in the build's own process instead."""

import json
import os
import threading

import pytest
from news_digest import forks, options
from pelican.log import console

from .conftest import SEED_FILES, run_pelican


def test_the_progress_display_is_paused_for_the_fork_and_shown_again():
    with console.status("Generating…"):
        assert threading.active_count() > 1  # rich's refresh thread: the trap
        with forks.alone() as alone:
            assert alone
            assert threading.active_count() == 1
        assert console._live_stack and console._live_stack[0].is_started
        assert threading.active_count() > 1  # its thread again


def test_with_another_thread_running_the_work_is_done_here():
    waiting = threading.Event()
    other = threading.Thread(target=waiting.wait)
    other.start()
    try:
        with forks.alone() as alone:
            assert not alone
        result = forks.in_background(os.getpid)
        assert result() == os.getpid()  # not a child's
    finally:
        waiting.set()
        other.join()


def test_a_big_build_forks_its_workers_with_no_deadlock_warning(tmp_path):
    """The `pelican` command shows its progress display while it builds;
    with warnings made errors, a fork among threads (Python ≥ 3.12) would
    fail the build or be reported."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(70):  # above the size at which workers start
        text = SEED_FILES[i % len(SEED_FILES)].read_text(encoding="utf-8")
        (folder / f"n{i:03d}.txt").write_text(f"{text}\nCatatan nomor {i} dari redaksi.\n")
    timings = tmp_path / "timings.json"
    built = run_pelican(
        tmp_path,
        folder,
        env={"PYTHONWARNINGS": "error::DeprecationWarning", "NEWS_DIGEST_TIMINGS": str(timings)},
    )
    assert built.returncode == 0, built.stderr
    assert "multi-threaded" not in built.stderr
    assert "Traceback" not in built.stderr
    assert json.loads(timings.read_text())["alongside"] > 0  # the digest ran in a child


def _chunk_and_process(chunk):
    return list(chunk), os.getpid()


@pytest.mark.parametrize(("items", "count"), [(range(7), 2), (range(7), 3), (range(1), 2)])
def test_work_over_the_cores_comes_back_in_order_each_chunk_from_a_process_of_its_own(items, count):
    results = forks.Cores(count).over(_chunk_and_process, items)
    chunks = [chunk for chunk, _ in results]
    assert [x for chunk in chunks for x in chunk] == list(items)
    assert len(chunks) == min(count, len(items))
    assert max(map(len, chunks)) - min(map(len, chunks)) <= 1  # as even as can be
    processes = [pid for _, pid in results]
    assert processes[0] == os.getpid() and len(set(processes)) == len(processes)


def test_one_core_does_all_the_work_here():
    (result,) = forks.ONE_CORE.over(_chunk_and_process, range(5))
    assert result == ([0, 1, 2, 3, 4], os.getpid())


@pytest.mark.parametrize(
    ("workers", "articles", "expected"),
    [(2, 499, forks.ONE_CORE), (2, 500, forks.Cores(2)), (1, 5000, forks.ONE_CORE)],
)
def test_the_grouping_spreads_its_comparisons_only_over_a_big_folder_and_allowed_workers(
    workers, articles, expected
):
    settings = {"NEWS_DIGEST_WORKERS": workers}
    assert options.grouping_cores(settings, articles) == expected
