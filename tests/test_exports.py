"""Scrapers' exports (exports.py): every kind read record by record, the
columns matched by name, bad exports one problem each with the rest read,
records of one address folded, fields as validated evidence, and a site
built from a folder of exports. Every export here is written by the test
(made-up text; no real article is committed)."""

from __future__ import annotations

import csv
import html
import io
import json
import logging
import re
from datetime import date
from pathlib import Path

import pytest
from news_digest import exports
from news_digest.exports import ExportFile, Record, Source, fold, match_columns, source_facts
from news_digest.pipeline import process_record

from .conftest import build_site

HEADER = ["sumber", "url", "judul", "author", "tanggal_publikasi", "isi_berita"]


def _body(tag: str) -> str:
    """A made-up article of three paragraphs, told apart by `tag`."""
    return (
        f"Liputan6.com, Bandung - Wali kota {tag} meresmikan jembatan baru di tepi sungai pada "
        "Rabu pagi bersama ratusan warga.\n"
        f"Jembatan {tag} itu menghubungkan dua kecamatan yang selama ini terpisah oleh banjir.\n"
        "Warga berharap perjalanan ke pasar kini lebih singkat dan aman."
    )


def _row(tag: str, url: str | None = None, **fields) -> list[str]:
    values = {
        "sumber": "liputan6.com",
        "url": url if url is not None else f"https://www.liputan6.com/read/{tag}",
        "judul": f"Jembatan Baru {tag} Diresmikan di Bandung",
        "author": "Ani Rahma",
        "tanggal_publikasi": "Diperbarui 18 Jun 2025, 14:05 WIB",
        "isi_berita": _body(tag),
    }
    values.update(fields)
    return [values[name] for name in HEADER]


def write_csv(path: Path, rows, header=HEADER, delimiter=",", encoding="utf-8") -> Path:
    with open(path, "w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def read(path: Path, chosen=None) -> tuple[list[Record], ExportFile]:
    export = ExportFile(str(path), path.name, chosen)
    return list(export.records()), export


# ---- columns -----------------------------------------------------------------

COLUMN_CASES = [
    # (columns, expected field → column)
    (HEADER, {"outlet": "sumber", "url": "url", "title": "judul", "author": "author",
              "date": "tanggal_publikasi", "body": "isi_berita"}),
    (["TITLE", "ARTICLE LINK", "PUBLISHED DATE (GMT)", "AUTHOR", "PUBLISHER", "COUNTRY",
      "DESCRIPTION"],
     {"title": "TITLE", "url": "ARTICLE LINK", "date": "PUBLISHED DATE (GMT)",
      "author": "AUTHOR", "outlet": "PUBLISHER", "summary": "DESCRIPTION"}),
    (["title", "maintext", "date_publish", "authors", "source_domain", "url", "language"],
     {"title": "title", "body": "maintext", "date": "date_publish", "author": "authors",
      "outlet": "source_domain", "url": "url", "language": "language"}),
    # trafilatura: sitename before hostname; content before text
    (["title", "text", "content", "hostname", "sitename"],
     {"title": "title", "body": "content", "outlet": "sitename"}),
    ([" Judul ", "ISI"], {"title": " Judul ", "body": "ISI"}),
]  # fmt: skip


@pytest.mark.parametrize(("columns", "expected"), COLUMN_CASES)
def test_columns_are_matched_by_name_in_any_case(columns, expected):
    assert dict(match_columns(columns).used) == expected


def test_columns_not_understood_are_named_and_known_ones_read_quietly():
    columns = match_columns(["judul", "isi", "warna", "COUNTRY", "image_url"])
    assert columns.unknown == ("warna",)
    assert set(columns.ignored) == {"COUNTRY", "image_url"}
    assert "warna" in columns.describe() and "judul → title" in columns.describe()


def test_the_settings_name_the_columns_of_any_export():
    chosen, problems = exports.check_chosen({"title": "Kepala", "body": "Cerita", "nope": "x"})
    assert chosen == {"title": "kepala", "body": "cerita"}
    assert len(problems) == 1 and "'nope'" in problems[0]
    # the setting wins over the table: `title` is then not the title
    used = dict(match_columns(["Kepala", "Cerita", "title"], chosen).used)
    assert used["title"] == "Kepala" and used["body"] == "Cerita"


# ---- every kind of export ------------------------------------------------------------


def _xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def _make(kind: str, folder: Path) -> Path:
    rows = [_row("satu"), _row("dua")]
    records = [dict(zip(HEADER, row, strict=True)) for row in rows]
    if kind == "csv":
        return write_csv(folder / "hari.csv", rows)
    if kind == "tsv":
        return write_csv(folder / "hari.tsv", rows, delimiter="\t")
    if kind == "xlsx":
        return _xlsx(folder / "hari.xlsx", {"Berita": [HEADER, *rows]})
    if kind == "json":
        path = folder / "hari.json"
        path.write_text(json.dumps(records, ensure_ascii=False), "utf-8")
        return path
    path = folder / "hari.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return path


@pytest.mark.parametrize("kind", ["csv", "tsv", "xlsx", "json", "jsonl"])
def test_every_kind_of_export_gives_its_records_with_their_fields(kind, tmp_path):
    records, export = read(_make(kind, tmp_path))
    assert export.problems == []
    assert [r.get("url") for r in records] == [
        "https://www.liputan6.com/read/satu",
        "https://www.liputan6.com/read/dua",
    ]
    first = records[0]
    assert first.get("title") == "Jembatan Baru satu Diresmikan di Bandung"
    assert first.get("body").splitlines() == _body("satu").splitlines()  # line breaks kept
    assert first.get("author") == "Ani Rahma" and first.column("outlet") == "sumber"


def test_a_news_please_object_is_one_record(tmp_path):
    path = tmp_path / "artikel.json"
    path.write_text(
        json.dumps(
            {
                "title": "Bridge opens",
                "maintext": "The new bridge opened on Wednesday.\nTraffic was light.",
                "date_publish": "2025-06-18 14:05:00",
                "authors": ["Ann Lee", "Bo Chan"],
                "source_domain": "example.com",
                "url": "https://example.com/bridge",
                "language": "en",
                "image_url": "https://example.com/x.jpg",
            }
        ),
        "utf-8",
    )
    records, export = read(path)
    assert export.problems == [] and export.columns.unknown == ()
    assert len(records) == 1 and records[0].place == "the object"
    assert records[0].get("author") == "Ann Lee, Bo Chan"


# ---- bad exports: one problem each, the rest read ------------------------------------


def _unbalanced(path: Path) -> None:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerows([HEADER, _row("satu")])
    # row 3 opens a quote it never closes: the rows below are read again
    text.write('liputan6.com,https://x.test/rusak,"Judul tanpa tutup,Ani,2025-06-18,teks\r\n')
    writer.writerows([_row("dua"), _row("tiga")])
    path.write_text(text.getvalue(), "utf-8", newline="")


def _ragged(path: Path) -> None:
    write_csv(path, [_row("satu"), [*_row("dua"), "lebih"], _row("tiga")])


def _huge(path: Path) -> None:
    write_csv(path, [_row("satu"), _row("dua", isi_berita="kata " * 2_100_000), _row("tiga")])


def _bom(path: Path) -> None:
    write_csv(path, [_row("satu"), _row("tiga")], encoding="utf-8-sig")


def _cp1252(path: Path) -> None:
    write_csv(path, [_row("satu"), _row("tiga", judul="Café “Baru” Dibuka")], encoding="cp1252")


def _formulas(path: Path) -> None:
    _xlsx(path, {"Berita": [HEADER, _row("satu"), [*_row("dua")[:5], "=A1&B1"], _row("tiga")]})


def _sheets(path: Path) -> None:
    _xlsx(path, {"Juni": [HEADER, _row("satu")], "Juli": [HEADER, _row("tiga")]})


def _sheet_without_text(path: Path) -> None:
    _xlsx(path, {"Berita": [HEADER, _row("satu"), _row("tiga")], "Catatan": [["a", "b"], [1, 2]]})


def _json_number(path: Path) -> None:
    path.write_text("42", "utf-8")


def _jsonl_broken(path: Path) -> None:
    records = [dict(zip(HEADER, _row(t), strict=True)) for t in ("satu", "tiga")]
    path.write_text(json.dumps(records[0]) + "\n{ rusak\n" + json.dumps(records[1]) + "\n", "utf-8")


def _not_a_workbook(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04 bukan buku kerja")


BAD_EXPORTS = [
    # (file, how it is made, words of its one problem (None: none), urls read)
    ("kutip.csv", _unbalanced, "row 3", ["satu", "dua", "tiga"]),
    ("lebar.csv", _ragged, "row 3: it has 7 cell(s), the header 6", ["satu", "tiga"]),
    ("besar.csv", _huge, "row 3: a cell is larger than 2 MB", ["satu", "tiga"]),
    ("bom.csv", _bom, None, ["satu", "tiga"]),
    ("windows.csv", _cp1252, "not UTF-8; read as cp1252", ["satu", "tiga"]),
    ("rumus.xlsx", _formulas, "row 3: 1 cell(s) hold formulas", ["satu", "dua", "tiga"]),
    ("lembar.xlsx", _sheets, None, ["satu", "tiga"]),
    ("catatan.xlsx", _sheet_without_text, "sheet Catatan has no title or text", ["satu", "tiga"]),
    ("angka.json", _json_number, "not an object or an array", []),
    ("rusak.jsonl", _jsonl_broken, "line 2 is not valid JSON", ["satu", "tiga"]),
    ("rusak.xlsx", _not_a_workbook, "reading stopped here", []),
]


@pytest.mark.parametrize(("name", "make", "problem", "tags"), BAD_EXPORTS)
def test_a_bad_export_is_one_problem_naming_the_row_and_the_rest_is_read(
    name, make, problem, tags, tmp_path
):
    path = tmp_path / name
    make(path)
    records, export = read(path)
    if problem is None:
        assert export.problems == []
    else:
        assert len(export.problems) == 1, export.problems
        assert problem in export.problems[0]
    urls = [r.get("url") for r in records]
    assert urls == [f"https://www.liputan6.com/read/{t}" for t in tags]


def test_cp1252_cells_are_read_as_their_letters(tmp_path):
    path = tmp_path / "windows.csv"
    _cp1252(path)
    records, _ = read(path)
    assert records[1].get("title") == "Café “Baru” Dibuka"


def test_a_sheet_is_named_in_the_place_of_its_records(tmp_path):
    path = tmp_path / "lembar.xlsx"
    _sheets(path)
    records, _ = read(path)
    assert [r.place for r in records] == ["sheet Juni, row 2", "sheet Juli, row 2"]


# ---- folding records of one address ---------------------------------------------------


def _record(export: str, row: int, url: str | None, body: str, title: str = "Judul", day=""):
    values = [("title", "judul", title), ("body", "isi_berita", body)]
    if day:
        values.append(("date", "tanggal", day))
    if url:
        values.append(("url", "url", url))
    order = {f: i for i, f in enumerate(exports.FIELDS)}
    values.sort(key=lambda v: order[v[0]])
    return Record(export, f"row {row}", f"row-{row}", tuple(values))


def test_identical_repeats_fold_quietly_even_when_their_dates_differ():
    folding = fold(
        [
            _record("a.csv", 2, "https://x.test/1", "Satu.\nDua.", day="18 Jun 2025"),
            _record("a.csv", 3, "https://x.test/1", "Satu.\nDua.", day="19 Jun 2025"),
            _record("b.csv", 2, "https://x.test/1", "Satu.\nDua."),
        ]
    )
    assert folding.repeats == 2 and folding.warnings == []
    assert [s.identifier for s in folding.sources] == ["a.csv#https://x.test/1"]


def test_differing_records_keep_the_fuller_text_and_lose_no_line():
    folding = fold(
        [
            _record("a.csv", 2, "https://x.test/1", "Satu.\nDua.\nTiga."),
            _record("b.csv", 5, "https://x.test/1", "Satu.\nDua.\nTiga.\nEmpat panjang.\nLima."),
            _record("b.csv", 6, "https://x.test/1", "Satu.\nEnam."),
        ]
    )
    (source,) = folding.sources
    assert source.record.place == "row 5" and source.record.export == "b.csv"
    assert source.identifier == "a.csv#https://x.test/1"  # the first record names it
    assert [line for line, _ in source.other_lines] == ["Enam."]
    assert len(folding.warnings) == 2
    assert all("b.csv, row 5" in w for w in folding.warnings)
    assert "a.csv, row 2" in folding.warnings[0] and "b.csv, row 6" in folding.warnings[1]


def test_identifiers_stay_when_the_rows_are_reordered():
    records = [_record("a.csv", n, f"https://x.test/{n}", f"Teks {n}.") for n in range(2, 6)]
    again = [
        _record("a.csv", 7 - n, f"https://x.test/{n}", f"Teks {n}.") for n in range(2, 6)
    ]  # the same records in the opposite order
    first = {s.identifier: s.record.get("body") for s in fold(records).sources}
    second = {s.identifier: s.record.get("body") for s in fold(reversed(again)).sources}
    assert first == second


def test_records_without_an_address_are_each_an_article():
    folding = fold([_record("a.csv", 2, None, "Sama."), _record("a.csv", 3, None, "Sama.")])
    assert [s.identifier for s in folding.sources] == ["a.csv#row-2", "a.csv#row-3"]
    assert folding.repeats == 0


def test_the_other_records_lines_are_in_the_removal_record():
    folding = fold(
        [
            _record("a.csv", 2, "https://x.test/1", _body("satu")),
            _record("a.csv", 3, "https://x.test/1", _body("satu") + "\nTambahan dari baris lain."),
            _record("a.csv", 4, "https://x.test/1", "Baris empat.\n" + _body("satu")),
        ]
    )
    article = process_record(folding.sources[0])
    other = [r for r in article.clean.removed if r.kind == "other-record"]
    assert [(r.text, r.rule) for r in other] == [("Baris empat.", "a.csv, row 4")]
    kept = article.clean.text
    assert "Tambahan dari baris lain." in kept


# ---- fields as evidence ---------------------------------------------------------------

FIELD_CASES = [
    # (field values, fact, expected value, words of the problem or None)
    ({"date": "2025-06-18T14:05:00+07:00"}, "date", date(2025, 6, 18), None),
    ({"date": "Wed, 18 Jun 2025 07:05:00 GMT"}, "date", date(2025, 6, 18), None),
    ({"date": "Diperbarui 18 Jun 2025, 14:05 WIB"}, "date", date(2025, 6, 18), None),
    ({"date": "kemarin sore"}, "date", None, "is not a date"),
    ({"date": "9999-01-01"}, "date", None, "is not a date"),
    ({"outlet": "liputan6.com"}, "publisher", "Liputan6", None),
    ({"outlet": "https://www.liputan6.com/"}, "publisher", None, "is an address"),
    ({"author": "Ani Rahma"}, "author", "Ani Rahma", None),
    ({"author": "Rangga Rahadiansyah -detikOto"}, "author", "Rangga Rahadiansyah", None),
    # the outlet in the author's field names no writer (no problem either)
    ({"author": "Liputan6.com", "outlet": "liputan6.com"}, "author", None, None),
    ({"author": "Tempo.co", "outlet": "tempo.co"}, "author", None, None),
    # a trap: a writer whose name holds a hyphen keeps it
    ({"author": "Siti Nur-Aini", "outlet": "tempo.co"}, "author", "Siti Nur-Aini", None),
    ({"language": "en-US"}, "lang", "en", None),
    ({"language": "Inggris raya"}, "lang", None, "not a language code"),
    ({"url": "https://x.test/a"}, "original", "https://x.test/a", None),
    ({"url": "javascript:alert(1)"}, "original", None, "not an http(s) address"),
    ({"url": "ftp://x.test/a"}, "original", None, "not an http(s) address"),
]


@pytest.mark.parametrize(("fields", "fact", "expected", "problem"), FIELD_CASES)
def test_a_field_is_validated_and_a_bad_one_left_to_the_text(fields, fact, expected, problem):
    values = tuple((f, f, v) for f, v in fields.items())
    source = Source(Record("a.csv", "row 2", "row-2", values), "row-2", "a.csv")
    facts = source_facts(source)
    found = getattr(facts, fact)
    if fact == "date":
        found = found.date if found else None
        if found:
            assert facts.date.evidence.key == "export_field"
    elif fact != "original":
        found = found.value if found else None
    assert found == expected
    if problem is None:
        assert facts.problems == ()
    else:
        assert len(facts.problems) == 1 and problem in facts.problems[0]


def test_an_empty_title_is_one_problem_and_the_headline_comes_from_the_text():
    record = Record("a.csv", "row 2", "row-2", (("body", "isi", _body("satu")),), blank=("title",))
    article = process_record(Source(record, "row-2", "a.csv"))
    assert any("title field is empty" in p for p in article.problems)
    assert article.meta.title.evidence.key != "export_field"
    assert article.meta.title.value


def test_fields_rank_above_the_text_and_below_nothing_else():
    source = fold(
        [
            Record(
                "a.csv",
                "row 2",
                "row-2",
                (
                    ("title", "judul", "Judul dari kolom"),
                    ("body", "isi", "Kompas.com, Jakarta - " + _body("x")),
                    ("outlet", "sumber", "tempo.co"),
                ),
            )
        ]
    ).sources[0]
    meta = process_record(source).meta
    assert meta.publisher.value == "Tempo"  # not the dateline's Kompas
    assert meta.publisher.evidence.key == "export_field"
    assert meta.title.value == "Judul dari kolom"


# ---- a site from a folder of exports ------------------------------------------------------


@pytest.fixture(scope="module")
def export_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("exports")
    folder = base / "ekspor"
    folder.mkdir()
    write_csv(folder / "hari-1.csv", [_row("satu"), _row("dua"), _row("satu"), _row("bahaya",
              url="javascript:alert(1)")])  # fmt: skip
    _xlsx(folder / "arsip.xlsx", {"Berita": [HEADER, _row("tiga")]})
    (folder / "np").mkdir()
    (folder / "np" / "empat.json").write_text(
        json.dumps(
            {
                "title": "Jembatan Baru empat Diresmikan di Bandung",
                "maintext": _body("empat"),
                "date_publish": "2025-06-19 09:00:00",
                "authors": ["Budi"],
                "source_domain": "tempo.co",
                "url": "https://www.tempo.co/read/empat",
                "language": "id",
            }
        ),
        "utf-8",
    )
    (folder / "lima.jsonl").write_text(
        json.dumps(dict(zip(HEADER, _row("lima", url="https://www.liputan6.com/read/dua"),
                            strict=True))) + "\n",
        "utf-8",
    )  # fmt: skip
    (folder / "enam.txt").write_text("Jembatan Keenam Dibuka\n\n" + _body("enam"), "utf-8")
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Keep(level=logging.INFO)
    logging.getLogger().addHandler(handler)
    try:
        output = build_site(base / "out", folder)
    finally:
        logging.getLogger().removeHandler(handler)
    return folder, output, records


def _pages(output: Path) -> dict[str, str]:
    pages = {}
    for page in (output / "artikel").glob("*/index.html"):
        text = page.read_text(encoding="utf-8")
        found = re.search(r'data-identifier="([^"]*)"', text)
        pages[html.unescape(found.group(1))] = text
    return pages


def test_a_folder_of_exports_builds_one_page_per_address(export_site):
    _folder, output, _ = export_site
    assert set(_pages(output)) == {
        "hari-1.csv#https://www.liputan6.com/read/satu",
        "hari-1.csv#https://www.liputan6.com/read/dua",
        "hari-1.csv#row-5",
        "arsip.xlsx#https://www.liputan6.com/read/tiga",
        "np/empat.json#https://www.tempo.co/read/empat",
        "enam",
    }


def test_each_page_links_to_its_original_and_only_over_http(export_site):
    _, output, _ = export_site
    pages = _pages(output)
    page = pages["np/empat.json#https://www.tempo.co/read/empat"]
    assert '<a href="https://www.tempo.co/read/empat"' in page
    assert "Baca di tempo.co" in page
    assert '"isBasedOn": "https://www.tempo.co/read/empat"' in page
    assert (
        "javascript:"
        not in pages["hari-1.csv#row-5"].split("<body", 1)[1].split('class="article-body"')[0]
    )
    assert 'class="original"' not in pages["enam"]
    summary = json.loads((output / "digest.json").read_text(encoding="utf-8"))
    rows = summary["unplaced_articles"] + [
        a
        for event in summary["events"]
        for a in json.loads((output / event["json"]).read_text(encoding="utf-8"))["articles"]
    ]
    originals = {a["identifier"]: a["original"] for a in rows}
    assert originals["arsip.xlsx#https://www.liputan6.com/read/tiga"] == (
        "https://www.liputan6.com/read/tiga"
    )
    assert originals["hari-1.csv#row-5"] is None and originals["enam"] is None


def test_the_fields_are_the_pages_facts_with_their_evidence(export_site):
    _, output, _ = export_site
    page = _pages(output)["np/empat.json#https://www.tempo.co/read/empat"]
    assert "Tempo" in page and "Budi" in page
    assert "kolom “source_domain” di empat.json" in page
    assert "19 Juni 2025" in page or "2025-06-19" in page


def test_warnings_name_the_record_and_repeats_fold_quietly(export_site):
    folder, _, records = export_site
    warnings = [r.getMessage() for r in records if r.levelno == logging.WARNING]
    bad = [w for w in warnings if "javascript:alert(1)" in w]
    assert len(bad) == 1 and f"{folder / 'hari-1.csv'}, row 5" in bad[0]
    differing = [w for w in warnings if "different texts" in w]
    assert len(differing) == 1
    assert "hari-1.csv, row 3" in differing[0] and "lima.jsonl, line 1" in differing[0]
    # the identical repeat (row 4 of hari-1.csv) is folded without a warning
    assert not any("row 4" in w for w in warnings)


def test_seeds_may_be_one_export_file(tmp_path):
    export = write_csv(tmp_path / "satu-hari.csv", [_row("satu"), _row("dua"), _row("satu")])
    output = build_site(tmp_path / "out", export)
    assert set(_pages(output)) == {
        "satu-hari.csv#https://www.liputan6.com/read/satu",
        "satu-hari.csv#https://www.liputan6.com/read/dua",
    }


# ---- an export of any size -----------------------------------------------------------

_MEASURE = """
import json, resource, sys
sys.path.insert(0, {plugins!r})
from news_digest import reader
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
names = reader.list_exports([{path!r}], [{folder!r}], {{"CACHE_PATH": {cache!r}}})
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
first = reader.RECORDS[names[0]].record.get("body")
print(json.dumps({{"names": len(names), "grew_kib": peak - base, "first": len(first)}}))
"""


def test_a_big_export_is_read_in_memory_that_does_not_grow_with_its_text(tmp_path):
    """A 140 MB CSV (5,000 records of 30 KB, every other one repeating the
    one before word for word) is read with memory growing by far less than
    its text: the
    records wait in the build's spill file, and memory holds a line's
    worth of each; each article's record is read back whole."""
    import subprocess
    import sys

    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / "big.csv"
    paragraph = "Harga beras di pasar induk naik lagi pekan ini menurut pedagang. " * 8
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        for n in range(5000):
            body = "\n".join(f"{n // 2} {p} {paragraph}" for p in range(55))
            url = f"https://x.test/{n // 2}"
            out.writerow(["x.test", url, f"Judul {n // 2}", "Ani", "2025-06-18", body])
    size_mib = path.stat().st_size / 2**20
    assert size_mib > 130
    plugins = str(Path(__file__).resolve().parents[1] / "plugins")
    script = _MEASURE.format(
        plugins=plugins, path=str(path), folder=str(folder), cache=str(tmp_path / "cache")
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=True
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["names"] == 2500  # one article per address
    assert found["first"] > 25_000  # read back whole
    assert found["grew_kib"] / 1024 < 40, found  # the text is 140 MB


def test_a_small_export_stays_in_memory_and_an_earlier_spill_file_goes(tmp_path):
    """Below reader.SPILL_ABOVE_BYTES the records stay in memory (no spill
    file written and read back); a spill file an earlier build of larger
    exports left in the cache folder is removed, not left to grow stale."""
    from news_digest import reader

    folder, cache = tmp_path / "in", tmp_path / "cache"
    folder.mkdir()
    cache.mkdir()
    stale = cache / reader.SPILL_FILE
    stale.write_bytes(b"\0" * 1000)
    path = folder / "hari.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        out.writerow(_row("satu", "https://x.test/1"))
        out.writerow(_row("dua", "https://x.test/2"))
    names = reader.list_exports([str(path)], [str(folder)], {"CACHE_PATH": str(cache)})
    assert len(names) == 2
    assert all(isinstance(reader.RECORDS[n].stored, Record) for n in names)
    assert not stale.exists()
