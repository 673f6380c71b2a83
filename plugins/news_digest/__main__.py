"""Command line: `python -m news_digest clean FILE [--json]`.

Prints the cleaned text of one raw article, or with --json the kept lines,
the removal record and the inferred metadata, so that users can check
what the site will show and developers can debug a rule.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import fields, is_dataclass
from datetime import date

from .model import Article, Evidence
from .pipeline import process_file
from .read import UnreadableFile


def _jsonable(value):
    """Records as JSON values; evidence as its key and the values it quotes."""
    if isinstance(value, Evidence):
        return {"key": value.key, **_jsonable(value.params)}
    if is_dataclass(value):
        return {f.name: _jsonable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    return value


def article_json(article: Article) -> dict:
    """The --json document for one processed file."""
    meta = article.meta
    return {
        "identifier": article.identifier,
        "encoding": article.encoding,
        # what a build would warn about this file, as on stderr
        "warnings": [*article.problems, *meta.warnings],
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
        "mended": [
            {"line_number": m.number, "token": m.token, "mended": m.mended, "rules": list(m.rules)}
            for m in article.clean.mends
        ],
        "metadata": _jsonable(
            {
                "title": meta.title,
                "publisher": meta.publisher,
                "author": meta.author,
                "place": meta.place,
                "lang": meta.lang,
                "date": meta.date,
                "date_cues": list(meta.date_cues),
                "trip_ordinal": meta.trip_ordinal,
                "warnings": [*article.problems, *meta.warnings],
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
        article = process_file(args.file)
        if args.json:
            document = article_json(article)
            json.dump(document, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
            sys.stdout.write("\n")
        else:
            sys.stdout.write(article.clean.text + "\n")
    except (UnreadableFile, OSError) as error:
        print(f"{args.file}: {error}; skipped", file=sys.stderr)
        return 1
    except Exception as error:  # one line, never a traceback
        print(
            f"{args.file}: it could not be processed ({type(error).__name__}: {error})",
            file=sys.stderr,
        )
        return 1
    # the warnings the build gives for this file, the same words
    for warning in (*article.problems, *article.meta.warnings):
        print(f"{args.file}: {warning}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
