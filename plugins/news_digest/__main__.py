"""Command line: `python -m news_digest clean FILE [--json]`.

Prints the cleaned text of one raw article, or with --json the kept lines,
the removal record and the inferred metadata, so that users can check
what the site will show and developers can debug a rule.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date

from .pipeline import process_file
from .read import UnreadableFile


def _jsonable(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    return value


def article_json(path: str) -> dict:
    """The --json document for one file."""
    article = process_file(path)
    meta = article.meta
    return {
        "identifier": article.identifier,
        "encoding": article.encoding,
        "kept": [line.text for line in article.clean.kept],
        "removed": [
            {
                "line": r.text,
                "line_number": r.number,
                "kind": r.kind,
                "rule": r.rule,
                "of_line": r.of_line,
                "reason": r.reason,
            }
            for r in article.clean.removed
        ],
        "captions": [line.text for line in article.clean.kept if line.caption],
        "metadata": _jsonable(
            {
                "title": asdict(meta.title),
                "publisher": asdict(meta.publisher),
                "author": asdict(meta.author),
                "place": asdict(meta.place),
                "lang": asdict(meta.lang),
                "date": asdict(meta.date),
                "date_cues": [asdict(cue) for cue in meta.date_cues],
                "trip_ordinal": meta.trip_ordinal,
                "warnings": list(meta.warnings),
            }
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m news_digest", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    clean = commands.add_parser("clean", help="clean one raw article file")
    clean.add_argument("file")
    clean.add_argument("--json", action="store_true", help="print kept, removed and metadata")
    args = parser.parse_args(argv)
    try:
        if args.json:
            document = article_json(args.file)
            json.dump(document, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
            sys.stdout.write("\n")
        else:
            sys.stdout.write(process_file(args.file).clean.text + "\n")
    except (UnreadableFile, OSError) as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
