"""Read stage: raw bytes of a scraped article → `RawArticle`.

Scrapes arrive in every state: UTF-8 with or without a byte-order mark,
Windows code pages, CRLF line ends, empty files, binary files saved with a
`.txt` name, whole web pages. Nothing here may raise on bad input except
`UnreadableFile`, whose message is the one warning the build shows.
"""

from __future__ import annotations

import os
import tomllib
from datetime import date
from pathlib import Path

from .model import Override, RawArticle

#: Larger files are not news articles (a long article is ~100 kB); reading
#: them would only slow the build down, so they are skipped with a warning.
MAX_BYTES = 2_000_000

#: Fraction of control characters above which a file is taken for binary.
BINARY_CONTROL_RATIO = 0.05

SIDECAR_SUFFIX = ".meta.toml"
SIDECAR_KEYS = ("title", "date", "publisher", "author", "trip")


class UnreadableFile(Exception):
    """The file cannot become an article; the message says why."""


def identifier_for(path: str | os.PathLike) -> str:
    """The article's identifier: the file name without its extension."""
    return Path(path).stem


def read_raw(path: str | os.PathLike, max_bytes: int = MAX_BYTES) -> RawArticle:
    """Read one raw article file, or raise UnreadableFile with the reason."""
    path = Path(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise UnreadableFile(
            f"file is too large for a news article ({size / 1e6:.1f} MB; limit "
            f"{max_bytes / 1e6:.1f} MB)"
        )
    return decode_raw(path.read_bytes(), identifier_for(path), str(path))


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


def read_override(path: str | os.PathLike) -> Override | None:
    """Read the sidecar `<name>.meta.toml` next to an article, if any.

    Raises UnreadableFile when the sidecar exists but is not valid TOML or
    holds a value of the wrong kind, so the editor learns of the typo.
    """
    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        return None
    try:
        data = tomllib.loads(sidecar.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UnreadableFile(f"sidecar {sidecar.name} is not valid TOML: {error}") from error
    unknown = sorted(set(data) - set(SIDECAR_KEYS))
    if unknown:
        raise UnreadableFile(f"sidecar {sidecar.name} has unknown keys: {', '.join(unknown)}")
    day = data.get("date")
    if day is not None and not isinstance(day, date):
        raise UnreadableFile(f"sidecar {sidecar.name}: date must be a TOML date like 2024-01-11")
    texts = {key: data.get(key) for key in ("title", "publisher", "author")}
    for key, value in texts.items():
        if value is not None and not isinstance(value, str):
            raise UnreadableFile(f"sidecar {sidecar.name}: {key} must be a string")
    trip = data.get("trip")
    return Override(
        source_path=str(sidecar),
        date=day,
        trip=None if trip is None else str(trip),
        **texts,
    )
