"""Dates in article text: full dates, partial dates and trip ordinals.

A focused extractor rather than a general date parser: it only knows the
forms newsrooms print (`Selasa (22/10/2024)`, `9 Juni 2025`,
`Tayang: Senin, 9 Juni 2025 19:11 WIB`, `June 9, 2025`, `18/06/2025, 21:28
WIB`), so counts and durations (`2 jam`, `5 sel teroris`, `45 menit`) can
never be read as dates. Month, weekday and ordinal words come from
`data/calendar.toml`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cache
from zoneinfo import ZoneInfo

from . import tables
from .model import DateCue, DateFinding, Evidence, Line
from .text import sentences

EARLIEST_YEAR = 1990
LATEST_YEAR = 2100

#: Every full date has a four-digit year: lines without one are skipped.
_YEAR = re.compile(r"\d{4}")
#: A digit: a sentence without one holds no day and month.
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class _Patterns:
    full: tuple[re.Pattern, ...]
    label: re.Pattern
    future: re.Pattern
    weekday: re.Pattern
    day_month: re.Pattern
    #: the date written right after a weekday ("Kamis (19/6/2025)",
    #: "Minggu (22/6)", "Rabu malam (18/6)", "Friday, March 24"): it says
    #: which of the weekday's days is meant
    attached: re.Pattern
    ordinal: tuple[re.Pattern, ...]
    #: a trip word on its own, which every `ordinal` pattern holds: the
    #: few texts with one are searched for an ordinal (a fifth of the
    #: work, most articles naming no trip)
    trip_word: re.Pattern
    relative: re.Pattern


@cache
def _patterns() -> _Patterns:
    calendar = tables.load("calendar")
    month = tables.alternation(tables.month_numbers())
    weekday = tables.alternation(tables.weekday_numbers())
    zone = tables.alternation(calendar["time_zones"]["names"])
    time = (
        rf"(?:(?:\s*[,|]\s*|\s+)(?:pukul\s+|jam\s+|at\s+)?(?P<time>\d{{1,2}}[:.]\d{{2}})(?!\d)"
        rf"(?:\s*(?P<zone>{zone})\b)?)?"
    )
    between = tables.alternation(calendar["weekday_date"]["between"])
    wd = rf"(?:(?P<wd>{weekday}),?\s*)?"
    full = (
        rf"\b{wd}\(?(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}})\)?{time}",
        rf"\b{wd}(?P<d>\d{{1,2}})\s+(?P<mon>{month})\.?,?\s+(?P<y>\d{{4}})\b{time}",
        rf"\b{wd}(?P<mon>{month})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})\b{time}",
        r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b",
    )
    labels = tables.alternation(calendar["timestamp_labels"]["names"])
    ordinal_words = tables.alternation(tables.ordinal_numbers())
    trip = tables.alternation(calendar["trip_words"]["names"])
    ordinal = (
        rf"\b(?:{trip})\s+(?:[\w-]+\s+){{0,2}}?(?:yang\s+)?ke-?\s?(?P<n>\d{{1,2}})\b",
        rf"\b(?:{trip})\s+(?:[\w-]+\s+){{0,2}}?(?P<w>{ordinal_words})(?:nya)?\b"
        r"(?!\s+(?:negara|belah|pihak|pemimpin|menteri|kalinya))",
        rf"\b(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<w>{ordinal_words}))\s+"
        rf"(?:[\w-]+\s+){{0,2}}?(?:{trip})\b",
    )
    return _Patterns(
        full=tuple(re.compile(p, re.IGNORECASE) for p in full),
        label=re.compile(rf"\b(?:{labels})\s*:?\s*$", re.IGNORECASE),
        future=re.compile(r"\s{0,10}(?:mendatang|nanti|yang akan datang)\b", re.IGNORECASE),
        weekday=re.compile(rf"\b(?P<wd>{weekday})\b", re.IGNORECASE),
        day_month=re.compile(
            rf"\b(?:(?P<d>\d{{1,2}})\s+(?P<mon>{month})\b(?!\.?,?\s+\d{{4}})"
            rf"|(?P<mon2>{month})\.?\s+(?P<d2>\d{{1,2}})\b(?!,?\s+\d{{4}}))",
            re.IGNORECASE,
        ),
        attached=re.compile(
            rf"\A(?:\s+(?:{between})\b)?,?\s*\(?(?:(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>\d{{4}}))?"
            rf"|(?P<d2>\d{{1,2}})\s+(?P<mon>{month})\b\.?(?:,?\s+(?P<y2>\d{{4}}))?"
            rf"|(?P<mon2>{month})\.?\s+(?P<d3>\d{{1,2}})\b(?:,?\s+(?P<y3>\d{{4}}))?)",
            re.IGNORECASE,
        ),
        ordinal=tuple(re.compile(p, re.IGNORECASE) for p in ordinal),
        trip_word=re.compile(rf"\b(?:{trip})\b", re.IGNORECASE),
        relative=re.compile(
            rf"\b(?P<rel>{tables.alternation(calendar['relative_days'])})\b", re.IGNORECASE
        ),
    )


@dataclass(frozen=True)
class _Candidate:
    day: date
    text: str
    score: int
    position: int
    weekday: int | None
    #: written with its weekday or under a timestamp's label (`Tayang:`):
    #: a date of the article's own days, not one it mentions
    own: bool = False


def _to_date(groups: dict) -> date | None:
    month = groups.get("m")
    month = int(month) if month else tables.month_numbers().get(groups["mon"].lower())
    try:
        day = date(int(groups["y"]), month, int(groups["d"]))
    except (TypeError, ValueError):
        return None
    return day if EARLIEST_YEAR <= day.year <= LATEST_YEAR else None


def _full_dates(lines: Sequence[Line]) -> list[_Candidate]:
    patterns = _patterns()
    found: list[_Candidate] = []
    for position, line in enumerate(lines):
        if not _YEAR.search(line.text):
            continue
        # the characters a date already found covers: a mask keeps the
        # overlap test linear on a line of thousands of dates
        taken = bytearray(len(line.text))
        for pattern in patterns.full:
            for match in pattern.finditer(line.text):
                start, end = match.span()
                if any(taken[start:end]):
                    continue
                groups = match.groupdict()
                day = _to_date(groups)
                if day is None:
                    continue
                taken[start:end] = b"\x01" * (end - start)
                weekday = groups.get("wd")
                score = 0
                labelled = bool(patterns.label.search(line.text[max(0, start - 30) : start]))
                if labelled:
                    score += 8
                if weekday:
                    score += 4
                if groups.get("time"):
                    score += 2
                if position < 3:
                    score += 1
                if patterns.future.match(line.text, end):
                    score -= 4
                found.append(
                    _Candidate(
                        day=day,
                        text=match.group(0).strip(" ,"),
                        score=score,
                        position=position,
                        weekday=tables.weekday_numbers()[weekday.lower()] if weekday else None,
                        own=labelled or bool(weekday) or _weekday_before(line.text, start),
                    )
                )
    return found


#: How far before a date its weekday may stand ("Senin dini hari, 9 Juni
#: 2025", "Monday night, June 9, 2025"): a few words of the same phrase.
WEEKDAY_BEFORE_CHARS = 20


def _weekday_before(text: str, start: int) -> bool:
    """A weekday's name just before the date, within its sentence, written
    as a name (`Minggu`: in lower case, `minggu` is a week)."""
    before = text[max(0, start - WEEKDAY_BEFORE_CHARS) : start].rsplit(".", 1)[-1]
    return any(m.group(0)[0].isupper() for m in _patterns().weekday.finditer(before))


#: A date-field line is short: a timestamp and a label or two, never prose.
DATE_FIELD_MAX_CHARS = 100

#: Words a date-field line may hold besides its date (labels, weekday, the
#: outlet's name): more than this and the line is prose that names a date.
DATE_FIELD_MAX_OTHER_WORDS = 3

_WORD = re.compile(r"[^\W\d_]+")


@cache
def _field_words() -> frozenset[str]:
    calendar = tables.load("calendar")
    words = set(calendar["date_field"]["words"]) | set(calendar["time_zones"]["names"])
    for label in calendar["timestamp_labels"]["names"]:
        words.update(label.split())
    words.update(tables.weekday_numbers())
    return frozenset(words)


def _moment(day: date, clock: str | None, zone: str | None) -> datetime | None:
    """The timestamp with its UTC offset; None without a clock time or zone."""
    if not clock or not zone:
        return None
    hour, minute = (int(part) for part in re.split(r"[:.]", clock))
    if hour > 23 or minute > 59:
        return None
    where = tables.load("calendar")["time_zones"]["offsets"].get(zone.lower())
    if where is None:
        return None
    if where[0] in "+-":
        sign = -1 if where[0] == "-" else 1
        hours, minutes = (int(part) for part in where[1:].split(":"))
        tz = timezone(sign * timedelta(hours=hours, minutes=minutes))
    else:
        tz = ZoneInfo(where)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def read_date_field(text: str) -> tuple[DateFinding, tuple[str, ...]] | None:
    """A site's date-field line (`Diperbarui 18 Jun 2025, 14:05 WIB`,
    `Kompas.com- 18/06/2025, 19:44 WIB`, `, Jurnalis-Rabu, 18 Juni 2025 |16:59 WIB`)
    read as the publication date with its time, or None when the line is
    anything else. Also returns a warning when its weekday disagrees."""
    text = text.strip()
    if len(text) > DATE_FIELD_MAX_CHARS or not _YEAR.search(text):
        return None
    for pattern in _patterns().full:
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groupdict()
        day = _to_date(groups)
        if day is None:
            continue
        rest = text[: match.start()] + " " + text[match.end() :]
        other = [w for w in _WORD.findall(rest.lower()) if w not in _field_words()]
        if len(other) > DATE_FIELD_MAX_OTHER_WORDS:
            return None
        finding = DateFinding(
            level="explicit",
            date=day,
            evidence=Evidence.of("date_field", quote=text),
            moment=_moment(day, groups.get("time"), groups.get("zone")),
        )
        weekday = groups.get("wd")
        return finding, _weekday_warning(match.group(0).strip(" ,|"), weekday, day)
    return None


def _weekday_warning(text: str, weekday: str | None, day: date) -> tuple[str, ...]:
    number = tables.weekday_numbers()[weekday.lower()] if weekday else None
    if number and number != day.isoweekday():
        return (
            f"weekday in '{text}' does not match {day.isoformat()} "
            f"(a {day.strftime('%A')}); the numeric date is used",
        )
    return ()


def find_explicit_date(lines: Sequence[Line]) -> tuple[DateFinding | None, tuple[str, ...]]:
    """The article's own full date, if it prints one, and any warnings.

    Only a date written as news writes its own days counts: under a
    timestamp's label, or with its weekday (`Rabu (18/6/2025)`, `Friday,
    March 24, 2023`; news names the weekday for the days around its own
    and writes a date farther off without it). A date the text mentions
    without either (`on Jan. 6, 2021`, `May 23, 1999`) is another day's:
    in the shared English folder, 21 of the 40 articles dated that way got
    a day outside the month they were scraped in. Among several, the
    best-labelled wins (a `Tayang:` timestamp, then a date with its
    weekday, then one with a clock time, then the earliest in the text); a
    date followed by "mendatang" is a future event, not the publication
    date.
    """
    candidates = [c for c in _full_dates(lines) if c.own]
    if not candidates:
        return None, ()
    best = max(candidates, key=lambda c: (c.score, -c.position))
    warnings: tuple[str, ...] = ()
    if best.weekday and best.weekday != best.day.isoweekday():
        weekday = next(w for w, n in tables.weekday_numbers().items() if n == best.weekday)
        warnings = _weekday_warning(best.text, weekday, best.day)
    finding = DateFinding(
        level="explicit", date=best.day, evidence=Evidence.of("printed", quote=best.text)
    )
    return finding, warnings


#: How much text on each side of a day name `_is_day_name` reads (it looks
#: at one word on each side): a bounded window keeps a line of thousands
#: of day names linear.
CONTEXT_CHARS = 40


def _around(text: str, match: re.Match) -> tuple[str, str]:
    start, end = match.span()
    return text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]


def _is_day_name(word: str, before: str, after: str) -> bool:
    """Whether a weekday spelling stands for a day here ("pada hari Minggu"),
    not for its everyday meaning ("Minggu ini" = this week)."""
    calendar = tables.load("calendar")
    friend = calendar["weekday_false_friends"].get(word.lower())
    if friend is None:
        return True
    next_word = after.split()[0].lower().strip(",.") if after.split() else ""
    if next_word in friend["not_before"]:
        return False
    previous = before.split()[-1].lower() if before.split() else ""
    day_words = calendar["day_words"]
    return (
        previous in day_words["before"] or next_word in day_words["after"] or after.startswith(" (")
    )


def find_date_cues(lines: Sequence[Line]) -> tuple[DateCue, ...]:
    """Partial dates: day names and day-month pairs without a year."""
    patterns = _patterns()
    cues: list[DateCue] = []
    for line in lines:
        # the characters of the line's full dates: a day name inside one is
        # part of that date, not a cue (a mask keeps the test linear)
        in_full_date = bytearray(len(line.text))
        if _YEAR.search(line.text):
            for m in (m for p in patterns.full for m in p.finditer(line.text)):
                in_full_date[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        cursor = 0
        for sentence in sentences(line.text):
            offset = line.text.find(sentence, cursor)
            offset, cursor = (offset, offset + len(sentence)) if offset >= 0 else (cursor, cursor)
            for match in patterns.weekday.finditer(sentence):
                if _inside(in_full_date, offset, match):
                    continue
                word = match.group("wd")
                if not _is_day_name(word, *_around(sentence, match)):
                    continue
                cues.append(
                    DateCue(
                        text=word,
                        line=line.number,
                        sentence=sentence,
                        weekday=tables.weekday_numbers()[word.lower()],
                    )
                )
            if not _DIGIT.search(sentence):  # (both of day_month's forms hold one)
                continue
            for match in patterns.day_month.finditer(sentence):
                if _inside(in_full_date, offset, match):
                    continue
                day = int(match.group("d") or match.group("d2"))
                month_word = (match.group("mon") or match.group("mon2")).lower()
                if not 1 <= day <= 31:
                    continue
                cues.append(
                    DateCue(
                        text=match.group(0),
                        line=line.number,
                        sentence=sentence,
                        day=day,
                        month=tables.month_numbers()[month_word],
                    )
                )
    return tuple(cues)


#: A news lead says when its story happened ("IHSG ditutup melemah pada
#: perdagangan Kamis (19/6/2025)"); later lines go back to the background.
HAPPENED_LEAD_LINES = 2
#: A lead date further back than this before publication is background
#: ("sejak 7 Oktober 2023"), not the day the story reports.
HAPPENED_MAX_DAYS_BEFORE = 7


def find_happening_day(lines: Sequence[Line], published: date | None) -> date | None:
    """The day the lead says the story happened, worked out from the
    publication day: a full date at most a week before it, else the
    latest day with the weekday the lead names ("Kamis (19/6)", "on
    Tuesday"), else a relative word ("kemarin", "today"), else the
    publication day itself. Unknown when the publication day is: a lead
    date alone may be background."""
    if published is None:
        return None
    lead = lines[:HAPPENED_LEAD_LINES]
    for candidate in sorted(_full_dates(lead), key=lambda c: c.position):
        if timedelta(0) <= published - candidate.day <= timedelta(HAPPENED_MAX_DAYS_BEFORE):
            return candidate.day
    patterns = _patterns()
    for line in lead:
        for match in patterns.weekday.finditer(line.text):
            word = match.group("wd")
            if not _is_day_name(word, *_around(line.text, match)):
                continue
            after = line.text[match.end() : match.end() + CONTEXT_CHARS]
            written = _attached_date(after, published)
            if written is None:  # a weekday alone: the latest such day
                back = (published.isoweekday() - tables.weekday_numbers()[word.lower()]) % 7
                return published - timedelta(days=back)
            if written > published:
                # an announcement ("akan digelar Kamis (19/6/2025)"): the
                # story is told on its publication day, as with a future
                # date alone (not the weekday's day the week before)
                return published
            if published - written <= timedelta(HAPPENED_MAX_DAYS_BEFORE):
                return written
            # a weekday with an older date is background, like the date
        relative = patterns.relative.search(line.text)
        if relative:
            offset = tables.load("calendar")["relative_days"][relative.group("rel").lower()]
            return published + timedelta(days=offset)
    return published


def _attached_date(after: str, published: date) -> date | None:
    """The date written right after a weekday (`after`: the text that
    follows it), None when none is. Without a year, the year that puts it
    nearest the publication day ("Selasa (30/12)" in a paper of 2 January
    is the last year's)."""
    match = _patterns().attached.match(after)
    if match is None:
        return None
    groups = match.groupdict()
    parts = {
        "d": groups["d"] or groups["d2"] or groups["d3"],
        "m": groups["m"],
        "mon": groups["mon"] or groups["mon2"],
    }
    year = groups["y"] or groups["y2"] or groups["y3"]
    years = [year] if year else [published.year - 1, published.year, published.year + 1]
    found = [day for y in years if (day := _to_date({**parts, "y": y}))]
    return min(found, key=lambda d: (abs((d - published).days), d)) if found else None


def _inside(mask: bytearray, offset: int, match: re.Match) -> bool:
    """Whether the match (in a sentence starting at `offset` of its line)
    lies within the line's full dates."""
    start, end = offset + match.start(), offset + match.end()
    return end > start and 0 not in mask[start:end]


def find_trip_ordinal(text: str) -> int | None:
    """The trip number an article states ("perjalanan ke-11", "sixth trip")."""
    patterns = _patterns()
    if not patterns.trip_word.search(text):
        return None
    for pattern in patterns.ordinal:
        match = pattern.search(text)
        if match:
            groups = match.groupdict()
            if groups.get("n"):
                return int(groups["n"])
            return tables.ordinal_numbers()[" ".join(groups["w"].lower().split())]
    return None
