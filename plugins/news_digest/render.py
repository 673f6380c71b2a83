"""Render stage: pipeline records → HTML fragments and JSON-LD.

Scraped text is text, never markup: every string from an input file goes
through `html.escape` here (and the theme's Jinja environment autoescapes
everything else), so `<script>` or Markdown in a scrape shows as written.
"""

from __future__ import annotations

import html
import itertools
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

from . import recurring, ui
from .model import Article, DateFinding, Evidence, Removal

#: Reading speed in words per minute by language, for the reading-time
#: estimate; other languages use the default.
WORDS_PER_MINUTE = {"id": 180, "en": 230}
DEFAULT_WORDS_PER_MINUTE = 200


#: A repeat's reason quotes this many words of the line it repeats: a
#: reader sees the text, never the raw file's line numbers.
QUOTED_WORDS = 6


def removal_reason(words: dict, removal: Removal, article: Article | None = None) -> str:
    """A removal's reason in the site's words (`words`, a UI table), from
    its typed fields; a repeat quotes the first words of the line it
    repeats (from `article`)."""
    if removal.kind == "repeat":
        repeated = _line_text(article, removal.of_line) if article else None
        if repeated is None:
            return words["repeat_of_unknown"]
        quoted = repeated.split()
        shown = " ".join(quoted[:QUOTED_WORDS]) + ("…" if len(quoted) > QUOTED_WORDS else "")
        return words["repeat_of"].format(words=shown)
    if removal.rule == recurring.RULE:
        return words["recurring"].format(n=removal.seen_in)
    if removal.kind == "other-record":
        return words["reasons"][removal.kind].format(record=removal.rule)
    return words["reasons"].get(removal.reason, removal.reason)


def original_site(url: str) -> str:
    """How a link to an article's original names it: its host without
    `www.` (`liputan6.com`)."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def _line_text(article: Article, number: int | None) -> str | None:
    """The text of the raw file's line `number`, kept or removed."""
    for line in (*article.clean.kept, *article.clean.removed):
        if line.number == number:
            return line.text
    return None


def body_html(article: Article) -> str:
    """The cleaned text as paragraphs, captions as figure captions (the
    headline line is the page's <h1>, never a paragraph)."""
    parts = []
    for line in article.clean.kept:
        text = html.escape(line.text, quote=False)
        if line.caption:
            parts.append(f'<figure class="caption"><figcaption>{text}</figcaption></figure>')
        else:
            parts.append(f"<p>{text}</p>")
    return "\n".join(parts)


def month_name(words: dict, month: int) -> str:
    """The month's name in the site's language (`words`, a UI table)."""
    return words["months"][month - 1]


def format_day(words: dict, day: date | None) -> str:
    """`2024-01-11` → `11 Januari 2024` (`11 January 2024`)."""
    if day is None:
        return ""
    return f"{day.day} {month_name(words, day.month)} {day.year}"


def format_range(words: dict, start: date, end: date) -> str:
    """`8–9 Januari 2024`, `29 November – 1 Desember 2023`."""
    if start == end:
        return format_day(words, start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {month_name(words, end.month)} {end.year}"
    if start.year == end.year:
        return f"{start.day} {month_name(words, start.month)} – {format_day(words, end)}"
    return f"{format_day(words, start)} – {format_day(words, end)}"


def format_finding(words: dict, finding: DateFinding) -> str:
    """The date as a reader sees it, honest about its level."""
    if finding.level in ("explicit", "resolved"):
        return format_day(words, finding.date)
    if finding.level == "estimated" and finding.start and finding.end:
        return words["date_estimated"].format(dates=format_range(words, finding.start, finding.end))
    return words["date_unknown"]


def evidence_text(words: dict, evidence: Evidence) -> str:
    """Where a value came from, in the site's words: the evidence's entry
    in the UI table, its dates written out, its lists joined, a trip's
    number as "trip no. 4", its places as the site's readers write them."""
    values = {}
    for name, value in evidence.values:
        if isinstance(value, date):
            value = format_day(words, value)
        elif name in ("place", "places"):
            places = value if isinstance(value, tuple) else (value,)
            value = ", ".join(ui.shown_name(words, place) for place in places)
        elif name == "trip" and isinstance(value, int):
            value = words["evidence"]["trip_label"].format(n=value)
        values[name] = value
    return words["evidence"][evidence.key].format(**values)


#: Pagefind's UI shows a filter's values as markup (Pagefind 1.5.2), and
#: decodes entities in them first, so no escaping survives: a value taken
#: from scraped text (an outlet, an event named after a headline) gets
#: look-alikes for the characters markup is made of.
FILTER_LOOK_ALIKES = str.maketrans({"<": "‹", ">": "›", "&": "＆"})


def filter_label(text: str) -> str:
    """A search filter's value, safe for a UI that shows it as markup."""
    return text.translate(FILTER_LOOK_ALIKES)


def reading_minutes(text: str, lang: str | None) -> int:
    words = len(text.split())
    speed = WORDS_PER_MINUTE.get(lang or "", DEFAULT_WORDS_PER_MINUTE)
    return max(1, round(words / speed))


def json_ld(
    article: Article,
    *,
    headline: str,
    url: str,
    finding: DateFinding,
    lang: str,
    trip_name: str | None = None,
    trip_url: str | None = None,
) -> str:
    """schema.org NewsArticle for one article, safe to put in a <script>.

    datePublished is given for explicit and resolved dates only: an
    estimated range is not a publication date.
    """
    meta = article.meta
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "identifier": article.identifier,
        "inLanguage": lang,
        "url": url,
        "wordCount": len(article.clean.text.split()),
    }
    if finding.level in ("explicit", "resolved") and finding.date:
        data["datePublished"] = (finding.moment or finding.date).isoformat()
    if meta.publisher.value:
        data["publisher"] = {"@type": "Organization", "name": meta.publisher.value}
    if meta.author.value:
        data["author"] = {"@type": "Person", "name": meta.author.value}
    if meta.place.value:
        data["contentLocation"] = {"@type": "Place", "name": meta.place.value}
    if trip_name and trip_url:
        data["isPartOf"] = {"@type": "CreativeWork", "name": trip_name, "url": trip_url}
    if article.original:
        data["isBasedOn"] = article.original
    return script_json(data)


def script_json(data) -> str:
    """JSON that cannot close its <script> element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# ---- timeline -------------------------------------------------------------------

# ---- the front page's budget ----------------------------------------------------------
# The front page must stay a digest at any folder size (at most 40 stories,
# digest.MAX_STORIES, and 512 KiB of HTML at 3,698 articles); the event
# pages hold the rest.
#: articles listed under each story; the rest are on its event page
FRONT_PAGE_ARTICLES = 6
#: quotes shown under each story
FRONT_PAGE_QUOTES = 2
#: people, places and organisations listed, per kind (each links to its
#: page, which cites its articles; all are in the names index)
FRONT_PAGE_ENTITIES = 12
FRONT_PAGE = {
    "FRONT_PAGE_ARTICLES": FRONT_PAGE_ARTICLES,
    "FRONT_PAGE_QUOTES": FRONT_PAGE_QUOTES,
    "FRONT_PAGE_ENTITIES": FRONT_PAGE_ENTITIES,
}


TIMELINE_WIDTH = 560
TIMELINE_HEIGHT = 150
TIMELINE_MARGIN = 24
TIMELINE_AXIS_Y = 64
#: the row of article marks, below the events' marks on the axis
TIMELINE_ARTICLES_Y = TIMELINE_AXIS_Y + 17
#: month names, then years, below the article marks
TIMELINE_MONTHS_Y = TIMELINE_AXIS_Y + 42
TIMELINE_YEARS_Y = TIMELINE_AXIS_Y + 60
MAX_LABELLED_EVENTS = 12


def _event_label(words: dict, event, count: int) -> str:
    """`ke-4 · 12 artikel`: a trip's number (else its shortened name) and
    its coverage."""
    name = (
        words["timeline_trip"].format(n=event.number) if event.number else _shorten(event.name, 18)
    )
    coverage = ui.counted(words, count, "article") if count else words["no_coverage"]
    return f"{name} · {coverage}"


def _article_marks(findings, x, axis_start: date, axis_end: date) -> list[str]:
    """One mark per article date: solid (printed), hollow (inferred), or
    a bar over the range an estimated date lies in."""
    marks = []
    y = TIMELINE_ARTICLES_Y
    for finding in findings:
        if finding.level == "estimated" and finding.start and finding.end:
            if axis_start <= finding.start and finding.end < axis_end:
                left, right = x(finding.start), x(finding.end)
                marks.append(
                    f'<rect class="article-range" x="{left}" y="{y - 2}" '
                    f'width="{max(right - left, 4.0)}" height="4" rx="2"/>'
                )
        elif finding.date and axis_start <= finding.date < axis_end:
            kind = "printed" if finding.level == "explicit" else "inferred"
            cx = x(finding.date)
            marks.append(f'<circle class="article-{kind}" cx="{cx}" cy="{y}" r="3.5"/>')
    return marks


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _next_month(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def _month_starts(first: date, last: date):
    day = date(first.year, first.month, 1)
    while day <= last:
        yield day
        day = _next_month(day)


def timeline_svg(words: dict, entries, findings: Sequence[DateFinding] = ()) -> str:
    """An inline SVG timeline of dated events: each a mark on a date axis,
    linked to its section (#id), labelled with its article count (a trip
    with none shown hollow, as such); below it a mark per article showing
    how sure its date is: solid when printed, hollow when inferred, a bar
    for a range (`findings`). Built at build time: no JavaScript."""
    dated = [(event, count) for event, count in entries if event.start]
    if not dated:
        return ""
    first = min(event.start for event, _ in dated)
    last = max(event.end or event.start for event, _ in dated)
    axis_start = date(first.year, first.month, 1)
    months = list(_month_starts(first, last))
    axis_end = _next_month(months[-1])
    span = (axis_end - axis_start).days
    inner = TIMELINE_WIDTH - 2 * TIMELINE_MARGIN

    def x(day: date) -> float:
        return round(TIMELINE_MARGIN + (day - axis_start).days / span * inner, 1)

    summary = words["timeline_summary"].format(
        events=ui.counted(words, len(dated), "event"), dates=format_range(words, first, last)
    )
    parts = [
        f'<svg class="timeline" viewBox="0 0 {TIMELINE_WIDTH} {TIMELINE_HEIGHT}" '
        f'aria-labelledby="timeline-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="timeline-title">{html.escape(summary)}</title>',
        f'<line class="axis" x1="{TIMELINE_MARGIN}" y1="{TIMELINE_AXIS_Y}" '
        f'x2="{TIMELINE_WIDTH - TIMELINE_MARGIN}" y2="{TIMELINE_AXIS_Y}"/>',
    ]
    step = max(1, len(months) // 8)
    short_months = words["months_short"]
    for i, month in enumerate(months):
        tick = x(month)
        parts.append(
            f'<line class="tick" x1="{tick}" y1="{TIMELINE_AXIS_Y - 4}" x2="{tick}" '
            f'y2="{TIMELINE_AXIS_Y + 4}"/>'
        )
        anchor = "start" if i == 0 else "middle"
        if i % step == 0:
            parts.append(
                f'<text class="month" x="{tick}" y="{TIMELINE_MONTHS_Y}" '
                f'text-anchor="{anchor}">{short_months[month.month - 1]}</text>'
            )
        if i == 0 or month.month == 1:  # years on a row of their own
            parts.append(
                f'<text class="month" x="{tick}" y="{TIMELINE_YEARS_Y}" '
                f'text-anchor="{anchor}">{month.year}</text>'
            )
    parts.extend(_article_marks(findings, x, axis_start, axis_end))
    labelled = len(dated) <= MAX_LABELLED_EVENTS
    for i, (event, count) in enumerate(dated):
        left, right = x(event.start), x(event.end or event.start)
        width = max(right - left, 8.0)
        description = (
            f"{event.name}, {format_range(words, event.start, event.end or event.start)}, "
            f"{ui.counted(words, count, 'article')}"
        )
        if labelled:  # the visible label starts the accessible name (WCAG 2.5.3)
            description = f"{_event_label(words, event, count)}: {description}"
        parts.append(f'<a href="#{html.escape(event.id)}" aria-label="{html.escape(description)}">')
        parts.append(f"<title>{html.escape(description)}</title>")
        empty = " empty" if count == 0 else ""
        parts.append(
            f'<rect class="mark{empty}" x="{left}" y="{TIMELINE_AXIS_Y - 7}" width="{width}" '
            f'height="14" rx="4"/>'
        )
        if labelled:
            y = TIMELINE_AXIS_Y - 16 - 16 * (i % 2)
            anchor = "start" if left < TIMELINE_WIDTH / 2 else "end"
            at = left if anchor == "start" else left + width
            parts.append(
                f'<text class="label" x="{at}" y="{y}" text-anchor="{anchor}">'
                f"{html.escape(_event_label(words, event, count))}</text>"
            )
        parts.append("</a>")
    parts.append("</svg>")
    return "\n".join(parts)


# ---- a story's days ---------------------------------------------------------------------


@dataclass(frozen=True)
class DayLine:
    """One day of a story on the front page: its articles and its lead point."""

    day: date
    count: int
    #: the story's first key point cited from that day's articles, else
    #: the headline of its first article
    text: str
    #: the article the text comes from
    identifier: str


def day_lines(sections, key_points, titles: dict[str, str]) -> list[DayLine]:
    """One line per day of a story (its sections with a day), in order."""
    found = []
    for section in sections:
        if section.day is None:
            continue
        members = set(section.identifiers)
        point = next((p for p in key_points if members & set(p.articles)), None)
        if point:
            # that day's own version of the point, where the point merged several
            source, text = next(
                ((a, t) for a, t in point.sources if a in members),
                (next(a for a in point.articles if a in members), point.text),
            )
            found.append(DayLine(section.day, len(members), text, source))
        else:
            first = section.identifiers[0]
            found.append(DayLine(section.day, len(members), titles.get(first, first), first))
    return found


def day_runs(articles) -> list[tuple[date | None, list]]:
    """Consecutive articles of one `reported_day`, in their order: a page
    of the list of articles alone in their story, under its days."""
    return [(day, list(run)) for day, run in itertools.groupby(articles, lambda a: a.reported_day)]


# ---- the stories' timeline ------------------------------------------------------------

#: Rows of the stories' timeline: the front page's first stories; the rest
#: are summarised in one line under it.
TIMELINE_ROWS = 12
#: The axis covers the run of busy days around the busiest one: a day is
#: busy with at least this share of the busiest day's articles (and at
#: least two), and the run goes on over gaps of up to TIMELINE_GAP_DAYS.
#: Stray dates (a background date read as the article's, an archive
#: piece) are counted at the edge instead of stretching the axis.
TIMELINE_BUSY_SHARE = 0.05
TIMELINE_GAP_DAYS = 3
#: Where the day columns start (after the story names) and end.
TIMELINE_GRID_LEFT = 200
TIMELINE_GRID_RIGHT = TIMELINE_WIDTH - 12
TIMELINE_ROW_HEIGHT = 22
#: A story's name in its row, shortened to fit before the day columns.
TIMELINE_LABEL_CHARACTERS = 30
TIMELINE_TOP = 34
#: More days than this and only every week's first day is labelled.
TIMELINE_DAILY_LABELS = 10


def core_span(days: Sequence[date]) -> tuple[date, date] | None:
    """The days the folder covers: the run of busy days (TIMELINE_BUSY_SHARE)
    around the busiest day, ties to the earlier, going on over gaps of at
    most TIMELINE_GAP_DAYS."""
    counts = Counter(days)
    if not counts:
        return None
    busiest = min(counts, key=lambda day: (-counts[day], day))
    floor = max(2, TIMELINE_BUSY_SHARE * counts[busiest])
    busy = sorted(day for day, n in counts.items() if n >= floor) or [busiest]
    at = busy.index(busiest)
    first = last = at
    while first > 0 and (busy[first] - busy[first - 1]).days <= TIMELINE_GAP_DAYS:
        first -= 1
    while last < len(busy) - 1 and (busy[last + 1] - busy[last]).days <= TIMELINE_GAP_DAYS:
        last += 1
    return busy[first], busy[last]


def axis_span(days: Sequence[date], rows) -> tuple[date, date] | None:
    """The stories' timeline's axis: the days the folder covers
    (core_span), widened to a row's day at most TIMELINE_GAP_DAYS before
    or after them (a top story reported the day before the busy days is
    no stray date, and keeps its mark); a day further out does not
    stretch it, and a story reported only then gets no row."""
    span = core_span(days)
    if span is None:
        return None
    first, last = span
    near = [
        day
        for _, _, by_day in rows
        for day in by_day
        if (first - day).days <= TIMELINE_GAP_DAYS and (day - last).days <= TIMELINE_GAP_DAYS
    ]
    return min([first, *near]), max([last, *near])


def stories_timeline_svg(words: dict, rows, days: Sequence[date], more: int = 0) -> str:
    """An inline SVG timeline of stories: a row per story (`rows`: the
    story, its address and its article count per day, in the front page's
    order) with a day on the axis, the first TIMELINE_ROWS of them, a mark
    for each day it was reported, sized by its articles, on an axis over
    the days the folder covers (axis_span; `days`: every dated article's
    day); articles dated outside them are counted under the axis, and the
    stories without a row (`more` beyond `rows`) summarised. Built at build
    time: no JavaScript."""
    span = axis_span(days, rows)
    if span is None:
        return ""
    first, last = span
    dated = [row for row in rows if any(first <= day <= last for day in row[2])]
    shown = dated[:TIMELINE_ROWS]
    if not shown:
        return ""
    more += len(rows) - len(shown)
    count = (last - first).days + 1
    outside = sum(1 for day in days if not first <= day <= last)
    column = (TIMELINE_GRID_RIGHT - TIMELINE_GRID_LEFT) / count

    def x(day: date) -> float:
        return round(TIMELINE_GRID_LEFT + ((day - first).days + 0.5) * column, 1)

    axis_y = TIMELINE_TOP + TIMELINE_ROW_HEIGHT * len(shown)
    height = axis_y + 24 + 18 * bool(outside or more)
    summary = words["timeline_summary"].format(
        events=ui.counted(words, len(shown) + more, "event"), dates=format_range(words, first, last)
    )
    parts = [
        f'<svg class="timeline stories-timeline" viewBox="0 0 {TIMELINE_WIDTH} {height}" '
        f'aria-labelledby="timeline-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="timeline-title">{html.escape(summary)}</title>',
    ]
    step = 1 if count <= TIMELINE_DAILY_LABELS else 7
    short_months = words["months_short"]
    for i in range(0, count, step):
        day = first + timedelta(days=i)
        parts.append(
            f'<line class="tick" x1="{x(day)}" y1="{TIMELINE_TOP - 6}" x2="{x(day)}" '
            f'y2="{axis_y}"/>'
        )
        parts.append(
            f'<text class="day-label" x="{x(day)}" y="{axis_y + 18}" text-anchor="middle">'
            f"{day.day} {short_months[day.month - 1]}</text>"
        )
    for row, (event, url, by_day) in enumerate(shown):
        y = TIMELINE_TOP + TIMELINE_ROW_HEIGHT * row + TIMELINE_ROW_HEIGHT / 2
        total = sum(by_day.values())
        description = (
            f"{event.name}, {format_range(words, event.start, event.end or event.start)}, "
            f"{ui.counted(words, total, 'article')}"
            if event.start
            else f"{event.name}, {ui.counted(words, total, 'article')}"
        )
        label = _shorten(event.name, TIMELINE_LABEL_CHARACTERS)
        name = html.escape(f"{label}: {description}")
        parts.append(f'<a href="{html.escape(url)}" aria-label="{name}">')
        parts.append(f"<title>{html.escape(description)}</title>")
        parts.append(f'<text class="row-label" x="4" y="{y + 4}">{html.escape(label)}</text>')
        for day, n in sorted(by_day.items()):
            if first <= day <= last:
                radius = round(
                    max(min(3.0 + 1.5 * n, column / 2, TIMELINE_ROW_HEIGHT / 2 - 1), 2.5), 1
                )
                parts.append(f'<circle class="mark" cx="{x(day)}" cy="{y}" r="{radius}"/>')
        parts.append("</a>")
    notes = []
    if more:
        notes.append(words["timeline_more"].format(n=more))
    if outside:
        notes.append(words["timeline_outside"].format(n=outside))
    if notes:
        parts.append(
            f'<text class="month" x="4" y="{axis_y + 38}">{html.escape(" · ".join(notes))}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


# ---- sitemap ----------------------------------------------------------------------


def sitemap_xml(entries) -> str:
    """A sitemaps.org urlset of (absolute URL, last-modified date or None),
    sorted by URL so that builds are byte-identical."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for url, modified in sorted(entries, key=lambda entry: entry[0]):
        lastmod = f"<lastmod>{modified.isoformat()}</lastmod>" if modified else ""
        lines.append(f"<url><loc>{html.escape(url)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
