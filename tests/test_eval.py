"""The evaluation on real scrapes (tests/eval): the labels still match the
corpora, the sample is as large as promised, and every target in
tests/eval/targets.toml is met. Needs ../shared/corpora: without it this
fails, it does not skip."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

from tests.eval import evaluate, scores

#: The sample the real-scrapes issue asks for.
MIN_EVENT_LABELS = {"indonews-2025-06-18-20": 300, "english-news-2023-03": 100}
MIN_LINE_LABELLED_ARTICLES = 150
#: The glued-word candidates the text issue asks for, from both corpora.
MIN_GLUED_LABELS = {"indonews-2025-06-18-20": 200, "english-news-2023-03": 100}
#: Every headline the seeds and corpora derive from a lead (39 there are).
MIN_HEADLINE_LABELS = 39


@pytest.fixture(scope="module")
def report():
    return evaluate.run(workers=2)


def test_the_sample_is_large_enough():
    events = Counter(row["corpus"] for row in evaluate._rows("events"))
    for corpus, minimum in MIN_EVENT_LABELS.items():
        assert events[corpus] >= minimum, corpus
    articles = {(row["corpus"], row["file"]) for row in evaluate._rows("lines")}
    assert len(articles) >= MIN_LINE_LABELLED_ARTICLES
    assert articles == {(row["corpus"], row["file"]) for row in evaluate._rows("meta")}
    glued = Counter(row["corpus"] for row in evaluate._rows("glued"))
    for corpus, minimum in MIN_GLUED_LABELS.items():
        assert glued[corpus] >= minimum, corpus
    assert sum(glued.values()) >= 400
    assert len(evaluate._rows("headlines")) >= MIN_HEADLINE_LABELS


def test_labels_match_the_corpora(report):
    assert report["lines"]["drifted_labels"] == 0
    assert report["mends"]["drifted_labels"] == 0
    # every derived headline labelled as it reads now
    assert report["headlines"]["unlabelled"] == []


def test_targets_are_met(report):
    assert evaluate.misses(report) == []


def test_line_scores_count_what_they_claim():
    truth = {"a": "x", "b": "x", "c": "y"}
    score = scores.pairs({"a": "1", "b": "2", "c": "2"}, truth)
    assert (score.tp, score.fp, score.fn) == (0, 1, 1)


def test_story_labels_nest_events_in_stories_in_threads():
    """Within a folder, every article of one event has one story, and every
    article of one story has one thread (tests/eval/README.md)."""
    story_of, thread_of = {}, {}
    for row in evaluate._rows("events"):
        folder = (row["corpus"], row["folder"])
        assert row["story"] not in ("", "?") and row["thread"] not in ("", "?"), row["file"]
        assert story_of.setdefault((folder, row["event"]), row["story"]) == row["story"], row
        assert thread_of.setdefault((folder, row["story"]), row["thread"]) == row["thread"], row


def test_the_likeness_ladder_counts_what_it_claims(report):
    """Lower cosines take in every pair the higher ones do: the pairs and
    the one-story pairs only grow down the ladder, and recall with them."""
    rungs = report["events"]["likeness_ladder"]
    assert [r["cosine"] for r in rungs] == sorted((r["cosine"] for r in rungs), reverse=True)
    for higher, lower in itertools.pairwise(rungs):
        assert lower["same"] >= higher["same"] and lower["other"] >= higher["other"]
        assert lower["recall"] >= higher["recall"]
    for rung in rungs:
        total = rung["same"] + rung["other"]
        assert rung["precision"] == (rung["same"] / total if total else 1.0)
    assert 0 < rungs[-1]["recall"] <= 1


def test_cases_of_one_agency_on_the_same_days_stay_apart(report):
    # the trap of a topic folder: one agency, one building, one city in every
    # article, and some twenty different cases; held out, as every figure.
    # Today 0.815: one cluster joins a legislator's call on the Attorney
    # General with two of the cases he names.
    folder = report["events"]["folders"]["indonews-2025-06-18-20/kpk-korupsi"]
    assert folder["story"]["precision"] >= 0.8
