"""Text primitives shared by the stages: sentences, comparison form, sentence ends.

One place for what clean, infer and digest each used to define for
themselves, so that "a sentence ends here" means the same thing everywhere.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

#: Typographic quotes and dashes folded to one plain form for comparing.
_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "‒": "-",
        "―": "-",
    }
)
_SPACES = re.compile(r"\s+")
#: What `normalize` strips from the ends (by index, not by a pattern: a
#: pattern like `[…]+$` rescans a long run of them from every position).
_TRAILING_PUNCTUATION = frozenset(".!?,;:…'\"")
_LEADING_PUNCTUATION = frozenset("'\"")

#: A sentence ends with . ! ? or … and any closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")

#: A clause may also end with : ; or , (a line cut off mid-sentence, or a
#: lead-in to a list): such a line is never a headline.
_CLAUSE_END = re.compile(r"[.!?…:;,][\"'”’)\]]*$")

#: Where one sentence stops and the next starts inside a paragraph.
_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def ends_sentence(text: str) -> bool:
    """Whether a line ends like a finished sentence."""
    return bool(_SENTENCE_END.search(text))


def ends_clause(text: str) -> bool:
    """Whether a line ends with any sentence or clause punctuation."""
    return bool(_CLAUSE_END.search(text))


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences (good enough for news prose)."""
    return [part for part in _SPLIT.split(text) if part.strip()]


def normalize(text: str) -> str:
    """The comparison form of a line: NFKC, straight quotes, one space,
    no case, no enclosing quotes, no trailing punctuation. Only for
    comparing; never shown."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    text = _SPACES.sub(" ", text).strip()
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in _TRAILING_PUNCTUATION):
        end -= 1
    start = 0
    while start < end and (text[start].isspace() or text[start] in _LEADING_PUNCTUATION):
        start += 1
    return text[start:end]


def fingerprint(*parts: str | bytes) -> bytes:
    """A digest of the parts, each framed by its length (no two sequences of
    parts give the same bytes): what a result kept with an article was
    worked out from, to tell whether the folder's passes changed it since."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(b"%d:" % len(data))
        digest.update(data)
    return digest.digest()
