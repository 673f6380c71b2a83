"""A hostile scrape folder, made at test time: what a new user's folder may
hold, from the awkward to the malicious. Symbolic links, FIFOs and sockets
are made here (they cannot live in git).

    python tests/hostile.py DIR      # make one to look at (DIR/scrapes)

`make_folder(base)` returns the folder and, per entry, what the build must
do with it: `Case.warning` is the words its one warning must hold (None:
no warning), `Case.page` whether it gets an article page.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = sorted((ROOT / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")

#: Words that exist only outside the folder: the build must never show them.
SECRET = "RAHASIA-DI-LUAR-FOLDER"


@dataclass(frozen=True)
class Case:
    name: str  # the entry's path below the folder
    warning: str | None  # the words of its one warning; None: no warning
    page: bool  # whether it becomes an article page


def _article(tag: str) -> str:
    """A real article, told apart from the others by `tag` (so that no two
    files are repeats of each other)."""
    return f"Berita uji {tag}: Menlu tiba di Kairo\n\n" + SEED.replace("Blinken", f"Blinken {tag}")


def make_folder(base: Path) -> tuple[Path, Path, list[Case]]:
    """The hostile folder `base/scrapes` and a folder outside it,
    `base/outside`, with secrets that must not be read."""
    outside = base / "outside"
    outside.mkdir(parents=True)
    (outside / "secret.txt").write_text(f"{SECRET} baris pertama.\nBaris kedua.\n", "utf-8")
    (outside / "secret.meta.toml").write_text(f'title = "{SECRET}"\n', "utf-8")
    folder = base / "scrapes"
    folder.mkdir()
    cases: list[Case] = []

    def text(name: str, content: str | bytes, warning: str | None = None, page: bool = True):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        cases.append(Case(name, warning, page))

    def special(name: str, make, warning: str | None, page: bool = False):
        make(folder / name)
        cases.append(Case(name, warning, page))

    # ---- the boundary: links, special files ---------------------------------
    special(
        "link-out.txt", lambda p: p.symlink_to(outside / "secret.txt"), "outside the input folder"
    )
    special("link-passwd.txt", lambda p: p.symlink_to("/etc/passwd"), "outside the input folder")
    special("link-zero.txt", lambda p: p.symlink_to("/dev/zero"), "outside the input folder")
    # a linked folder, and a link back into the folder (a loop): one warning
    # each, for the link, none for the files (or the turns of the loop) below
    (folder / "folder-out").symlink_to(outside, target_is_directory=True)
    cases.append(Case("folder-out", "a symbolic link to a folder", False))
    (folder / "loop").symlink_to(".", target_is_directory=True)
    cases.append(Case("loop", "a symbolic link to a folder", False))
    text("plain.txt", _article("plain"))
    special("link-in.txt", lambda p: p.symlink_to(folder / "plain.txt"), "symbolic link")
    special("loop-a.txt", lambda p: p.symlink_to(folder / "loop-b.txt"), "symbolic link")
    special("loop-b.txt", lambda p: p.symlink_to(folder / "loop-a.txt"), "symbolic link")
    special("dangling.txt", lambda p: p.symlink_to(folder / "nowhere.txt"), "symbolic link")
    special("pipe.txt", os.mkfifo, "not a regular file")
    special("socket.txt", _make_socket, "not a regular file")

    # ---- sidecars: the article stands, the sidecar is ignored ---------------
    for tag, sidecar, why in (
        ("side-datetime", "date = 2024-01-11T10:00:00", "must be a TOML date"),
        ("side-localdt", "date = 2024-01-11T10:00:00+07:00", "must be a TOML date"),
        ("side-year", "date = 9999-01-01", "outside 1900–2100"),
        ("side-trip-big", "trip = 999", "trip must be"),
        ("side-trip-neg", "trip = -1", "trip must be"),
        ("side-trip-list", "trip = [4, 6]", "trip must be"),
        ("side-bad-toml", 'title = "tanpa penutup', "not valid TOML"),
        ("side-unknown", 'judul = "x"', "unknown keys"),
        ("side-title-number", "title = 5", "title must be a string"),
        ("side-trip-absent", "trip = 7", "there is no trip catalog"),
    ):
        text(f"{tag}.txt", _article(tag), why)
        (folder / f"{tag}.meta.toml").write_text(sidecar + "\n", encoding="utf-8")
    text("side-link.txt", _article("side-link"), "sidecar")
    (folder / "side-link.meta.toml").symlink_to(outside / "secret.meta.toml")
    text("side-fifo.txt", _article("side-fifo"), "sidecar")
    os.mkfifo(folder / "side-fifo.meta.toml")
    # a sidecar that is a folder: the article stands, one warning names it
    text("side-folder.txt", _article("side-folder"), "is not a regular file (a folder)")
    (folder / "side-folder.meta.toml").mkdir()
    text("side-good.txt", _article("side-good"))
    (folder / "side-good.meta.toml").write_text('title = "Judul dari editor"\n', "utf-8")

    # ---- encodings and bytes ------------------------------------------------
    body = _article("enc")
    text("utf16-le-bom.txt", body.replace("enc", "u16le").encode("utf-16"))
    text("utf16-be-bom.txt", b"\xfe\xff" + body.replace("enc", "u16be").encode("utf-16-be"))
    text("utf32.txt", body.replace("enc", "u32").encode("utf-32"))
    text("utf16-no-bom.txt", body.replace("enc", "u16nb").encode("utf-16-le"), "byte-order mark")
    text("utf8-bom.txt", "\ufeff" + body.replace("enc", "u8bom"))
    text("cp1252.txt", body.replace("enc", "cp").encode("cp1252", "replace"), "not UTF-8")
    mixed = body.replace("enc", "mix").encode() + "Penutup: café “kutipan”.\n".encode("cp1252")
    text("mixed.txt", mixed, "mixes UTF-8")
    text("nul-early.txt", b"Berita\x00 nul\n" + body.replace("enc", "nul").encode(), "NUL")
    text(
        "controls.txt",
        body.replace("enc", "ctl").replace("Kairo", "Kairo\x07\x1b").encode(),
        "control character",
    )
    text("crlf.txt", body.replace("enc", "crlf").replace("\n", "\r\n"))
    text("cr-only.txt", body.replace("enc", "cr").replace("\n", "\r"))
    text("empty.txt", b"", "empty", page=False)
    text("blank.txt", b" \n\t\r\n  \n", "empty", page=False)
    text("png.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary", page=False)
    text("zip.txt", b"PK\x03\x04" + b"\x00" * 200 + b"isi", "binary", page=False)
    text("random.txt", bytes((i * 7919) % 256 for i in range(5000)), "binary", page=False)
    text("huge.txt", b"Kalimat berita panjang. " * 100_000, "too large", page=False)

    # ---- names ---------------------------------------------------------------
    text("UPPER.TXT", _article("upper"))
    text("Mixed.Txt", _article("mixedcase"))
    text("...txt", _article("dots"))
    text("..txt", _article("twodots"))
    text("spasi di nama.txt", _article("space"))
    text("-dash.txt", _article("dash"))
    text("#%&?.txt", _article("symbols"))
    text("&#47;..&#47;etc.txt", _article("entity"))
    text("<script>alert(1)</script>.txt", _article("tagname"))
    text("x" * 240 + ".txt", _article("long"))
    text("berita.txt", _article("twin"))
    text("berita-😀.txt", _article("twin"))  # the same text: its emoji twin
    text("CAFE.txt", _article("cafe"))
    text("cafe.txt", _article("cafe"))
    text(unicodedata.normalize("NFC", "café.txt"), _article("cafe"))
    text(unicodedata.normalize("NFD", "café.txt"), _article("cafe"))
    text("satu/sama.txt", _article("sub-one"))
    text("dua/sama.txt", _article("sub-two"))
    long_title = "Judul yang sangat panjang sekali " * 6
    text("long-title-a.txt", f"{long_title}versi A\n\n" + _article("lta"))
    text("long-title-b.txt", f"{long_title}versi B\n\n" + _article("ltb"))
    text(".hidden.txt", _article("hidden"))

    # ---- content ---------------------------------------------------------------
    text(
        "markup.txt",
        "<script>alert('x')</script> Judul\n\n<img src=x onerror=alert(1)>\n" + _article("markup"),
    )
    text("jinja.txt", "{{ SITENAME }} {% raw %} judul\n\n" + _article("jinja"))
    text("markdown.txt", "# Judul *tebal*\n\n[tautan](javascript:alert(1))\n" + _article("md"))
    text("only-headline.txt", "Hanya satu baris judul saja\n")
    text(
        "only-boilerplate.txt", "Baca juga: berita lain\nADVERTISEMENT\nBaca juga: yang lain lagi\n"
    )
    text(
        "quotes-run.txt",
        _article("quotes") + '"' * 20_000 + "\n" + " ".join(['"kata"'] * 3000) + "\n",
    )
    text("dates-run.txt", _article("dates") + " ".join(["12/12/2024"] * 5000) + "\n")
    text("long-line.txt", _article("longline") + "kata " * 200_000 + "\n")
    near = [f"Kalimat yang hampir sama nomor {i % 97} tentang hal {i}." for i in range(5000)]
    text("near-repeats.txt", "Ribuan baris mirip\n\n" + "\n".join(near) + "\n")
    text("far-dates.txt", _article("far") + "Pada 1 Januari 9999 dan 31/12/0001 terjadi sesuatu.\n")
    text(
        "rtl.txt",
        "خبر عاجل: اجتماع في القاهرة\n\nوصل الوزير إلى القاهرة يوم الخميس لإجراء محادثات.\n",
    )
    text("zero-width.txt", _article("zw").replace(" ", "\u200b ", 20))

    # ---- not articles ------------------------------------------------------------
    text("catatan.md", "# Bukan artikel\n\nIsi.\n", "only .txt files", page=False)
    text("halaman.html", "<html><body>x</body></html>", "only .txt files", page=False)
    text("data.json", '{"a": 1}', "no column holds a title or a text", page=False)

    # ---- exports: one warning each for a bad one, the rest of its records read
    header = "sumber,url,judul,author,tanggal_publikasi,isi_berita\r\n"

    def row(tag: str, url: str | None = None) -> str:
        body = _article(f"ekspor {tag}").split("\n\n", 1)[1].replace('"', '""')
        url = url or f"https://contoh.test/{tag}"
        return f'contoh.test,{url},"Judul ekspor {tag}",Ani,2025-06-18,"{body}"\r\n'

    text("ekspor-bom.csv", "\ufeff" + header + row("bom"), page=False)
    text(
        "ekspor-kutip.csv",
        header + row("kutip-1") + 'a,https://x.test/r,"tanpa tutup,b,c,d\r\n' + row("kutip-2"),
        "(a quote left open?)",
        page=False,
    )
    text("ekspor-lebar.csv", header + row("lebar-1") + "a,b,c\r\n", "it has 3 cell(s)", page=False)
    text(
        "ekspor-besar.csv",
        header + row("besar") + 'a,b,c,d,e,"' + "kata " * 2_100_000 + '"\r\n',
        "a cell is larger than 2 MB",
        page=False,
    )
    text(
        "ekspor-windows.csv",
        (header + row("windows").replace("Judul", "Judul café")).encode("cp1252", "replace"),
        "not UTF-8; read as cp1252",
        page=False,
    )
    text("ekspor-angka.json", "[1]", "item 1 is not a JSON object", page=False)
    text("ekspor-teks.json", '"hanya teks"', "not an object or an array", page=False)
    line = json.dumps({"title": "Judul baris", "text": _article("jsonl"), "url": "javascript:x"})
    text("ekspor-rusak.jsonl", line + "\n{ rusak\n", "line 2 is not valid JSON", page=False)
    text("orphan.meta.toml", 'title = "tanpa artikel"\n', None, page=False)
    text(".DS_Store", b"\x00\x00\x00\x01Bud1", None, page=False)  # hidden: left alone, silently
    return folder, outside, cases


def _make_socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.close()


if __name__ == "__main__":
    target = Path(sys.argv[1])
    made, _, listed = make_folder(target)
    print(f"{made}: {len(listed)} cases")
