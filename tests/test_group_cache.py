"""The grouping remembered between builds (group_cache.py, and the keys,
components and choices of stories.py): whatever is remembered, the
stories and threads are the ones worked out from nothing."""

from __future__ import annotations

import logging
import random
from dataclasses import replace
from datetime import date, timedelta

import pytest
from news_digest import group, group_cache, stories, timing
from news_digest.forks import ONE_CORE
from news_digest.pipeline import process_file

from .conftest import EVENTS
from .test_stories import random_centres

# ---- clustering each linked component alone -------------------------------------------


def _random_links(chance: random.Random, count: int, values, density: float) -> dict:
    """Links among `count` items in three blocks, never across blocks,
    with a few weak links from the first block to the second: weak ones
    join no component (average link) but must not change the clusters."""
    block = count // 3
    links = {}
    for a in range(count):
        for b in range(a + 1, count):
            same = a // block == b // block
            if same and chance.random() < density:
                links[(a, b)] = chance.choice(values)
            elif not same and a // block == 0 and b // block == 1 and chance.random() < 0.1:
                links[(a, b)] = 0.05  # under every threshold
    return links


@pytest.mark.parametrize("seed", range(10))
def test_average_link_by_component_is_average_link_over_the_whole(seed):
    chance = random.Random(seed)
    links = _random_links(chance, 18, (0.25, 0.5, 0.5, 1.0), 0.5)
    whole = stories.average_link(18, links, 0.3)
    cluster = stories.partial(stories._average_link, threshold=0.3)
    assert stories.clustered(18, links, 0.3, cluster) == whole
    assert sum(len(group) > 1 for group in whole) >= 2  # the trap: several components cluster


@pytest.mark.parametrize("seed", range(10))
def test_centroid_link_by_component_is_centroid_link_over_the_whole(seed):
    chance = random.Random(seed)
    centres = random_centres(chance, 18)
    links = _random_links(chance, 18, (0.1, 0.3, 0.6), 0.5)
    table = {"words": 0.2, "names": 0.8, "merge": 0.3, "support": 0.05}
    whole = stories.centroid_link(centres, links, table)
    cluster = stories.partial(stories._centroid_link, centres=centres, table=table)
    assert stories.clustered(18, links, 0.0, cluster) == whole


def test_a_remembered_component_is_not_clustered_again_and_a_changed_one_is(tmp_path):
    chance = random.Random(7)
    links = _random_links(chance, 18, (0.25, 0.5, 1.0), 0.5)
    keys = list(range(100, 118))
    cluster = stories.partial(stories._average_link, threshold=0.3)
    first = group_cache.Remembered(str(tmp_path), "table")
    expected = stories.clustered(18, dict(links), 0.3, cluster, keys, first)
    first.save()

    def clustering(keys_, links_):
        memory = group_cache.Remembered(str(tmp_path), "table")
        timing.take_counts()
        found = stories.clustered(18, dict(links_), 0.3, cluster, keys_, memory)
        return found, timing.take_counts()

    found, counts = clustering(keys, links)
    assert found == expected
    assert counts.get("grouping_components_clustered", 0) == 0
    assert counts["grouping_components_remembered"] == 3
    # the last block's first item changes (a new key): its component only
    changed = [*keys[:12], 999, *keys[13:]]
    found, counts = clustering(changed, links)
    assert found == expected
    assert (counts["grouping_components_clustered"], counts["grouping_components_remembered"]) == (
        1,
        2,
    )
    # a link inside the first block changes: that block again
    weaker = dict(links)
    pair = next(p for p in sorted(links) if p[1] < 6 and links[p] >= 0.5)
    weaker[pair] = 0.25
    found, counts = clustering(keys, weaker)
    assert found == stories.average_link(18, weaker, 0.3)
    assert counts["grouping_components_clustered"] == 1


# ---- each article's choice of others, remembered --------------------------------------


def _views(chance: random.Random, count: int) -> list[stories.Views]:
    """Views that share few terms among many (long postings) over a few
    weeks, a third undated: only their top terms and day matter here."""
    return [_view(chance, VOCABULARY, START) for _ in range(count)]


#: Few terms for many articles, over a few weeks.
VOCABULARY = [f"kata{k}" for k in range(20)]
START = date(2024, 3, 1)


def _view(chance, vocabulary, start) -> stories.Views:
    day = None if chance.random() < 0.15 else start + timedelta(days=chance.randrange(40))
    return stories.Views({}, {}, {}, day, tuple(chance.sample(vocabulary, 3)))


def _shared(a: stories.Views, b: stories.Views) -> float | None:
    """A likeness of two test views: the share of their top terms they
    share, linked from two up (so that some compared pairs are not)."""
    shared = len(set(a.top) & set(b.top))
    return shared / 3 if shared >= 2 else None


def _links_by_key(links, keys) -> dict[tuple[int, int], float]:
    return {(min(keys[a], keys[b]), max(keys[a], keys[b])): v for (a, b), v in links.items()}


@pytest.mark.parametrize("seed", range(8))
def test_remembered_choices_and_likeness_are_the_ones_worked_out_afresh_after_any_edit(
    seed, tmp_path, monkeypatch
):
    """Articles come, go and change (terms, day, undated or not) between
    builds; with few postings a term and few candidates an article, each
    change moves others in and out of what they meet. Every build's links
    must be the ones worked out from nothing, while most articles keep
    their last choice and most pairs are not compared again."""
    monkeypatch.setattr(stories, "MAX_POSTINGS", 4)
    monkeypatch.setattr(stories, "MAX_CANDIDATES", 3)
    monkeypatch.setattr(stories, "WINDOW_DAYS", 3)
    chance = random.Random(seed)
    items = [(key, view) for key, view in enumerate(_views(chance, 60))]
    next_key = len(items)
    kept = remembered = 0
    for _build in range(12):
        items.sort(key=lambda item: item[0] * 7919 % 1000)  # positions move too
        keys = [key for key, _ in items]
        views = [view for _, view in items]
        memory = group_cache.Remembered(str(tmp_path), "table")
        timing.take_counts()
        found = stories.linked(views, _shared, ONE_CORE, keys, memory, "articles")
        counts = timing.take_counts()
        kept += len(items) - counts["grouping_choices_made"]
        remembered += counts.get("grouping_pairs_remembered", 0)
        memory.save()
        fresh = stories.linked(views, _shared, ONE_CORE)
        assert _links_by_key(found, keys) == _links_by_key(fresh, keys)
        # the next build: one changed, one gone, one new
        where = chance.randrange(len(items))
        items[where] = (next_key, _view(chance, VOCABULARY, START))
        items.pop(chance.randrange(len(items)))
        items.append((next_key + 1, _view(chance, VOCABULARY, START)))
        next_key += 2
    # the trap: most choices were kept and most pairs remembered
    assert kept > 60 * 11 // 4 and remembered > 0


# ---- the whole grouping, remembered -------------------------------------------------


def _fixture_articles():
    return [process_file(path) for path in sorted(EVENTS.glob("*.txt"))]


def test_a_regrouping_after_an_edit_is_the_grouping_from_nothing(tmp_path):
    articles = _fixture_articles()
    table = stories.settings()
    first = group_cache.Remembered(str(tmp_path), table)
    assert group.discover_events(articles, memory=first) == group.discover_events(articles)
    first.save()

    # one article now tells another's story, under its own name
    by_id = {a.identifier: a for a in articles}
    told = by_id["kompas-kapal-madleen"]
    edited = [
        replace(a, meta=told.meta) if a.identifier == "ap-madleen" else a
        for a in articles
        if a.identifier != "kompas-kapal-madleen"
    ]
    again = group_cache.Remembered(str(tmp_path), table)
    timing.take_counts()
    assert group.discover_events(edited, memory=again) == group.discover_events(edited)
    counts = timing.take_counts()
    assert counts["grouping_pairs_remembered"] > 0  # the trap: the memory was used
    assert counts["grouping_pairs_compared"] > 0  # and the edit compared again


def test_another_stories_table_remembers_nothing(tmp_path):
    articles = _fixture_articles()
    first = group_cache.Remembered(str(tmp_path), stories.settings())
    group.discover_events(articles, memory=first)
    first.save()
    assert group_cache.Remembered(str(tmp_path), stories.settings()).known == first.used
    other = {**stories.settings(), "story": {**stories.settings()["story"], "merge": 0.9}}
    assert group_cache.Remembered(str(tmp_path), other).known == {}


def test_a_damaged_grouping_file_is_worked_out_again_with_one_warning(tmp_path, caplog):
    (tmp_path / group_cache.FILE_NAME).write_bytes(b"\x80\x05not a pickle")
    articles = _fixture_articles()
    with caplog.at_level(logging.WARNING):
        memory = group_cache.Remembered(str(tmp_path), stories.settings())
    assert memory.known == {}
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and group_cache.FILE_NAME in warnings[0]
    assert group.discover_events(articles, memory=memory) == group.discover_events(articles)
