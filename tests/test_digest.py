"""Digest stage: key points, quotes, entities and sources, and digest.json."""

from __future__ import annotations

import itertools
import json
import re
from datetime import date

import pytest
from news_digest import digest as digest_stage
from news_digest import names
from news_digest.clean import normalize
from news_digest.digest import build_digest, find_entities, find_quotes, key_points, top_stories
from news_digest.group import group
from news_digest.model import UNKNOWN_DATE, Event, Grouping, Placement
from news_digest.pipeline import process_file
from rapidfuzz import fuzz

from .conftest import SEED_FILES, article, load_trips


@pytest.fixture(scope="module")
def seeds():
    return {path.stem: process_file(path) for path in SEED_FILES}


@pytest.fixture(scope="module")
def grouping(seeds):
    return group(list(seeds.values()), load_trips())


@pytest.fixture(scope="module")
def digest(seeds, grouping):
    return build_digest(list(seeds.values()), grouping)


def _event(digest, event_id):
    return next(e for e in digest.events if e.event_id == event_id)


def test_trip_4_key_points_draw_on_both_articles(digest):
    cited = {a for point in _event(digest, "perjalanan-4").key_points for a in point.articles}
    assert cited == {"000_84cca4261389b70a", "002_c6785a99c933e0c7"}


def test_every_event_has_three_to_five_key_points(digest):
    for event in digest.events:
        assert 3 <= len(event.key_points) <= 5, event.event_id


def test_key_points_and_quotes_are_verbatim_in_their_articles(seeds, digest):
    for event in digest.events:
        for point in event.key_points:
            assert point.text in seeds[point.articles[0]].clean.text or any(
                point.text == text for _, text in point.sources
            )
            for source, text in point.sources:
                assert text in seeds[source].clean.text
        for quote in event.quotes:
            assert quote.text in seeds[quote.article].clean.text


def test_no_two_key_points_are_near_duplicates(digest):
    points = [p.text for e in digest.events for p in e.key_points]
    for a, b in itertools.combinations(points, 2):
        assert fuzz.token_set_ratio(normalize(a), normalize(b)) < 80, (a, b)


def test_removed_lines_never_reach_the_digest(seeds, digest):
    removed = {r.text for a in seeds.values() for r in a.clean.removed if len(r.text) > 20}
    shown = [p.text for e in digest.events for p in e.key_points]
    shown += [q.text for e in digest.events for q in e.quotes]
    for text in shown:
        for line in removed:
            assert normalize(line) not in normalize(text)
            assert normalize(text) not in normalize(line)


def test_quotes_have_their_named_speakers(digest):
    quotes = {q.text[:40]: q.speaker for e in digest.events for q in e.quotes}
    assert quotes["Sebuah operasi militer besar di Rafah ak"] == "Antony Blinken"
    assert quotes["Kami telah melakukan operasi militer yan"] == "Benjamin Netanyahu"
    assert quotes["Saya berterima kasih kepada Afrika Selat"] == "Ahmed Aboul Gheit"
    assert quotes["Jujur saja, menurut kami angkanya sangat"] == (
        "mantan duta besar AS untuk Uni Emirat Arab"
    )
    # "…," katanya: a pronoun names nobody
    assert quotes["Kekerasan pemukim ekstremis yang dilakuk"] is None


def test_quote_attribution_forms():
    quoted = article(
        "q",
        '"Kami tidak akan mundur dari perundingan ini sama sekali," ujar Hochstein di Beirut.',
        "“We will keep working for a ceasefire in Gaza,” Blinken said.",
    )
    quotes = find_quotes(quoted, names.gazetteer())
    assert [(q.text, q.speaker) for q in quotes] == [
        ("Kami tidak akan mundur dari perundingan ini sama sekali", "Amos Hochstein"),
    ]


def _count(texts, *forms):
    alternatives = "|".join(map(re.escape, forms))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return sum(len(pattern.findall(text)) for text in texts)


def test_entities_merge_aliases_with_correct_counts(seeds, digest):
    texts = [a.clean.text for a in seeds.values()]
    entities = {e.name: e for e in digest.entities}
    expected = {
        "Antony Blinken": _count(texts, "Blinken", "Menlu AS"),
        "Benjamin Netanyahu": _count(texts, "Netanyahu"),
        "Hamas": _count(texts, "Hamas"),
        "Rafah": _count(texts, "Rafah"),
        "Kairo": _count(texts, "Kairo", "Cairo"),
        "Israel": _count(texts, "Israel"),
        "Gaza": _count(texts, "Gaza") - _count(texts, "Kementerian Kesehatan di Gaza"),
    }
    for name, count in expected.items():
        assert entities[name].count == count, name
    assert entities["Antony Blinken"].kind == "person"
    assert entities["Kairo"].kind == "place"
    assert entities["Hamas"].kind == "organization"
    assert "Blinken" in entities["Antony Blinken"].aliases
    assert set(entities["Rafah"].articles) == {"001_67b21ea2f3b9d6c0"}


def test_titles_and_common_words_are_not_people(digest):
    people = {e.name for e in digest.entities if e.kind == "person"}
    for word in ("Menteri Luar Negeri", "Presiden", "Baca", "Menteri", "Perdana Menteri"):
        assert word not in people
    for name in people:
        assert name.endswith(" Jr.") or not name.endswith("."), name


def test_people_outside_the_alias_table_are_found_through_their_titles():
    talk = article(
        "p",
        "Presiden Joko Widodo menerima Menteri Luar Negeri Norwegia Espen Barth Eide di Istana.",
        "Widodo mengatakan kedua negara sepakat memperluas kerja sama energi.",
    )
    people = {e.name: e for e in find_entities([talk], names.gazetteer()) if e.kind == "person"}
    assert set(people) == {"Joko Widodo", "Espen Barth Eide"}
    assert people["Joko Widodo"].count == 2  # the surname alone is merged
    assert people["Joko Widodo"].aliases == ("Widodo",)


def test_sources_count_articles_per_publisher(digest):
    assert [(s.publisher, len(s.articles)) for s in digest.sources] == [
        ("Tribunnews", 2),
        ("Gatra", 1),
        ("Suaranusantara", 1),
        (None, 1),
    ]


def test_key_points_merge_one_sentence_from_two_outlets():
    shared = "Blinken tiba di Kairo pada Kamis untuk membahas gencatan senjata di Gaza dengan Sisi."
    variant = (
        "Blinken tiba di Kairo pada hari Kamis untuk membahas gencatan senjata di Gaza dengan Sisi."
    )
    articles = [
        article("a", shared, "Perundingan di Kairo dijadwalkan berlangsung selama dua hari penuh."),
        article("b", variant, "Mesir menyiapkan pengamanan ketat di sekitar istana presiden."),
    ]
    points = key_points(articles)
    merged = [p for p in points if len(p.articles) == 2]
    assert len(merged) == 1
    assert dict(merged[0].sources) == {"a": shared, "b": variant}


# ---- the front page's stories -----------------------------------------------------


DATELINES = ["JAKARTA, KOMPAS.com -", "TEMPO.CO, Jakarta -", "Liputan6.com, Jakarta -", ""]


def _stories(spec):
    """A grouping from {event id: (last day, outlets, articles)}."""
    events, placements, by_event, articles = [], {}, {}, []
    for event_id, (day, outlets, count) in spec.items():
        events.append(Event(event_id, event_id, day, day))
        members = []
        for n in range(count):
            identifier = f"{event_id}-{n}"
            dateline = DATELINES[n] if n < outlets else ""
            articles.append(article(identifier, f"{dateline} Sebuah berita nomor {n} hari ini."))
            placements[identifier] = Placement(identifier, event_id, UNKNOWN_DATE)
            members.append(identifier)
        by_event[event_id] = tuple(members)
    return Grouping(tuple(events), placements, by_event), articles


def test_stories_rank_by_outlets_articles_and_recency():
    grouping, articles = _stories(
        {
            "three-outlets": (date(2025, 6, 20), 3, 3),
            "one-outlet-many-articles": (date(2025, 6, 20), 1, 4),
            "one-article": (date(2025, 6, 20), 1, 1),
            "three-outlets-a-week-older": (date(2025, 6, 13), 3, 3),
        }
    )
    assert top_stories(grouping, articles) == (
        "three-outlets",
        "three-outlets-a-week-older",  # a week older costs it a quarter of its weight
        "one-outlet-many-articles",
        "one-article",
    )


def test_at_most_max_stories_and_never_an_empty_event(monkeypatch):
    monkeypatch.setattr(digest_stage, "MAX_STORIES", 3)
    spec = {f"e{n}": (date(2025, 6, 1 + n), 1, 1) for n in range(5)}
    grouping, articles = _stories(spec)
    grouping = Grouping(
        (*grouping.events, Event("empty", "empty", date(2025, 6, 30), date(2025, 6, 30))),
        grouping.placements,
        grouping.articles_by_event,
    )
    assert top_stories(grouping, articles) == ("e4", "e3", "e2")  # the newest, all else equal


# ---- the built site ---------------------------------------------------------------


def _event_documents(site, summary):
    """Each event's own JSON, found through the summary's links."""
    return {
        e["id"]: json.loads((site / e["json"]).read_text(encoding="utf-8"))
        for e in summary["events"]
    }


def test_digest_json_has_the_documented_shape(seed_site):
    summary = json.loads((seed_site / "digest.json").read_text(encoding="utf-8"))
    assert set(summary) >= {"events", "top_stories", "unplaced_articles", "entities", "sources"}
    for event in summary["events"]:
        assert set(event) >= {"id", "name", "start", "end", "url", "json", "article_count"}
    events = _event_documents(seed_site, summary)
    assert set(events) == {e["id"] for e in summary["events"]}
    rows = []
    for event in events.values():
        assert set(event) >= {
            "id",
            "name",
            "start",
            "end",
            "legs",
            "articles",
            "key_points",
            "quotes",
            "outlets",
        }
        for point in event["key_points"]:
            assert set(point) >= {
                "text",
                "articles",
                "sources",
                "outlets",
                "missing_outlets",
                "only_in",
                "differing_figures",
            }
        for quote in event["quotes"]:
            assert set(quote) >= {"text", "speaker", "article"}
        rows.extend(event["articles"])
    rows.extend(summary["unplaced_articles"])
    levels = {"explicit", "resolved", "estimated", "unknown"}
    for entry in rows:
        assert set(entry) >= {
            "identifier",
            "title",
            "url",
            "publisher",
            "author",
            "date",
            "date_level",
            "lang",
            "event",
        }
        assert entry["date_level"] in levels
    by_id = {a["identifier"]: a for a in rows}
    assert len(by_id) == len(rows) == 5  # every article once, in its event or unplaced
    assert by_id["000_84cca4261389b70a"]["date"] is None  # estimated: no date is guessed
    assert by_id["002_c6785a99c933e0c7"]["publisher"] is None
    assert by_id["001_67b21ea2f3b9d6c0"]["date"] == "2024-03-21"
    for entity in summary["entities"]:
        assert entity["kind"] in {"person", "place", "organization"}
    assert {s["publisher"] for s in summary["sources"]} == {
        "Tribunnews",
        "Gatra",
        "Suaranusantara",
        None,
    }
    raw = (seed_site / "digest.json").read_text(encoding="utf-8")
    assert (
        raw == json.dumps(summary, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    )


def test_front_page_is_the_digest(seed_site):
    html = (seed_site / "index.html").read_text(encoding="utf-8")
    assert "Diplomasi Blinken di Timur Tengah setelah 7 Oktober 2023" in html
    assert '<svg class="timeline"' in html
    for trip in ("perjalanan-3", "perjalanan-4", "perjalanan-6", "perjalanan-11"):
        assert f'id="{trip}"' in html
        assert f'href="#{trip}"' in html  # the timeline links to the section
    assert "Poin utama" in html and "Kutipan" in html and "Tokoh" in html
    assert html.count('class="cite"') > 10


def test_folder_without_catalog_gets_a_digest(events_site):
    output = events_site
    summary = json.loads((output / "digest.json").read_text(encoding="utf-8"))
    # the ship, the evacuation and the market close (a story of three days);
    # the flood and the match are alone in their stories
    assert len(summary["events"]) == 3  # as in test_site
    unplaced = {a["identifier"] for a in summary["unplaced_articles"]}
    assert unplaced == {"liputan6-banjir-jakarta", "tempo-timnas-menang"}
    events = _event_documents(output, summary)
    ship = next(
        e for e in events.values() if "ap-madleen" in {a["identifier"] for a in e["articles"]}
    )
    assert len(ship["articles"]) == 3
    assert ship["key_points"]
    market = next(e for e in summary["events"] if e["id"].startswith("2025-06-16-ihsg"))
    assert [d["day"] for d in market["days"]] == ["2025-06-16", "2025-06-17", "2025-06-18"]
    assert [d["article_count"] for d in market["days"]] == [1, 1, 1]
    documents = _event_documents(output, summary)
    assert [d["articles"] for d in documents[market["id"]]["days"]] == [
        ["liputan6-ihsg-ditutup-16-juni"],
        ["liputan6-ihsg-ditutup-17-juni"],
        ["liputan6-ihsg-ditutup-18-juni"],
    ]
    assert '<svg class="timeline stories-timeline"' in (output / "index.html").read_text(
        encoding="utf-8"
    )


def test_timeline_marks_each_articles_certainty_and_trips_without_coverage():
    from news_digest.model import DateFinding, Evidence
    from news_digest.render import timeline_svg
    from news_digest.ui import table

    covered = Event("a", "Perjalanan A", date(2024, 1, 8), date(2024, 1, 11), number=4)
    empty = Event("b", "Perjalanan B", date(2024, 3, 20), date(2024, 3, 22), number=6)
    findings = [
        DateFinding("explicit", Evidence.of("printed", quote="8/1"), date=date(2024, 1, 8)),
        DateFinding("resolved", Evidence.of("like_others"), date=date(2024, 1, 11)),
        DateFinding(
            "estimated", Evidence.of("during", trip=4), start=date(2024, 1, 8), end=date(2024, 1, 9)
        ),
        DateFinding("unknown", Evidence.of("no_date")),
    ]
    svg = timeline_svg(table("id"), [(covered, 3), (empty, 0)], findings)
    assert svg.count('class="article-printed"') == 1
    assert svg.count('class="article-inferred"') == 1
    assert svg.count('class="article-range"') == 1
    assert svg.count('class="mark empty"') == 1 and "ke-6 · belum ada liputan" in svg


# ---- key points remembered between builds (digest_cache.py) ---------------------------


def test_remembered_key_points_are_the_ones_worked_out_and_follow_a_changed_article(
    seeds, grouping, digest, tmp_path
):
    from dataclasses import replace

    from news_digest import digest_cache

    records = list(seeds.values())
    first = digest_cache.RememberedKeyPoints(str(tmp_path))
    assert build_digest(records, grouping, first) == digest  # worked out: the same
    first.save()
    again = digest_cache.RememberedKeyPoints(str(tmp_path))
    assert again.known == first.used and again.known  # what the next build starts from
    assert build_digest(records, grouping, again) == digest  # remembered: the same
    assert not set(again.used) - set(again.known)  # nothing worked out again

    # one article's text changes: its event's key points are worked out anew
    event = next(e for e in grouping.articles_by_event.values() if e)
    changed = seeds[event[0]]
    kept = changed.clean.kept
    edited = replace(
        changed,
        clean=replace(changed.clean, kept=(replace(kept[0], text="Kalimat lain."), *kept[1:])),
    )
    records = [edited if r is changed else r for r in records]
    third = digest_cache.RememberedKeyPoints(str(tmp_path))
    result = build_digest(records, grouping, third)
    assert result == build_digest(records, grouping)
    new = set(third.used) - set(third.known)
    assert len(new) == 1  # that event's key points only
    by_id = {r.identifier: r for r in records}
    assert new == {digest_cache.fingerprint([by_id[i] for i in event])}


def test_a_damaged_key_point_file_is_worked_out_again(seeds, grouping, digest, tmp_path):
    from news_digest import digest_cache

    (tmp_path / digest_cache.FILE_NAME).write_bytes(b"\x80\x05not a pickle")
    remembered = digest_cache.RememberedKeyPoints(str(tmp_path))
    assert remembered.known == {}
    assert build_digest(list(seeds.values()), grouping, remembered) == digest


def test_a_record_digest_is_its_value_and_leaves_out_what_is_worked_out_from_it():
    import pickle
    from dataclasses import replace

    from news_digest import recurring
    from news_digest.model import record_digest

    one = article("a", "Banjir merendam Bekasi.", "Warga mengungsi ke masjid.")
    again = pickle.loads(pickle.dumps(one))  # equal strings shared differently
    assert record_digest(again) == record_digest(one)
    assert record_digest(replace(one, encoding="latin-1")) != record_digest(one)
    packed = replace(one, line_keys=recurring.packed_keys(one))  # worked out from the rest
    assert record_digest(packed) == record_digest(one)
