"""Group stage: articles → events (trips) with final dates.

With a trip catalog, each article is scored against each trip on every cue
it offers — an explicit date inside the trip, a trip ordinal ("perjalanan
ke-11"), day names that fit a leg in a place the same sentence names
("Kairo … pada hari Kamis"), the legs' places, and (second pass) likeness
to the articles already placed. An article is placed only when one trip
clearly wins; otherwise it stays unassigned. Partial dates are then made
exact by the trip's days and places (`resolved`), or the date is given as
the leg's or trip's range (`estimated`).

Without a catalog, articles are clustered into stories over days, and the
stories into threads (stories.py); a story's events are its days
(`sections`). An article alone in its story is placed in no event record
and is listed by day.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING

from . import background, names, stories, terms
from .forks import ONE_CORE, Cores
from .model import (
    Article,
    DateCue,
    DateFinding,
    Event,
    Evidence,
    Grouping,
    Leg,
    Placement,
    Section,
    Thread,
)

if TYPE_CHECKING:
    from .group_cache import Remembered

# Trip scores: a trip must reach PLACE_SCORE and beat the runner-up by
# PLACE_MARGIN before an article is placed in it.
PLACE_SCORE = 5.0
PLACE_MARGIN = 1.5
SCORE_DATE_INSIDE = 10.0
SCORE_DATE_NEAR = 4.0  # published within NEAR_DAYS after the trip ended
SCORE_DATE_OUTSIDE = -10.0
SCORE_ORDINAL = 8.0
SCORE_ORDINAL_OTHER = -8.0
SCORE_DAY_AND_PLACE = 3.0
SCORE_PLACE_CITY = 1.0
SCORE_PLACE_COUNTRY = 0.5
MAX_PLACE_SCORE = 3.0
SCORE_LIKENESS = 20.0  # times the cosine to the trip's placed articles
NEAR_DAYS = 2


@dataclass
class _Candidate:
    score: float
    evidence: list[Evidence]


# ---- shared helpers --------------------------------------------------------


def _days(start: date, end: date):
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


@dataclass(frozen=True)
class _Atlas:
    """The gazetteer extended with the catalog's places, and each leg's
    city and country under their canonical names, worked out once."""

    gazetteer: names.Gazetteer
    cities: dict[Leg, frozenset[str]]
    countries: dict[Leg, frozenset[str]]

    @classmethod
    def of(cls, trips: Sequence[Event]) -> _Atlas:
        legs = [leg for trip in trips for leg in trip.legs]
        places = [leg.place for leg in legs] + [leg.country for leg in legs if leg.country]
        gazetteer = names.gazetteer().with_entries({place: ("place", ()) for place in places})
        return cls(
            gazetteer=gazetteer,
            cities={leg: frozenset({gazetteer.canonical_name(leg.place)}) for leg in legs},
            countries={
                leg: frozenset({gazetteer.canonical_name(leg.country)} if leg.country else ())
                for leg in legs
            },
        )

    def names(self, leg: Leg) -> frozenset[str]:
        return self.cities[leg] | self.countries[leg]


def _mentioned(article: Article, gazetteer: names.Gazetteer) -> tuple[set[str], set[str]]:
    """Places the article names, and those it names with a locative ("di X")."""
    places, located = set(), set()
    if article.meta.place.value:
        located.add(gazetteer.canonical_name(article.meta.place.value))
    for line in article.clean.kept:
        for mention in gazetteer.find(line.text):
            if mention.kind != "place":
                continue
            places.add(mention.name)
            if names.is_locative(line.text, mention):
                located.add(mention.name)
    return places | located, located


def _sentence_places(sentence: str, gazetteer: names.Gazetteer) -> set[str]:
    return {m.name for m in gazetteer.find(sentence) if m.kind == "place"}


def _cue_days(cue: DateCue, start: date, end: date) -> list[date]:
    if cue.weekday:
        return [d for d in _days(start, end) if d.isoweekday() == cue.weekday]
    return [d for d in _days(start, end) if (d.month, d.day) == (cue.month, cue.day)]


def _legs_on(trip: Event, day: date) -> list[Leg]:
    return [leg for leg in trip.legs if leg.covers(day)]


# ---- trips from a catalog --------------------------------------------------


def _trip_matches(trip: Event, override: str) -> bool:
    return override in {trip.id, str(trip.number)}


def _strong_score(article: Article, trip: Event, places: set[str], atlas: _Atlas) -> _Candidate:
    meta = article.meta
    found = _Candidate(0.0, [])
    if meta.trip_override:
        if _trip_matches(trip, meta.trip_override):
            found.score += 100
            found.evidence.append(Evidence.of("set_by_editor"))
        return found
    if meta.date.date and trip.start and trip.end:
        day = meta.date.date
        if trip.start <= day <= trip.end:
            found.score += SCORE_DATE_INSIDE
            found.evidence.append(Evidence.of("date_in_trip", day=day))
        elif trip.end < day <= trip.end + timedelta(days=NEAR_DAYS):
            found.score += SCORE_DATE_NEAR
            found.evidence.append(Evidence.of("date_after_trip", day=day))
        else:
            found.score += SCORE_DATE_OUTSIDE
    if meta.trip_ordinal and trip.number:
        if meta.trip_ordinal == trip.number:
            found.score += SCORE_ORDINAL
            found.evidence.append(Evidence.of("trip_number", n=trip.number))
        else:
            found.score += SCORE_ORDINAL_OTHER
    if trip.start and trip.end:
        for cue in meta.date_cues:
            if not cue.weekday:
                continue
            here = _sentence_places(cue.sentence, atlas.gazetteer)
            for day in _cue_days(cue, trip.start, trip.end):
                legs = [leg for leg in _legs_on(trip, day) if atlas.names(leg) & here]
                if legs:
                    found.score += SCORE_DAY_AND_PLACE
                    found.evidence.append(
                        Evidence.of("cue_at_leg", quote=cue.text, place=legs[0].place, day=day)
                    )
                    break
    cities = {n for leg in trip.legs for n in atlas.cities[leg]}
    countries = {n for leg in trip.legs for n in atlas.countries[leg]} - cities
    place_score = SCORE_PLACE_CITY * len(places & cities) + SCORE_PLACE_COUNTRY * len(
        places & countries
    )
    if place_score:
        found.score += min(place_score, MAX_PLACE_SCORE)
        shown = tuple(sorted(places & (cities | countries)))
        found.evidence.append(Evidence.of("places", places=shown))
    return found


def _decide(candidates: dict[str, _Candidate]) -> str | None:
    ranked = sorted(candidates.items(), key=lambda item: (-item[1].score, item[0]))
    if not ranked or ranked[0][1].score < PLACE_SCORE:
        return None
    if len(ranked) > 1 and ranked[0][1].score - ranked[1][1].score < PLACE_MARGIN:
        return None
    return ranked[0][0]


def assign_to_trips(articles: Sequence[Article], trips: Sequence[Event]) -> Grouping:
    """Place articles into catalog trips and settle their dates."""
    atlas = _Atlas.of(trips)
    by_id = {trip.id: trip for trip in trips}
    places = {a.identifier: _mentioned(a, atlas.gazetteer) for a in articles}
    scores = {
        a.identifier: {t.id: _strong_score(a, t, places[a.identifier][0], atlas) for t in trips}
        for a in articles
    }
    chosen = {a.identifier: _decide(scores[a.identifier]) for a in articles}

    # Second pass: likeness to the articles the first pass placed.
    documents = {a.identifier: terms.features(a.clean.text) for a in articles}
    idf = terms.idf(documents.values())
    vectors = {a.identifier: terms.vector(documents[a.identifier], idf) for a in articles}
    members = defaultdict(list)
    for identifier, trip_id in chosen.items():
        if trip_id:
            members[trip_id].append(vectors[identifier])
    centroids = {trip_id: terms.centroid(vs) for trip_id, vs in members.items()}
    for article in articles:
        if chosen[article.identifier] or article.meta.trip_override:
            continue
        candidates = scores[article.identifier]
        for trip_id, centre in centroids.items():
            likeness = terms.cosine(vectors[article.identifier], centre)
            candidates[trip_id].score += SCORE_LIKENESS * likeness
            candidates[trip_id].evidence.append(Evidence.of("like_others"))
        chosen[article.identifier] = _decide(candidates)

    placements = {}
    for article in articles:
        trip_id = chosen[article.identifier]
        if trip_id is None:
            placements[article.identifier] = Placement(
                article.identifier, None, article.meta.date, (Evidence.of("no_trip_cue"),)
            )
            continue
        trip = by_id[trip_id]
        evidence = tuple(dict.fromkeys(scores[article.identifier][trip_id].evidence))
        finding = settle_date(article, trip, places[article.identifier][1], atlas)
        placements[article.identifier] = Placement(article.identifier, trip_id, finding, evidence)
    return _grouping(trips, placements)


def settle_date(article: Article, trip: Event, located: set[str], atlas: _Atlas) -> DateFinding:
    """The article's date given its trip: explicit if printed; resolved when
    a day name or day-month in the text leaves one day of the trip (placed
    by the sentence's places or the dateline when several fit); else
    estimated as the leg(s) where the article is set, or the whole trip."""
    meta = article.meta
    if meta.date.level == "explicit" or not (trip.start and trip.end):
        return meta.date
    for cue in meta.date_cues:
        days = _cue_days(cue, trip.start, trip.end)
        if len(days) > 1:
            here = _sentence_places(cue.sentence, atlas.gazetteer) | located
            days = [d for d in days if any(atlas.names(leg) & here for leg in _legs_on(trip, d))]
        if len(days) == 1:
            (day,) = days
            legs = _legs_on(trip, day)
            if legs:
                evidence = Evidence.of(
                    "cue_on_trip_at", quote=cue.text, trip=trip.label, day=day, place=legs[0].place
                )
            else:
                evidence = Evidence.of("cue_on_trip", quote=cue.text, trip=trip.label, day=day)
            return DateFinding(level="resolved", date=day, evidence=evidence)
    legs = [leg for leg in trip.legs if atlas.cities[leg] & located]
    if legs:
        start = min(leg.start for leg in legs)
        end = max(leg.end for leg in legs)
        where = tuple(sorted({leg.place for leg in legs}))
        evidence = Evidence.of("set_at", places=where, trip=trip.label)
        return DateFinding(level="estimated", start=start, end=end, evidence=evidence)
    evidence = Evidence.of("during", trip=trip.label)
    return DateFinding(level="estimated", start=trip.start, end=trip.end, evidence=evidence)


def _grouping(events: Sequence[Event], placements: dict[str, Placement]) -> Grouping:
    by_event: dict[str, list[Placement]] = defaultdict(list)
    for placement in placements.values():
        if placement.event_id:
            by_event[placement.event_id].append(placement)
    ordered = {
        event.id: tuple(
            p.identifier
            for p in sorted(
                by_event.get(event.id, ()),
                key=lambda p: (p.date.sort_key or date.max, p.identifier),
            )
        )
        for event in events
    }
    events = sorted(events, key=lambda e: (e.start or date.max, e.id))
    return Grouping(events=tuple(events), placements=placements, articles_by_event=ordered)


# ---- automatic stories --------------------------------------------------------


_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(text: str, limit: int = 48) -> str:
    slug = _SLUG.sub("-", text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "cerita"


def discover_events(
    articles: Sequence[Article], cores: Cores = ONE_CORE, memory: Remembered | None = None
) -> Grouping:
    """Find the stories when there is no trip catalog (stories.find).

    A story of two or more articles becomes an event record (its days are
    its sections, group.sections); an article alone in its story is placed
    in none and listed by day. Names and addresses come from each story's
    own members only, so they stay put when unrelated articles change.
    With `memory`, what an earlier build worked out from the same
    articles is not worked out again (group_cache.py).
    """
    found = stories.find(articles, cores=cores, memory=memory)
    events, placements = [], {}
    used_ids: set[str] = set()
    by_position: dict[int, Event] = {}
    order = sorted(
        range(len(found.stories)),
        key=lambda s: (
            _first_day(found.articles[p] for p in found.stories[s]) or date.max,
            found.articles[found.stories[s][0]].identifier,
        ),
    )
    for position in order:
        members = [found.articles[p] for p in found.stories[position]]
        if len(members) < 2:
            (article,) = members
            placements[article.identifier] = Placement(
                article.identifier, None, article.meta.date, (Evidence.of("alone_in_story"),)
            )
            continue
        vectors = [found.views[p].words for p in found.stories[position]]
        key = ("story", _members_key(found, position))
        event = _unique(
            stories.recall(memory, key, partial(_story_for, members, vectors)), used_ids
        )
        by_position[position] = event
        for article in members:
            placements[article.identifier] = Placement(
                article.identifier,
                event.id,
                article.meta.date,
                (Evidence.of("grouped_by_likeness"),),
            )
    threads, thread_of = _threads(found, by_position, memory)
    events = [replace(by_position[p], thread=thread_of.get(p)) for p in order if p in by_position]
    grouping = _grouping(events, placements)
    return replace(grouping, threads=threads)


def _members_key(found: stories.Found, story: int) -> tuple[int, tuple]:
    """What a story's record is worked out from: its key (its members'
    keys, stories.group_key) and the dates its members carry."""
    dates = tuple(found.articles[p].meta.date.sort_key for p in found.stories[story])
    return found.story_keys[story], dates


def _threads(
    found: stories.Found, by_position: dict[int, Event], memory: Remembered | None = None
) -> tuple[tuple[Thread, ...], dict[int, str]]:
    """The threads of two or more stories with pages, their stories largest
    first; each named after its most central story (the one most like the
    whole thread, by words and names: a war's thread after a strike, not
    after a market report that mentions it), ties to the larger."""
    threads, thread_of = [], {}
    for members in found.threads:
        shown = [p for p in members if p in by_position]
        if len(shown) < 2:
            continue
        shown.sort(
            key=lambda p: (
                -len(found.stories[p]),
                by_position[p].start or date.max,
                by_position[p].id,
            )
        )
        key = (
            "thread",
            tuple((_members_key(found, p), by_position[p].id) for p in shown),
        )
        lead = by_position[shown[stories.recall(memory, key, partial(_central, found, shown))]]
        alone = sorted(
            found.articles[found.stories[p][0]].identifier for p in members if p not in by_position
        )
        thread = Thread(
            id=f"alur-{by_position[shown[0]].id}",
            name=lead.name,
            stories=tuple(by_position[p].id for p in shown),
            alone=tuple(alone),
        )
        threads.append(thread)
        for p in shown:
            thread_of[p] = thread.id
    threads.sort(key=lambda t: t.id)
    return tuple(threads), thread_of


def _central(found: stories.Found, shown: Sequence[int]) -> int:
    """Which of the thread's stories (`shown`, in order) is most like the
    whole thread, by words and names; ties to the earlier."""
    centres = [_centre(found, found.stories[p]) for p in shown]
    whole = terms.centroid(centres)
    return min(range(len(shown)), key=lambda i: (-round(terms.cosine(centres[i], whole), 9), i))


def _centre(found: stories.Found, members: Sequence[int]) -> terms.Vector:
    """A story's centroid of words and names."""
    return terms.centroid(
        terms.normalized({**found.views[p].words, **found.views[p].names}) for p in members
    )


def _first_day(articles: Iterable[Article]) -> date | None:
    return min((d for a in articles if (d := a.meta.date.sort_key)), default=None)


#: How many of a story's most shared terms its name should cover.
NAME_TERMS = 8


def story_name(members: Sequence[Article], vectors: Sequence[terms.Vector]) -> Article:
    """The member whose headline best covers the story's most shared
    terms (the words most of its members carry, weighted by how telling
    they are): the story's own members decide, ties by identifier."""
    shared: Counter[str] = Counter()
    for vector in vectors:
        shared.update(vector.keys())
    wanted = {
        t: count * background.weight(t)
        for t, count in shared.most_common()
        if count > 1 or len(members) == 1
    }
    best = dict(heapq.nlargest(NAME_TERMS, wanted.items(), key=lambda item: (item[1], item[0])))

    def rank(article: Article) -> tuple[float, bool, str]:
        title = {t for t in terms.features(article.meta.title.value or "") if terms.is_word(t)}
        # per square root of its length: a long headline covers more by
        # its length alone, a short one that covers as much reads better
        cover = math.fsum(v for t, v in best.items() if t in title) / math.sqrt(len(title) or 1)
        return -cover, not article.meta.title.value, article.identifier

    return min(members, key=rank)


def _story_for(members: list[Article], vectors: list[terms.Vector]) -> tuple[Event, str]:
    """A story record: its name and address from its own members (the
    address may still be taken by another story: _unique), and its first
    member's identifier."""
    days = sorted(d for a in members if (d := a.meta.date.sort_key))
    named = story_name(members, vectors)
    name = named.meta.title.value or named.identifier
    prefix = days[0].isoformat() if days else "tanpa-tanggal"
    centre = terms.centroid(vectors)
    words = {t: v for t, v in centre.items() if terms.is_word(t)}
    event = Event(
        id=f"{prefix}-{_slug(name)}",
        name=name,
        start=days[0] if days else None,
        end=days[-1] if days else None,
        terms=tuple(terms.top_terms(words, 5)),
    )
    return event, min(a.identifier for a in members)


def _unique(story: tuple[Event, str], used_ids: set[str]) -> Event:
    """The story with an address no earlier story took (a digest of its
    first member's identifier added when taken)."""
    event, first = story
    if event.id in used_ids:
        event = replace(event, id=f"{event.id}-{hashlib.sha1(first.encode()).hexdigest()[:8]}")
    used_ids.add(event.id)
    return event


def group(
    articles: Sequence[Article],
    trips: Sequence[Event] = (),
    cores: Cores = ONE_CORE,
    memory: Remembered | None = None,
) -> Grouping:
    """Group articles by the trip catalog if there is one, else
    automatically (comparing pairs on `cores`, with what an earlier build
    worked out in `memory`)."""
    articles = sorted(articles, key=lambda a: a.identifier)
    if trips:
        return assign_to_trips(articles, trips)
    return discover_events(articles, cores, memory)


# ---- an event's articles by leg or day ------------------------------------------------


def _leg_of(trip: Event, finding: DateFinding) -> Leg | None:
    """The leg an article reports: the one holding its date, or holding
    the whole range its date is estimated in."""
    if finding.date:
        return next((leg for leg in trip.legs if leg.covers(finding.date)), None)
    if finding.start and finding.end:
        return next(
            (leg for leg in trip.legs if leg.covers(finding.start) and leg.covers(finding.end)),
            None,
        )
    return None


def sections(
    event: Event, grouping: Grouping, happened: dict[str, date | None]
) -> tuple[Section, ...]:
    """The event's articles placed under the leg (a catalog trip) or the day
    they report (`happened`: the day each article's lead reports, by
    identifier; else its date), in the trip's or the calendar's order;
    those that fit none come last."""
    by_key: dict[Leg | date | None, list[str]] = defaultdict(list)
    for identifier in grouping.articles_by_event.get(event.id, ()):
        finding = grouping.placements[identifier].date
        key = _leg_of(event, finding) if event.legs else happened.get(identifier) or finding.date
        by_key[key].append(identifier)
    if event.legs:
        order = [leg for leg in event.legs if leg in by_key]
        found = [Section(tuple(by_key[leg]), leg=leg) for leg in order]
    else:
        days = sorted(k for k in by_key if k is not None)
        found = [Section(tuple(by_key[day]), day=day) for day in days]
    if None in by_key:
        found.append(Section(tuple(by_key[None])))
    return tuple(found)
