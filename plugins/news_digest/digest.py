"""Digest stage: what happened on each trip, from all sources at once.

Nothing here is written, only chosen: every key point and quote is a
sentence or span of an article's cleaned text and cites the article.

Key points (per event) are chosen by centroid centrality, the method of
MEAD (Radev et al., 2004): a sentence is central when its TF-IDF vector
is close to the centroid of all the event's sentences. A sentence carried
by several outlets (a near-duplicate in another article) is merged into
one point citing all of them and ranks higher; points are then picked
greedily, skipping any too like one already picked (maximal marginal
relevance), and giving each article a turn before any gets a second.
Sentence comparisons stay inside one event, and the near-duplicate search
only looks at the best candidates, so the cost grows with the corpus.

Quotes are quoted spans followed by an attribution verb ("…," kata
Blinken). People, places and organisations come from the alias table,
plus people introduced by a title ("Presiden Joe Biden").
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from rapidfuzz import fuzz

from . import coverage, group, names, tables, terms
from .model import Article, Grouping
from .text import ends_sentence, normalize, sentences

MAX_POINTS = 5
MIN_POINTS = 3
SENTENCES_PER_ARTICLE = 15
MAX_EVENT_SENTENCES = 300  # a big event's candidates: lead sentences first
MAX_TRIES = 60  # candidates examined before the picking stops
MIN_SENTENCE_CHARS = 40
MAX_SENTENCE_CHARS = 400
MIN_SENTENCE_WORDS = 6
SUPPORT_CANDIDATES = 12  # only the best candidates look for near-duplicates
SAME_POINT_RATIO = 80.0  # token-set ratio: another outlet's version of a sentence
SAME_POINT_COSINE = 0.6
MIN_COSINE_FOR_RATIO = 0.3
TOO_SIMILAR_COSINE = 0.45  # two picked points must stay below this
SUPPORT_WEIGHT = 0.5
LEAD_WEIGHT = 0.3
TURN_FLOOR = 0.5  # an uncited article's best must reach this share of the top
MAX_QUOTES = 6
MIN_QUOTE_CHARS = 30
#: A quotation longer than this is not one a digest can show (and a bound
#: keeps the quote pattern linear on a line of unmatched quote marks).
MAX_QUOTE_CHARS = 1000
MAX_SPEAKER_WORDS = 8
ADJACENT_GAP = 3  # "Menteri Luar Negeri AS, Antony Blinken" is one mention


@dataclass(frozen=True)
class KeyPoint:
    text: str
    articles: tuple[str, ...]
    sources: tuple[tuple[str, str], ...]  # (article, its own verbatim sentence)
    coverage: coverage.PointCoverage | None = None


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None
    article: str


@dataclass(frozen=True)
class EventDigest:
    event_id: str
    key_points: tuple[KeyPoint, ...]
    quotes: tuple[Quote, ...]
    outlets: tuple[Source, ...] = ()  # the event's articles by outlet


@dataclass(frozen=True)
class Entity:
    name: str
    kind: str
    aliases: tuple[str, ...]
    articles: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class Source:
    publisher: str | None
    articles: tuple[str, ...]


@dataclass(frozen=True)
class Digest:
    events: tuple[EventDigest, ...]
    entities: tuple[Entity, ...]
    sources: tuple[Source, ...]
    #: every quote with a named speaker, by speaker (for the entity pages)
    quotes_by_speaker: dict[str, tuple[Quote, ...]] = field(default_factory=dict)


# ---- key points --------------------------------------------------------------


@dataclass
class _Sentence:
    article: str
    text: str
    position: int
    vector: terms.Vector
    key: str
    score: float = 0.0


def _sentences(article: Article) -> list[tuple[str, int]]:
    found = []
    for line in article.clean.kept:
        for sentence in sentences(line.text):
            sentence = sentence.strip()
            if (
                MIN_SENTENCE_CHARS <= len(sentence) <= MAX_SENTENCE_CHARS
                and len(sentence.split()) >= MIN_SENTENCE_WORDS
                and ends_sentence(sentence)
                and _balanced_quotes(sentence)
            ):
                found.append((sentence, len(found)))
            if len(found) >= SENTENCES_PER_ARTICLE:
                return found
    return found


def _balanced_quotes(sentence: str) -> bool:
    """A sentence cut out of the middle of a quotation reads wrongly alone."""
    return sentence.count("“") == sentence.count("”") and sentence.count('"') % 2 == 0


def _same_point(a: _Sentence, b: _Sentence) -> bool:
    """Two outlets' versions of one sentence share most of their words;
    the character-level check only runs when the word vectors are close."""
    likeness = terms.cosine(a.vector, b.vector)
    if likeness >= SAME_POINT_COSINE:
        return True
    return (
        likeness >= MIN_COSINE_FOR_RATIO and fuzz.token_set_ratio(a.key, b.key) >= SAME_POINT_RATIO
    )


def key_points(event_articles: Sequence[Article]) -> tuple[KeyPoint, ...]:
    """The 3–5 most central sentences of an event, merged across outlets."""
    raw = [(a.identifier, text, pos) for a in event_articles for text, pos in _sentences(a)]
    if not raw:
        return ()
    if len(raw) > MAX_EVENT_SENTENCES:  # keep every article's leads, then later sentences
        raw = sorted(raw, key=lambda item: item[2])[:MAX_EVENT_SENTENCES]
    documents = [terms.features(text) for _, text, _ in raw]
    weights = terms.idf(documents)
    candidates = [
        _Sentence(ident, text, pos, terms.vector(doc, weights), normalize(text))
        for (ident, text, pos), doc in zip(raw, documents, strict=True)
    ]
    centre = terms.centroid(c.vector for c in candidates)
    for c in candidates:
        c.score = terms.cosine(c.vector, centre) * (1 + LEAD_WEIGHT / (1 + c.position))
    candidates.sort(key=lambda c: (-c.score, c.article, c.position))

    support: dict[int, list[_Sentence]] = {}
    for c in candidates[:SUPPORT_CANDIDATES]:
        others = {}
        for other in candidates:
            if other.article != c.article and other.article not in others and _same_point(c, other):
                others[other.article] = other
        support[id(c)] = list(others.values())
        c.score *= 1 + SUPPORT_WEIGHT * len(others)
    candidates.sort(key=lambda c: (-c.score, c.article, c.position))

    order = [a.identifier for a in event_articles]
    wanted = min(MAX_POINTS, max(MIN_POINTS, len(order) + 2))
    picked: list[tuple[_Sentence, list[_Sentence]]] = []
    merged_away: set[int] = set()
    cited: set[str] = set()
    remaining = list(candidates)
    tries = 0
    while remaining and len(picked) < wanted and tries < MAX_TRIES:
        tries += 1
        top = remaining[0].score
        fresh = next(
            (c for c in remaining if c.article not in cited and c.score >= TURN_FLOOR * top), None
        )
        choice = fresh or remaining[0]
        remaining.remove(choice)
        if id(choice) in merged_away or any(
            terms.cosine(choice.vector, p.vector) >= TOO_SIMILAR_COSINE or _same_point(choice, p)
            for p, _ in picked
        ):
            continue
        merged = support.get(id(choice), [])
        picked.append((choice, merged))
        merged_away.update(id(m) for m in merged)
        cited.update([choice.article, *(m.article for m in merged)])

    points = []
    for choice, merged in picked:
        versions = sorted([choice, *merged], key=lambda s: order.index(s.article))
        sources_ = tuple((s.article, s.text) for s in versions)
        points.append(
            KeyPoint(
                text=choice.text,
                articles=tuple(s.article for s in versions),
                sources=sources_,
                coverage=coverage.point_coverage(sources_, event_articles),
            )
        )
    # in the order the story is told: by article, then position
    points.sort(key=lambda p: min(order.index(a) for a in p.articles))
    return tuple(points)


# ---- quotes ----------------------------------------------------------------------


@cache
def _quote_pattern() -> re.Pattern:
    verbs = tables.alternation(tables.load("entities")["quote_verbs"]["after"])
    # a quotation opens after a space, a bracket or the line's start, never
    # right after a letter or another quote mark (`‘’‘’…` would make every
    # mark an opening and the search quadratic)
    return re.compile(
        rf"(?<![\w‘’“”\"'])(?P<open>[“\"‘])(?P<text>[^“”\"]{{{MIN_QUOTE_CHARS},{MAX_QUOTE_CHARS}}}?)"
        rf"(?P<close>[”\"’])\s{{0,5}},?\s{{0,5}}"
        rf"(?P<verb>{verbs})\b(?P<rest>[^.;:!?]*)"
    )


def _speaker(phrase: str, gazetteer: names.Gazetteer) -> str | None:
    words = []
    stops = set(tables.load("entities")["quote_verbs"]["speaker_stops"])
    for word in phrase.replace(",", " , ").split():
        if word == "," or word in stops:
            break
        words.append(word)
        if len(words) >= MAX_SPEAKER_WORDS:
            break
    text = " ".join(words).strip()
    if not text:
        return None
    people = [m for m in gazetteer.find(text) if m.kind == "person"]
    if people:
        return people[-1].name
    person = _titled_person(text)
    return person or text


def find_quotes(article: Article, gazetteer: names.Gazetteer) -> list[Quote]:
    """Direct quotations with the speaker the text names ("kata Blinken");
    a pronoun attribution ("katanya") gives the quote no speaker."""
    found = []
    for line in article.clean.kept:
        for match in _quote_pattern().finditer(line.text):
            text = match.group("text").strip().rstrip(",")
            verb = match.group("verb").lower()
            speaker = None if verb.endswith("nya") else _speaker(match.group("rest"), gazetteer)
            found.append(Quote(text=text, speaker=speaker, article=article.identifier))
    return found


# ---- people, places, organisations ---------------------------------------------------


@cache
def _titles() -> tuple[str, ...]:
    return tuple(tables.load("entities")["person_titles"]["words"])


@cache
def _not_names() -> frozenset[str]:
    return frozenset(tables.load("entities")["not_names"]["words"])


@cache
def _titled_pattern() -> re.Pattern:
    word = r"[A-Z][a-zA-Z'’.-]+"
    return re.compile(
        rf"(?<![\w-])(?:{tables.alternation(_titles())})\s+"
        rf"(?P<name>{word}(?:\s+(?:bin\s+|al-|el-)?{word}){{1,7}})"
    )


def _titled_person(text: str) -> str | None:
    """The name after a title: "Presiden Joe Biden" → "Joe Biden",
    "Sekretaris Jenderal Liga Arab Ahmed Aboul Gheit" → "Ahmed Aboul Gheit"
    (offices, places and organisations in front are not the name)."""
    match = _titled_pattern().search(text)
    if not match:
        return None
    gazetteer = names.gazetteer()
    words = match.group("name").split()
    while words:
        rest = " ".join(words)
        lead = next((m for m in gazetteer.find(rest) if m.start == 0), None)
        if lead and lead.kind != "person":
            words = rest[lead.end :].split()
        elif words[0] in _not_names() or words[0].isupper():
            words.pop(0)
        else:
            break
    for i, word in enumerate(words):  # a full stop after a word ends the name
        if word.endswith(".") and len(word) > 4:
            words = [*words[:i], word.rstrip(".")]
            break
    return " ".join(words[:4]) if len(words) >= 2 else None


def _mentions(text: str, gazetteer: names.Gazetteer) -> list[names.Mention]:
    """Mentions in reading order, with an entity named twice in a row
    ("Perdana Menteri Israel, Benjamin Netanyahu", "Amerika Serikat (AS)")
    counted once."""
    merged: list[names.Mention] = []
    for mention in gazetteer.find(text):
        if merged:
            last = merged[-1]
            gap = text[last.end : mention.start]
            if mention.name == last.name and len(gap) <= ADJACENT_GAP and gap.strip(" ,(") == "":
                continue
        merged.append(mention)
    return merged


_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:bin\s+|al-|el-)?[A-Z][\w'’.-]*)*")
MAX_NAME_WORDS = 4


def _discovered_mentions(text: str, names_by_form: dict[str, str]) -> list[tuple[str, str]]:
    """(name, as written) for each mention of a discovered person: every
    run of capitalised words is matched against full names and surnames,
    longest first. A dictionary lookup, so the cost does not grow with
    the number of names (unlike one regex alternative per name)."""
    found = []
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group(0).split()
        i = 0
        while i < len(words):
            for n in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
                form = " ".join(words[i : i + n]).rstrip(".,")
                if form in names_by_form:
                    found.append((names_by_form[form], form))
                    i += n
                    break
            else:
                i += 1
    return found


def find_entities(articles: Sequence[Article], gazetteer: names.Gazetteer) -> tuple[Entity, ...]:
    """People, places and organisations with counts, aliases merged: the
    alias table's names, plus people introduced by a title ("Presiden Joe
    Biden"), also counted by their surname alone."""
    discovered: dict[str, str] = {}  # full name or surname -> full name
    ambiguous: set[str] = set()
    for article in articles:
        for line in article.clean.kept:
            for match in _titled_pattern().finditer(line.text):
                person = _titled_person(match.group(0))
                if not person or gazetteer.canonical_name(person) != person:
                    continue
                if person in gazetteer.kinds:
                    continue
                discovered[person] = person
                surname = person.split()[-1]
                if discovered.get(surname, person) != person:
                    ambiguous.add(surname)  # two people share it: count neither by it
                discovered.setdefault(surname, person)
    for surname in ambiguous:
        discovered.pop(surname, None)
    for form in list(discovered):
        if form in gazetteer.canonical:  # "Gaza" is never a surname here
            del discovered[form]

    counts: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    seen: dict[str, set[str]] = defaultdict(set)
    where: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        for line in article.clean.kept:
            mentions = [(m.name, m.kind, m.surface) for m in _mentions(line.text, gazetteer)]
            if discovered:
                mentions += [
                    (n, "person", s) for n, s in _discovered_mentions(line.text, discovered)
                ]
            for name, kind, surface in mentions:
                counts[name] += 1
                kinds[name] = kind
                where[name].add(article.identifier)
                if surface != name:
                    seen[name].add(surface)
    entities = [
        Entity(
            name=name,
            kind=kinds[name],
            aliases=tuple(sorted(seen[name])),
            articles=tuple(sorted(where[name])),
            count=count,
        )
        for name, count in counts.items()
    ]
    entities.sort(key=lambda e: (-e.count, e.name))
    return tuple(entities)


# ---- the stage ----------------------------------------------------------------------------


def sources(articles: Sequence[Article]) -> tuple[Source, ...]:
    by_publisher: dict[str | None, list[str]] = defaultdict(list)
    for article in articles:
        by_publisher[article.meta.publisher.value].append(article.identifier)
    ordered = sorted(by_publisher.items(), key=lambda kv: (kv[0] is None, -len(kv[1]), kv[0] or ""))
    return tuple(Source(publisher, tuple(sorted(ids))) for publisher, ids in ordered)


def build_digest(
    articles: Sequence[Article],
    grouping: Grouping,
    points_of: Callable[[Sequence[Article]], tuple[KeyPoint, ...]] | None = None,
) -> Digest:
    """The digest of a grouped corpus; `points_of` works out an event's key
    points from its articles (`key_points`, or the same remembered from
    an earlier build, digest_cache.py)."""
    points_of = points_of or key_points
    gazetteer = names.gazetteer()
    by_id = {a.identifier: a for a in articles}
    found = {a.identifier: find_quotes(a, gazetteer) for a in articles}
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for identifier in sorted(found):
        for quote in found[identifier]:
            if quote.speaker:
                by_speaker[quote.speaker].append(quote)
    events = []
    for event in grouping.events:
        members = [by_id[i] for i in grouping.articles_by_event.get(event.id, ()) if i in by_id]
        quotes = [q for a in members for q in found[a.identifier]]
        quotes.sort(key=lambda q: q.speaker is None)  # stable: named speakers first
        events.append(
            EventDigest(event.id, points_of(members), tuple(quotes[:MAX_QUOTES]), sources(members))
        )
    return Digest(
        events=tuple(events),
        entities=find_entities(articles, gazetteer),
        sources=sources(articles),
        quotes_by_speaker={name: tuple(quotes) for name, quotes in sorted(by_speaker.items())},
    )


# ---- the front page's stories ---------------------------------------------------------

#: The front page shows at most this many stories, whatever the folder's
#: size; every event stays listed in the paginated events index.
MAX_STORIES = 40
#: The recent part of a story's weight halves for every this many days it
#: is older than the folder's newest story: a digest leads with what is new.
STORY_HALF_LIFE_DAYS = 7.0
#: At most this share of a story's weight depends on how recent it is, so
#: a story many outlets carried two weeks ago still outranks one article
#: of today.
RECENCY_SHARE = 0.5


#: A thread shows at most this many of its stories on the front page (its
#: most important), so the week's biggest news leads without filling it.
MAX_THREAD_STORIES = 5


def top_stories(grouping: Grouping, articles: Sequence[Article]) -> tuple[str, ...]:
    """The events the front page shows, most important first: weighted by
    how many outlets carry them (each counts one) and how many articles
    (growing slowly), and by how recent they are (RECENCY_SHARE of the
    weight, halving per STORY_HALF_LIFE_DAYS of age). Undated events count
    as old as the folder's oldest. The stories of one thread come together
    (its MAX_THREAD_STORIES most important), where the thread weighs as one
    story of all its articles would (those alone in their story too), so a
    war told as a dozen small stories leads as one block. Ties go to the
    newer, then to the id, so the order never depends on the input's
    order."""
    by_id = {a.identifier: a for a in articles}
    days = [e.end or e.start for e in grouping.events if e.end or e.start]
    newest = max(days, default=date.min)
    oldest = min(days, default=date.min)

    def day(events) -> date:
        return max((e.end or e.start or oldest) for e in events)

    alone = {t.id: t.alone for t in grouping.threads}

    def weight(events, also: Sequence[str] = ()) -> float:
        members = [
            by_id[i]
            for i in (*(i for e in events for i in grouping.articles_by_event.get(e.id, ())), *also)
            if i in by_id
        ]
        outlets = {a.meta.publisher.value for a in members if a.meta.publisher.value}
        age = (newest - day(events)).days if newest != date.min else 0
        size = len(outlets) + math.log1p(len(members))
        recency = 0.5 ** (age / STORY_HALF_LIFE_DAYS)
        return size * (1 - RECENCY_SHARE + RECENCY_SHARE * recency)

    def rank(events, also: Sequence[str] = ()) -> tuple[float, int, str]:
        return -weight(events, also), -day(events).toordinal(), events[0].id

    stories = sorted(
        ([e] for e in grouping.events if grouping.articles_by_event.get(e.id)), key=rank
    )
    blocks: dict[str, list] = {}
    for (event,) in stories:
        blocks.setdefault(event.thread or event.id, []).append(event)
    # a thread's block weighs with its articles alone in their story too
    ordered = sorted(blocks.items(), key=lambda item: rank(item[1], alone.get(item[0], ())))
    chosen = [e.id for _, block in ordered for e in block[:MAX_THREAD_STORIES]]
    return tuple(chosen[:MAX_STORIES])


# ---- digest.json -----------------------------------------------------------------------


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None


def article_row(article: Article, grouping: Grouping, urls: dict[str, str]) -> dict:
    """One article as `digest.json` lists it. Unknown values are None (JSON
    null), never guessed; `date` is set for explicit and resolved dates
    only, an estimated range goes in `date_range`."""
    placement = grouping.placements[article.identifier]
    finding = placement.date
    meta = article.meta
    return {
        "identifier": article.identifier,
        "title": meta.title.value,
        "url": urls.get(article.identifier),
        "publisher": meta.publisher.value,
        "author": meta.author.value,
        "place": meta.place.value,
        "date": _day(finding.date),
        "date_level": finding.level,
        "date_range": [finding.start.isoformat(), finding.end.isoformat()]
        if finding.start and finding.end
        else None,
        "lang": meta.lang.value,
        "event": placement.event_id,
        "original": article.original,
    }


def _point(point: KeyPoint, by_id: dict[str, Article]) -> dict:
    found = point.coverage
    return {
        "text": point.text,
        "articles": list(point.articles),
        "sources": [
            {"article": a, "publisher": by_id[a].meta.publisher.value, "text": t}
            for a, t in point.sources
        ],
        "outlets": list(found.outlets) if found else [],
        "missing_outlets": list(found.missing) if found else [],
        "only_in": found.only if found else None,
        "differing_figures": [
            {"counts": f.unit, "values": [{"value": v, "article": a} for a, v in f.values]}
            for f in (found.figures if found else ())
        ],
    }


def _days(event, grouping: Grouping, by_id: dict[str, Article]) -> list[dict]:
    """The story's events (its days) or the trip's legs, each with its
    articles, in order (group.sections); those that fit none last."""
    members = grouping.articles_by_event.get(event.id, ())
    happened = {i: by_id[i].meta.happened for i in members if i in by_id}
    return [
        {
            "day": _day(section.day),
            "leg": section.leg.place if section.leg else None,
            "articles": list(section.identifiers),
        }
        for section in group.sections(event, grouping, happened)
    ]


def event_document(
    event,
    summary: EventDigest | None,
    grouping: Grouping,
    by_id: dict[str, Article],
    urls: dict[str, str],
    event_url: str | None,
) -> dict:
    """One event's own JSON: its articles, key points with their coverage
    by outlet, quotes and outlets (shape in README.md)."""
    members = [by_id[i] for i in grouping.articles_by_event.get(event.id, ()) if i in by_id]
    return {
        "id": event.id,
        "name": event.name,
        "number": event.number,
        "url": event_url,
        "start": _day(event.start),
        "end": _day(event.end),
        "legs": [
            {
                "place": leg.place,
                "country": leg.country,
                "start": leg.start.isoformat(),
                "end": leg.end.isoformat(),
            }
            for leg in event.legs
        ],
        "thread": event.thread,
        "days": _days(event, grouping, by_id),
        "articles": [article_row(a, grouping, urls) for a in members],
        "key_points": [_point(p, by_id) for p in (summary.key_points if summary else ())],
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "article": q.article}
            for q in (summary.quotes if summary else ())
        ],
        "outlets": [
            {"publisher": s.publisher, "articles": list(s.articles)}
            for s in (summary.outlets if summary else ())
        ],
    }


def summary_document(
    digest: Digest,
    grouping: Grouping,
    articles: Sequence[Article],
    urls: dict[str, str],
    event_urls: dict[str, str],
    event_json_urls: dict[str, str],
    stories: Sequence[str],
) -> dict:
    """`digest.json`: every event in brief with the address of its own
    JSON, the front page's stories, the articles in no event, the names
    and the sources (shape in README.md)."""
    outlets = {e.event_id: e.outlets for e in digest.events}
    placed = {i for ids in grouping.articles_by_event.values() for i in ids}
    by_id = {a.identifier: a for a in articles}
    return {
        "events": [
            {
                "id": event.id,
                "name": event.name,
                "number": event.number,
                "url": event_urls.get(event.id),
                "json": event_json_urls.get(event.id),
                "start": _day(event.start),
                "end": _day(event.end),
                "article_count": len(grouping.articles_by_event.get(event.id, ())),
                "outlets": [s.publisher for s in outlets.get(event.id, ()) if s.publisher],
                "thread": event.thread,
                "days": [
                    {"day": d["day"], "leg": d["leg"], "article_count": len(d["articles"])}
                    for d in _days(event, grouping, by_id)
                ],
            }
            for event in grouping.events
        ],
        "threads": [
            {"id": t.id, "name": t.name, "stories": list(t.stories), "alone": list(t.alone)}
            for t in grouping.threads
        ],
        "top_stories": list(stories),
        "unplaced_articles": [
            article_row(a, grouping, urls)
            for a in sorted(articles, key=lambda a: a.identifier)
            if a.identifier not in placed
        ],
        "entities": [
            {
                "name": e.name,
                "kind": e.kind,
                "aliases": list(e.aliases),
                "articles": list(e.articles),
                "count": e.count,
            }
            for e in digest.entities
        ],
        "sources": [
            {"publisher": s.publisher, "articles": list(s.articles)} for s in digest.sources
        ],
    }
