"""Never lose content: every distinct line of a raw file ends up on the
page (kept) or in the removal record, with its own words — whatever mix
of captions, repeats, near-repeats, pieces of paragraphs, boilerplate and
datelines the scraper produced. Property tests over generated articles."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from news_digest.clean import clean_lines, normalize

from .test_clean import BOILERPLATE, WORDS, _variant

sentence = st.lists(st.sampled_from(WORDS), min_size=5, max_size=16).map(
    lambda words: " ".join(words).capitalize() + "."
)
caption = st.lists(st.sampled_from(WORDS), min_size=3, max_size=8).map(
    lambda words: " ".join(words).capitalize() + " (ANTARA/Foto)"
)
DATELINES = ["Liputan6.com, Jakarta", "JAKARTA, KOMPAS.com -", "TRIBUNNEWS.COM, DOHA -"]


def _near(text: str, draw) -> str:
    """A near-repeat: one word changed, dropped or a number added."""
    words = text.rstrip(".").split()
    i = draw(st.integers(0, len(words) - 1))
    how = draw(st.integers(0, 2))
    if how == 0:
        words[i] = draw(st.sampled_from(WORDS))
    elif how == 1 and len(words) > 3:
        del words[i]
    else:
        words.insert(i, str(draw(st.integers(2, 99))))
    return " ".join(words) + "."


@st.composite
def scrapes(draw):
    """Lines as a scraper saves them: paragraphs, captions (often twice),
    exact and near repeats, a paragraph again in pieces, boilerplate, a
    dateline glued to the lead."""
    lines = draw(st.lists(st.one_of(sentence, sentence, caption), min_size=1, max_size=14))
    for _ in range(draw(st.integers(0, 8))):
        source = draw(st.sampled_from(lines))
        kind = draw(st.integers(0, 7))
        if kind <= 3:
            copy = _variant(source, kind)
        elif kind == 4:
            copy = _near(source, draw)
        elif kind == 7:  # a near repeat that is better written (typographic quotes)
            copy = f"“{_near(source, draw)}”"
        elif kind == 5:  # a piece of a paragraph
            words = source.split()
            copy = " ".join(words[: max(4, len(words) // 2)])
        else:
            copy = source
        lines.insert(draw(st.integers(0, len(lines))), copy)
    for _ in range(draw(st.integers(0, 3))):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(BOILERPLATE)))
    if draw(st.booleans()):
        lines[0] = draw(st.sampled_from(DATELINES)) + lines[0]
    if draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), "")
    return lines


def _characters(text: str) -> Counter:
    """The line's letters and digits: a copy that differs only in spaces,
    quotation marks, punctuation or case is the same distinct line."""
    return Counter(c for c in normalize(text) if c.isalnum())


@settings(max_examples=1000, deadline=None)
@given(scrapes())
def test_every_line_is_on_the_page_or_in_the_removal_record(lines):
    cleaned = clean_lines(lines)
    pieces: dict[int, list[str]] = {}
    for line in (*cleaned.kept, *cleaned.removed):
        pieces.setdefault(line.number, []).append(line.text)
    if cleaned.headline:
        pieces.setdefault(cleaned.headline.number, []).append(cleaned.headline.text)
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        # the line's own words, all of them: kept, removed with a reason,
        # or split between the two (a dateline cut from the lead)
        found = _characters("".join(pieces.get(number, [])))
        missing = _characters(raw) - found
        assert not missing, (number, raw, pieces.get(number))
