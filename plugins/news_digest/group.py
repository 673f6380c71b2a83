"""Group stage: articles → events (trips) with final dates.

With a trip catalog, each article is scored against each trip on every cue
it offers — an explicit date inside the trip, a trip ordinal ("perjalanan
ke-11"), day names that fit a leg in a place the same sentence names
("Kairo … pada hari Kamis"), the legs' places, and (second pass) likeness
to the articles already placed. An article is placed only when one trip
clearly wins; otherwise it stays unassigned. Partial dates are then made
exact by the trip's days and places (`resolved`), or the date is given as
the leg's or trip's range (`estimated`).

Without a catalog, articles are clustered into events by TF-IDF likeness
of their titles and leads within a date window, using an inverted index
of their top terms so that no all-pairs comparison is ever made.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from . import names, terms
from .model import Article, DateCue, DateFinding, Event, Grouping, Leg, Placement

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

# Automatic events.
EVENT_WINDOW_DAYS = 4
EVENT_SIMILARITY = 0.18
INDEX_TERMS = 12
#: An undated article has no date window to narrow its candidate events, so
#: it meets only the events sharing the most of its top terms: without this
#: bound its comparisons would grow with the number of events.
MAX_UNDATED_CANDIDATES = 32
LEAD_LINES = 3


@dataclass
class _Candidate:
    score: float
    evidence: list[str]


# ---- shared helpers --------------------------------------------------------


def _lead(article: Article) -> str:
    lines = [line.text for line in article.clean.kept[:LEAD_LINES]]
    return " ".join([article.meta.title.value or "", *lines])


def _fmt(day: date) -> str:
    return day.isoformat()


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
            found.evidence.append("ditetapkan editor")
        return found
    if meta.date.date and trip.start and trip.end:
        day = meta.date.date
        if trip.start <= day <= trip.end:
            found.score += SCORE_DATE_INSIDE
            found.evidence.append(f"tanggal {_fmt(day)} dalam rentang perjalanan")
        elif trip.end < day <= trip.end + timedelta(days=NEAR_DAYS):
            found.score += SCORE_DATE_NEAR
            found.evidence.append(f"tanggal {_fmt(day)} tepat setelah perjalanan")
        else:
            found.score += SCORE_DATE_OUTSIDE
    if meta.trip_ordinal and trip.number:
        if meta.trip_ordinal == trip.number:
            found.score += SCORE_ORDINAL
            found.evidence.append(f"disebut perjalanan ke-{trip.number}")
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
                    found.evidence.append(f"{cue.text} di {legs[0].place} cocok dengan {_fmt(day)}")
                    break
    cities = {n for leg in trip.legs for n in atlas.cities[leg]}
    countries = {n for leg in trip.legs for n in atlas.countries[leg]} - cities
    place_score = SCORE_PLACE_CITY * len(places & cities) + SCORE_PLACE_COUNTRY * len(
        places & countries
    )
    if place_score:
        found.score += min(place_score, MAX_PLACE_SCORE)
        shown = ", ".join(sorted(places & (cities | countries)))
        found.evidence.append(f"tempat: {shown}")
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
            candidates[trip_id].evidence.append(
                f"mirip artikel lain di perjalanan ini ({likeness:.2f})"
            )
        chosen[article.identifier] = _decide(candidates)

    placements = {}
    for article in articles:
        trip_id = chosen[article.identifier]
        if trip_id is None:
            placements[article.identifier] = Placement(
                article.identifier, None, article.meta.date, ("tidak ada petunjuk perjalanan",)
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
            where = f", {legs[0].place}" if legs else ""
            return DateFinding(
                level="resolved",
                date=day,
                evidence=f"“{cue.text}” pada {trip.label} = {_fmt(day)}{where}",
            )
    legs = [leg for leg in trip.legs if atlas.cities[leg] & located]
    if legs:
        start = min(leg.start for leg in legs)
        end = max(leg.end for leg in legs)
        where = ", ".join(sorted({leg.place for leg in legs}))
        return DateFinding(
            level="estimated", start=start, end=end, evidence=f"berlatar di {where} ({trip.label})"
        )
    return DateFinding(
        level="estimated", start=trip.start, end=trip.end, evidence=f"selama {trip.label}"
    )


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


# ---- automatic events --------------------------------------------------------


_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(text: str, limit: int = 48) -> str:
    slug = _SLUG.sub("-", text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "peristiwa"


@dataclass
class _Cluster:
    members: list[Article]
    vectors: list[terms.Vector]
    total: Counter[str]  # the members' vectors summed; centre is it normalised
    centre: terms.Vector
    last: date | None


class _TermIndex:
    """Events by the top terms of their centroids (every term an event was
    ever indexed under stays), for finding the few an article may join."""

    def __init__(self) -> None:
        self.events: dict[str, set[int]] = defaultdict(set)
        self.terms: dict[int, set[str]] = defaultdict(set)

    def add(self, position: int, terms_: Iterable[str]) -> None:
        for term in terms_:
            self.events[term].add(position)
            self.terms[position].add(term)

    def remove(self, positions: Iterable[int]) -> None:
        for position in list(positions):
            for term in self.terms.pop(position):
                self.events[term].discard(position)

    def positions(self) -> Iterable[int]:
        return self.terms.keys()

    def sharing(self, terms_: Iterable[str]) -> Counter[int]:
        """The events sharing any of these terms, with how many they share."""
        shared: Counter[int] = Counter()
        for term in terms_:
            shared.update(self.events.get(term, ()))
        return shared


def discover_events(articles: Sequence[Article]) -> Grouping:
    """Cluster articles into events when there is no trip catalog.

    Articles are taken in date order; each joins the most similar open
    event (one whose latest article is at most EVENT_WINDOW_DAYS older) if
    its likeness to the event's centroid reaches EVENT_SIMILARITY, else it
    starts a new event. Candidate events come from an inverted index of
    centroid top terms that holds only the open events (closed ones leave
    it as the dates move on), so the work grows with the corpus, not its
    square. Undated articles come last and meet, from an index of every
    event, the MAX_UNDATED_CANDIDATES sharing most of their top terms (the
    most recent first on a tie).
    """
    documents = {a.identifier: terms.features(_lead(a)) for a in articles}
    idf = terms.idf(documents.values())
    ordered = sorted(
        articles,
        key=lambda a: (
            a.meta.date.sort_key is None,
            a.meta.date.sort_key or date.min,
            a.identifier,
        ),
    )
    clusters: list[_Cluster] = []
    every_event = _TermIndex()  # for undated articles
    open_events = _TermIndex()  # those a dated article can still join
    for article in ordered:
        v = terms.vector(documents[article.identifier], idf)
        day = article.meta.date.sort_key
        top = terms.top_terms(v, INDEX_TERMS)
        if day:
            open_events.remove(
                p
                for p in open_events.positions()
                if (day - clusters[p].last).days > EVENT_WINDOW_DAYS
            )
            shared = open_events.sharing(top)
            candidates = list(shared)
        else:
            shared = every_event.sharing(top)
            candidates = heapq.nsmallest(
                MAX_UNDATED_CANDIDATES, shared, key=lambda p: (-shared[p], -p)
            )
        best, best_score = None, EVENT_SIMILARITY
        for position in sorted(candidates):
            score = terms.cosine(v, clusters[position].centre)
            if score >= best_score:
                best, best_score = position, score
        if best is None:
            clusters.append(_Cluster([article], [v], terms.sum_of([v]), v, day))
            best = len(clusters) - 1
        else:
            cluster = clusters[best]
            cluster.members.append(article)
            cluster.vectors.append(v)
            cluster.total.update(v)
            cluster.centre = terms.normalized(dict(cluster.total))
            if day:
                cluster.last = max(cluster.last or day, day)
        centre_terms = terms.top_terms(clusters[best].centre, INDEX_TERMS)
        every_event.add(best, centre_terms)
        if day:
            open_events.add(best, centre_terms)

    events, placements = [], {}
    used_ids: set[str] = set()
    for cluster in clusters:
        event = _event_for(cluster, used_ids)
        events.append(event)
        for article in cluster.members:
            placements[article.identifier] = Placement(
                article.identifier,
                event.id,
                article.meta.date,
                ("dikelompokkan menurut kemiripan",),
            )
    return _grouping(events, placements)


def _event_for(cluster: _Cluster, used_ids: set[str]) -> Event:
    """Name an event after its most central article's title."""
    days = sorted(d for a in cluster.members if (d := a.meta.date.sort_key))
    central = max(
        zip(cluster.members, cluster.vectors, strict=True),
        key=lambda pair: (
            terms.cosine(pair[1], cluster.centre),
            -len(pair[0].identifier),
            pair[0].identifier,
        ),
    )[0]
    name = central.meta.title.value or central.identifier
    words = {t: v for t, v in cluster.centre.items() if terms.is_word(t)}
    top = tuple(terms.top_terms(words, 5))
    prefix = days[0].isoformat() if days else "tanpa-tanggal"
    base = f"{prefix}-{_slug(' '.join(top[:3]))}"
    event_id, n = base, 2
    while event_id in used_ids:
        event_id, n = f"{base}-{n}", n + 1
    used_ids.add(event_id)
    return Event(
        id=event_id,
        name=name,
        start=days[0] if days else None,
        end=days[-1] if days else None,
        terms=top,
    )


def group(articles: Sequence[Article], trips: Sequence[Event] = ()) -> Grouping:
    """Group articles by the trip catalog if there is one, else automatically."""
    articles = sorted(articles, key=lambda a: a.identifier)
    if trips:
        return assign_to_trips(articles, trips)
    return discover_events(articles)
