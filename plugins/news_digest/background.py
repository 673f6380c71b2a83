"""Background term weights: how telling a term is, from a fixed word list.

Grouping weighs a term by how rare it is in the language at large, not in
the folder being built: `wordfreq`'s frequency lists (Indonesian and
English, from many sources of text) give each word a frequency per token,
and from it the chance that an article of ordinary length holds the word.
A pair of articles is then exactly as alike in any folder — the folder's
other articles never change it — so one edited article can change only
its own stories, and two builds of overlapping folders agree.
"""

from __future__ import annotations

import math
from functools import cache

import wordfreq

#: The lists consulted; a term's frequency is the highest it has in any of
#: them, so an English word in an Indonesian article ("the", "update") is
#: as common as it is in English, and no article's language has to be
#: known (nor guessed right) to weigh its terms.
LANGUAGES = ("id", "en")

#: Content words in an article of ordinary length (a title and a few
#: hundred words of body): how many draws a word has to appear.
ARTICLE_WORDS = 300

#: No word counts as rarer than one in a hundred million: a word missing
#: from every list (a typo, a glued pair, a name) is rare, not infinitely so.
FLOOR_FREQUENCY = 1e-8

#: A phrase of two words is rarer than either word; it weighs this much
#: more than the rarer of its words (in nats), not the product of the two
#: chances, which would make every phrase as telling as a typo.
PHRASE_BONUS = 0.5


@cache
def _frequencies() -> dict[str, float]:
    merged: dict[str, float] = {}
    for lang in LANGUAGES:
        for word, frequency in wordfreq.get_frequency_dict(lang, wordlist="best").items():
            if frequency > merged.get(word, 0.0):
                merged[word] = frequency
    return merged


def warm_up() -> None:
    """Load the word lists now (e.g. before forking workers, which then
    share them)."""
    _frequencies()


def word_weight(word: str) -> float:
    """The inverse "document frequency" of a word: -ln of the chance that
    an article of ARTICLE_WORDS words holds it at least once."""
    frequency = max(_frequencies().get(word, 0.0), FLOOR_FREQUENCY)
    share = -math.expm1(-ARTICLE_WORDS * frequency)
    return -math.log(share)


@cache
def weight(term: str) -> float:
    """The weight of a story term (terms.features): a word, a two-word
    phrase ("afrika selatan") or a name marker ("@putin", as its word)."""
    if term.startswith("@"):
        return word_weight(term[1:])
    first, space, second = term.partition(" ")
    if not space:
        return word_weight(term)
    return max(word_weight(first), word_weight(second)) + PHRASE_BONUS
