"""Read stage: raw bytes of a scraped article → `RawArticle`.

Scrapes arrive in every state: UTF-8 with or without a byte-order mark,
Windows code pages, CRLF line ends, empty files, binary files saved with a
`.txt` name, whole web pages. Nothing here may raise on bad input except
`UnreadableFile`, whose message is the one warning the build shows.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from .model import Override, RawArticle

#: Larger files are not news articles (a long article is ~100 kB); reading
#: them would only slow the build down, so they are skipped with a warning.
MAX_BYTES = 2_000_000

#: Fraction of control characters above which a file is taken for binary.
BINARY_CONTROL_RATIO = 0.05

#: The years an editor may date an article in a sidecar: an old article is
#: fine, 9999-01-01 is a typo (and would overflow date arithmetic).
SIDECAR_EARLIEST_YEAR = 1900
SIDECAR_LATEST_YEAR = 2100

#: Trip numbers an editor may give in a sidecar.
MAX_TRIP = 99

SIDECAR_SUFFIX = ".meta.toml"
SIDECAR_KEYS = ("title", "date", "publisher", "author", "trip")


class UnreadableFile(Exception):
    """The file cannot become an article; the message says why."""


def identifier_for(path: str | os.PathLike, roots: Sequence[str] = ()) -> str:
    """The article's identifier: its path below the input folder, without
    the extension (`kairo`, `2024/kairo`), so that two files of one name in
    two subfolders stay two articles; the bare file name without a folder."""
    path = Path(os.path.abspath(path))
    name = path.name
    for root in roots:
        root = os.path.abspath(root)
        if _holds(root, str(path)) and str(path) != root:
            name = Path(os.path.relpath(path, root)).as_posix()
            break
    # `.txt` in any case; a name of dots only (`...txt`) has no other suffix
    return name[: -len(".txt")] if is_article_name(name) else Path(name).stem


def is_article_name(name: str) -> bool:
    """A raw article's file: `.txt` in any case (`BERITA.TXT`), also when
    the name before it is only dots (`...txt`)."""
    return name.lower().endswith(".txt")


def check_inside(path: str | os.PathLike, roots: Sequence[str], follow_links: bool) -> None:
    """The input folder is a boundary: a file reached through a symbolic
    link is refused (unless `follow_links`, and then only when the link
    stays inside one of the `roots`). Raises UnreadableFile."""
    if not roots:
        return
    real = os.path.realpath(path)
    inside = any(_holds(os.path.realpath(root), real) for root in roots)
    if not inside:
        raise UnreadableFile("it is a link to a file outside the input folder; not read")
    if not follow_links and real != os.path.abspath(path):
        raise UnreadableFile(
            "it is reached through a symbolic link, which is not followed "
            "(NEWS_DIGEST_FOLLOW_LINKS = True follows links inside the folder)"
        )


def _holds(folder: str, other: str) -> bool:
    return os.path.commonpath([folder, other]) == folder


def read_bounded(path: str | os.PathLike, max_bytes: int, what: str = "file") -> bytes:
    """The bytes of a regular file, read without following a final symbolic
    link, without blocking on a FIFO, and never more than `max_bytes`."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if os.path.islink(path):
            raise UnreadableFile(f"{what} is a symbolic link, which is not followed") from error
        raise UnreadableFile(f"{what} cannot be opened ({error.strerror})") from error
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):  # checked before Python wraps it: a folder cannot be
        os.close(descriptor)
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a FIFO, device or socket"
        raise UnreadableFile(f"{what} is not a regular file ({kind})")
    with os.fdopen(descriptor, "rb") as handle:
        if info.st_size > max_bytes:
            raise UnreadableFile(
                f"{what} is too large for a news article ({info.st_size / 1e6:.1f} MB; "
                f"limit {max_bytes / 1e6:.1f} MB)"
            )
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew while being read
        raise UnreadableFile(f"{what} is too large for a news article")
    return data


def read_raw(
    path: str | os.PathLike,
    max_bytes: int = MAX_BYTES,
    roots: Sequence[str] = (),
    follow_links: bool = False,
) -> RawArticle:
    """Read one raw article file, or raise UnreadableFile with the reason.
    With `roots` (the input folders), a file outside them is refused."""
    check_inside(path, roots, follow_links)
    target = os.path.realpath(path) if follow_links else path  # a link checked to stay inside
    path = Path(path)
    return decode_raw(read_bounded(target, max_bytes), identifier_for(path, roots), str(path))


def decode_raw(data: bytes, identifier: str, source_path: str) -> RawArticle:
    """Decode the bytes of one article and split them into lines."""
    if not data.strip():
        raise UnreadableFile("file is empty")
    text, encoding, problems = _decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = tuple(text.split("\n"))
    if not any(line.strip() for line in lines):
        raise UnreadableFile("file has no text")
    return RawArticle(
        identifier=identifier,
        source_path=source_path,
        lines=lines,
        encoding=encoding,
        problems=problems,
    )


#: Byte-order marks, longest first (UTF-32's little-endian mark starts with
#: UTF-16's).
BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

#: A text file may carry a few stray NUL bytes or control characters (a
#: scraper's glitch): they are dropped with a warning. Above this many,
#: and this share of the first 8 kB, the file is taken for binary (images
#: and archives are full of them).
MAX_NUL_BYTES = 16
MAX_NUL_RATIO = 0.01

#: UTF-16 saved without a byte-order mark: ASCII text then has a NUL in
#: every other byte. At least this share of the odd (or even) bytes are
#: NUL, and almost none of the others.
UTF16_NUL_SHARE = 0.4


def _decode(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Text, the encoding it was read in, and what the editor should know.
    Never raises on text: a file with a byte-order mark is read in its
    encoding; UTF-8 is tried first; a file that mixes UTF-8 with a Windows
    code page is read line by line, each line in the encoding it is in."""
    for mark, encoding in BOMS:
        if data.startswith(mark):
            text = data.decode(encoding, errors="replace")
            return _without_nul(text, encoding, ())
    unmarked = _unmarked_utf16(data)
    if unmarked:
        text = data.decode(unmarked, errors="replace")
        return _without_nul(
            text, unmarked, (f"file has no byte-order mark; read it as {unmarked}",)
        )
    if _looks_binary(data):
        raise UnreadableFile("file is binary, not text")
    try:
        return _without_nul(data.decode("utf-8"), "utf-8", ())
    except UnicodeDecodeError:
        pass
    lines = [(line, _utf8_or_none(line)) for line in data.split(b"\n")]
    if any(text is not None and not line.isascii() for line, text in lines):
        # UTF-8 and another code page in one file: each line in its own
        others = sum(1 for _, text in lines if text is None)
        text = "\n".join(text if text is not None else _code_page(line) for line, text in lines)
        problem = f"file mixes UTF-8 with another encoding; {others} line(s) read as cp1252"
        return _without_nul(text, "utf-8+cp1252", (problem,))
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    return _without_nul(text, encoding, (f"file is not UTF-8; read it as {encoding}",))


def _utf8_or_none(line: bytes) -> str | None:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _code_page(line: bytes) -> str:
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:
        return line.decode("latin-1")


#: Characters XML 1.0 forbids (the C0 controls but tab and line ends, and
#: U+FFFE/U+FFFF): a scrape's stray ones would stop the feeds and mean
#: nothing on a page, so they are removed, with a warning.
_CONTROLS = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _without_nul(text: str, encoding: str, problems: tuple[str, ...]):
    count = text.count("\x00")
    if count:
        text = text.replace("\x00", "")
        problems = (*problems, f"file holds {count} NUL byte(s); removed")
    text, controls = _CONTROLS.subn("", text)
    if controls:
        problems = (*problems, f"file holds {controls} control character(s); removed")
    return text, encoding, problems


def _unmarked_utf16(data: bytes) -> str | None:
    head = data[:8192]
    even, odd = head[0::2], head[1::2]
    if len(odd) < 8:
        return None
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= UTF16_NUL_SHARE and even_nul < MAX_NUL_RATIO:
        return "utf-16-le"
    if even_nul >= UTF16_NUL_SHARE and odd_nul < MAX_NUL_RATIO:
        return "utf-16-be"
    return None


#: How common binary files start: an image, a PDF or an archive saved
#: with a .txt name is binary however few control bytes it has.
BINARY_SIGNATURES = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF",
    b"RIFF", b"\x00\x00\x00\x18ftyp", b"\x00\x00\x00\x20ftyp", b"7z\xbc\xaf",
)  # fmt: skip


def _looks_binary(data: bytes) -> bool:
    if data.startswith(BINARY_SIGNATURES):
        return True
    head = data[:8192]
    if head.count(0) > max(MAX_NUL_BYTES, MAX_NUL_RATIO * len(head)):
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (0, 9, 10, 12, 13))
    return controls > MAX_NUL_BYTES and controls / len(head) > BINARY_CONTROL_RATIO


def sidecar_path(path: str | os.PathLike) -> Path:
    """Where the optional hand-written override for an article lives."""
    path = Path(path)
    return path.with_name(path.stem + SIDECAR_SUFFIX)


#: A sidecar is a few lines of TOML.
SIDECAR_MAX_BYTES = 64_000


def read_override(
    path: str | os.PathLike, roots: Sequence[str] = (), follow_links: bool = False
) -> Override | None:
    """Read the sidecar `<name>.meta.toml` next to an article, if any.

    Raises UnreadableFile when the sidecar exists but is not valid TOML or
    holds a value of the wrong kind, so the editor learns of the typo.
    """
    sidecar = sidecar_path(path)
    if not os.path.lexists(sidecar):
        return None
    try:
        check_inside(sidecar, roots, follow_links)
    except UnreadableFile as error:
        raise UnreadableFile(f"sidecar {sidecar.name}: {error}") from error
    target = os.path.realpath(sidecar) if follow_links else sidecar
    raw = read_bounded(target, SIDECAR_MAX_BYTES, what=f"sidecar {sidecar.name}")
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UnreadableFile(f"sidecar {sidecar.name} is not valid TOML: {error}") from error
    unknown = sorted(set(data) - set(SIDECAR_KEYS))
    if unknown:
        raise UnreadableFile(f"sidecar {sidecar.name} has unknown keys: {', '.join(unknown)}")
    day = data.get("date")
    if day is not None and (not isinstance(day, date) or isinstance(day, datetime)):
        raise UnreadableFile(f"sidecar {sidecar.name}: date must be a TOML date like 2024-01-11")
    if day is not None and not SIDECAR_EARLIEST_YEAR <= day.year <= SIDECAR_LATEST_YEAR:
        raise UnreadableFile(
            f"sidecar {sidecar.name}: date {day.isoformat()} is outside "
            f"{SIDECAR_EARLIEST_YEAR}–{SIDECAR_LATEST_YEAR}"
        )
    texts = {key: data.get(key) for key in ("title", "publisher", "author")}
    for key, value in texts.items():
        if value is not None and not isinstance(value, str):
            raise UnreadableFile(f"sidecar {sidecar.name}: {key} must be a string")
    trip = data.get("trip")
    if trip is not None and not (
        (isinstance(trip, int) and not isinstance(trip, bool) and 1 <= trip <= MAX_TRIP)
        or (isinstance(trip, str) and trip.strip())
    ):
        raise UnreadableFile(
            f"sidecar {sidecar.name}: trip must be a trip's number (1–{MAX_TRIP}) or its id"
        )
    return Override(
        source_path=str(sidecar),
        date=day,
        trip=None if trip is None else str(trip),
        **texts,
    )
