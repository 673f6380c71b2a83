"""Infer stage: what an article says about itself.

Title, publisher, author, place, language and date are read from the
cleaned text and from what the clean stage split off (dateline, credits).
Each value is a `Fact` carrying its evidence; what the text does not say
stays unknown. An editor's sidecar override wins over everything.
"""

from __future__ import annotations

import os
import re
from functools import cache

from . import dates, names, tables, terms
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

TITLE_MAX = 90
TITLE_MIN_CUT = 40
HEADLINE_MAX = 140

#: langdetect is slow on long texts (~200 whole articles/s) and gains
#: nothing past a few sentences: on the bench corpus, the test fixtures
#: and the seeds (1,689 texts) 250 characters already give the answer
#: 700 do, at 60 % of the cost. It reads this many characters (~60 words).
LANG_SAMPLE_CHARS = 400

UNKNOWN = Fact(None, Evidence.of("not_in_text"))


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
    return {key: frozenset(table[key]) for key in ("reporting_verbs", "dangling")}


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
        r"|\s{0,5}\([^()]{1,40}\)",
        re.IGNORECASE,
    )


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
        if i and word.lower() in verbs:
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
    longer than `limit` characters, cut at a clause boundary (a comma, a
    dash, or before a connective word) when one leaves enough words, else
    at a word boundary; never mid-word and never on a word that leaves the
    phrase open ("akan", "menjadi", "the")."""
    text = _asides().sub("", " ".join(sentence.split())).strip(" ,")
    text = _reported_speech(text)
    stripped = text.rstrip(" .")
    if len(stripped) <= limit:
        return stripped
    room = limit - 1  # for the ellipsis
    words = text.split(" ")
    best_clause = best_word = 0
    length = 0
    for i, word in enumerate(words):
        if i and length + 1 + len(word) > room:
            break
        length += (1 if i else 0) + len(word)
        best_word = i + 1
        next_word = words[i + 1].lower() if i + 1 < len(words) else ""
        if length >= TITLE_MIN_CUT and (
            word.endswith((",", ";")) or next_word in _connectives() or next_word in "-–—"
        ):
            best_clause = i + 1
    cut = words[: best_clause or best_word]
    open_ended = _connectives() | _title_words()["dangling"]
    while len(cut) > 1 and cut[-1].lower().strip(",;:") in open_ended:
        cut.pop()
    return " ".join(cut).rstrip(",;:-–— ") + "…"


def derive_title(clean: CleanArticle, override: Override | None = None) -> Fact:
    if override and override.title:
        return Fact(override.title, Evidence.of("set_in", file=_name(override.source_path)))
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
    """Load the language profiles now (e.g. before forking workers)."""
    _detector_factory()


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


def infer(clean: CleanArticle, override: Override | None = None) -> ArticleMetadata:
    """Everything an article says about itself."""
    dateline = clean.dateline
    credit = next((c for c in clean.credits if c.outlet), None)
    author_credit = next((c for c in clean.credits if c.author), None)

    if override and override.publisher:
        publisher = Fact(
            override.publisher, Evidence.of("set_in", file=_name(override.source_path))
        )
    elif dateline and dateline.outlet:
        publisher = Fact(
            publisher_name(dateline.outlet), Evidence.of("dateline", quote=dateline.text.strip())
        )
    elif credit:
        publisher = Fact(publisher_name(credit.outlet), Evidence.of("credit", quote=credit.text))
    else:
        publisher = UNKNOWN

    if override and override.author:
        author = Fact(override.author, Evidence.of("set_in", file=_name(override.source_path)))
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

    field = dates.read_date_field(clean.date_field.text) if clean.date_field else None
    explicit, warnings = field or dates.find_explicit_date(clean.kept)
    date: DateFinding = explicit or UNKNOWN_DATE
    if override and override.date:
        date = DateFinding(
            level="explicit",
            date=override.date,
            evidence=Evidence.of("set_in", file=_name(override.source_path)),
        )
        warnings = ()

    title = derive_title(clean, override)
    return ArticleMetadata(
        title=title,
        publisher=publisher,
        author=author,
        place=place,
        lang=detect_language(clean.text),
        date=date,
        date_cues=dates.find_date_cues(clean.kept),
        trip_ordinal=dates.find_trip_ordinal(clean.text),
        trip_override=override.trip if override else None,
        warnings=warnings,
        happened=dates.find_happening_day(clean.kept, date.sort_key),
        story_terms=terms.story_terms(title.value or "", [line.text for line in clean.kept]),
    )
