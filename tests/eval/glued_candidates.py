"""Candidate glued tokens for labelling (tests/eval/labels/glued/).

A broad net, wider than any mending rule, so the labels can score a rule's
recall as well as its precision: in each raw line, a token is a candidate
when

- `camel`: a lower-case letter runs into a capital (`ujarPutin`);
- `punct`: a comma, full stop, colon or semicolon sits between two
  letters with no space after it (`Mulia,harga`, `Liputan6.comulas`);
- `long`: a lower-case word of 7 letters or more that neither word list
  knows, yet splits into two words the lists know (`insentifpajak`).

    python tests/eval/glued_candidates.py --per-corpus 300 > cache/eval/glued.tsv

writes a seeded sample (corpus, file, line, offset, token, kind, context)
for a reader to label; the labels keep file, line, offset and the token's
sha1, never the text.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import wordfreq  # noqa: E402

from tests.eval.corpora import corpus_dir, raw_lines  # noqa: E402

CORPORA = ("indonews-2025-06-18-20", "english-news-2023-03")

#: Zipf frequency (log10 per billion words) a part must reach to count as a word.
PART_ZIPF = 2.5

TOKEN = re.compile(r"\S+")
CAMEL = re.compile(r"[a-z]{2,}[A-Z][a-z]")
PUNCT = re.compile(r"[A-Za-z][,.;:][A-Za-z]")
LONG = re.compile(r"^[a-z]{7,}$")
URLISH = re.compile(r"(?i)https?://|www\.|@|\.(com|id|org|net|co)\b")


def _zipf(word: str) -> float:
    return max(wordfreq.zipf_frequency(word, lang) for lang in ("id", "en"))


def kind_of(token: str) -> str | None:
    bare = token.strip("\"'“”‘’()[]!?")
    if URLISH.search(bare) and not re.search(r"\.com[a-z]", bare):
        return None
    if CAMEL.search(bare):
        return "camel"
    if PUNCT.search(bare.rstrip(".,;:")):
        return "punct"
    if LONG.match(bare) and _zipf(bare) == 0.0:
        for cut in range(3, len(bare) - 2):
            if _zipf(bare[:cut]) >= PART_ZIPF and _zipf(bare[cut:]) >= PART_ZIPF:
                return "long"
    return None


def candidates(corpus: str):
    folder = corpus_dir(corpus)
    for path in sorted(folder.glob("*.txt")):
        for number, line in enumerate(raw_lines(path), start=1):
            for match in TOKEN.finditer(line):
                kind = kind_of(match.group())
                if kind:
                    start, end = match.start(), match.end()
                    context = line[max(0, start - 60) : end + 60]
                    yield corpus, path.name, number, start, match.group(), kind, context


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-corpus", type=int, default=300)
    parser.add_argument("--seed", type=int, default=25)
    args = parser.parse_args()
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["corpus", "file", "line", "offset", "token", "kind", "context"])
    for corpus in CORPORA:
        found = list(candidates(corpus))
        by_kind: dict[str, list] = {}
        for row in found:
            by_kind.setdefault(row[5], []).append(row)
        print(corpus, {k: len(v) for k, v in by_kind.items()}, file=sys.stderr)
        rng = random.Random(f"{args.seed}-{corpus}")
        share = args.per_corpus // max(len(by_kind), 1)
        sample = []
        for kind in sorted(by_kind):
            rows = by_kind[kind]
            sample.extend(rng.sample(rows, min(share, len(rows))))
        for row in sorted(sample, key=lambda r: (r[1], r[2], r[3])):
            out.writerow(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
