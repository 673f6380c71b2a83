"""Automatic stories (stories.py, background.py) and how a site shows them
(render.py's story timeline and day lines, digest's threads together)."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from datetime import date, timedelta

import pytest
from news_digest import background, digest, forks, group, stories
from news_digest.model import Event, Grouping, Section
from news_digest.pipeline import process_file
from news_digest.render import DayLine, core_span, day_lines, stories_timeline_svg
from news_digest.ui import for_stories, table

from .conftest import EVENTS, article

# ---- term weights that do not depend on the folder ------------------------------------

WEIGHTS = [
    # (more common, rarer): the second always weighs more
    ("yang", "presiden"),
    ("presiden", "lewotobi"),
    ("the", "indictment"),
    ("harga", "antam"),
]


@pytest.mark.parametrize(("common", "rare"), WEIGHTS)
def test_a_rarer_word_weighs_more(common, rare):
    assert background.weight(common) < background.weight(rare)


def test_a_phrase_weighs_more_than_its_rarer_word_and_a_name_as_its_word():
    assert background.weight("afrika selatan") > background.weight("afrika")
    assert background.weight("afrika selatan") > background.weight("selatan")
    assert background.weight("@putin") == background.weight("putin")


def test_a_word_no_list_knows_is_rare_not_infinitely_so():
    unknown = background.weight("zqxvbnq")
    assert background.weight("lewotobi") <= unknown < 25


def _pair(folder_articles, a, b):
    found = {x.identifier: stories.article_views(x) for x in folder_articles}
    weights = stories.settings()["likeness"]
    return stories.likeness(stories.pair_features(found[a], found[b]), weights)


def test_a_pairs_likeness_is_the_same_in_any_folder():
    articles = [process_file(path) for path in sorted(EVENTS.glob("*.txt"))]
    small = [a for a in articles if "madleen" in a.identifier]
    pair = ("ap-madleen", "kompas-kapal-madleen")
    assert _pair(small, *pair) == _pair(articles, *pair) > 0.5


def test_the_views_packed_with_an_article_are_the_views_worked_out_from_it():
    """The per-file stages pack each article's views (stories.pack); the
    grouping unpacks the same vectors, terms, order and day."""
    for path in sorted(EVENTS.glob("*.txt")):
        article = process_file(path)
        assert article.views is not None
        assert stories.views_of(article) == stories.article_views(article)
        unpacked, fresh = stories.views_of(article), stories.article_views(article)
        assert list(unpacked.words.items()) == list(fresh.words.items())


def test_views_packed_before_the_folders_passes_changed_the_terms_are_not_used():
    """Trap: the folder's passes (recurring furniture, its own words) give
    a few articles new story terms or a new headline after their views
    were packed; those articles' views are worked out again."""
    from dataclasses import replace

    from news_digest.terms import story_terms

    article = process_file(sorted(EVENTS.glob("*.txt"))[0])
    kept = [line.text for line in article.clean.kept]
    fewer = replace(article.meta, story_terms=story_terms(article.meta.title.value, kept[:2]))
    changed = replace(article, meta=fewer)
    assert changed.views == article.views  # replace() carried the old pack along
    assert stories.views_of(changed) == stories.article_views(changed)
    assert stories.views_of(changed).words != stories.views_of(article).words
    retitled = replace(
        article, meta=replace(article.meta, title=replace(article.meta.title, value="Lain"))
    )
    assert stories.views_of(retitled).title == stories.article_views(retitled).title
    assert stories.views_of(retitled).title != stories.views_of(article).title


def test_every_view_has_a_fitted_weight():
    weights = stories.settings()["likeness"]
    assert set(weights) == {*stories.FEATURES, "bias"}
    # the cosine of the words is what tells stories apart most
    assert weights["words"] == max(weights.values())


# ---- stories -------------------------------------------------------------------------


def test_articles_far_apart_in_time_are_never_compared():
    lines = ("Bendungan Zqaaa jebol di Zqbbb, ribuan warga mengungsi.", "Ditulis {}.")
    near = article("a", lines[0], lines[1].format("2 Januari 2024"))
    also = article("b", lines[0], lines[1].format("5 Januari 2024"))
    far = article("c", lines[0], lines[1].format("20 Januari 2024"))
    views = [stories.article_views(x) for x in (near, also, far)]
    assert set(stories.candidates(views)) == {(0, 1)}


def test_each_article_meets_a_bounded_number_of_others(monkeypatch):
    monkeypatch.setattr(stories, "MAX_CANDIDATES", 3)
    same = [
        article(f"a{k:02d}", "Bendungan Zqaaa jebol di Zqbbb, warga Zqccc mengungsi.")
        for k in range(10)
    ]
    views = [stories.article_views(x) for x in same]
    met = [0] * len(same)
    for a, b in stories.candidates(views):
        met[a] += 1
        met[b] += 1
    # each chose its 3; it may also have been chosen by others
    assert all(n >= 3 for n in met) and sum(met) <= 2 * 3 * len(same)


def test_stories_and_threads_are_the_same_with_the_comparisons_spread_over_two_cores():
    articles = [process_file(path) for path in sorted(EVENTS.glob("*.txt"))]
    here = stories.find(articles)
    spread = stories.find(articles, cores=forks.Cores(2))
    assert len(here.stories) < len(articles)  # the trap: some articles were linked
    assert spread.stories == here.stories and spread.threads == here.threads


def _plain_clustering(count, value_of):
    """Agglomerative clustering the slow, plain way: every round, every
    pair of groups, the highest `value_of(one, other)` (None: never
    merged) first, ties by the lowest pair."""
    groups = {p: [p] for p in range(count)}
    while True:
        best = None
        for a, b in itertools.combinations(sorted(groups), 2):
            value = value_of(groups[a], groups[b])
            if value is not None and (best is None or value > best[0]):
                best = (value, a, b)
        if best is None:
            return [sorted(g) for _, g in sorted(groups.items())]
        _, a, b = best
        groups[a] += groups.pop(b)


def _link(links, x, y):
    return links.get((min(x, y), max(x, y)))


def _reference_average_link(count, links, threshold):
    """Average link: the average over all cross pairs (none counts as 0)."""

    def average(one, other):
        total = sum(_link(links, x, y) or 0.0 for x in one for y in other)
        value = total / (len(one) * len(other))
        return value if value >= threshold else None

    return _plain_clustering(count, average)


@pytest.mark.parametrize("seed", range(12))
def test_average_link_merges_the_highest_average_first_ties_by_the_lowest_pair(seed):
    """Few distinct likenesses, so that many averages tie exactly: the
    order of merges, and so the groups, must still be the plain one's."""
    import random

    chance = random.Random(seed)
    count = 14
    links = {
        (a, b): chance.choice((0.25, 0.5, 0.5, 1.0))
        for a in range(count)
        for b in range(a + 1, count)
        if chance.random() < 0.5
    }
    expected = _reference_average_link(count, links, 0.3)
    assert stories.average_link(count, links, 0.3) == expected
    assert any(len(group) > 2 for group in expected)  # the trap: groups grow past pairs


def _centre(words: dict[str, float], names: dict[str, float]) -> stories.Views:
    from news_digest import terms

    words, names = (terms.exact(terms.normalized(v)) for v in (words, names))
    return stories.Views(words, names, {}, None, ())


def random_centres(chance, count: int) -> list[stories.Views]:
    """Stories' centres over few distinct terms, so that groups tie and grow."""
    vocabulary = ["iran", "israel", "rudal", "minyak", "haji", "emas"]
    return [
        _centre(
            {t: chance.choice((1, 2)) for t in chance.sample(vocabulary, 2)},
            {f"@{t}": 1 for t in chance.sample(vocabulary, 2)},
        )
        for _ in range(count)
    ]


def _reference_centroid_link(centres, links, table):
    """Centroid link: groups with a link between them whose links average
    at least `support`, the most alike centroids (sums of their members'
    centres, worked out whole each time) first."""

    def summed(group, part):
        total = Counter()
        for p in group:
            total.update(getattr(centres[p], part))
        return total

    def centroids_alike(one, other):
        value = 0.0
        for part in ("words", "names"):
            a, b = summed(one, part), summed(other, part)
            dot = sum(a[t] * b[t] for t in a if t in b)
            if dot:
                lengths = sum(v * v for v in a.values()) * sum(v * v for v in b.values())
                value += table[part] * dot / math.sqrt(lengths)
        return value

    def likeness(one, other):
        cross = [_link(links, x, y) for x in one for y in other]
        if all(value is None for value in cross):
            return None
        if sum(v for v in cross if v) / len(cross) < table["support"]:
            return None
        value = centroids_alike(one, other)
        return value if value >= table["merge"] else None

    return _plain_clustering(len(centres), likeness)


@pytest.mark.parametrize("seed", range(12))
def test_centroid_link_merges_the_most_alike_first_ties_by_the_lowest_pair(seed):
    """Few distinct terms, so that groups tie and grow: the merges, and so
    the threads, must be the plain reference's."""
    import random

    chance = random.Random(seed)
    centres = random_centres(chance, 12)
    links = {
        (a, b): chance.choice((0.1, 0.3, 0.6))
        for a in range(12)
        for b in range(a + 1, 12)
        if chance.random() < 0.4
    }
    table = {"words": 0.2, "names": 0.8, "merge": 0.3, "support": 0.05}
    expected = _reference_centroid_link(centres, links, table)
    assert stories.centroid_link(centres, links, table) == expected
    assert any(len(group) > 2 for group in expected)  # the trap: groups grow past pairs


#: Threads as data: (why, each story's words and names, the links between
#: stories, the threads expected).
CENTROID_CASES = [
    (
        "each is like the war as a whole, though two share no name",
        [
            ({"serangan": 1}, {"@iran": 1, "@israel": 1, "@natanz": 1}),
            ({"rudal": 1}, {"@iran": 1, "@israel": 1}),
            ({"minyak": 1}, {"@iran": 1, "@israel": 1, "@brent": 1}),
        ],
        {(0, 1): 0.6, (1, 2): 0.6, (0, 2): 0.5},
        [[0, 1, 2]],
    ),
    (
        "alike, but never linked: never compared",
        [({"emas": 1}, {"@antam": 1}), ({"emas": 1}, {"@antam": 1})],
        {},
        [[0], [1]],
    ),
    (
        "a chain whose links are too few for its size (support) stops",
        [
            ({"warga": 1}, {"@dprd": 1, "@dinas": 1}),
            ({"warga": 1}, {"@dprd": 1, "@dinas": 1}),
            ({"warga": 1}, {"@dprd": 1, "@dinas": 1}),
        ],
        {(0, 1): 0.15, (1, 2): 0.05},
        [[0, 1], [2]],
    ),
]


@pytest.mark.parametrize(
    "why, stories_, links, expected", CENTROID_CASES, ids=[c[0] for c in CENTROID_CASES]
)
def test_centroid_link_cases(why, stories_, links, expected):
    centres = [_centre(words, names) for words, names in stories_]
    table = {"words": 0.2, "names": 0.8, "merge": 0.3, "support": 0.04}
    assert stories.centroid_link(centres, links, table) == expected


#: Roundups and headlines that only look like one (the traps).
ROUNDUP_HEADLINES = [
    ("Top 3 Berita Hari Ini: Warga Lebanon Nekat Gelar Pesta", True),
    ("Top 3 Tekno : Review HP OmniBook Ultra Flip 14", True),
    ("TOP 3: Kebaya Mulan Jameela dan Adira Kania", True),
    ("Terpopuler: Daftar Maskapai Terbaik Dunia 2025", True),
    ("5 Berita Terpopuler Internasional Hari Ini", True),
    ("Morning Briefing: What to know today", True),
    ("Top Skor Piala Dunia Antarklub 2025: Bayern dan Juventus Adu Subur!", False),
    ("Toprak Razgatlioglu Resmi Debut di MotoGP 2026", False),
    ("Top 5 Pemain Terbaik Liga 1", False),
    ("Daftar 5 Berita Hoaks yang Beredar Pekan Ini", False),
]


#: One strike, told by two articles: the story other stories are set beside.
STRIKE = "Militer Israel menyerang fasilitas nuklir Natanz di Iran dengan puluhan jet tempur."


def _strikes() -> list:
    return [
        article("serangan-1", "Israel Gempur Natanz", STRIKE, "Ditulis 17 Juni 2025."),
        article("serangan-2", "Jet Israel Serang Natanz", STRIKE, "Ditulis 17 Juni 2025."),
    ]


@pytest.mark.parametrize("headline, roundup", ROUNDUP_HEADLINES)
def test_a_roundup_is_told_by_its_headline(headline, roundup):
    assert stories.is_roundup(headline) is roundup


def test_a_roundup_of_two_stories_joins_neither_and_threads_nothing():
    gold = "Harga emas Antam di Pegadaian turun Rp 12.000 per gram pada perdagangan hari ini."
    articles = [
        *_strikes(),
        article("emas-1", "Harga Emas Antam Turun", gold, "Ditulis 17 Juni 2025."),
        article("emas-2", "Emas Antam Turun Lagi", gold, "Ditulis 17 Juni 2025."),
        article(
            "top-3", "Top 3: Israel Gempur Natanz", f"{STRIKE} {gold}", "Ditulis 17 Juni 2025."
        ),
        # the trap: the same two leads under a headline that is no roundup
        article(
            "dua",
            "Israel Gempur Natanz, Emas Antam Turun",
            f"{STRIKE} {gold}",
            "Ditulis 17 Juni 2025.",
        ),
    ]
    found = stories.find(articles)
    story_of = {found.articles[p].identifier: s for s, m in enumerate(found.stories) for p in m}
    assert [len(found.stories[story_of["top-3"]])] == [1]
    assert story_of["serangan-1"] == story_of["serangan-2"] != story_of["emas-1"]
    assert len(found.stories[story_of["dua"]]) > 1  # an ordinary article does join a story
    thread_of = {s: t for t, m in enumerate(found.threads) for s in m}
    alone = [t for t, m in enumerate(found.threads) if m == (story_of["top-3"],)]
    assert alone == [thread_of[story_of["top-3"]]]


def test_stories_and_threads_are_the_same_under_any_order():
    articles = [process_file(path) for path in sorted(EVENTS.glob("*.txt"))]
    first = stories.find(articles)
    second = stories.find(list(reversed(articles)))
    assert first.stories == second.stories and first.threads == second.threads


def test_a_storys_name_is_its_member_headline_that_covers_what_they_share():
    articles = [process_file(path) for path in sorted(EVENTS.glob("*.txt"))]
    members = [a for a in articles if "madleen" in a.identifier]
    vectors = [stories.article_views(a).words for a in members]
    named = group.story_name(members, vectors)
    assert named.identifier in {a.identifier for a in members}
    # unrelated articles do not change it
    assert group.story_name(list(reversed(members)), list(reversed(vectors))) == named


# ---- threads on the front page ---------------------------------------------------------


def _event(id_, thread=None):
    return Event(id_, id_, date(2025, 6, 18), date(2025, 6, 18), thread=thread)


#: A lead long enough to be one, after each outlet's dateline.
LEAD = (
    "Pemerintah mengumumkan rencana evakuasi warga negara Indonesia dari Iran "
    "setelah serangan udara meningkat pada pekan ini."
)
DATELINES = {"Kompas": "JAKARTA, KOMPAS.com - ", "Tempo": "TEMPO.CO, Jakarta - "}


def _told_by(identifier, outlet):
    return article(identifier, "Evakuasi WNI dari Iran Dimulai", DATELINES[outlet] + LEAD)


def test_a_thread_of_small_stories_leads_as_one_block(monkeypatch):
    told = [
        _told_by("w1", "Kompas"),
        _told_by("w2", "Tempo"),
        _told_by("w3", "Kompas"),
        _told_by("b1", "Kompas"),
        _told_by("b2", "Tempo"),
    ]
    assert {a.meta.publisher.value for a in told} == {"Kompas", "Tempo"}
    events = (
        _event("war-1", "war"),
        _event("big"),
        _event("war-2", "war"),
        _event("war-3", "war"),
    )
    grouping = Grouping(
        events=events,
        articles_by_event={
            "war-1": ("w1",),
            "big": ("b1", "b2"),
            "war-2": ("w2",),
            "war-3": ("w3",),
        },
    )
    # one story of two outlets outweighs each war story, not the three together
    assert digest.top_stories(grouping, told) == ("war-1", "war-2", "war-3", "big")
    monkeypatch.setattr(digest, "MAX_THREAD_STORIES", 2)
    assert digest.top_stories(grouping, told) == ("war-1", "war-2", "big")
    monkeypatch.setattr(digest, "MAX_STORIES", 1)
    assert digest.top_stories(grouping, told) == ("war-1",)


# ---- the stories' timeline ------------------------------------------------------------


def test_the_axis_covers_the_busy_days_not_the_stray_ones():
    busy = [date(2025, 6, 16) + timedelta(days=k % 5) for k in range(500)]
    stray = [date(2021, 3, 1), date(2024, 12, 25), date(2025, 6, 1)]
    assert core_span(busy + stray) == (date(2025, 6, 16), date(2025, 6, 20))
    assert core_span([]) is None


def test_the_stories_timeline_has_a_row_per_story_and_a_mark_per_day():
    words = for_stories(table("en"))
    days = [date(2025, 6, 18)] * 10 + [date(2025, 6, 19)] * 10 + [date(2021, 1, 1)]
    rows = [
        (_event("war"), "#war", {date(2025, 6, 18): 3, date(2025, 6, 19): 1}),
        (_event("visit"), "#visit", {date(2025, 6, 19): 2}),
    ]
    svg = stories_timeline_svg(words, rows, days, more=5)
    assert svg.count('<circle class="mark"') == 3
    assert svg.count('class="row-label"') == 2
    assert 'href="#war"' in svg and 'href="#visit"' in svg
    assert "and 5 more stories" in svg
    assert "1 articles dated outside this span" in svg or "1 article" in svg
    assert "2021" not in svg  # the stray date does not stretch the axis


def test_a_story_reported_the_day_before_the_busy_days_gets_its_mark():
    """The English folder's case: twelve dated articles, two busy days, and
    the first story on the day before them alone. The axis takes in that
    day, so the story's row has its mark; a story on a stray date far out
    gets no row (counted with the others) and does not stretch the axis."""
    words = for_stories(table("en"))
    days = [date(2023, 3, 23)] * 5 + [date(2023, 3, 24)] * 5 + [date(2023, 3, 22)]
    days += [date(2021, 1, 1)]
    rows = [
        (_event("jury"), "#jury", {date(2023, 3, 22): 1}),
        (_event("old"), "#old", {date(2021, 1, 1): 1}),
        (_event("game"), "#game", {date(2023, 3, 23): 2}),
    ]
    svg = stories_timeline_svg(words, rows, days, more=4)
    assert svg.count('<circle class="mark"') == 2
    assert 'href="#jury"' in svg and 'href="#game"' in svg and 'href="#old"' not in svg
    assert ">22 Mar<" in svg and ">24 Mar<" in svg and "2021" not in svg
    assert "and 5 more stories" in svg  # the four not passed and the stray one
    assert "1 article dated outside this span" in svg or "1 articles dated outside" in svg
    # a story four days before the busy run is stray: no row, no wider axis
    far = [(_event("far"), "#far", {date(2023, 3, 19): 1}), rows[2]]
    svg = stories_timeline_svg(words, far, [*days[:10], date(2023, 3, 19)])
    assert 'href="#far"' not in svg and ">19 Mar<" not in svg and ">23 Mar<" in svg


def test_a_story_name_in_the_timeline_is_text_not_markup():
    words = for_stories(table("id"))
    hostile = Event("x", "<script>alert(1)</script>", date(2025, 6, 18), None)
    svg = stories_timeline_svg(
        words, [(hostile, "#x", {date(2025, 6, 18): 1})], [date(2025, 6, 18)]
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg


# ---- a story's days on the front page ---------------------------------------------------


class _Point:
    def __init__(self, text, articles, sources=()):
        self.text, self.articles, self.sources = text, articles, sources


def test_each_day_shows_its_own_version_of_its_first_point():
    sections = (
        Section(("a", "b"), day=date(2025, 6, 18)),
        Section(("c",), day=date(2025, 6, 19)),
        Section(("d",)),  # no day: not a line
    )
    points = [
        _Point("Kapal dicegat.", ("a", "c"), (("a", "Kapal dicegat."), ("c", "Kapal itu dicegat.")))
    ]
    lines = day_lines(sections, points, {"a": "A", "b": "B", "c": "C", "d": "D"})
    assert lines == [
        DayLine(date(2025, 6, 18), 2, "Kapal dicegat.", "a"),
        DayLine(date(2025, 6, 19), 1, "Kapal itu dicegat.", "c"),
    ]


def test_a_day_without_a_point_shows_its_first_headline():
    sections = (Section(("x", "y"), day=date(2025, 6, 20)),)
    assert day_lines(sections, [], {"x": "Headline X", "y": "Y"}) == [
        DayLine(date(2025, 6, 20), 2, "Headline X", "x")
    ]


def test_the_stories_words_replace_the_trip_words_key_for_key():
    trips, automatic = table("en"), for_stories(table("en"))
    assert trips["nav_events"] == "Trips" and automatic["nav_events"] == "Stories"
    assert automatic["counts"]["event"] == ["{n} story", "{n} stories"]
    assert automatic["counts"]["article"] == trips["counts"]["article"]
    assert re.search("Cerita", for_stories(table("id"))["nav_events"])


def test_grouping_keeps_threads_of_two_or_more_stories_only(monkeypatch):
    import copy

    table = copy.deepcopy(stories.settings())
    # any shared telling term threads two stories
    table["thread"] |= {"link": 0.01, "merge": 0.01, "support": 0.0}
    monkeypatch.setattr(stories, "settings", lambda: table)
    missiles = "Iran meluncurkan ratusan rudal balistik ke Tel Aviv dan Haifa, Israel."
    articles = [
        *_strikes(),
        article("rudal-1", "Rudal Iran Hujani Tel Aviv", missiles, "Ditulis 18 Juni 2025."),
        article("rudal-2", "Iran Balas dengan Rudal", missiles, "Ditulis 18 Juni 2025."),
    ]
    grouping = group.discover_events(articles)
    assert len(grouping.events) == 2 and grouping.threads
    by_id = {e.id: e for e in grouping.events}
    for thread in grouping.threads:
        assert len(thread.stories) >= 2
        assert all(by_id[s].thread == thread.id for s in thread.stories)
        # largest first
        sizes = [len(grouping.articles_by_event[s]) for s in thread.stories]
        assert sizes == sorted(sizes, reverse=True)
        # named after one of its own stories, its address after the largest
        assert thread.name in {by_id[s].name for s in thread.stories}
        assert thread.id == f"alur-{thread.stories[0]}"


def test_a_threads_stories_show_together_and_link_each_other(tmp_path, monkeypatch):
    import copy

    from .conftest import build_site

    table = copy.deepcopy(stories.settings())
    # any shared telling term threads two stories
    table["thread"] |= {"link": 0.01, "merge": 0.01, "support": 0.0}
    monkeypatch.setattr(stories, "settings", lambda: table)
    missiles = "Iran meluncurkan ratusan rudal balistik ke Tel Aviv dan Haifa, Israel."
    folder = tmp_path / "perang"
    folder.mkdir()
    for name, title, lead, day in (
        ("serangan-1", "Israel Gempur Natanz", STRIKE, "17 Juni 2025"),
        ("serangan-2", "Jet Israel Serang Natanz", STRIKE, "17 Juni 2025"),
        ("rudal-1", "Rudal Iran Hujani Tel Aviv", missiles, "18 Juni 2025"),
        ("rudal-2", "Iran Balas dengan Rudal", missiles, "18 Juni 2025"),
    ):
        (folder / f"{name}.txt").write_text(f"{title}\n{day}\n\n{lead}\n", encoding="utf-8")
    site = build_site(tmp_path / "out", seeds=folder)
    front = (site / "index.html").read_text(encoding="utf-8")
    labels = re.findall(r'<p class="thread-label">([^<]*)</p>', front)
    # both stories under the thread's name; the first also counts them
    assert (
        len(labels) == 2
        and labels[0].startswith("Rangkaian: ")
        and labels[0].endswith("· 2 cerita")
    )
    pages = sorted((site / "perjalanan").glob("*/index.html"))
    assert len(pages) == 2
    for page, other in zip(pages, reversed(pages), strict=True):
        html = page.read_text(encoding="utf-8")
        thread = html.split('<nav class="thread"')[1].split("</nav>")[0]
        assert f"perjalanan/{other.parent.name}/" in thread
        # a short thread's list is open (a long one's starts folded)
        assert "<details open>" in thread and "· 2 cerita</summary>" in thread
