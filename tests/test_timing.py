"""The stage clock: stages that run alongside the build are not taken out
of `render`, and everything adds up."""

from __future__ import annotations

import pytest
from news_digest import timing


@pytest.fixture
def clock(monkeypatch):
    """A clock that only moves when the test moves it."""
    now = [100.0]
    monkeypatch.setattr(timing.time, "perf_counter", lambda: now[0])
    timing.reset()
    yield now
    timing.reset()


def test_stages_render_and_alongside_add_up_to_the_total(clock):
    with timing.stage("group"):
        clock[0] += 2.0
    timing.add_alongside({"digest": 5.0})  # a worker's 5 s while the build rendered
    clock[0] += 6.0  # rendering
    with timing.waiting():  # the worker needed 1 s more than the rendering
        clock[0] += 1.0
    report = timing.report()
    assert report["total"] == 9.0
    assert report["group"] == 2.0
    assert report["digest"] == 5.0
    assert report["render"] == 6.0
    assert report["alongside"] == 4.0
    stages = sum(report[name] for name in timing.STAGES) + report["render"]
    assert stages == report["total"] + report["alongside"]


def test_a_thread_stage_marked_alongside_is_not_render_time(clock):
    with timing.stage("search_index", alongside=True):
        clock[0] += 3.0
    report = timing.report()
    assert report["search_index"] == 3.0
    assert report["render"] == 3.0  # the build went on meanwhile
    assert report["alongside"] == 3.0


def test_take_hands_over_and_clears_a_workers_stage_times(clock):
    with timing.stage("clean"):
        clock[0] += 1.5
    assert timing.take() == {"clean": 1.5}
    assert timing.take() == {}


def test_the_report_says_what_a_rebuild_redid_and_reused(tmp_path, monkeypatch):
    import json

    from .conftest import build_site, copy_seeds

    folder = copy_seeds(tmp_path / "scrapes")
    reports = []
    for step in ("cold", "warm", "one changed"):
        if step == "one changed":
            first = sorted(folder.glob("*.txt"))[0]
            first.write_text(first.read_text(encoding="utf-8") + "\nSatu kalimat baru.\n", "utf-8")
        path = tmp_path / f"{step}.json"
        monkeypatch.setenv("NEWS_DIGEST_TIMINGS", str(path))
        build_site(tmp_path / "output", seeds=folder, NEWS_DIGEST_SEARCH=False)
        reports.append(json.loads(path.read_text(encoding="utf-8")))
    cold, warm, changed = reports
    assert cold["articles"] == warm["articles"] == 5
    assert cold["articles_processed"] == 5 and warm["articles_processed"] == 0
    assert changed["articles_processed"] == 1
    assert cold["files_written"] > 20 and cold["files_unchanged"] == 0
    assert warm["files_written"] == 0 and warm["files_unchanged"] == cold["files_written"]
    # the pages of the articles, trips and names are not even rendered
    # again (page_memo.py)
    assert cold["pages_rendered"] > 5 and cold["pages_kept"] == 0
    assert (warm["pages_rendered"], warm["pages_kept"]) == (0, cold["pages_rendered"])
    assert 0 < changed["files_written"] < cold["files_written"]


def test_a_workers_counts_reach_the_report():
    timing.reset()
    timing.count("events_digested", 2)  # in the digest's worker process
    taken = timing.take_counts()
    assert taken == {"events_digested": 2} and timing.take_counts() == {}
    timing.add_counts(taken)  # sent back to the build
    timing.add_counts({"events_remembered": 5})
    report = timing.report()
    assert (report["events_digested"], report["events_remembered"]) == (2, 5)
