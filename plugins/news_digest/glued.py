"""Glued words mended: the space a scraper dropped at the edge of a link or
a bold span put back (`ujarPutin` → `ujar Putin`, `insentifpajak` →
`insentif pajak`, `Mulia,harga` → `Mulia, harga`).

A token is split only where the word lists say so (wordfreq's Indonesian
and English lists, and the article's own words), by these rules in order:

    after-punctuation  a comma, colon, semicolon or full stop between two
                       words with no space after it (`sepekan.Namun`);
                       never between digits (`1,5`) or inside a domain
    after-domain       a word run into a domain's ending (`Liputan6.comulas`)
    before-capital     a word run into a capitalised one (`ujarPutin`)
    before-capitals    a word run into an abbreviation (`dariPSG`)
    after-capitals     an abbreviation run into a word (`FIFAuntuk`)
    two-words          two words run together whose join is no word
                       (`insentifpajak`, `Israeldan`)

and never: a word the lists or the article know as a whole, a known word
with Indonesian affixes (`konsumsinya`, `antarpemain`, `dicross`), brand
casing (`iPhone`, `detikNews`, `TikTok`, `McDonald`), addresses, handles
and numbers. Each split is recorded with the token as written
(model.Mend): nothing is lost.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

import wordfreq

from . import tables
from .model import Article, Line, Mend

#: A token: what lies between spaces.
TOKEN = re.compile(r"\S+")

#: Tokens never touched: addresses, e-mail, handles, hashtags.
#: Also an embed's placeholder (`[Gambas:Video 20detik]`), written so on purpose.
#: And an address without its scheme (`kumparan.com/kumparanbisnis`).
UNTOUCHABLE = re.compile(r"://|www\.|@|^#|^\[|\.html?\b|\.php\b|\.[a-z]{2,}/")

#: Cheap test first: a token that could hold a glued pair at all.
MAYBE_GLUED = re.compile(
    r"[)\]”\"][.?!][A-Z]|[a-z][A-Z]|[A-Za-z][,.;:][A-Za-z]|[a-z]{7,}|[A-Z][a-z]{6,}"
)

#: Punctuation glued to the next word: a comma, colon or semicolon after
#: two letters and before two; a full stop, an ellipsis, a question or an
#: exclamation mark after two letters (not `D.C.`, `p.m.`) and before a
#: capitalised word of three letters or more (not `Liputan6.com`), or
#: after three lower-case letters and before any capitalised word
#: (`perempuan.Ia`), or after a closing bracket or quotation mark
#: (`(20/6/2025).Aksi`).
AFTER_PUNCTUATION = re.compile(
    r"(?<=[A-Za-z]{2})[,;:](?=[A-Za-z]{2})"
    r"|(?<=[A-Za-z]{2})(?:\.|\.\.\.|…|\?|!)(?=[A-Z][a-z]{2})"
    r"|(?<=[a-z]{3})[.?!](?=[A-Z][a-z])"
    r"|(?<=[)\]”\"])[.?!](?=[A-Z][a-z]{2})"
)

#: A lower-case letter against a capital followed by a lower-case one.
CAPITAL = re.compile(r"(?<=[a-z])[A-Z](?=[a-z])")

#: A lower-case letter against a run of capitals (`dariPSG`).
CAPITALS = re.compile(r"(?<=[a-z])[A-Z]{2,}(?![a-z])")

#: The word before a capital: an optional capital, then lower case.
WORD_BEFORE = re.compile(r"[A-Z]?[a-z]{1,40}$")

#: Runs of letters (compounds are looked for in each).
LETTERS = re.compile(r"[A-Za-z]+")

#: Wrapping punctuation a token's edges may carry.
EDGES = "\"'“”‘’()[]{}<>«»!?.,;:…-–—*"


@cache
def _table() -> dict:
    return tables.load("glued")


@cache
def _frequencies(lang: str) -> dict[str, float]:
    return wordfreq.get_frequency_dict(lang, wordlist="best")


def zipf(word: str, lang: str | None = None) -> float:
    """A word's Zipf frequency in one list, or the higher of the two (0
    when neither knows it)."""
    return _zipf(word.lower(), lang)


#: Cleaning asks for the same words' frequencies again and again (a
#: token's pieces, for every rule that tries it): a cached answer costs
#: no Python call. Bounded: a folder's distinct words fit many times.
@lru_cache(maxsize=1 << 18)
def _zipf(lower: str, lang: str | None) -> float:
    if lang is None:
        return max(_zipf(lower, "id"), _zipf(lower, "en"))
    frequency = _frequencies(lang).get(lower, 0.0)
    return math.log10(frequency * 1e9) if frequency > 0 else 0.0


def warm_up() -> None:
    """Load the word lists once (before the workers fork)."""
    _frequencies("id"), _frequencies("en"), _table()


def _is_indonesian(word: str) -> bool:
    margin = _table()["lexicon"]["indonesian_margin"]
    return zipf(word, "id") >= zipf(word, "en") + margin


def _stems(word: str, shortest_suffix: int = 0) -> Iterator[str]:
    """What is left of a word (lower case) with an Indonesian prefix, a
    suffix of at least `shortest_suffix` letters, or both taken off."""
    affixes = _table()["affixes"]
    for prefix in ("", *affixes["prefixes"]):
        if not word.startswith(prefix):
            continue
        for suffix in ("", *affixes["suffixes"]):
            if (prefix or (suffix and len(suffix) >= shortest_suffix)) and word.endswith(suffix):
                yield word[len(prefix) : len(word) - len(suffix)]


def _derived(word: str) -> bool:
    """A known word with Indonesian affixes (`konsumsinya`, `dicross`)."""
    return any(len(stem) >= 3 and zipf(stem) > 0 for stem in _stems(word.lower()))


def _affixed_indonesian(word: str) -> bool:
    """A word the lists lack made of a common Indonesian stem and its
    affixes (`Melansir`, `Pembudayaan`): Indonesian, as its stem is. (Not
    by a one-letter suffix: `Kehilangani` is `Kehilangan` against
    `iPhone`.)"""
    lexicon = _table()["lexicon"]
    word = word.lower()
    return zipf(word) == 0 and any(
        len(stem) > lexicon["short_part"]
        and _is_indonesian(stem)
        and zipf(stem, "id") >= lexicon["capitalised"]
        for stem in _stems(word, shortest_suffix=2)
    )


def _known(word: str, vocabulary: Vocabulary) -> bool:
    """A whole the lists or the article know, or a derived form of one."""
    lower = word.lower()
    return zipf(lower) > 0 or lower in vocabulary.words or _derived(lower)


#: A run of letters the article writes on its own in this many distinct
#: lines is one of its words (a name, a term of the trade): a glued pair
#: is an accident of one spot, seldom made twice. A run with a capital
#: inside must be written after as many different words, or before as
#: many: a glued pair scraped twice has the same neighbours both times.
VOCABULARY_LINES = 2


@dataclass(frozen=True)
class Vocabulary:
    """An article's own words, lower case: `words` it writes on their own
    in VOCABULARY_LINES distinct lines or more (its words, wherever else
    they appear), `seen` those it writes on their own at all. A word with
    a capital inside (`laguNuansa`) is no word of its own."""

    words: frozenset[str] = frozenset()
    seen: frozenset[str] = frozenset()
    #: runs of letters with a capital inside written between different
    #: words each time: a name's casing (`CryptoPunk`), not an accident of
    #: one spot scraped twice
    repeated: frozenset[str] = frozenset()


# ---- the rules: each gives the positions (into the token) where a space goes --


def _after_punctuation(token: str, vocabulary: Vocabulary) -> set[int]:
    return {m.end() for m in AFTER_PUNCTUATION.finditer(token)}


@cache
def _domain_ending() -> re.Pattern:
    """A domain's ending with letters glued after it (data/glued.toml)."""
    endings = "|".join(re.escape(e) for e in _table()["domains"]["endings"])
    return re.compile(rf"[A-Za-z0-9]\.(?:{endings})(?=([a-z]+))")


def _after_domain(token: str, vocabulary: Vocabulary) -> set[int]:
    found = set()
    for match in _domain_ending().finditer(token):
        rest = match.group(1)
        # any word the lists know: no domain ends in a word (`.comulas`)
        if len(rest) >= _table()["lexicon"]["min_part"] and (zipf(rest) > 0 or _derived(rest)):
            found.add(match.end())
    return found


def _before_capital(token: str, vocabulary: Vocabulary) -> set[int]:
    lexicon = _table()["lexicon"]
    brands = _brands()
    found = set()
    for match in CAPITAL.finditer(token):
        at = match.start()
        before = WORD_BEFORE.search(token[:at])
        after = LETTERS.match(token, at)
        if not before or not after:
            continue
        word = before.group()
        if word.lower() in _joiners():  # `diSalon`, `danIran`
            found.add(at)
            continue
        if _known(_run_at(token, at), vocabulary):
            continue
        if len(word) < lexicon["min_part"] or word.lower().startswith(brands):
            continue
        if word[0].isupper():
            # PascalCase is a brand's casing (`TradingView`), unless an
            # Indonesian word leads (`PresidenPrabowo`) or the article
            # writes both words on their own (`EvertonArsenal`)
            indonesian = _is_indonesian(word) and _part_score(word) >= lexicon["capitalised"]
            indonesian = indonesian or _affixed_indonesian(word)
            seen = vocabulary.seen
            both_seen = word.lower() in seen and _first_word(after.group()).lower() in seen
            both_seen = both_seen and _run_at(token, at) not in vocabulary.repeated
            if not (indonesian or both_seen):
                continue
        elif zipf(word) < (
            lexicon["before_capital"]
            if zipf(word, "id") >= zipf(word, "en")
            else lexicon["english_before_capital"]
        ):
            continue
        found.add(at)
    return found


def _first_word(letters: str) -> str:
    """The capitalised word a run of letters starts with (`Putin` of `PutinHappy`)."""
    match = re.match(r"[A-Z][a-z]+", letters)
    return match.group() if match else letters


def _run_at(token: str, at: int) -> str:
    """The run of letters holding position `at`."""
    for run in LETTERS.finditer(token):
        if run.start() <= at < run.end():
            return run.group()
    return ""


def _two_words(segment: str, vocabulary: Vocabulary) -> int | None:
    """Where a run of letters splits into two words, if it is none itself.
    A capitalised run (a name, `Antaranews`) splits only before an
    Indonesian word (`Israeldan`, `Tasnimmelaporkan`)."""
    lexicon = _table()["lexicon"]
    if len(segment) < lexicon["min_compound"] or not segment[1:].islower():
        return None
    if _known(segment, vocabulary) or segment.lower().startswith(_brands()):
        return None
    best: tuple[float, int] | None = None
    shortest = lexicon["min_part"]
    for cut in range(2, len(segment) - 1):
        left, right = segment[:cut].lower(), segment[cut:]
        if right in _joiners() and len(left) >= shortest and zipf(left) >= lexicon["part"]:
            score = zipf(left)  # `korupsidi`, `Beningdari`
        elif right in _joiners() and len(left) >= 2 * shortest and _two_words(left, vocabulary):
            score = lexicon["part"]  # two words before it (`Hargaemasyang`): split again
        elif (
            segment[0].isupper() and _is_indonesian(right) and len(right) >= lexicon["name_before"]
        ):
            # a name, unknown to the lists, run into an Indonesian word
            # (`Tasnimmelaporkan`): the word must be long and Indonesian
            score = _part_score(right) if len(left) >= shortest else 0.0
        elif min(len(left), len(right)) < shortest:
            continue
        else:
            score = min(_part_score(left), _part_score(right))
            if not (_is_indonesian(left) or _is_indonesian(right)):
                continue  # English runs words together on purpose (`robotaxi`)
            if segment[0].isupper() and not _is_indonesian(right):
                continue  # a name, not two words (`Antaranews`)
        if score < lexicon["part"]:
            continue
        if best is None or (score, -cut) > best:
            best = (score, -cut)
    return -best[1] if best else None


@cache
def _brands() -> tuple[str, ...]:
    return tuple(_table()["brands"]["prefixes"])


@cache
def _joiners() -> frozenset[str]:
    return frozenset(_table()["joiners"]["words"])


def _part_score(part: str) -> float:
    """A part's Zipf frequency, as far as it counts: a short part (`rat`,
    `dis`) must be a very common word to be split off."""
    lexicon = _table()["lexicon"]
    value = zipf(part)
    if len(part) <= lexicon["short_part"] and value < lexicon["short_part_zipf"]:
        return 0.0
    return value


def _before_capitals(token: str, vocabulary: Vocabulary) -> set[int]:
    """An Indonesian word run into an abbreviation (`dariPSG`): split when
    the word is a joiner or a common Indonesian word, never a brand's
    lower-case half (`detikNEWS`, `iOS`)."""
    lexicon = _table()["lexicon"]
    brands = _brands()
    found = set()
    for match in CAPITALS.finditer(token):
        before = WORD_BEFORE.search(token[: match.start()])
        if not before or before.group().lower().startswith(brands):
            continue
        word = before.group()
        if word.lower() in _joiners() or (
            _is_indonesian(word) and _part_score(word.lower()) >= lexicon["capitalised"]
        ):
            found.add(match.start())
    return found


#: A run of capitals against an Indonesian word (`FIFAuntuk`).
AFTER_CAPITALS_AT = re.compile(r"(?<=[A-Z]{2})(?=([a-z]{2,}))")


def _after_capitals(token: str, vocabulary: Vocabulary) -> set[int]:
    """An abbreviation run into a joiner or a common Indonesian word
    (`FIFAuntuk`); not into a suffix (`BUMNnya`) or an English word."""
    lexicon = _table()["lexicon"]
    found = set()
    for match in AFTER_CAPITALS_AT.finditer(token):
        word = match.group(1)
        if word in _joiners() or (
            len(word) > lexicon["short_part"]
            and _is_indonesian(word)
            and zipf(word, "id") >= lexicon["after_capitals"]
        ):
            found.add(match.start())
    return found


#: The rules in order: (name, function of token and article vocabulary).
#: Each needs a capital or a punctuation mark in the piece: `_split` does
#: not ask them about a lower-case word.
RULES: list[tuple[str, Callable[[str, Vocabulary], set[int]]]] = [
    ("after-punctuation", _after_punctuation),
    ("after-domain", _after_domain),
    ("before-capital", _before_capital),
    ("before-capitals", _before_capitals),
    ("after-capitals", _after_capitals),
]


#: How deep a token is split again after its first splits (each piece
#: may hold another pair: `antaraIsraeldanIranmemasuki` is five words).
MAX_DEPTH = 4

#: The words of a run of letters by their casing (`Israeldan`, `Iran`).
CASED_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


#: A domain name (`pantaubanjir.jakarta.go.id`, `Liputan6.com`): no space
#: goes inside one, only after it (`Liputan6.comulas`). Labels of at most
#: 63 characters, as DNS has them: bounded, so no long text backtracks.
DOMAIN = re.compile(
    r"[A-Z]?[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9][a-z0-9-]{0,62}){0,8}"
    r"\.(?:com|net|org|id|go|co|ac|or|sch|tv|io|info|news|asia)\b"
)


def splits(token: str, vocabulary: Vocabulary = Vocabulary()) -> dict[int, str]:
    """Where spaces go in `token` (position → the rule that put it there);
    empty when it is one word."""
    if UNTOUCHABLE.search(token) or not MAYBE_GLUED.search(token):
        return {}
    found: dict[int, str] = {}
    _split(token, 0, vocabulary, found, 0)
    if not found:
        return found
    inside = [(m.start(), m.end()) for m in DOMAIN.finditer(token)]
    return {
        p: rule
        for p, rule in sorted(found.items())
        if not any(start < p < end for start, end in inside)
    }


def _split(piece: str, offset: int, vocabulary: Vocabulary, found: dict, depth: int) -> None:
    """Split one piece by the rules, then each of its pieces again."""
    here: dict[int, str] = {}
    # every rule needs a capital or a punctuation mark; most pieces are
    # lower-case words, which only `_two_words` can split
    if not (piece.isalpha() and piece.islower()):
        for name, rule in RULES:
            for position in rule(piece, vocabulary):
                here.setdefault(position, name)
    for word in CASED_WORD.finditer(piece):
        cut = _two_words(word.group(), vocabulary)
        if cut is not None:
            here.setdefault(word.start() + cut, "two-words")
    here = {p: name for p, name in here.items() if 0 < p < len(piece)}
    if not here:
        return
    for position, name in here.items():
        found.setdefault(offset + position, name)
    if depth >= MAX_DEPTH:
        return
    cuts = sorted({0, *here, len(piece)})
    for start, end in itertools.pairwise(cuts):
        _split(piece[start:end], offset + start, vocabulary, found, depth + 1)


def mended(token: str, positions: Iterable[int]) -> str:
    """The token with a space at each position."""
    pieces, last = [], 0
    for position in sorted(positions):
        pieces.append(token[last:position])
        last = position
    pieces.append(token[last:])
    return " ".join(pieces)


def vocabulary(lines: Sequence[Line]) -> Vocabulary:
    """The article's own words (see Vocabulary)."""
    tokenised = _tokenised({line.text for line in lines})
    counts: Counter[str] = Counter()
    for tokens, bare in tokenised:  # each run once a line, lower case
        counts.update(
            {
                lower
                for token, lower in zip(tokens, bare, strict=True)
                if (run := token.strip(EDGES)).isalpha() and not _capital_inside(run)
            }
        )
    words = frozenset(word for word, count in counts.items() if count >= VOCABULARY_LINES)
    return Vocabulary(words, frozenset(counts), _written_apart(_sides(tokenised, cased=True)))


def _capital_inside(word: str) -> bool:
    """Whether a capital stands between lower-case letters (CAPITAL); a
    lower-case word, most of a text, is answered without the pattern."""
    return not word.islower() and CAPITAL.search(word) is not None


def _written_apart(sides: dict[str, tuple[set[str], set[str]]]) -> frozenset[str]:
    """The runs written after VOCABULARY_LINES different words, or before
    as many: a name's casing, not one glued pair scraped twice."""
    return frozenset(w for w, (b, a) in sides.items() if _apart(b, a, VOCABULARY_LINES))


def _apart(before: set[str], after: set[str], count: int) -> bool:
    """Whether a run's neighbours differ `count` times on one side (a
    line's edge, where a paragraph scraped in pieces breaks, is no
    neighbour)."""
    return max(len(before - {""}), len(after - {""})) >= count


#: A text's tokens as written, and the same tokens bare (their edges
#: stripped) in lower case.
Tokenised = tuple[list[str], list[str]]


def _tokenised(texts: Iterable[str]) -> list[Tokenised]:
    """Each text's tokens, as written and bare. A text is put in lower case
    once, whole: no edge character has a case, and lower case adds no
    space, so the tokens are the same ones."""
    return [(text.split(), [t.strip(EDGES) for t in text.lower().split()]) for text in texts]


def _sides(
    tokenised: Iterable[Tokenised], cased: bool = False, only: frozenset[str] | None = None
) -> dict[str, tuple[set[str], set[str]]]:
    """Each run of letters the texts write on their own (lower case, no
    capital inside; with `cased`, those with a capital inside, as
    written), with the words found before it and after it; `only`: of
    these runs (lower case) alone. A word has other neighbours each time
    it is written; a glued pair scraped twice (a paragraph whole and again
    in pieces) has the same ones."""
    found: dict[str, tuple[set[str], set[str]]] = {}
    for tokens, bare in tokenised:
        if only is not None and only.isdisjoint(bare):
            continue
        for i, run in enumerate(bare):
            if only is not None and run not in only:
                continue
            written = tokens[i].strip(EDGES)
            if run.isalpha() and _capital_inside(written) == cased:
                before, after = found.setdefault(written if cased else run, (set(), set()))
                before.add(bare[i - 1] if i else "")
                after.add(bare[i + 1] if i + 1 < len(bare) else "")
    return found


def mend_line(
    line: Line, words: Vocabulary, known: dict[str, dict[int, str]] | None = None
) -> tuple[Line, tuple[Mend, ...]]:
    """One line with its glued words split, and the record of each split
    (`known`: the splits of tokens already tried with the same `words`)."""
    if not MAYBE_GLUED.search(line.text):
        return line, ()
    known = {} if known is None else known
    mends, pieces, last = [], [], 0
    for match in TOKEN.finditer(line.text):
        token = match.group()
        found = known.get(token)
        if found is None:
            found = known[token] = splits(token, words)
        if not found:
            continue
        fixed = mended(token, found)
        mends.append(Mend(line.number, token, fixed, tuple(dict.fromkeys(found.values()))))
        pieces.append(line.text[last : match.start()] + fixed)
        last = match.end()
    if not mends:
        return line, ()
    pieces.append(line.text[last:])
    return Line(line.number, "".join(pieces), line.caption), tuple(mends)


def as_written(line: Line, mends: Iterable[Mend]) -> str:
    """A mended line's text as the file wrote it: each mend undone (the
    record holds everything needed; nothing is lost)."""
    text = line.text
    for mend in (m for m in mends if m.number == line.number):
        text = text.replace(mend.mended, mend.token, 1)
    return text


def mend_lines(lines: Sequence[Line]) -> tuple[tuple[Line, ...], tuple[Mend, ...]]:
    """The lines with their glued words split, and every split made."""
    words = vocabulary(lines)
    out, mends = [], []
    known: dict[str, dict[int, str]] = {}  # an article writes many a word more than once
    for line in lines:
        fixed, made = mend_line(line, words, known)
        out.append(fixed)
        mends.extend(made)
    return tuple(out), tuple(mends)


# ---- the folder's words ------------------------------------------------------

#: A run of letters the folder writes on its own in this many of its
#: articles, each time between other words, is one of its words
#: (`warganet`, `maskawin`, a place's name): a split of it made with one
#: article's knowledge is taken back.
FOLDER_WORD_ARTICLES = 3
#: ... and, where the folder's articles name two outlets or more, written
#: so by this many outlets: one outlet's link template glues the same pair
#: in article after article (`informasiharga`, `adalahgelang`), a word of
#: the language is written by everyone.
FOLDER_WORD_OUTLETS = 2
#: A capitalised word the folder writes on its own in this many articles
#: is a name it uses (`Ghazali`, `Jakarta`, `Wibowo`): run into a joiner
#: (`Ghazalidan`), it is a glued pair however often it is glued; a name
#: ending like a joiner (`Setyadi`) seldom has its first part written
#: alone so often.
FOLDER_NAME_ARTICLES = 5


def _publisher(article: Article) -> str | None:
    return article.meta.publisher.value


def folder_words(
    articles: Iterable[Article], outlet_of: Callable[[Article], str | None] = _publisher
) -> FolderWords:
    """The folder's own words: the runs of letters (lower case) that at
    least FOLDER_WORD_ARTICLES of its articles write on their own, as the
    files wrote them (before any split), between as many different words
    on either side, and by FOLDER_WORD_OUTLETS outlets when the folder
    names that many (`outlet_of`: an article's outlet, or None)."""
    from . import infer  # (infer imports this module)

    articles = list(articles)
    # only what FolderWords.takes_back will be asked about is counted: the
    # folder's split tokens, and the first words of their splits
    asked = frozenset(m.token.strip(EDGES).lower() for a in articles for m in a.clean.mends)
    asked_names = frozenset(
        parts[0]
        for a in articles
        for m in a.clean.mends
        if len(parts := m.mended.strip(EDGES).lower().split()) == 2
    )
    counts: Counter[str] = Counter()
    names: Counter[str] = Counter()
    before: dict[str, set[str]] = defaultdict(set)
    after: dict[str, set[str]] = defaultdict(set)
    outlets: dict[str, set[str]] = defaultdict(set)
    every_outlet: set[str] = set()
    for article in articles:
        mends = article.clean.mends
        written = _tokenised({as_written(line, mends) for line in article.clean.kept})
        sides = _sides(written, only=asked)
        counts.update(sides.keys())
        names.update(_capitalised(written, asked_names))
        outlet = infer.outlet_key(outlet_of(article))
        if outlet:
            every_outlet.add(outlet)
        for word, (b, a) in sides.items():
            before[word] |= b
            after[word] |= a
            if outlet:
                outlets[word].add(outlet)
    wanted = FOLDER_WORD_OUTLETS if len(every_outlet) >= FOLDER_WORD_OUTLETS else 0
    written = frozenset(word for word, count in counts.items() if count >= FOLDER_WORD_ARTICLES)
    return FolderWords(
        written,
        frozenset(
            word
            for word in written
            if _apart(before[word], after[word], FOLDER_WORD_ARTICLES)
            and len(outlets[word]) >= wanted
        ),
        frozenset(name for name, count in names.items() if count >= FOLDER_NAME_ARTICLES),
    )


def _capitalised(tokenised: Iterable[Tokenised], only: frozenset[str]) -> set[str]:
    """The capitalised words the texts write on their own (`Ghazali`),
    lower case, of those in `only`."""
    found = set()
    for tokens, bare in tokenised:
        if only.isdisjoint(bare):
            continue
        for token, lower in zip(tokens, bare, strict=True):
            if lower in only:
                word = token.strip(EDGES)
                if word.isalpha() and word[:1].isupper() and word[1:].islower():
                    found.add(lower)
    return found


@dataclass(frozen=True)
class FolderWords:
    """What the folder writes on its own, lower case: `written` by
    FOLDER_WORD_ARTICLES articles, and of those the `words`, written
    between different words each time and by several outlets."""

    written: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    #: capitalised words written on their own by FOLDER_NAME_ARTICLES articles
    names: frozenset[str] = frozenset()

    def takes_back(self, mend: Mend) -> bool:
        """Whether the folder knows a split token as one word: one of its
        words; or a capitalised run split into two words that the folder
        writes in several articles, however it writes it (most are names:
        `Suhariyanto`, `Sastranegara`, `Pattynama`). Never a name the
        folder writes on its own all the time run into a joiner
        (`Ghazalidan`: `Ghazali` and `dan`, however often it is glued)."""
        token = mend.token.strip(EDGES)
        lower = token.lower()
        parts = mend.mended.strip(EDGES).lower().split()
        if len(parts) == 2 and parts[1] in _joiners() and parts[0] in self.names:
            return False
        if lower in self.words:
            return True
        return lower in self.written and token[:1].isupper() and mend.rules == ("two-words",)


def keep_folder_words(article: Article, words: FolderWords) -> Article:
    """The article with its splits of the folder's words taken back: the
    line (and a headline made from it) as the file wrote it there."""
    undone = [m for m in article.clean.mends if words.takes_back(m)]
    if not undone:
        return article
    clean, meta = article.clean, article.meta

    def restore(line: Line | None) -> Line | None:
        if line is None or not any(m.number == line.number for m in undone):
            return line
        return Line(line.number, as_written(line, undone), line.caption)

    title = meta.title
    if clean.headline and title.value == clean.headline.text:
        title = replace(title, value=restore(clean.headline).text)
    clean = replace(
        clean,
        kept=tuple(restore(line) for line in clean.kept),
        headline=restore(clean.headline),
        mends=tuple(m for m in clean.mends if m not in undone),
    )
    return replace(article, clean=clean, meta=replace(meta, title=title))
