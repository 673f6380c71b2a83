"""Infer stage: what an article says about itself.

Title, publisher, author, place, language and date are read from the
cleaned text and from what the clean stage split off (dateline, credits).
Each value is a `Fact` carrying its evidence; what the text does not say
stays unknown. An editor's sidecar override wins over everything; the
fields of the export an article came from (exports.ExportFacts) come next,
above what its text suggests.
"""

from __future__ import annotations

import os
import re
from functools import cache
from typing import TYPE_CHECKING

from . import background, dates, glued, names, tables, terms
from .model import (
    UNKNOWN_DATE,
    ArticleMetadata,
    CleanArticle,
    DateFinding,
    Evidence,
    Fact,
    Override,
)
from .text import sentences

if TYPE_CHECKING:  # (exports reads outlet names through filenames, which imports this)
    from .exports import ExportFacts

#: A headline derived from a lead is at most this long (characters): what
#: the outlets' own headlines run to (their longest in the shared corpora
#: are about 110).
TITLE_MAX = 110
#: ... and a cut leaves at least this many characters when a boundary allows.
TITLE_MIN_CUT = 40
HEADLINE_MAX = 140

#: langdetect is slow on long texts (~200 whole articles/s) and gains
#: nothing past a few sentences: on the bench corpus, the test fixtures
#: and the seeds (1,689 texts) 250 characters already give the answer
#: 700 do, at 60 % of the cost. It reads this many characters (~60 words).
LANG_SAMPLE_CHARS = 400

UNKNOWN = Fact(None, Evidence.of("not_in_text"))


_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def outlet_key(name: str | None) -> str:
    """An outlet's name compared: as the pipeline names it (its table's
    spelling: a call sign is its station, `KTRK` is ABC13), letters and
    digits, without a leading "The" ("The Washington Times" is the
    Washington Times); "" for none."""
    name = publisher_name(name) if name else ""
    return _NOT_ALNUM.sub("", re.sub(r"(?i)^the\s+", "", name.strip()).casefold())


def publisher_name(outlet: str) -> str:
    """`TRIBUNNEWS.COM` → `Tribunnews`, `Gatra.com` → `Gatra`, by the table
    in data/publishers.toml, else from the domain as written."""
    alias = tables.publisher_aliases().get(outlet.strip())
    if alias:
        return alias
    stem = outlet.split(".")[0].strip()
    known = tables.publisher_names().get(stem.lower().replace(" ", ""))
    if known:
        return known
    if stem.isupper() and len(stem) > 4:
        return stem.capitalize()
    return stem[:1].upper() + stem[1:]


@cache
def _outlet_credits() -> tuple[re.Pattern, ...]:
    patterns = tables.load("publishers").get("credits", {}).get("patterns", [])
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


#: Removal kinds whose lines may name the article's own outlet (a copyright
#: line, a republication note, a columnist's bio, a credit).
OUTLET_CREDIT_KINDS = frozenset({"boilerplate", "credit"})


def _outlet_in_removed(clean: CleanArticle) -> tuple[str, str] | None:
    """The outlet a removed line names as the article's own
    (data/publishers.toml [credits]), and that line; the first such line."""
    for removal in clean.removed:
        if removal.kind not in OUTLET_CREDIT_KINDS:
            continue
        for pattern in _outlet_credits():
            match = pattern.match(removal.text.strip())
            if match:
                return match.group("outlet").strip(" .,"), removal.text.strip()
    return None


def place_name(place: str) -> str:
    """A dateline's place in the one spelling the alias table gives it
    ("Cairo" and "KAIRO" → "Kairo"), so one place is never two."""
    canonical = names.gazetteer().canonical
    return canonical.get(place) or canonical.get(place.title()) or place


# ---- title ---------------------------------------------------------------


@cache
def _connectives() -> frozenset[str]:
    return frozenset(tables.load("text")["titles"]["connectives"])


@cache
def _title_words() -> dict[str, frozenset[str]]:
    table = tables.load("text")["titles"]
    keys = ("reporting_verbs", "dangling", "openers", "auxiliaries", "verb_prefixes")
    return {key: frozenset(table[key]) for key in keys}


@cache
def _asides() -> re.Pattern:
    """Asides a headline leaves out: a bracketed remark ("(AS)",
    "(30/11/2023)") and the weekday the lead gives ("pada hari Kamis",
    "Rabu (17/6/2025)", "on Thursday")."""
    weekday = tables.alternation(tables.weekday_numbers())
    time_of_day = r"(?:pagi|siang|sore|malam|dini hari|morning|afternoon|evening|night)"
    dated = r"\s{0,5}\([^()]{0,20}\)"
    # a weekday counts as an aside only with a word or a date that makes it
    # a day ("pada Kamis", "Rabu (17/6)", "Senin pagi"), never alone:
    # "Minggu ini" is "this week". Runs of spaces are bounded ({0,5}): an
    # unbounded \s* before a word backtracks on a line of blanks.
    return re.compile(
        rf",?\s{{0,5}}\b(?:(?:pada\s{{1,5}})?hari\s{{1,5}}|pada\s{{1,5}}|on\s{{1,5}})(?:{weekday})"
        rf"(?:\s{{1,5}}{time_of_day})?(?:{dated})?(?=[\s,.]|$),?"
        rf"|,?\s{{0,5}}\b(?:{weekday})(?:\s{{1,5}}{time_of_day}(?:{dated})?|{dated})(?=[\s,.]|$),?"
        r"|\s{0,5}\([^()]{1,40}\)" + _places_aside(),
        re.IGNORECASE,
    )


def _places_aside() -> str:
    """A chain of administrative units after a place (", Kelurahan
    Argasunya, Kecamatan Harjamukti, Kota Cirebon,") and neighbourhood
    numbers ("RT 02 RW 10"): an address, not the news. Its closing comma
    goes with it when the clause it interrupted reads on in lower case
    ("…, Kota Cirebon, tidak berizin"), not before another place."""
    units = tables.alternation(tables.load("text")["titles"]["administrative_units"])
    # (case matters here, though the asides are matched ignoring it)
    name = r"(?-i:[A-Z])[\w.'-]{0,30}(?:\s{1,5}(?-i:[A-Z])[\w.'-]{0,30}){0,3}"
    chain = rf"(?:,\s{{0,5}}(?-i:{units})\s{{1,5}}{name}){{1,6}}(?:,(?=\s{{0,5}}(?-i:[a-z])))?"
    return rf"|{chain}|\s{{1,5}}\bR[TW]\.?\s{{0,5}}\d{{1,3}}\b"


#: A lead's subject this long or shorter may stand before a colon ("Blinken:
#: …"); a longer one is a clause, not a speaker.
SPEAKER_MAX_WORDS = 10


def _reported_speech(text: str) -> str:
    """ "S mengatakan (bahwa) X" → "S: X", with S shortened to the one
    person the gazetteer finds in it ("Menteri Luar Negeri AS Antony
    Blinken" → "Antony Blinken")."""
    words = text.split(" ")
    verbs = _title_words()["reporting_verbs"]
    for i, word in enumerate(words[: SPEAKER_MAX_WORDS + 1]):
        then = words[i + 1].lower() if i + 1 < len(words) else ""
        if i and (word.lower() in verbs or (then in {"bahwa", "that"} and _verb_like(word))):
            rest = words[i + 1 :]
            if rest and rest[0].lower() in {"bahwa", "that"}:
                rest = rest[1:]
            if len(rest) < MIN_REPORTED_WORDS:
                return text
            subject = " ".join(words[:i]).rstrip(",")
            people = {m.name for m in names.gazetteer().find(subject) if m.kind == "person"}
            if len(people) == 1:
                speaker = people.pop()
            elif i <= SPEAKER_UNKNOWN_MAX_WORDS:
                speaker = subject
            else:
                return text  # no one person in a long subject: keep the sentence
            return f"{speaker}: {' '.join(rest)}"
    return text


#: A subject the gazetteer finds no one person in stands before the colon
#: only when it is this short ("Polisi: …", "Kemlu RI: …").
SPEAKER_UNKNOWN_MAX_WORDS = 4
#: What is reported must be a clause of its own to stand after a colon.
MIN_REPORTED_WORDS = 4


def shorten_title(sentence: str, limit: int = TITLE_MAX) -> str:
    """A headline from a lead sentence, for files that have none: its asides
    left out, reported speech as "Speaker: what was said", and when still
    longer than `limit` characters, its opening adverbial phrase left out
    ("Di tengah …, X menggelar …" → "X menggelar …") and the rest cut at
    the last clause boundary that fits (a comma, a dash, or before a
    connective word: "bahwa", "untuk", "di", …), preferring one that keeps
    the clause's predicate (up to TITLE_STRETCH characters for it); when
    no boundary fits, at the first one after the subject, verb and object
    (MIN_CLAUSE_WORDS), else after whole words, never inside a name. Never
    an ellipsis, never a cut inside quotation marks or brackets, and never
    ending on a word that leaves the phrase open ("akan", "menjadi", "the")."""
    text = _asides().sub("", " ".join(sentence.split())).strip(" ,")
    text = _reported_speech(text)
    stripped = text.rstrip(" .")
    if len(stripped) <= limit:
        return stripped
    words = _without_opener(text.split(" "))
    if _length(words) <= limit:
        return " ".join(words).rstrip(" .")
    boundaries = [*_clause_boundaries(words), len(words)]
    for room in (limit, TITLE_STRETCH):
        whole = [
            b
            for b in boundaries
            if TITLE_MIN_CUT <= _length(words[:b]) <= room and _has_predicate(words[:b])
        ]
        if whole:
            return _close(words[: whole[-1]])
    boundaries.pop()  # the whole lead, kept only with its predicate
    fitting = [b for b in boundaries if _length(words[:b]) <= limit]
    long_enough = [b for b in fitting if _length(words[:b]) >= TITLE_MIN_CUT]
    if long_enough:
        cut = long_enough[-1]
    elif fitting and fitting[-1] >= MIN_CLAUSE_WORDS:
        cut = fitting[-1]
    else:  # no boundary fits: as many whole words as do, a name kept whole
        cut = max(1, max(i for i in range(1, len(words) + 1) if _length(words[:i]) <= limit))
        while (
            cut > 1
            and cut < len(words)
            and words[cut - 1][:1].isupper()
            and words[cut][:1].isupper()
        ):
            cut -= 1
    return _close(words[:cut])


#: A cut may run this long (characters) to keep its clause's predicate
#: ("… akan menjadi "sebuah kesalahan"") rather than stop before it.
TITLE_STRETCH = 125

#: An opening adverbial phrase this many words long at most, closed by a
#: comma, is left out of a long lead's headline: the clause follows it.
OPENER_MAX_WORDS = 12


def _without_opener(words: list[str]) -> list[str]:
    """The lead without its opening adverbial phrase ("Di tengah …,",
    "Dalam pertemuannya dengan Netanyahu,"), when a clause of its own
    (MIN_CLAUSE_WORDS) follows the comma."""
    lowered = " ".join(words[:2]).lower()
    if not any(lowered == o or lowered.startswith(o + " ") for o in _title_words()["openers"]):
        return words
    for i, word in enumerate(words[:OPENER_MAX_WORDS], start=1):
        if word.endswith(","):
            rest = words[i:]
            if len(rest) >= MIN_CLAUSE_WORDS:
                return [rest[0][:1].upper() + rest[0][1:], *rest[1:]]
            break
    return words


def _verb_like(word: str) -> bool:
    """An Indonesian verb by its prefix ("menetapkan", "berharap"): a word
    of six letters or more starting with one of `verb_prefixes`."""
    bare = word.lower().strip(',;:"“”')
    return (
        len(bare) >= 6
        and bare.isalpha()
        and bare.startswith(tuple(_title_words()["verb_prefixes"]))
    )


def _has_predicate(words: list[str]) -> bool:
    """Whether a cut keeps a predicate: after the speaker's colon if there
    is one, a verb-like word (an Indonesian verb prefix, an auxiliary, an
    English finite verb); text with no such marker anywhere (a language
    the markers do not cover) passes."""
    clause = words
    for i, word in enumerate(words):
        if word.endswith(":"):
            clause = words[i + 1 :]
            break
    auxiliaries = _title_words()["auxiliaries"]
    relative = False  # a verb inside "yang …," describes the subject
    for word in clause:
        bare = word.lower().strip(',;:"“”')
        if bare in {"yang", "which", "who", "that"}:
            relative = True
        elif not relative and (bare in auxiliaries or _verb_like(word)):
            return True
        if word.endswith(","):
            relative = False
    return False


#: A clause (subject, verb, object) has at least this many words: a cut
#: shorter than TITLE_MIN_CUT characters is taken only after as many.
MIN_CLAUSE_WORDS = 4

#: Marks that open a quotation or an aside, and the ones that close it.
_OPENING, _CLOSING = "“‘(«[", "”’)»]"


def _length(words: list[str]) -> int:
    return len(" ".join(words).rstrip(",;:-–— "))


def _clause_boundaries(words: list[str]) -> list[int]:
    """Where a headline may end: after word i-1 (i words kept) when that
    word ends in a comma or semicolon, or the next word is a connective
    or a dash, and no quotation or bracket is left open."""
    found = []
    depth = straight = 0
    for i, word in enumerate(words, start=1):
        depth += sum(word.count(c) for c in _OPENING) - sum(word.count(c) for c in _CLOSING)
        straight += word.count('"')
        if depth > 0 or straight % 2:
            continue
        after = words[i].lower() if i < len(words) else ""
        if word.endswith((",", ";")) or after in _connectives() or after in ("-", "–", "—"):
            found.append(i)
    return found


def _close(words: list[str]) -> str:
    """The cut without the words that would leave it open, and without
    trailing punctuation."""
    open_ended = _connectives() | _title_words()["dangling"]
    while len(words) > 1 and words[-1].lower().strip(",;:") in open_ended:
        words = words[:-1]
    return " ".join(words).rstrip(",;:-–— .")


def derive_title(
    clean: CleanArticle, override: Override | None = None, fields: ExportFacts | None = None
) -> Fact:
    if override and override.title:
        return Fact(override.title, Evidence.of("set_in", file=_name(override.source_path)))
    if fields and fields.title:
        # the field is the headline line (exports.source_lines), mended as the text is
        text = clean.headline.text if clean.headline else fields.title.value
        return Fact(text, fields.title.evidence)
    if clean.headline:
        return Fact(clean.headline.text, Evidence.of("headline_line"))
    lines = clean.kept
    if not lines:
        return Fact(None, Evidence.of("no_text"))
    lead = sentences(lines[0].text)[0]
    return Fact(shorten_title(lead), Evidence.of("from_lead"))


def _name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


# ---- language --------------------------------------------------------------


@cache
def _detector_factory():
    """langdetect with the profiles of data/languages.toml, loaded once,
    and its random seed fixed so the same text always gets the same
    answer."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.set_seed(0)
    profiles = []
    for code in tables.load("languages")["detect"]:
        with open(os.path.join(PROFILES_DIRECTORY, code), encoding="utf-8") as handle:
            profiles.append(handle.read())
    factory.load_json_profile(profiles)
    return factory


def warm_up() -> None:
    """Load the language profiles and the word lists now (e.g. before
    forking workers)."""
    _detector_factory()
    glued.warm_up()
    background.warm_up()  # the per-file stages pack each article's views (stories.pack)


#: The stopword vote decides when the leading language has at least this
#: many of its stopwords in the sample and this many times the next one's.
#: On the 3,895 shared real scrapes it decides 3,831 and agrees with
#: langdetect on every one, at 2 % of its cost; langdetect takes the rest.
VOTE_MIN_WORDS = 5
VOTE_MARGIN = 3

_LETTERS = re.compile(r"[^\W\d_]+")


@cache
def _stopword_sets() -> dict[str, frozenset[str]]:
    return {lang: frozenset(words) for lang, words in tables.load("stopwords").items()}


def vote_language(sample: str) -> str | None:
    """The language whose stopwords the sample is full of, when one clearly
    leads (data/stopwords.toml); None when the vote is close."""
    words = _LETTERS.findall(sample.lower())
    counts = sorted(
        ((sum(w in stop for w in words), lang) for lang, stop in _stopword_sets().items()),
        reverse=True,
    )
    (first, lang), (second, _) = counts[0], (counts[1] if len(counts) > 1 else (0, None))
    return lang if first >= VOTE_MIN_WORDS and first >= VOTE_MARGIN * second else None


def detect_language(text: str) -> Fact:
    """ISO code of the article's language: by a stopword vote, or when the
    vote is close by langdetect (seeded), on a prefix."""
    from langdetect.lang_detect_exception import LangDetectException

    sample = text[:LANG_SAMPLE_CHARS]
    if len(sample.split()) < 3:
        return Fact(None, Evidence.of("too_short"))
    voted = vote_language(sample)
    if voted:
        return Fact(voted, Evidence.of("from_words"))
    detector = _detector_factory().create()
    detector.set_max_text_length(LANG_SAMPLE_CHARS)
    detector.append(sample)
    try:
        code = detector.detect()
    except LangDetectException:
        return Fact(None, Evidence.of("unrecognised"))
    return Fact(code, Evidence.of("from_words"))


# ---- the stage -----------------------------------------------------------


def _date(
    clean: CleanArticle, override: Override | None, fields: ExportFacts | None
) -> tuple[DateFinding, tuple[str, ...]]:
    """The article's date and its warnings: a sidecar's, else the export's
    field, else the text's date field, else the full date the text prints
    (the text is searched only when nothing above it gives one)."""
    if override and override.date:
        evidence = Evidence.of("set_in", file=_name(override.source_path))
        return DateFinding(level="explicit", date=override.date, evidence=evidence), ()
    if fields and fields.date:
        return fields.date, ()
    field = dates.read_date_field(clean.date_field.text) if clean.date_field else None
    explicit, warnings = field or dates.find_explicit_date(clean.kept)
    return explicit or UNKNOWN_DATE, warnings


def infer(
    clean: CleanArticle, override: Override | None = None, fields: ExportFacts | None = None
) -> ArticleMetadata:
    """Everything an article says about itself: an editor's sidecar first,
    then the fields of the export it came from, then its text."""
    dateline = clean.dateline
    credit = next((c for c in clean.credits if c.outlet), None)
    author_credit = next((c for c in clean.credits if c.author), None)

    if override and override.publisher:
        publisher = Fact(
            override.publisher, Evidence.of("set_in", file=_name(override.source_path))
        )
    elif fields and fields.publisher:
        publisher = fields.publisher
    elif dateline and dateline.outlet:
        publisher = Fact(
            publisher_name(dateline.outlet), Evidence.of("dateline", quote=dateline.text.strip())
        )
    elif credit:
        publisher = Fact(publisher_name(credit.outlet), Evidence.of("credit", quote=credit.text))
    elif named := _outlet_in_removed(clean):
        outlet, line = named
        publisher = Fact(publisher_name(outlet), Evidence.of("credit", quote=line))
    else:
        publisher = UNKNOWN

    if override and override.author:
        author = Fact(override.author, Evidence.of("set_in", file=_name(override.source_path)))
    elif fields and fields.author:
        author = fields.author
    elif author_credit:
        author = Fact(author_credit.author, Evidence.of("credit", quote=author_credit.text))
    else:
        author = UNKNOWN

    if dateline and dateline.place:
        place = Fact(
            place_name(dateline.place), Evidence.of("dateline", quote=dateline.text.strip())
        )
    else:
        place = UNKNOWN

    date, warnings = _date(clean, override, fields)

    title = derive_title(clean, override, fields)
    return ArticleMetadata(
        title=title,
        publisher=publisher,
        author=author,
        place=place,
        lang=fields.lang if fields and fields.lang else detect_language(clean.text),
        date=date,
        date_cues=dates.find_date_cues(clean.kept),
        trip_ordinal=dates.find_trip_ordinal(clean.text),
        trip_override=override.trip if override else None,
        warnings=warnings,
        happened=dates.find_happening_day(clean.kept, date.sort_key),
        story_terms=terms.story_terms(title.value or "", [line.text for line in clean.kept]),
    )
