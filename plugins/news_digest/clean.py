"""Clean stage: `RawArticle` → `CleanArticle`, with every removal recorded.

A scraped file is read in phases:

1. the top of the file: a headline line and the site's date-field line
   (`Diperbarui 18 Jun 2025, 14:05 WIB`) are taken into the record as
   `headline` and `date-field`, never shown as paragraphs;
2. each body line passes the ordered steps of `LINE_STEPS`: the lead's
   dateline prefix (`Liputan6.com, Jakarta -`, `JAKARTA, KOMPAS.com -`) is
   split off (`dateline`); credit lines (`(Tribunnews.com/Whiesa)`,
   `Penulis: Ani`) go as `credit`; boilerplate from `data/boilerplate.toml`
   as `boilerplate:<rule>`; a line that repeats an earlier one, exactly or
   nearly, as `repeat-of:<line>` (the earlier line stays, showing the
   best-written of the variants);
3. pieces: a paragraph scraped whole and again in pieces keeps the whole
   once; each piece goes as `repeat-of:<the whole's line>`;
4. a heading over a list of links ("Related Topics", "Baca Juga") takes
   the link-like lines after it when nothing but such lines follows;
5. stray labels at the very end (`Fuente`) go last;
6. captions: the kept copy of a caption scraped twice, or a line standing
   over a photo credit, is marked as a caption.

Precision beats recall: a rule removes a line only when it is sure, and a
line that matches nothing is always kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise

from rapidfuzz import fuzz

from . import dates, glued, tables
from .model import CleanArticle, Credit, Dateline, Line, RawArticle, Removal
from .text import ends_clause, ends_sentence, normalize

#: Two lines at least this similar (RapidFuzz ratio on their normalised
#: forms, 0–100) are the same line written twice. The seeds' caption pairs
#: normalise to identical strings; 95 also catches a changed word or two in
#: a long caption, while distinct sentences that share a phrase score far
#: lower (see tests/test_clean.py).
REPEAT_SIMILARITY = 95.0

#: Lines shorter than this (normalised) are compared exactly only: short
#: lines differ by too few characters for a ratio to mean anything.
MIN_FUZZY_LENGTH = 30

#: A piece of a paragraph is removed only when it is at least this long
#: (normalised characters) and this many words: a short phrase found inside
#: a paragraph ("kata dia", a name) is a coincidence, not a piece.
MIN_PIECE_LENGTH = 40
MIN_PIECE_WORDS = 6

#: The fuzzy repeat test compares a line with at most this many earlier
#: distinct lines (the nearest in length), and a piece is looked for in at
#: most this many of the longest lines. A news article has far fewer (the
#: 3,895 shared real scrapes: at most 82 non-blank lines), so nothing
#: changes for one; a 40,000-line file stays linear, and what is not
#: compared is kept, never lost.
MAX_COMPARED_LINES = 200

#: Lines under a related-links heading are links only if this short.
MAX_LINK_LENGTH = 120

#: How far down the file the headline and date field may stand (non-blank
#: lines): scrapers put them first; anything lower is article text.
HEAD_LINES = 3

#: A headline line that is not marked by a date field below it must look
#: like one: at least this many words, at most this many characters.
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_CHARS = 200

#: A line over a blank line may end with a full stop and still be a
#: headline ("Crypto founder charged with fraud in U.S.") when it is this
#: short; a longer one is a lead paragraph set apart (the seeds' standfirst).
SHORT_HEADLINE_CHARS = 100

#: An exact repeat of a short lead-in line ("Berikut persyaratannya:") that
#: introduces different text each time is two lines, not one scraped twice.
LEAD_IN_MAX_CHARS = 80

_DIGITS = re.compile(r"\d+")
_WORDS = re.compile(r"[\w']+")

# ---- dateline and credit grammar -----------------------------------------
#
# A dateline is a small grammar over three parts: an OUTLET (a domain such
# as `KOMPAS.com`, `TEMPO.CO`, `REPUBLIKA.CO.ID`, or a name from
# data/publishers.toml), a PLACE (`Jakarta`, `JAKARTA`, `Kota Malang`) and a
# DASH (`-`, `--`, `–`, `—`, with or without spaces). The forms below are
# tried in order; the first that matches the start of the lead wins.

_DOMAIN = r"[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z]{2,6}){1,2}"
_PLACE = r"[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){0,3}"
_CAPS_PLACE = r"[A-Z][A-Z'’.-]{2,}(?:\s+[A-Z][A-Z'’.-]+){0,2}"
#: a place glued to the first word of the text: `JakartaReal Madrid…`
_GLUED_PLACE = r"[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}?"
_DASH = r"\s*(?:-{1,2}|–|—)\s*"
#: a dash with a space on at least one side: `MALANG- Wanita`, `JAKARTA -Aksi`,
#: but never the hyphen of `PDIP-Gerindra`
_SPACED_DASH = r"(?:\s+(?:-{1,2}|–|—)\s*|(?:-{1,2}|–|—)\s+)"
#: an English wire dateline's date: `LONDON, March 22 (Reuters) -`
_WIRE_DATE = r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
_NAME = r"[A-Z][\w'’.-]*(?:[ ,]+(?:[A-Z][\w'’.-]*|dan|and|&))*"
#: a US state after a wire dateline's city: `HOUSTON, Texas (KTRK) --`, `EUGENE, Ore. --`
_STATE = r"(?:,\s+[A-Z][A-Za-z]{1,12}\.?(?:\s[A-Z][a-z]{2,12})?)?"
#: a US broadcaster's call sign in a dateline's brackets (`KTRK`, `WABC`)
_CALL_SIGN = r"[KW][A-Z]{2,3}"


def _outlet_names() -> str:
    names = set(tables.news_agencies()) | set(tables.publisher_names().values())
    names |= set(tables.publisher_aliases())
    return tables.alternation(names)


@dataclass(frozen=True)
class _Grammar:
    """Compiled dateline and credit patterns (built once, from the tables)."""

    datelines: tuple[re.Pattern, ...]
    credit_lines: tuple[re.Pattern, ...]
    inline_credit: re.Pattern


def _compile() -> _Grammar:
    outlet = rf"(?:{_DOMAIN}|{_outlet_names()})"
    labels = tables.alternation(tables.load("publishers")["bylines"]["author_labels"])
    datelines = (
        # JAKARTA, KOMPAS.com -   Cairo, Gatra.com -
        rf"^(?P<place>{_PLACE}),\s*(?P<outlet>{outlet}){_DASH}",
        # TEMPO.CO, Jakarta -   REPUBLIKA.CO.ID, JAKARTA --   Liputan6.com, Jakarta -
        rf"^(?P<outlet>{outlet}),\s*(?P<place>{_PLACE}){_DASH}",
        # Liputan6.com, JakartaReal Madrid…  (split where the case changes)
        rf"^(?P<outlet>{outlet}),\s*(?P<place>{_GLUED_PLACE})(?=[A-Z\"“‘'])",
        # WASHINGTON (AP) —   LONDON, March 22 (Reuters) -   HOUSTON, Texas (KTRK) --
        # (a US station's call sign: K or W and two or three capitals)
        rf"^(?P<place>{_PLACE}){_STATE}{_WIRE_DATE}\s*\((?P<outlet>{outlet}|{_CALL_SIGN})\){_DASH}",
        # (CNN) —
        rf"^\((?P<outlet>{outlet})\){_DASH}",
        # KOMPAS.com -   TRIBUNNEWS.COM -
        rf"^(?P<outlet>{_DOMAIN}){_DASH}",
        # CNN —   (an outlet's name before a long dash)
        rf"^(?P<outlet>{_outlet_names()})\s+(?:—|–|--)\s*",
        # JAKARTA -   MALANG- Wanita…
        rf"^(?P<place>{_CAPS_PLACE}){_SPACED_DASH}(?=[A-Z\"“'‘]|$)",
    )
    credit_lines = (
        rf"^\(\s*(?P<outlet>{_DOMAIN})\s*/\s*(?P<author>[^()/]{{2,60}}?)\s*\)$",
        r"^\(\s*[a-zA-Z]{2,6}(?:\s*/\s*[a-zA-Z]{2,6}){1,2}\s*\)$",
        rf"^(?i:{labels})\s*:?\s+(?P<author>{_NAME})$",
    )
    return _Grammar(
        datelines=tuple(re.compile(p) for p in datelines),
        credit_lines=tuple(re.compile(p) for p in credit_lines),
        inline_credit=re.compile(
            rf"\s+\(\s*(?P<outlet>{_DOMAIN})\s*/\s*(?P<author>[^()/]{{2,60}}?)\s*\)$"
        ),
    )


_grammar: _Grammar | None = None


def _patterns() -> _Grammar:
    global _grammar
    if _grammar is None:
        _grammar = _compile()
    return _grammar


def split_dateline(text: str) -> tuple[Dateline, str] | None:
    """Split `Cairo, Gatra.com - Body…` into its dateline and the body."""
    for pattern in _patterns().datelines:
        match = pattern.match(text)
        if match:
            groups = match.groupdict()
            return (
                Dateline(
                    text=match.group(0),
                    place=_tidy_place(groups.get("place")),
                    outlet=groups.get("outlet"),
                ),
                text[match.end() :],
            )
    return None


def match_credit(text: str) -> Credit | None:
    """A credit line such as `(Tribunnews.com/Whiesa)`, or None."""
    for pattern in _patterns().credit_lines:
        match = pattern.match(text)
        if match:
            groups = match.groupdict()
            author = groups.get("author")
            return Credit(
                text=text,
                outlet=groups.get("outlet"),
                author=author.strip(" ,") if author else None,
            )
    return None


def split_inline_credit(text: str) -> tuple[str, Credit] | None:
    """Split a credit glued to the end of a paragraph off it."""
    match = _patterns().inline_credit.search(text)
    if not match or match.start() == 0:
        return None
    credit = Credit(
        text=match.group(0).strip(),
        outlet=match.group("outlet"),
        author=match.group("author").strip(),
    )
    return text[: match.start()], credit


def _tidy_place(place: str | None) -> str | None:
    if not place:
        return None
    place = place.strip(" .-")
    return place.title() if place.isupper() else place


# ---- the top of the file ---------------------------------------------------


@dataclass(frozen=True)
class Head:
    """The headline and date-field lines found at the top of a file."""

    headline: Line | None = None
    date_field: Line | None = None

    @property
    def numbers(self) -> frozenset[int]:
        return frozenset(line.number for line in (self.headline, self.date_field) if line)


def _looks_like_headline(text: str, followed_by_date: bool, blank_after: bool = False) -> bool:
    """A headline: a few words, not a paragraph. Above a date field any such
    line is one; otherwise it must not end like a sentence or clause (a
    question or exclamation may end a headline) and must not be a dateline
    or boilerplate."""
    words = text.split()
    fewest = 2 if followed_by_date else HEADLINE_MIN_WORDS
    if len(text) > HEADLINE_MAX_CHARS or len(words) < fewest:
        return False
    if followed_by_date:
        return True
    closing = text.rstrip("\"'”’)")
    short_statement = blank_after and closing.endswith(".") and len(text) <= SHORT_HEADLINE_CHARS
    if ends_clause(text) and not (closing.endswith(("?", "!")) or short_statement):
        return False
    if split_dateline(text) or match_credit(text):
        return False
    return not any(rule.matches(text) for rule in tables.boilerplate_rules())


def read_head(lines: Sequence[str]) -> Head:
    """Find the headline and date-field lines among the first non-blank lines.

    A date field is a short line that is only a timestamp with its labels.
    The line above it is the headline. Without a date field, the first line
    is the headline when a blank line follows it (the way scrapers save a
    title over the body) or when it is a short non-sentence over a longer
    paragraph.
    """
    top = [(n, t.strip()) for n, t in enumerate(lines, start=1) if t.strip()][: HEAD_LINES + 1]
    if len(top) < 2:
        return Head()
    fields = [(n, t) for n, t in top[:HEAD_LINES] if dates.read_date_field(t)]
    if fields:
        number, text = fields[0]
        date_field = Line(number, text)
        above = [(n, t) for n, t in top if n < number]
        if len(above) == 1 and _looks_like_headline(above[0][1], followed_by_date=True):
            return Head(headline=Line(*above[0]), date_field=date_field)
        return Head(date_field=date_field)
    (first_number, first), (_, second) = top[0], top[1]
    blank_after = first_number < len(lines) and not lines[first_number].strip()
    if _looks_like_headline(first, followed_by_date=False, blank_after=blank_after) and (
        blank_after or len(second) > len(first)
    ):
        return Head(headline=Line(first_number, first))
    return Head()


# ---- repeats -------------------------------------------------------------


def _variant_rank(text: str, number: int) -> tuple:
    """Higher is better: terminal punctuation, single spaces, typographic
    quotes; on a tie, the earlier line."""
    return (
        ends_sentence(text),
        "  " not in text,
        sum(text.count(q) for q in "‘’“”"),
        -number,
    )


def _negations() -> frozenset[str]:
    return frozenset(tables.load("negations")["words"])


def _same_facts(a: str, b: str) -> bool:
    """Near-identical lines are one line only if they state the same
    numbers and the same negations: "20 orang" is not "30 orang", and
    "tidak setuju" is not "setuju"."""
    if sorted(_DIGITS.findall(a)) != sorted(_DIGITS.findall(b)):
        return False
    negations = _negations()
    words_a = [w for w in _WORDS.findall(a) if w in negations]
    words_b = [w for w in _WORDS.findall(b) if w in negations]
    return sorted(words_a) == sorted(words_b)


@dataclass
class _Cluster:
    """One distinct line and every place it occurs."""

    key: str
    first: int
    first_text: str
    best_text: str
    best_rank: tuple
    repeats: list[int] = field(default_factory=list)
    credited: bool = False


@dataclass
class _RepeatIndex:
    """The distinct lines seen so far, by exact key and by length for the
    fuzzy pass (only lines of similar length can reach the threshold)."""

    by_key: dict[str, _Cluster] = field(default_factory=dict)
    by_length: dict[int, list[_Cluster]] = field(default_factory=dict)

    def find(self, key: str) -> _Cluster | None:
        exact = self.by_key.get(key)
        if exact or len(key) < MIN_FUZZY_LENGTH:
            return exact
        # ratio >= R needs lengths within (1 - R/100)/(R/100) of each other
        slack = int(len(key) * (100 - REPEAT_SIMILARITY) / REPEAT_SIMILARITY) + 1
        lengths = sorted(
            range(len(key) - slack, len(key) + slack + 1), key=lambda n: abs(n - len(key))
        )
        compared = 0
        for length in lengths:
            for cluster in self.by_length.get(length, ()):
                score = fuzz.ratio(key, cluster.key, score_cutoff=REPEAT_SIMILARITY)
                if score and _same_facts(key, cluster.key):
                    return cluster
                compared += 1
                if compared >= MAX_COMPARED_LINES:
                    return None
        return None

    def add(self, cluster: _Cluster) -> None:
        self.by_key[cluster.key] = cluster
        self.by_length.setdefault(len(cluster.key), []).append(cluster)


def _link_like(text: str) -> bool:
    """A headline in a link list: short, and not a sentence."""
    return len(text) <= MAX_LINK_LENGTH and not ends_sentence(text)


# ---- the per-line steps ----------------------------------------------------


@dataclass
class _State:
    """What the line steps have decided so far for one article."""

    clusters: list[_Cluster] = field(default_factory=list)  # the kept lines, in order
    removed: list[Removal] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    blocks: list[tuple[int, str]] = field(default_factory=list)  # (kept before a heading, rule)
    index: _RepeatIndex = field(default_factory=_RepeatIndex)
    dateline: Dateline | None = None
    credit_lines: set[int] = field(default_factory=set)  # photo-credit lines
    #: the headline line at the top, and its words compared as a repeat's are
    headline: Line | None = None
    headline_key: str = ""
    #: the number of the body's last line
    last_number: int = 0


def _step_headline_again(state: _State, number: int, text: str) -> str | None:
    """The headline printed again above the text (a page's summary slot)
    or as its last line: a repeat of the headline line. Inside the text it
    is a subhead the article chose ("How Did Beethoven Die?") and stays."""
    if not state.headline_key or normalize(text) != state.headline_key:
        return text
    if state.clusters and number != state.last_number:
        return text
    state.removed.append(Removal(number, text, "repeat", of_line=state.headline.number))
    return None


def _step_dateline(state: _State, number: int, text: str) -> str | None:
    """Only the lead can carry a dateline: the first body line kept (lines
    of furniture above it, an editor's note, do not count)."""
    if state.clusters or state.dateline:
        return text
    split = split_dateline(text)
    if not split:
        return text
    state.dateline, rest = split
    state.removed.append(Removal(number, state.dateline.text.strip(), "dateline"))
    return rest.strip() or None


def _step_credit(state: _State, number: int, text: str) -> str | None:
    credit = match_credit(text)
    if credit:
        state.credits.append(credit)
        state.removed.append(Removal(number, text, "credit"))
        return None
    inline = split_inline_credit(text)
    if inline:
        text, credit = inline
        state.credits.append(credit)
        state.removed.append(Removal(number, credit.text, "credit"))
    return text


def _step_boilerplate(state: _State, number: int, text: str) -> str | None:
    rules = tables.boilerplate_rules()
    rule = next((r for r in rules if r.where != "trailing" and r.matches(text)), None)
    if not rule:
        return text
    state.removed.append(Removal(number, text, "boilerplate", rule=rule.name))
    if rule.where == "block":
        state.blocks.append((len(state.clusters), rule.name))
    elif rule.name == "photo-credit":
        state.credit_lines.add(number)
    return None


#: A stage direction in a transcript, `(SOUNDBITE OF MUSIC)`, `(APPLAUSE)`:
#: a line wholly in brackets and capitals says its thing each time it
#: comes, so a second one is no repeat.
_STAGE_DIRECTION = re.compile(r"^\([A-Z][A-Z0-9 ,.'’:;-]{2,80}\)$")


def _step_repeat(state: _State, number: int, text: str) -> str | None:
    key = normalize(_without_dateline(state, text))
    rank = _variant_rank(text, number)
    cluster = state.index.find(key)
    if cluster and _STAGE_DIRECTION.match(text):
        cluster = None
    if cluster and not _lead_in_again(cluster, key):
        state.removed.append(Removal(number, text, "repeat", of_line=cluster.first))
        cluster.repeats.append(number)
        # a better-written copy of the same words is shown instead; a near
        # repeat (other words) never is: the first line's words stay
        if rank > cluster.best_rank and key == cluster.key:
            cluster.best_text, cluster.best_rank = text, rank
        return None
    cluster = _Cluster(key=key, first=number, first_text=text, best_text=text, best_rank=rank)
    state.index.add(cluster)
    state.clusters.append(cluster)
    return None


def _without_dateline(state: _State, text: str) -> str:
    """A copy of the lead scraped again with its dateline compares as the
    lead does: without it."""
    prefix = state.dateline.text.strip() if state.dateline else ""
    return text[len(prefix) :] if prefix and text.startswith(prefix) else text


def _lead_in_again(cluster: _Cluster, key: str) -> bool:
    """A short line ending with a colon ("Berikut syaratnya:") said again
    introduces something new: both copies stay."""
    return len(key) <= LEAD_IN_MAX_CHARS and cluster.first_text.rstrip().endswith(":")


#: The steps every body line goes through, in order: (name, step). A step
#: returns the text left for the next step, or None when it has dealt with
#: the line (removed it, or kept it: the repeat step keeps what is new).
LINE_STEPS: tuple[tuple[str, Callable[[_State, int, str], str | None]], ...] = (
    ("headline-again", _step_headline_again),
    ("dateline", _step_dateline),
    ("credit", _step_credit),
    ("boilerplate", _step_boilerplate),
    ("repeat", _step_repeat),
)


# ---- the whole-article phases ----------------------------------------------


def _remove_pieces(state: _State) -> None:
    """A paragraph scraped whole and again in pieces keeps the whole once:
    a kept line found inside a much longer kept line is a piece of it. When
    the longer line is the shorter one plus a few glued characters (a photo
    credit run into a copied lead: `Pexels/A. PiacquadioApakah…`), the
    longer one is the copy and the shorter one stays."""
    by_length = sorted(state.clusters, key=lambda c: -len(c.key))[:MAX_COMPARED_LINES]
    copy_of: dict[int, _Cluster] = {}  # removed cluster's line → the kept cluster
    for cluster in state.clusters:
        key = cluster.key
        if len(key) < MIN_PIECE_LENGTH or len(key.split()) < MIN_PIECE_WORDS:
            continue
        for other in by_length:
            if len(other.key) <= len(key) or other.first in copy_of or key not in other.key:
                continue
            if len(other.key) - len(key) >= MIN_PIECE_LENGTH:
                copy_of[cluster.first] = other
            else:
                copy_of[other.first] = cluster
            break
    if not copy_of:
        return
    for cluster in state.clusters:
        kept = copy_of.get(cluster.first)
        if kept is None:
            continue
        seen = {cluster.first}
        while kept.first in copy_of and kept.first not in seen:  # a piece of a piece
            seen.add(kept.first)
            kept = copy_of[kept.first]
        state.removed.append(
            Removal(cluster.first, cluster.best_text, "repeat", of_line=kept.first)
        )
        for i, removal in enumerate(state.removed):
            if removal.of_line == cluster.first:
                state.removed[i] = replace(removal, of_line=kept.first)
    state.clusters = [c for c in state.clusters if c.first not in copy_of]


def _remove_link_blocks(state: _State) -> None:
    for start, name in state.blocks:
        tail = state.clusters[start:]
        if tail and all(_link_like(cluster.best_text) for cluster in tail):
            state.removed.extend(
                Removal(c.first, c.best_text, "boilerplate", rule=name) for c in tail
            )
            del state.clusters[start:]
            break


def _remove_trailing_labels(state: _State) -> None:
    trailing = [rule for rule in tables.boilerplate_rules() if rule.where == "trailing"]
    while state.clusters:
        last = state.clusters[-1]
        rule = next((r for r in trailing if r.matches(last.first_text)), None)
        if not rule:
            break
        state.removed.append(Removal(last.first, last.first_text, "boilerplate", rule=rule.name))
        state.clusters.pop()


#: A photo credit closing a caption: `(AP Photo/Evan Vucci)`,
#: `(K.M. Cannon/Las Vegas Review-Journal) @KMCannonPhoto`. A domain before
#: the slash (`(Tribunnews.com/Whiesa)`) is a writer's credit instead.
_PHOTO_CREDIT_END = re.compile(
    r"\((?![^()/]*\.[a-z]{2,6}\s*/)[A-Z][^()/]{1,60}/[^()/]{2,60}\)\s*(?:@\w{1,30})?$"
)


@cache
def _caption_cues() -> tuple[re.Pattern, re.Pattern, int]:
    """data/boilerplate.toml's [captions]: a pattern of the credits that
    close a caption, one of those that open one, and the words a caption
    closed by a credit has at least."""
    table = tables.load("boilerplate")["captions"]
    ends = re.compile("|".join(f"(?:{p})" for p in table["ends"]))
    starts = re.compile("|".join(f"(?:{p})" for p in table["starts"]))
    return ends, starts, table["min_words"]


def _is_caption(cluster: _Cluster, next_line: int | None, credit_lines: set[int]) -> bool:
    """A caption: scraped twice in a row (the photo's alt text and its
    caption), standing right over a photo-credit line, or carrying a
    photo credit the way captions do (closed by one, or, as a gallery or
    Kompas writes them, opened by one)."""
    text = cluster.best_text
    quoted = text.lstrip()[:1] in "\"'“‘«"  # a quotation printed twice
    doubled = bool(cluster.repeats) and cluster.repeats[0] == next_line and not quoted
    over_credit = next_line in credit_lines
    ends, starts, min_words = _caption_cues()
    credited = (
        bool(_PHOTO_CREDIT_END.search(text))
        or (len(text.split()) >= min_words and bool(ends.search(text)))
        or bool(starts.match(text))
    )
    return doubled or over_credit or credited


# ---- the stage -----------------------------------------------------------


def clean(raw: RawArticle) -> CleanArticle:
    """Clean one raw article."""
    return clean_lines(raw.lines)


def clean_lines(lines: Sequence[str], head: Head | None = None) -> CleanArticle:
    """Clean the physical lines of an article (numbered from 1); `head`
    when its headline is known (an export's title field), else found."""
    head = read_head(lines) if head is None else head
    state = _State(headline=head.headline)
    removed_head = [
        Removal(line.number, line.text, kind)
        for line, kind in ((head.headline, "headline"), (head.date_field, "date-field"))
        if line
    ]
    body = [
        (number, raw_line.strip())
        for number, raw_line in enumerate(lines, start=1)
        if raw_line.strip() and number not in head.numbers
    ]
    following = {number: after for (number, _), (after, _) in pairwise(body)}
    # the headline said again counts as a repeat, unless it is all the body has
    if head.headline and any(normalize(t) != normalize(head.headline.text) for _, t in body):
        state.headline_key = normalize(head.headline.text)
        state.last_number = body[-1][0]
    for number, text in body:
        for _name, step in LINE_STEPS:
            text = step(state, number, text)
            if text is None:
                break

    _remove_pieces(state)
    _remove_link_blocks(state)
    _remove_trailing_labels(state)

    removed = removed_head + state.removed
    removed.sort(key=lambda r: (r.number, r.kind != "dateline"))
    kept = tuple(
        Line(c.first, c.best_text, _is_caption(c, following.get(c.first), state.credit_lines))
        for c in state.clusters
    )
    headline = (head.headline,) if head.headline else ()
    mended, mends = glued.mend_lines((*headline, *kept))
    return CleanArticle(
        kept=mended[len(headline) :],
        removed=tuple(removed),
        dateline=state.dateline,
        credits=tuple(state.credits),
        headline=mended[0] if headline else None,
        date_field=head.date_field,
        mends=mends,
    )
