"""Write and check the evaluation labels (see tests/eval/README.md).

    python tests/eval/labeltool.py show CORPUS FILE
    python tests/eval/labeltool.py lines --out TSV CORPUS FILE "1:headline 9-11:boilerplate"
    python tests/eval/labeltool.py meta  --out TSV CORPUS FILE --title-line 1 \
        --date 2025-06-18T14:05+07:00 --publisher Liputan6
    python tests/eval/labeltool.py event --out TSV CORPUS FOLDER FILE EVENT-SLUG \
        --story STORY-SLUG --thread THREAD-SLUG
    python tests/eval/labeltool.py check

`lines` labels every non-blank line of FILE: those named in the spec get
their kind, every other one `keep`. Running a command again for the same
file replaces that file's rows. Labels hold no article text: a line is
named by its number and the sha1 of its stripped text, so `check` notices
when a corpus changes under the labels.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.eval.corpora import corpus_dir, line_hash, raw_lines

LABELS = Path(__file__).resolve().parent / "labels"

#: Every label a line can have. `caption`: a photo caption, kept but shown
#: as a caption. The rest are removals, named as the pipeline's kinds.
LINE_KINDS = (
    "keep",
    "caption",
    "headline",
    "date-field",
    "dateline",
    "credit",
    "repeat",
    "boilerplate",
)

HEADERS = {
    "lines": ("corpus", "file", "line", "sha1", "label"),
    "meta": ("corpus", "file", "title_line", "date", "publisher"),
    "events": ("corpus", "folder", "file", "event", "story", "thread"),
}


def _read(path: Path) -> list[list[str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    return rows[1:]


def _write(path: Path, kind: str, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(HEADERS[kind])
        writer.writerows(sorted(rows, key=_order))


def _order(row: list[str]):
    return [int(x) if x.isdigit() else x for x in row]


def _replace(path: Path, kind: str, key, new_rows: list[list[str]]) -> None:
    rows = [row for row in _read(path) if key(row)]
    _write(path, kind, rows + new_rows)


def _parse_spec(spec: str) -> dict[int, str]:
    labels: dict[int, str] = {}
    for item in spec.replace(",", " ").split():
        where, _, kind = item.partition(":")
        if kind not in LINE_KINDS:
            raise SystemExit(f"unknown kind {kind!r} in {item!r}; kinds: {', '.join(LINE_KINDS)}")
        first, _, last = where.partition("-")
        for number in range(int(first), int(last or first) + 1):
            labels[number] = kind
    return labels


def cmd_show(args) -> None:
    lines = raw_lines(corpus_dir(args.corpus) / args.file)
    for number, text in enumerate(lines, start=1):
        print(f"{number:4d} | {text}")


def cmd_lines(args) -> None:
    lines = raw_lines(corpus_dir(args.corpus) / args.file)
    spec = _parse_spec(args.spec)
    rows = []
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            if number in spec:
                raise SystemExit(f"line {number} is blank; blank lines are not labelled")
            continue
        label = spec.get(number, "keep")
        rows.append([args.corpus, args.file, str(number), line_hash(text), label])
    unknown = sorted(set(spec) - {int(r[2]) for r in rows})
    if unknown:
        raise SystemExit(f"no such lines: {unknown}")
    _replace(Path(args.out), "lines", lambda r: r[:2] != [args.corpus, args.file], rows)
    counts = {kind: sum(1 for r in rows if r[4] == kind) for kind in LINE_KINDS}
    print(args.file, " ".join(f"{k}={v}" for k, v in counts.items() if v))


def cmd_meta(args) -> None:
    corpus_file = corpus_dir(args.corpus) / args.file
    if not corpus_file.is_file():
        raise SystemExit(f"no such file: {corpus_file}")
    row = [args.corpus, args.file, str(args.title_line), args.date or "-", args.publisher or "-"]
    _replace(Path(args.out), "meta", lambda r: r[:2] != [args.corpus, args.file], [row])


def cmd_event(args) -> None:
    if not (corpus_dir(args.corpus) / args.file).is_file():
        raise SystemExit(f"no such file: {args.file}")
    row = [args.corpus, args.folder, args.file, args.event, args.story, args.thread]
    _replace(Path(args.out), "events", lambda r: (r[0], r[2]) != (args.corpus, args.file), [row])


def cmd_check(args) -> None:
    problems = 0
    for path in sorted(LABELS.glob("lines/*.tsv")):
        for corpus, name, number, digest, label in _read(path):
            lines = raw_lines(corpus_dir(corpus) / name)
            text = lines[int(number) - 1] if int(number) <= len(lines) else ""
            if line_hash(text) != digest or label not in LINE_KINDS:
                problems += 1
                print(f"{path.name}: {name}:{number} does not match its label")
    print("labels match the corpora" if not problems else f"{problems} labels do not match")
    sys.exit(1 if problems else 0)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    show = sub.add_parser("show")
    show.add_argument("corpus")
    show.add_argument("file")
    lines = sub.add_parser("lines")
    lines.add_argument("--out", required=True)
    lines.add_argument("corpus")
    lines.add_argument("file")
    lines.add_argument("spec", nargs="?", default="")
    meta = sub.add_parser("meta")
    meta.add_argument("--out", required=True)
    meta.add_argument("corpus")
    meta.add_argument("file")
    meta.add_argument("--title-line", type=int, required=True)
    meta.add_argument("--date")
    meta.add_argument("--publisher")
    event = sub.add_parser("event")
    event.add_argument("--out", required=True)
    event.add_argument("corpus")
    event.add_argument("folder")
    event.add_argument("file")
    event.add_argument("event")
    event.add_argument("--story", required=True)
    event.add_argument("--thread", required=True)
    sub.add_parser("check")
    args = parser.parse_args()
    commands = {"show": cmd_show, "lines": cmd_lines, "meta": cmd_meta, "event": cmd_event}
    commands.get(args.command, cmd_check)(args)


if __name__ == "__main__":
    main()
