"""Group stage: articles → events (trips) with final dates.

With a trip catalog, each article is scored against each trip on every cue
it offers — an explicit date inside the trip, a trip ordinal ("perjalanan
ke-11"), day names that fit a leg in a place the same sentence names
("Kairo … pada hari Kamis"), the legs' places, and (second pass) likeness
to the articles already placed. An article is placed only when one trip
clearly wins; otherwise it stays unassigned. Partial dates are then made
exact by the trip's days and places (`resolved`), or the date is given as
the leg's or trip's range (`estimated`).

Without a catalog, articles are clustered into events: average-link
clustering of the TF-IDF likeness of their titles, leads and bodies, among
the articles whose leads report the same day, with candidate pairs from
an inverted index of their top terms so that no all-pairs comparison is
ever made.
"""

from __future__ import annotations

import heapq
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from . import names, terms
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
)

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

# Automatic events. Calibrated on the labelled real events of
# tests/eval/labels/events (`make eval`), precision first: a story split in
# two is better than two stories merged.
#: Average likeness (cosine of TF-IDF vectors) two groups of articles need
#: to merge. Pairs never compared count as 0, so one similar pair cannot
#: chain two stories together (average link, not single link).
EVENT_SIMILARITY = 0.15
#: An undated article joins only on near-identical wording: without a day
#: it could belong to any day's story (a weather report, a market close).
UNDATED_SIMILARITY = 0.5
#: Each article is indexed under its top terms; two articles are compared
#: only when they share at least MIN_SHARED_TERMS of them.
INDEX_TERMS = 30
MIN_SHARED_TERMS = 2
#: Terms in more than this share of the articles (and more than
#: COMMON_TERM_MIN of them) do not index: they would pair everything.
COMMON_TERM_SHARE = 0.05
COMMON_TERM_MIN = 20
#: An undated article has no day to narrow its candidates, so it meets
#: only the articles sharing the most of its top terms: without this bound
#: its comparisons would grow with the folder.
MAX_UNDATED_CANDIDATES = 32


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


# ---- automatic events --------------------------------------------------------


_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(text: str, limit: int = 48) -> str:
    slug = _SLUG.sub("-", text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "peristiwa"


def _candidate_pairs(
    days: Sequence[date | None], tops: Sequence[list[str]]
) -> Counter[tuple[int, int]]:
    """Pairs of articles worth comparing, with how many top terms they
    share: dated ones on the same day (inverted index by day and term), an
    undated one with the MAX_UNDATED_CANDIDATES sharing most with it."""
    by_day_term: dict[tuple[date, str], list[int]] = defaultdict(list)
    by_term: dict[str, list[int]] = defaultdict(list)
    for position, (day, top) in enumerate(zip(days, tops, strict=True)):
        for term in top:
            by_term[term].append(position)
            if day:
                by_day_term[(day, term)].append(position)
    shared: Counter[tuple[int, int]] = Counter()
    for postings in by_day_term.values():
        for pair in itertools.combinations(postings, 2):
            shared[pair] += 1
    for position, (day, top) in enumerate(zip(days, tops, strict=True)):
        if day:
            continue
        others: Counter[int] = Counter()
        for term in top:
            others.update(p for p in by_term[term] if p != position)
        nearest = heapq.nsmallest(MAX_UNDATED_CANDIDATES, others, key=lambda p: (-others[p], p))
        for other in nearest:
            shared[(min(position, other), max(position, other))] = others[other]
    return shared


def _average_link(count: int, links: dict[tuple[int, int], float]) -> list[list[int]]:
    """Agglomerative clustering: repeatedly merge the two groups with the
    highest average likeness over all their cross pairs (pairs never
    compared count as 0) while it reaches EVENT_SIMILARITY. A lazy heap
    holds the candidate merges; a stale entry is skipped when popped."""
    members = {position: [position] for position in range(count)}
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), likeness in links.items():
        sums[a][b] = sums[b][a] = likeness
    heap = [(-likeness, a, b) for (a, b), likeness in links.items()]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        average = sums[a][b] / (len(members[a]) * len(members[b]))
        if average != -negative:
            continue
        if average < EVENT_SIMILARITY:
            break
        members[a].extend(members.pop(b))
        for other, likeness in sums.pop(b).items():
            del sums[other][b]
            if other != a:
                sums[a][other] = sums[other][a] = sums[a].get(other, 0.0) + likeness
        for other, total in sums[a].items():
            pair = (min(a, other), max(a, other))
            heapq.heappush(heap, (-total / (len(members[a]) * len(members[other])), *pair))
    return [sorted(group) for _, group in sorted(members.items())]


def discover_events(articles: Sequence[Article]) -> Grouping:
    """Cluster articles into events when there is no trip catalog.

    An event is one happening: articles are compared only with those whose
    lead reports the same day (`ArticleMetadata.happened`), which also
    keeps a daily series (the market close, the gold price) one event per
    day. Candidate pairs come from an inverted index of top terms, never
    all pairs; average-link clustering then merges them.
    """
    articles = sorted(articles, key=lambda a: a.identifier)
    count, frequency = terms.document_frequency(a.meta.story_terms.terms() for a in articles)
    idf = terms.idf_of(count, frequency)
    vectors = [terms.weighted(a.meta.story_terms, idf) for a in articles]
    common = max(COMMON_TERM_MIN, COMMON_TERM_SHARE * len(articles))
    tops = [[t for t in terms.top_terms(v, INDEX_TERMS) if frequency[t] <= common] for v in vectors]
    days = [a.meta.happened for a in articles]
    links = {}
    for (a, b), shared in sorted(_candidate_pairs(days, tops).items()):
        if shared < MIN_SHARED_TERMS:
            continue
        likeness = terms.cosine(vectors[a], vectors[b])
        dated = days[a] is not None and days[b] is not None
        if likeness >= (EVENT_SIMILARITY if dated else UNDATED_SIMILARITY):
            links[(a, b)] = likeness

    events, placements = [], {}
    used_ids: set[str] = set()
    clusters = _average_link(len(articles), links)
    clusters.sort(key=lambda group: (_first_day(articles[p] for p in group) or date.max, group))
    for group_ in clusters:
        members = [articles[p] for p in group_]
        event = _event_for(members, [vectors[p] for p in group_], used_ids)
        events.append(event)
        for article in members:
            placements[article.identifier] = Placement(
                article.identifier,
                event.id,
                article.meta.date,
                (Evidence.of("grouped_by_likeness"),),
            )
    return _grouping(events, placements)


def _first_day(articles: Iterable[Article]) -> date | None:
    return min((d for a in articles if (d := a.meta.date.sort_key)), default=None)


def _event_for(members: list[Article], vectors: list[terms.Vector], used_ids: set[str]) -> Event:
    """Name an event after its most central article's title."""
    days = sorted(d for a in members if (d := a.meta.date.sort_key))
    centre = vectors[0] if len(vectors) == 1 else terms.centroid(vectors)
    central = max(
        zip(members, vectors, strict=True),
        key=lambda pair: (
            terms.cosine(pair[1], centre),
            -len(pair[0].identifier),
            pair[0].identifier,
        ),
    )[0]
    name = central.meta.title.value or central.identifier
    words = {t: v for t, v in centre.items() if terms.is_word(t)}
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
