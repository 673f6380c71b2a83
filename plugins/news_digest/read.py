"""Read stage: raw bytes of a scraped article → `RawArticle`.

Scrapes arrive in every state: UTF-8 with or without a byte-order mark,
Windows code pages, CRLF line ends, empty files, binary files saved with a
`.txt` name, whole web pages. Nothing here may raise on bad input except
`UnreadableFile`, whose message is the one warning the build shows.
"""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from .dates import EARLIEST_YEAR, LATEST_YEAR  # a sidecar's 9999-01-01 is a typo
from .model import Override, RawArticle

#: Larger files are not news articles (a long article is ~100 kB); reading
#: them would only slow the build down, so they are skipped with a warning.
MAX_BYTES = 2_000_000

#: Fraction of control characters above which a file is taken for binary.
BINARY_CONTROL_RATIO = 0.05

#: Trip numbers an editor may give in a sidecar.
MAX_TRIP = 99

SIDECAR_SUFFIX = ".meta.toml"
SIDECAR_KEYS = ("title", "date", "publisher", "author", "trip")


class UnreadableFile(Exception):
    """The file cannot become an article; the message says why."""


def identifier_for(path: str | os.PathLike) -> str:
    """The article's identifier: the file name without its extension."""
    return Path(path).stem


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
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(f"{what} is not a regular file (a FIFO, device or socket)")
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
    return decode_raw(read_bounded(target, max_bytes), identifier_for(path), str(path))


def decode_raw(data: bytes, identifier: str, source_path: str) -> RawArticle:
    """Decode the bytes of one article and split them into lines."""
    if not data.strip():
        raise UnreadableFile("file is empty")
    if _looks_binary(data):
        raise UnreadableFile("file is binary, not text")
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


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return controls / len(head) > BINARY_CONTROL_RATIO


def _decode(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", ()
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "latin-1"
    return text, encoding, (f"file is not UTF-8; read it as {encoding}",)


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
    check_inside(sidecar, roots, follow_links)
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
    if day is not None and not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise UnreadableFile(
            f"sidecar {sidecar.name}: date {day.isoformat()} is outside "
            f"{EARLIEST_YEAR}–{LATEST_YEAR}"
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
