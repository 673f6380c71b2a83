"""Plain data passed between the pipeline's stages.

Every stage (read → clean → infer → group → digest) is a module of pure
functions from one of these records to the next. They are frozen so that a
stage can never change what an earlier stage decided, and picklable so that
Pelican's content cache can keep the per-file results between builds.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import sys
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from datetime import date, datetime


@dataclass(frozen=True)
class RawArticle:
    """One input file decoded to text; `lines` keeps every physical line."""

    identifier: str
    source_path: str
    lines: tuple[str, ...]
    encoding: str
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Line:
    """A line of article text and its 1-based line number in the raw file.

    `caption` marks a photo caption: kept, but shown as a caption, not as
    body text.
    """

    number: int
    text: str
    caption: bool = False


#: The kinds of removal, in the order the removal record explains them.
REMOVAL_KINDS = (
    "headline", "date-field", "dateline", "credit", "repeat", "boilerplate", "other-record",
)  # fmt: skip


@dataclass(frozen=True)
class Removal:
    """A line (or the leading part of one) taken out of the text, and why.

    `kind` is one of REMOVAL_KINDS; `rule` names the boilerplate rule (for
    `other-record`, a line only another record of the article's address
    held, the record: `day.csv, row 17`) and `of_line` the kept line a
    repeat repeats; `seen_in` is the number of the
    folder's articles a learned (recurring) line was found in.
    """

    number: int
    text: str
    kind: str
    rule: str | None = None
    of_line: int | None = None
    seen_in: int | None = None

    @property
    def reason(self) -> str:
        """The display form: `headline`, `repeat-of:15`, `boilerplate:related-link`."""
        if self.kind == "repeat":
            return f"repeat-of:{self.of_line}"
        if self.kind == "boilerplate":
            return f"boilerplate:{self.rule}"
        return self.kind


@dataclass(frozen=True)
class Mend:
    """A glued token split into words (glued.py): the token as the file
    wrote it, as the page shows it, and the rules that split it."""

    number: int
    token: str
    mended: str
    rules: tuple[str, ...]

    @property
    def words(self) -> int:
        """How many words the token became."""
        return len(self.mended.split())


@dataclass(frozen=True)
class Dateline:
    """The `PLACE, Outlet.com - ` prefix of a lead paragraph."""

    text: str
    place: str | None
    outlet: str | None


@dataclass(frozen=True)
class Credit:
    """A credit such as `(Tribunnews.com/Whiesa)` or `Penulis: Ani`."""

    text: str
    outlet: str | None
    author: str | None


@dataclass(frozen=True)
class CleanArticle:
    """The reading text of an article plus the record of what was removed."""

    kept: tuple[Line, ...]
    removed: tuple[Removal, ...]
    dateline: Dateline | None = None
    credits: tuple[Credit, ...] = ()
    #: the headline line at the top of the file, when it has one
    headline: Line | None = None
    #: the site's date-field line at the top (`Diperbarui 18 Jun 2025, 14:05 WIB`)
    date_field: Line | None = None
    #: glued words split in the kept lines and the headline, each with the
    #: token as written (glued.py)
    mends: tuple[Mend, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.kept)


@dataclass(frozen=True)
class Evidence:
    """Why a value was inferred, as data: a key of the `evidence` table in
    data/ui.toml and the values it quotes (the article's own words, dates,
    places, a trip's number or name), so the site shows it in its own
    language (render.evidence_text). `Evidence.of("dateline", quote=…)`."""

    key: str
    #: (name, value) pairs, sorted by name: hashable, and one order
    values: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, key: str, **values: object) -> Evidence:
        return cls(key, tuple(sorted(values.items())))

    @property
    def params(self) -> dict[str, object]:
        return dict(self.values)


@dataclass(frozen=True)
class StoryTerms:
    """An article's story terms and their weights, kept compact. As a
    tuple of (term, weight) pairs, the 340 or so terms of an article took
    49 KB of memory (half a gigabyte at 10,000 articles, and as much again
    in the cache); as one string and an array of doubles they take about
    6 KB, and give back the same pairs, float for float."""

    #: the terms, in order, each ended by TERM_END (no term holds one)
    words: str = ""
    #: their weights, in the same order, as array("d") bytes
    weights: bytes = b""

    #: ends each term in `words`: terms are words and phrases of words
    TERM_END = "\n"

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, float]]) -> StoryTerms:
        pairs = list(pairs)
        if any(cls.TERM_END in term for term, _ in pairs):
            raise ValueError("a story term holds a line break")
        words = "".join(term + cls.TERM_END for term, _ in pairs)
        return cls(words, array("d", (weight for _, weight in pairs)).tobytes())

    def terms(self) -> list[str]:
        """The terms, each string shared with every other article's same
        term (interned), so a folder's vectors hold each term once."""
        return list(map(sys.intern, self.words.split(self.TERM_END)[:-1]))

    def __iter__(self) -> Iterator[tuple[str, float]]:
        weights = array("d")
        weights.frombytes(self.weights)
        return zip(self.terms(), weights, strict=True)

    def __len__(self) -> int:
        return len(self.weights) // array("d").itemsize


@dataclass(frozen=True)
class Fact:
    """An inferred value with the evidence for it; `value` None = unknown."""

    value: str | None
    evidence: Evidence


@dataclass(frozen=True)
class DateFinding:
    """When an article was published, and how sure we are.

    `level` is explicit, resolved, estimated or unknown. `date` is set for explicit and resolved
    dates, `start`/`end` for estimated ones (the range the date lies in).
    """

    level: str
    evidence: Evidence
    date: date | None = None
    start: date | None = None
    end: date | None = None
    #: the publication time with its UTC offset, when the text prints one
    moment: datetime | None = None

    @property
    def sort_key(self) -> date | None:
        return self.date or self.start


UNKNOWN_DATE = DateFinding(level="unknown", evidence=Evidence.of("no_date"))


@dataclass(frozen=True)
class DateCue:
    """A partial date in the text ("pada hari Kamis", "10 Januari").

    It says nothing on its own; the group stage makes it exact when the
    article's trip leaves only one day that fits.
    """

    text: str
    line: int
    sentence: str
    weekday: int | None = None
    day: int | None = None
    month: int | None = None


@dataclass(frozen=True)
class Override:
    """Values an editor set by hand in a sidecar file next to the article."""

    source_path: str
    title: str | None = None
    date: date | None = None
    publisher: str | None = None
    author: str | None = None
    trip: str | None = None


@dataclass(frozen=True)
class ArticleMetadata:
    """What the infer stage learned about one article from its own text."""

    title: Fact
    publisher: Fact
    author: Fact
    place: Fact
    lang: Fact
    date: DateFinding
    date_cues: tuple[DateCue, ...] = ()
    trip_ordinal: int | None = None
    trip_override: str | None = None
    warnings: tuple[str, ...] = ()
    #: the day the lead says the story happened (the publication day when
    #: it does not say); automatic events are formed within one such day
    happened: date | None = None
    #: the terms that tell its story apart, with their term frequencies
    #: (terms.story_terms), for grouping: worked out once, in the cache
    story_terms: StoryTerms = StoryTerms()


@dataclass(frozen=True)
class Article:
    """Everything the per-file stages know about one input file."""

    identifier: str
    source_path: str
    encoding: str
    clean: CleanArticle
    meta: ArticleMetadata
    problems: tuple[str, ...] = ()
    #: the article's own address (an http(s) URL from its export), linked
    #: from its page; None when unknown
    original: str | None = None
    #: the export record it was read from (`day.csv, row 17`); None for a
    #: text file
    record: str | None = None
    #: its views for grouping, worked out with the per-file stages (and
    #: cached with them); None when not (stories.views_of)
    views: PackedViews | None = None
    #: the other spellings of the names it mentions, worked out likewise
    #: (names.search_spellings)
    spellings: Spellings | None = None
    #: its kept lines' keys for the folder's furniture, likewise
    #: (recurring.line_keys)
    line_keys: LineKeys | None = None


@dataclass(frozen=True)
class LineKeys:
    """An article's kept lines' keys (recurring.line_keys), each of
    recurring.KEY_BYTES, one after another, and a digest of the lines they
    were made from (text.fingerprint)."""

    made_from: bytes
    keys: bytes


@dataclass(frozen=True)
class Spellings:
    """The other ways to write the names an article mentions, for its
    search entry (names.other_spellings), and a digest of the text and
    place they were found in (text.fingerprint): the folder's passes change
    a few articles' texts, whose spellings are then found again."""

    made_from: bytes
    spellings: tuple[str, ...]


@dataclass(frozen=True)
class PackedViews:
    """An article's views for grouping (stories.Views) packed as compactly
    as its StoryTerms: the terms of its words, names, headline and index
    in one string, the integer weights of the first three as array("q")
    bytes. `made_from` is a digest of the terms and headline they were
    worked out from: the folder's passes change a few articles' terms,
    whose views are then worked out again."""

    made_from: bytes
    #: the terms, in order, each ended by StoryTerms.TERM_END
    terms: str
    weights: bytes
    #: how many terms the words, the names and the headline have (the
    #: index terms are the rest)
    sizes: tuple[int, int, int]


@dataclass(frozen=True)
class Leg:
    """One stop of a trip: where, and on which days."""

    place: str
    start: date
    end: date
    country: str | None = None

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Event:
    """A trip from the catalog, or a story found by automatic grouping."""

    id: str
    name: str
    start: date | None
    end: date | None
    legs: tuple[Leg, ...] = ()
    number: int | None = None
    note_html: str = ""
    from_catalog: bool = False
    terms: tuple[str, ...] = ()
    #: the thread (Thread.id) an automatic story belongs to, when the
    #: thread holds other stories too
    thread: str | None = None

    @property
    def label(self) -> int | str:
        """How evidence names the trip: its number (shown as "trip no. 4",
        in the site's language) or, without one, its name."""
        return self.number or self.name


@dataclass(frozen=True)
class Placement:
    """Where the group stage put one article: its event and its final date."""

    identifier: str
    event_id: str | None
    date: DateFinding
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Thread:
    """Stories of one larger, ongoing situation (a war: its strikes,
    statements, evacuations), named after its largest story."""

    id: str
    name: str
    #: its stories (Event.id), largest first
    stories: tuple[str, ...]
    #: its articles alone in their story (identifiers): no page of their
    #: own, but they count for the thread's weight on the front page
    alone: tuple[str, ...] = ()


@dataclass(frozen=True)
class Grouping:
    """The group stage's result: events (trips or stories) in date order,
    placements by article, and the threads over automatic stories. An
    article alone in its story is placed in none (event_id None)."""

    events: tuple[Event, ...]
    placements: dict[str, Placement] = field(default_factory=dict)
    articles_by_event: dict[str, tuple[str, ...]] = field(default_factory=dict)
    threads: tuple[Thread, ...] = ()


@dataclass(frozen=True)
class Section:
    """Part of an event page: the articles reporting one leg of a trip, or
    one day of a story. A section with no leg and no day holds the
    articles whose date fits none (shown last, as such)."""

    identifiers: tuple[str, ...]
    leg: Leg | None = None
    day: date | None = None


# ---- records by value -------------------------------------------------------------------

#: The fields of an Article the per-file stages work out from its others
#: (for grouping, search and the folder's furniture): what a record says
#: is said without them.
DERIVED_FIELDS = frozenset({"views", "spellings", "line_keys"})


def by_value(value) -> bytes:
    """`value` pickled by value alone: Pickler's fast mode keeps no memo, so
    two equal strings give the same bytes whether they are one object or
    two (a fresh record and one from the cache share differently); about
    twice as fast as a record's repr. The records hold no set, whose order
    would change with the hash seed. An error of pickle's (TypeError,
    PicklingError…) for a value that cannot be pickled."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dump(value)
    return buffer.getvalue()


def record_digest(article: Article, leaving_out: frozenset[str] = DERIVED_FIELDS) -> bytes:
    """A digest of what `article` says, by value, but the fields named in
    `leaving_out`."""
    said = [getattr(article, f.name) for f in fields(article) if f.name not in leaving_out]
    return hashlib.blake2b(by_value(said), digest_size=16).digest()
