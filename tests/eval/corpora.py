"""The shared real corpora, unpacked once into a git-ignored cache.

`../shared/corpora/*.tar.xz` (beside the repository, or `NEWS_DIGEST_SHARED`)
are unpacked into `cache/corpora/<name>/`; the archives are deterministic,
so a folder that exists is taken as unpacked. Nothing from them is ever
copied into the repository: labels name files and hash lines.
"""

from __future__ import annotations

import hashlib
import os
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: Where the unpacked corpora live; `cache/` is git-ignored.
CACHE = ROOT / "cache" / "corpora"

#: The corpora labelled for `make eval`, by the folder their archive holds.
CORPORA = ("indonews-2025-06-18-20", "english-news-2023-03")


class MissingCorpus(Exception):
    """The shared archive is not where it should be."""


def shared_dir() -> Path:
    """`../shared` beside the repository, unless NEWS_DIGEST_SHARED says otherwise."""
    return Path(os.environ.get("NEWS_DIGEST_SHARED", ROOT.parent / "shared"))


def corpus_dir(name: str) -> Path:
    """The unpacked folder of corpus `name`, unpacking it on first use."""
    target = CACHE / name
    if (target / ".complete").is_file():
        return target
    archive = shared_dir() / "corpora" / f"{name}.tar.xz"
    if not archive.is_file():
        raise MissingCorpus(f"{archive} is missing: the evaluation needs ../shared/corpora")
    CACHE.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:xz") as tar:
        members = [m for m in tar.getmembers() if m.isfile() and m.name.startswith(f"{name}/")]
        tar.extractall(CACHE, members=members, filter="data")
    (target / ".complete").write_text("", encoding="utf-8")
    return target


def line_hash(text: str) -> str:
    """The label's fingerprint of a line: sha1 of its stripped text, 12 hex digits."""
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:12]


def raw_lines(path: Path) -> list[str]:
    """The physical lines of a corpus file, as the labels number them (from 1)."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
