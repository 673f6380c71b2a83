"""Scrapers' exports: CSV, TSV, XLSX, JSON and JSON Lines files whose
records are articles, read into `Record`s and folded into one `Source`
per article.

The read stage of a text file is one file, one article; an export holds
thousands. Here each file is read streaming (a row, a line, an item at a
time), each column matched to a field by its name (data/fields.toml, or
NEWS_DIGEST_FIELDS), and the records of one address folded into one
article (`fold`): identical repeats quietly, differing ones keeping the
fuller text with the other's own lines for the removal record. A bad row
is one problem naming its place, never the end of the file.

`source_lines` and `source_facts` turn a Source into what the per-file
pipeline takes: the lines of a raw article (the title above the body) and
the export's fields as validated evidence (`ExportFacts`).
"""

from __future__ import annotations

import csv
import email.utils
import hashlib
import io
import json
import os
import pickle
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cache, lru_cache
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from . import dates, tables
from .filenames import outlet_name
from .infer import outlet_key
from .model import DateFinding, Evidence, Fact
from .text import fingerprint

#: The suffixes of the exports read, and how each is read.
SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".xlsx": "xlsx", ".json": "json", ".jsonl": "jsonl"}

#: The fields of a record, in the order they are listed in messages.
FIELDS = ("title", "body", "date", "outlet", "url", "author", "language", "summary")

#: One cell larger than this is not an article (a long one is ~100 kB): the
#: row is skipped with a warning. The same bound as a text file's.
MAX_CELL = 2_000_000

#: A JSON file is read whole (the standard `json` module cannot stream);
#: a larger one is refused with a warning (JSON Lines streams: use it).
MAX_JSON_BYTES = 200_000_000

#: The years a date field may give (as a sidecar's): 9999 is a typo.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100

#: A language code: `id`, `en`, `en-US`, `ind`.
_LANGUAGE = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$", re.IGNORECASE)

#: Characters XML 1.0 forbids (as read.py removes them from text files).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def is_export_name(name: str) -> bool:
    """An export file: `.csv`, `.tsv`, `.xlsx`, `.json`, `.jsonl` in any case."""
    return os.path.splitext(name)[1].lower() in SUFFIXES


# ---- columns ---------------------------------------------------------------


@cache
def _table() -> tuple[dict[str, str], frozenset[str]]:
    """Column name (lower case) → field, first listed first; the names read quietly."""
    data = tables.load("fields")
    names: dict[str, str] = {}
    for field_name in FIELDS:
        for column in data["names"][field_name]:
            names.setdefault(column.strip().lower(), field_name)
    return names, frozenset(c.lower() for c in data["known"]["ignored"])


def check_chosen(chosen: Mapping[str, str] | None) -> tuple[dict[str, str], tuple[str, ...]]:
    """NEWS_DIGEST_FIELDS as field → column (lower case), and a problem for
    each entry that names no field."""
    result, problems = {}, []
    for name, column in (chosen or {}).items():
        if name not in FIELDS or not isinstance(column, str) or not column.strip():
            problems.append(
                f"NEWS_DIGEST_FIELDS: {name!r} = {column!r} is not a field and a column name "
                f"(fields: {', '.join(FIELDS)}); ignored"
            )
            continue
        result[name] = column.strip().lower()
    return result, tuple(problems)


@dataclass(frozen=True)
class Columns:
    """What an export's columns were taken for."""

    #: (field, column as the export wrote it), in FIELDS order
    used: tuple[tuple[str, str], ...]
    #: the columns not understood, as written
    unknown: tuple[str, ...] = ()
    #: the known columns read quietly (data/fields.toml, [known])
    ignored: tuple[str, ...] = ()

    def column(self, field_name: str) -> str | None:
        return dict(self.used).get(field_name)

    def describe(self) -> str:
        """For the editor: `sumber → outlet, url → address, …`."""
        used = ", ".join(f"{column} → {name}" for name, column in self.used) or "none"
        text = f"columns read: {used}"
        if self.unknown:
            text += f"; not understood (not read): {', '.join(self.unknown)}"
        return text


def match_columns(columns: Sequence[str], chosen: Mapping[str, str] | None = None) -> Columns:
    """Which column holds which field: NEWS_DIGEST_FIELDS's (field →
    lower-case column) first, then data/fields.toml's names, the first
    listed winning when several columns name one field."""
    names, ignored = _table()
    chosen = dict(chosen or {})
    by_name = {}
    for column in columns:
        by_name.setdefault(str(column).strip().lower(), str(column))
    used: dict[str, str] = {}
    for field_name, wanted in chosen.items():
        if wanted in by_name:
            used[field_name] = by_name[wanted]
    taken = {c.strip().lower() for c in used.values()}
    rank = {name: i for i, name in enumerate(names)}
    for lower in sorted(by_name, key=lambda c: rank.get(c, len(rank))):
        field_name = names.get(lower)
        if field_name and field_name not in used and lower not in taken:
            used[field_name] = by_name[lower]
            taken.add(lower)
    rest = [by_name[c] for c in by_name if c not in taken and c]
    return Columns(
        used=tuple((f, used[f]) for f in FIELDS if f in used),
        unknown=tuple(c for c in rest if c.strip().lower() not in ignored),
        ignored=tuple(c for c in rest if c.strip().lower() in ignored),
    )


# ---- records ---------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    """One record of an export, its fields as text."""

    #: the export's path below the input folder (`2025/day.csv`)
    export: str
    #: where in it, for the editor: `row 17`, `line 5`, `item 3`, `sheet Arsip, row 4`
    place: str
    #: the same as part of an identifier: `row-17`
    slot: str
    #: (field, column, value) for every field with a value, in FIELDS order
    values: tuple[tuple[str, str, str], ...]
    #: the fields whose column the export has but this record left empty
    blank: tuple[str, ...] = ()
    #: the export file as the build found it, for messages (`export` if not given)
    path: str = ""

    def get(self, field_name: str) -> str | None:
        return next((v for f, _, v in self.values if f == field_name), None)

    def column(self, field_name: str) -> str | None:
        return next((c for f, c, _ in self.values if f == field_name), None)

    @property
    def where(self) -> str:
        """For the editor: `/data/day.csv, row 17`."""
        return f"{self.path or self.export}, {self.place}"


def _text(value) -> str:
    """A cell or JSON value as text: a list of names joined, nothing for
    null; an object is not a value (empty)."""
    if value is None or isinstance(value, dict | bool):
        return ""
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value if _text(v))
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return _CONTROLS.sub("", str(value)).strip()


def _record(file: ExportFile, place: str, slot: str, columns: Columns, row: Mapping) -> Record:
    values, blank = [], []
    for field_name, column in columns.used:
        value = _text(row.get(column))
        if value:
            values.append((field_name, column, value))
        else:
            blank.append(field_name)
    return Record(file.name, place, slot, tuple(values), tuple(blank), file.path)


class ExportFile:
    """One export read record by record: `records()` yields them, and
    `problems` and `columns` say afterwards what the editor should know."""

    def __init__(self, path: str, name: str, chosen: Mapping[str, str] | None = None):
        self.path, self.name = path, name
        self.chosen = chosen
        self.kind = SUFFIXES[os.path.splitext(path)[1].lower()]
        self.problems: list[str] = []
        self.columns = Columns(used=())
        #: the columns (keys) met so far, as written, in order
        self._seen: dict[str, None] = {}
        self._recoded = 0

    def records(self) -> Iterator[Record]:
        reading = {
            "csv": self._delimited,
            "tsv": self._delimited,
            "xlsx": self._workbook,
            "json": self._json,
            "jsonl": self._json_lines,
        }[self.kind]
        try:
            yield from reading()
        except Exception as error:  # a broken file (a bad zip, I/O): one problem, no traceback
            self.problems.append(
                f"reading stopped here ({type(error).__name__}: {error}); "
                "the records before are read"
            )
        if self._recoded:
            self.problems.append(
                f"{self._recoded} cell(s) are not UTF-8; read as cp1252 (Windows) text"
            )
        if self.kind in ("json", "jsonl"):
            self.columns = match_columns(list(self._seen), self.chosen)

    # -- CSV and TSV

    def _delimited(self) -> Iterator[Record]:
        with open(self.path, "rb") as raw:
            head = raw.read(4)
        encoding = "utf-8-sig"
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            encoding = "utf-16"
        delimiter = "\t" if self.kind == "tsv" else ","
        previous = csv.field_size_limit()
        csv.field_size_limit(MAX_CELL)
        try:
            with open(self.path, encoding=encoding, errors="surrogateescape", newline="") as handle:
                yield from self._rows(_Lines(handle), delimiter)
        finally:
            csv.field_size_limit(previous)

    def _rows(self, lines: _Lines, delimiter: str) -> Iterator[Record]:
        lines.start_record()  # the header is row 1, as a spreadsheet counts
        try:
            header = [self._cell(c) for c in next(csv.reader(lines, delimiter=delimiter))]
        except StopIteration:
            self.problems.append("it is empty")
            return
        except csv.Error as error:
            self.problems.append(f"its header cannot be read ({error})")
            return
        self.columns = match_columns(header, self.chosen)
        if not any(f in ("body", "summary", "title") for f, _ in self.columns.used):
            return
        # one reader for every row: it starts each row afresh, even after an error
        reader = csv.reader(lines, delimiter=delimiter)
        while True:
            lines.start_record()
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:  # a cell over MAX_CELL: the rest of its line is dropped
                self.problems.append(f"row {lines.row_number}: {_csv_problem(error)}; skipped")
                lines.resume_after_first()
                continue
            row = lines.row_number
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                what = f"it has {len(cells)} cell(s), the header {len(header)}"
                if lines.swallowed(delimiter, len(header)):
                    what += " (a quote left open?); the lines below it are read again"
                    lines.resume_after_first()
                self.problems.append(f"row {row}: {what}; skipped")
                continue
            values = dict(zip(header, (self._cell(c) for c in cells), strict=True))
            broken = self._spans_lines(values)
            if broken:  # only a text runs over lines: a quote left open took the rows below
                self.problems.append(
                    f"row {row}: its {broken} cell runs over several lines (a quote left "
                    "open?); skipped, the lines below it are read again"
                )
                lines.resume_after_first()
                continue
            yield _record(self, f"row {row}", f"row-{row}", self.columns, values)

    def _spans_lines(self, values: Mapping[str, str]) -> str | None:
        """The first column, but the text's, whose cell holds a line break."""
        for field_name, column in self.columns.used:
            if field_name not in ("body", "summary") and "\n" in (values.get(column) or ""):
                return column
        return None

    def _cell(self, text: str) -> str:
        """A cell read as UTF-8, or (its bytes were not) as cp1252."""
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            self._recoded += 1
            data = text.encode("utf-8", errors="surrogateescape")
            text = data.decode("cp1252", errors="replace")
        return text

    # -- XLSX

    def _workbook(self) -> Iterator[Record]:
        from openpyxl import load_workbook  # only a folder with a workbook needs it

        book = load_workbook(self.path, read_only=True, data_only=False)
        try:
            sheets = book.worksheets
            for sheet in sheets:
                label = f"sheet {sheet.title}, " if len(sheets) > 1 else ""
                yield from self._sheet(sheet, label)
        finally:
            book.close()

    def _sheet(self, sheet, label: str) -> Iterator[Record]:
        rows = enumerate(sheet.iter_rows(), start=1)  # numbered as the spreadsheet shows them
        header: list[str] = []
        for _, cells in rows:
            header = [_text(c.value) for c in cells]
            if any(header):
                break
        if not any(header):
            return
        columns = match_columns(header, self.chosen)
        if not self.columns.used:  # the report names the first sheet's columns
            self.columns = columns
        if not any(f in ("body", "summary", "title") for f, _ in columns.used):
            if label:
                self.problems.append(f"{label.rstrip(', ')} has no title or text column; not read")
            return
        formulas = []
        for number, cells in rows:
            values = []
            for cell in cells[: len(header)]:
                if getattr(cell, "data_type", None) == "f":
                    formulas.append(number)
                    values.append("")
                else:
                    values.append(cell.value)
            if not any(_text(v) for v in values):
                continue
            values += [None] * (len(header) - len(values))
            place = f"{label}row {number}"
            slot = place.replace(", ", "-").replace(" ", "-")
            yield _record(self, place, slot, columns, dict(zip(header, values, strict=True)))
        if formulas:
            self.problems.append(
                f"{label}row {formulas[0]}: {len(formulas)} cell(s) hold formulas, which are not "
                "computed here; read as empty (save the sheet with its values to read them)"
            )

    # -- JSON and JSON Lines

    def _json(self) -> Iterator[Record]:
        size = os.path.getsize(self.path)
        if size > MAX_JSON_BYTES:
            self.problems.append(
                f"it is too large to read as one JSON document ({size / 1e6:.0f} MB); "
                "write it as JSON Lines (.jsonl), one article a line"
            )
            return
        with open(self.path, "rb") as handle:
            data = handle.read()
        try:
            document = json.loads(self._decoded(data))
        except json.JSONDecodeError as error:
            self.problems.append(f"it is not valid JSON (line {error.lineno}: {error.msg})")
            return
        if isinstance(document, dict):
            items, single = [document], True
        elif isinstance(document, list):
            items, single = document, False
        else:
            self.problems.append(
                f"it holds a JSON {type(document).__name__}, not an object or an array of them"
            )
            return
        for number, item in enumerate(items, start=1):
            place = "the object" if single else f"item {number}"
            if not isinstance(item, dict):
                self.problems.append(f"{place} is not a JSON object; skipped")
                continue
            yield from self._object(item, place, "object" if single else f"item-{number}")

    def _json_lines(self) -> Iterator[Record]:
        with open(self.path, "rb") as handle:
            for number, data in enumerate(handle, start=1):
                if not data.strip():
                    continue
                try:
                    item = json.loads(self._decoded(data))
                except json.JSONDecodeError as error:
                    self.problems.append(f"line {number} is not valid JSON ({error.msg}); skipped")
                    continue
                if not isinstance(item, dict):
                    self.problems.append(f"line {number} is not a JSON object; skipped")
                    continue
                yield from self._object(item, f"line {number}", f"line-{number}")

    def _object(self, item: dict, place: str, slot: str) -> Iterator[Record]:
        for key in item:
            self._seen.setdefault(str(key), None)
        columns = match_columns(list(item), self.chosen)
        too_large = [str(k) for k, v in item.items() if isinstance(v, str) and len(v) > MAX_CELL]
        if too_large:
            self.problems.append(
                f"{place}: {too_large[0]} is larger than {MAX_CELL // 1_000_000} MB; skipped"
            )
            return
        yield _record(self, place, slot, columns, {str(k): v for k, v in item.items()})

    def _decoded(self, data: bytes) -> str:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            self._recoded += 1
            return data.decode("cp1252", errors="replace")


def _csv_problem(error: csv.Error) -> str:
    if "field larger than field limit" in str(error):
        return f"a cell is larger than {MAX_CELL // 1_000_000} MB"
    return f"it cannot be read ({error})"


class _Lines:
    """The physical lines of a delimited file, counted, with the lines of
    the current record kept so that a record a quote left open can be
    read again from its second line."""

    def __init__(self, handle: io.TextIOBase):
        self.handle = handle
        self.again: list[str] = []
        self.current: list[str] = []
        #: records started so far, the header being row 1 (as a spreadsheet counts)
        self.row_number = 0

    def start_record(self) -> None:
        self.current = []
        self.row_number += 1

    @property
    def spanned(self) -> int:
        return len(self.current)

    def swallowed(self, delimiter: str, cells: int) -> bool:
        """Whether the current record swallowed rows: its lines after the
        first hold a row of `cells` cells on their own (a quote left open
        reads on until the next quote)."""
        if len(self.current) < 2:
            return False
        try:
            rows = csv.reader(self.current[1:], delimiter=delimiter)
            return any(len(row) == cells for row in rows)
        except csv.Error:
            return False

    def resume_after_first(self) -> None:
        self.again = self.current[1:] + self.again
        self.current = self.current[:1]

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = self.again.pop(0) if self.again else next(self.handle)
        self.current.append(line)
        return line


# ---- folding records into articles -----------------------------------------


@dataclass(frozen=True)
class Spilled:
    """A record kept in the build's spill file (`Spill`): where it lies."""

    path: str
    offset: int
    length: int

    def load(self) -> Record:
        with open(self.path, "rb") as handle:
            handle.seek(self.offset)
            return pickle.loads(handle.read(self.length))


class Spill:
    """The records of a folder's exports written one after another to one
    file in the build's cache folder, so that an export of any size is
    folded with only a line's worth of each record in memory (`Entry`),
    and each article's record is read back when its turn comes. Every
    build writes the file anew; only that build reads it."""

    def __init__(self, path: str):
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        self.path = path
        self._handle = open(path, "wb")  # noqa: SIM115 (closed by close())

    def put(self, record: Record) -> Entry:
        data = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
        offset = self._handle.tell()
        self._handle.write(data)
        return Entry.of(record, Spilled(self.path, offset, len(data)))

    def close(self) -> None:
        self._handle.close()


@dataclass(frozen=True)
class Entry:
    """What folding needs of a record, without its text: where it is, its
    address, a digest of what makes it the same article as another
    (`_hashes`), its body's length; `stored` gives the record back."""

    stored: Record | Spilled
    export: str
    slot: str
    place: str
    where: str
    url: str
    same: str
    body_length: int
    content: str

    @classmethod
    def of(cls, record: Record, stored: Record | Spilled | None = None) -> Entry:
        same, content = _hashes(record)
        return cls(
            stored=record if stored is None else stored,
            export=record.export,
            slot=record.slot,
            place=record.place,
            where=record.where,
            url=(record.get("url") or "").strip(),
            same=same,
            body_length=len(record.get("body") or ""),
            content=content,
        )

    def load(self) -> Record:
        return self.stored.load() if isinstance(self.stored, Spilled) else self.stored


def _digest(value) -> str:
    data = json.dumps(value, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()


def _hashes(record: Record) -> tuple[str, str]:
    """Two digests (text.fingerprint), the text hashed once: of what makes
    two records of one address the same article (every field but the date:
    a site's "updated" stamp changes between scrapes), and of everything
    an article takes from its record (its place, that first digest and the
    dates)."""
    dated = [v for v in record.values if v[0] == "date"]
    same = fingerprint(*(part for v in record.values if v[0] != "date" for part in v))
    content = fingerprint(record.where, same, *(part for v in dated for part in v))
    return same.hex(), content.hex()


@dataclass(frozen=True)
class Source:
    """One article of an export: its record (kept in memory, or in the
    build's spill file), and what the other records of its address
    (folded into it) held that it does not."""

    stored: Record | Spilled
    #: the record's key: its address when it has one, else its slot
    key: str
    #: the export its identifier names: the first of its address's records'
    export: str
    #: lines only the other records of its address hold, each with where
    other_lines: tuple[tuple[str, str], ...] = ()
    #: a digest of the record (`_content`), when known without reading it
    content: str = ""

    @property
    def record(self) -> Record:
        return self.stored.load() if isinstance(self.stored, Spilled) else self.stored

    def in_memory(self) -> Source:
        """This source with its record read (once) from the spill file."""
        if isinstance(self.stored, Record):
            return self
        return replace(self, stored=self.record)

    @property
    def identifier(self) -> str:
        return f"{self.export}#{self.key}"

    @property
    def stamp(self) -> str:
        """A hash of everything the article is made from (the cache's key)."""
        content = self.content or _hashes(self.record)[1]
        return _digest([content, self.export, self.key, self.other_lines])


@dataclass
class Folding:
    """The articles of a folder's exports, and what folding them did."""

    sources: list[Source] = field(default_factory=list)
    #: records that repeat another of their address word for word
    repeats: int = 0
    #: one warning for each record whose text differs from its address's
    warnings: list[str] = field(default_factory=list)


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def fold(records: Iterable[Record | Entry]) -> Folding:
    """One article per address (records without one are each their own):
    identical repeats folded and counted; records whose text differs keep
    the fuller text, and the lines only the others hold are kept for the
    removal record, with one warning naming both records. The first
    record (in the order given) gives the identifier. Only the records of
    an address whose texts differ are read whole (from the spill file)."""
    groups: dict[str, list[Entry]] = {}
    for item in records:
        entry = item if isinstance(item, Entry) else Entry.of(item)
        # an address is a key when it is one (web_address); else the record's slot
        key = entry.url if web_address(entry.url) else f"\0{entry.export}#{entry.slot}"
        groups.setdefault(key, []).append(entry)
    folding = Folding()
    for key, members in groups.items():
        first = members[0]
        distinct: dict[str, Entry] = {}
        for entry in members:
            if entry.same in distinct:
                folding.repeats += 1
                continue
            distinct[entry.same] = entry
        kept = max(distinct.values(), key=lambda e: (e.body_length, -members.index(e)))
        other_lines: list[tuple[str, str]] = []
        if len(distinct) > 1:
            record = kept.load()
            kept_lines = set(_lines(record.get("body"))) | set(_lines(record.get("title")))
            for entry in distinct.values():
                if entry is kept:
                    continue
                folding.warnings.append(
                    f"{entry.where} and {kept.where} give the address {entry.url} "
                    f"different texts; the fuller ({kept.where}) is kept, the lines only "
                    f"{entry.place} has are in its removal record"
                )
                other = entry.load()
                for line in _lines(other.get("title")) + _lines(other.get("body")):
                    if line not in kept_lines:
                        kept_lines.add(line)
                        other_lines.append((line, entry.where))
        record_key = first.slot if key.startswith("\0") else key
        folding.sources.append(
            Source(kept.stored, record_key, first.export, tuple(other_lines), kept.content)
        )
    return folding


# ---- a source as the pipeline's input ----------------------------------------


def source_lines(source: Source) -> tuple[str, ...]:
    """The record as a raw article's lines: the title, a blank line, the
    text (its own line breaks kept); the summary when it has no text."""
    record = source.record
    body = record.get("body") or record.get("summary") or ""
    title = record.get("title")
    head = (title, "") if title else ()
    return (*head, *body.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


@dataclass(frozen=True)
class ExportFacts:
    """What a record's fields say, validated: each value with its evidence
    ("the export's field"), None where the field is missing or bad."""

    title: Fact | None = None
    date: DateFinding | None = None
    publisher: Fact | None = None
    author: Fact | None = None
    lang: Fact | None = None
    #: the article's own address, http(s) only
    original: str | None = None
    #: what was wrong with a field (it is then inferred from the text)
    problems: tuple[str, ...] = ()


def _said(record: Record, field_name: str) -> Evidence:
    return _field_evidence(record.column(field_name), record.export)


@lru_cache(maxsize=1024)
def _field_evidence(column: str | None, export: str) -> Evidence:
    """One record (frozen) for the same column of the same export: every
    article of an export says the same of where its fields came from."""
    return Evidence.of("export_field", field=column, file=PurePosixPath(export).name)


def source_facts(source: Source) -> ExportFacts:
    """The record's fields as evidence, each checked as the text's would
    be: a date that is no date, an outlet or author that is an address,
    an address that is not http(s), an empty title are each one problem,
    and the value is left to the text."""
    record = source.record
    problems: list[str] = []
    values: dict[str, object] = {}
    title = record.get("title")
    if title:
        values["title"] = Fact(" ".join(title.split()), _said(record, "title"))
    elif "title" in record.blank:
        problems.append("its title field is empty; the headline is taken from the text")
    day = record.get("date")
    if day:
        finding, warnings = _read_date(day, _said(record, "date"))
        if finding is None:
            problems.append(
                f"its date field “{day}” is not a date; the date is taken from the text"
            )
        else:
            values["date"] = finding
            problems.extend(warnings)
    outlet = record.get("outlet")
    if outlet:
        if _is_address(outlet):
            problems.append(
                f"its outlet field “{outlet}” is an address, not a name; "
                "the outlet is taken from the text"
            )
        else:
            values["publisher"] = Fact(outlet_name(outlet), _said(record, "outlet"))
    author = record.get("author")
    if author:
        if _is_address(author):
            problems.append(f"its author field “{author}” is an address; ignored")
        elif name := author_name(author, outlet):
            values["author"] = Fact(name, _said(record, "author"))
    language = record.get("language")
    if language:
        match = _LANGUAGE.match(language.strip())
        if match:
            values["lang"] = Fact(match.group(1).lower(), _said(record, "language"))
        else:
            problems.append(f"its language field “{language}” is not a language code; ignored")
    url = record.get("url")
    if url:
        if web_address(url):
            values["original"] = url.strip()
        else:
            problems.append(f"its address “{url}” is not an http(s) address; no link to it")
    return ExportFacts(**values, problems=tuple(problems))


#: A desk or channel tag after a writer's name, in an outlet's brand
#: casing ("Rangga Rahadiansyah -detikOto", "Ani - kumparanBISNIS"). The
#: spaces before it are matched from their first only: tried from inside
#: a long run of spaces, the pattern took 0.8 s on 10,000 of them
#: (tests/test_bounded_time.py), now well under a millisecond.
_DESK = re.compile(r"(?<!\s)\s+[-–—|]\s*[a-z]+[A-Z][A-Za-z]*$")


def author_name(field: str, outlet: str | None = None) -> str | None:
    """A writer's name from an export's author field: spaces collapsed, a
    desk tag after it dropped; None when the field names the outlet
    itself (`Liputan6.com`, `Tempo.co`): no writer is named then."""
    name = _DESK.sub("", " ".join(field.split())).strip()
    key = outlet_key(name)
    return None if not key or (outlet and key == outlet_key(outlet)) else name


def _is_address(text: str) -> bool:
    return "://" in text or text.lower().startswith("www.") or "/" in text.strip("/")


def web_address(url: str) -> bool:
    """An http or https address with a host: the only kind linked to."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def _read_date(text: str, said: Evidence) -> tuple[DateFinding | None, tuple[str, ...]]:
    """A date as exports write it: ISO 8601, an RSS date (RFC 2822) or a
    site's date field (`Diperbarui 18 Jun 2025, 14:05 WIB`); None when it
    is none of these or lies outside EARLIEST_YEAR–LATEST_YEAR."""
    text = text.strip()
    moment: datetime | None = None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            moment = None
    if moment is not None:
        if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
            return None, ()
        has_time = len(text) > 10
        return (
            DateFinding(
                level="explicit",
                date=moment.date(),
                evidence=said,
                moment=moment if has_time and moment.tzinfo else None,
            ),
            (),
        )
    found = dates.read_date_field(text)
    if found is None:
        return None, ()
    finding, warnings = found
    if not EARLIEST_YEAR <= finding.date.year <= LATEST_YEAR:
        return None, ()
    return DateFinding(
        level="explicit", date=finding.date, evidence=said, moment=finding.moment
    ), tuple(warnings)
