"""Candidate photo captions for labelling (tests/eval/labels/captions/).

A net wider than any caption rule, so the labels can score its recall:
in each raw file, a non-blank line of at most 400 characters is a
candidate when it

- `credit`: carries a photo credit or picture word (`Foto:`, `Dok.`,
  `ANTARA FOTO/`, `KOMPAS.com/…`, `SHUTTERSTOCK/`, `Getty Images`,
  `(Liputan6.com/…)`, `Ilustrasi`, `AP Photo`, `Reuters`);
- `doubled`: is followed by the same line again (an image's alt text and
  its caption);
- `near`: stands right before or after a `credit` candidate;
- `short`: is short (under 25 words) with no sentence end inside, in the
  body (not the first three lines).

    python tests/eval/caption_candidates.py --per-kind 60 > cache/eval/captions.tsv

writes every cue line and a seeded sample of short ones (corpus, file,
line, kind, context) for a reader to
label; the labels keep file, line and the line's sha1, never the text.
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

from tests.eval.corpora import corpus_dir, raw_lines  # noqa: E402

CORPORA = ("indonews-2025-06-18-20", "english-news-2023-03")

CREDIT = re.compile(
    r"(?i)foto\s*:|\(foto|\bdok\.|antara\s*foto|kompas\.com/|shutterstock|getty\s*images|"
    r"/liputan6\.com|liputan6\.com/|^ilustrasi|ap photo|\(reuters|reuters/|afp/|\(afp|"
    r"unsplash|pexels|freepik|image:|photo:|photograph:|\(photo|/istimewa|\(istimewa"
)


def candidates(corpus: str):
    for path in sorted(corpus_dir(corpus).glob("*.txt")):
        lines = raw_lines(path)
        credit = {
            i
            for i, text in enumerate(lines)
            if text.strip() and CREDIT.search(text) and len(text) <= 400
        }
        seen = set()
        for i, line in enumerate(lines):
            text = line.strip()
            if not text or len(text) > 400 or text in seen:
                continue
            seen.add(text)
            nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
            if i in credit:
                kind = "credit"
            elif nxt == text:
                kind = "doubled"
            elif (i + 1) in credit or (i - 1) in credit:
                kind = "near"
            elif i >= 3 and len(text.split()) < 25 and not re.search(r"[.!?]\s+[A-Z]", text):
                kind = "short"
            else:
                continue
            context = " ⏎ ".join(text[:160].strip() for text in lines[max(0, i - 1) : i + 2])
            yield corpus, path.name, i + 1, kind, context


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-kind", type=int, default=70)
    parser.add_argument("--seed", type=int, default=25)
    args = parser.parse_args()
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["corpus", "file", "line", "kind", "context"])
    for corpus in CORPORA:
        by_kind: dict[str, list] = {}
        for row in candidates(corpus):
            by_kind.setdefault(row[3], []).append(row)
        print(corpus, {k: len(v) for k, v in by_kind.items()}, file=sys.stderr)
        rng = random.Random(f"{args.seed}-{corpus}")
        # every line with a cue; a sample of the short lines beside them
        share = args.per_kind if corpus.startswith("indonews") else args.per_kind // 3
        sample = []
        for kind in sorted(by_kind):
            rows = by_kind[kind]
            take = len(rows) if kind != "short" else min(share, len(rows))
            sample.extend(rng.sample(rows, take))
        for row in sorted(sample, key=lambda r: (r[1], r[2])):
            out.writerow(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
