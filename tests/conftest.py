"""Shared fixtures: the repository's paths and a real Pelican build."""

from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from news_digest.catalog import trip_from_metadata
from news_digest.clean import clean_lines
from news_digest.infer import infer
from news_digest.model import Article
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
EVENTS = ROOT / "tests" / "fixtures" / "events"


def build_site(output: Path, seeds: Path = SEEDS, conf: str = "pelicanconf.py", **override) -> Path:
    """Build the site with the project's settings file `conf` into `output`.

    With another input folder than the seeds, the trip catalog is off and
    the site is named after the folder, as for `make html SEEDS=…`.
    """
    settings = {
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(output.parent / f"{output.name}-cache"),
        "ARTICLE_PATHS": [str(seeds)],
    }
    if Path(seeds).resolve() != SEEDS:
        settings["NEWS_DIGEST_CATALOG"] = None
        settings["NEWS_DIGEST_TOPIC"] = None
        settings["SITENAME"] = ""  # named after the folder, in its language
    settings.update(override)
    Pelican(read_settings(str(ROOT / conf), override=settings)).run()
    return output


def run_pelican(
    tmp_path: Path,
    seeds: Path | None = None,
    *options: str,
    hash_seed: str | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess:
    """The `pelican` command as `make html` runs it, output and cache in
    `tmp_path`, in a clean environment (with Python's string hashing seeded
    by `hash_seed`, and the variables of `env`, if given)."""
    command = [
        sys.executable, "-m", "pelican", str(ROOT / "content"),
        "-o", str(tmp_path / "out"), "-s", str(ROOT / "pelicanconf.py"),
        "--cache-path", str(tmp_path / "cache"), *options,
    ]  # fmt: skip
    variables = {"PATH": "/usr/bin:/bin", **(env or {})}
    if seeds:
        variables["NEWS_DIGEST_SEEDS"] = str(seeds)
    if hash_seed:
        variables["PYTHONHASHSEED"] = hash_seed
    return subprocess.run(command, env=variables, capture_output=True, text=True, timeout=300)


def copy_seeds(folder: Path, count: int | None = None) -> Path:
    """A folder of its own holding (the first `count` of) the seeds, for a
    test that changes its files."""
    folder.mkdir(parents=True, exist_ok=True)
    for seed in SEED_FILES[:count]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    return folder


def build_with_warnings(output: Path, seeds: Path, **override) -> list[str]:
    """Build like build_site, and return the warnings the build logged."""
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logging.getLogger().addHandler(handler)
    try:
        build_site(output, seeds=seeds, **override)
    finally:
        logging.getLogger().removeHandler(handler)
    return [r.getMessage() for r in records if r.levelno >= logging.WARNING]


def assert_one_warning_each(warnings: list[str], expected) -> None:
    """Each (file name, reason) in `expected` got exactly one warning,
    naming the file and giving the reason."""
    for name, reason in expected:
        matching = [w for w in warnings if name in w]
        assert len(matching) == 1, (name, warnings)
        assert reason in matching[0], matching[0]


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """The site built once from seeds/, shared by the read-only tests."""
    return build_site(tmp_path_factory.mktemp("site") / "output")


@pytest.fixture(scope="session")
def events_site(tmp_path_factory) -> Path:
    """The site built once from tests/fixtures/events (no trip catalog),
    read-only; one story per page of the stories index, so it has pages."""
    output = tmp_path_factory.mktemp("events") / "output"
    return build_site(output, seeds=EVENTS, NEWS_DIGEST_EVENTS_PER_PAGE=1)


@pytest.fixture(scope="session")
def english_site(tmp_path_factory) -> Path:
    """The site built once from the shared English corpus (213 real
    scrapes), read-only: the folder's main language is English."""
    from tests.eval.corpora import corpus_dir

    folder = corpus_dir("english-news-2023-03")
    return build_site(tmp_path_factory.mktemp("english") / "output", seeds=folder)


def article_pages(site: Path) -> list[Path]:
    return sorted((site / "artikel").glob("*/index.html"))


_JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(html: str) -> dict:
    """The NewsArticle JSON-LD of a page (exactly one must be present)."""
    blocks = _JSON_LD.findall(html)
    assert len(blocks) == 1, f"expected one JSON-LD block, found {len(blocks)}"
    return json.loads(blocks[0])


def article_page(site: Path, identifier: str) -> Path:
    """The article page (its index.html) built from seed `identifier`."""
    for page in article_pages(site):
        if f'data-identifier="{identifier}"' in page.read_text(encoding="utf-8"):
            return page
    raise AssertionError(f"no article page for {identifier}")


def page_for(site: Path, identifier: str) -> str:
    """The HTML of the article page built from seed `identifier`."""
    return article_page(site, identifier).read_text(encoding="utf-8")


def load_trips():
    """The trips of the catalog in content/trips/*.md."""
    trips = []
    for path in sorted((ROOT / "content" / "trips").glob("*.md")):
        front = path.read_text(encoding="utf-8").split("---")[1]
        trips.append(trip_from_metadata(path.stem, yaml.safe_load(front)))
    return trips


def article(identifier: str, *lines: str) -> Article:
    """An Article named `identifier` made from `lines`, cleaned and inferred."""
    cleaned = clean_lines(lines)
    return Article(identifier, f"{identifier}.txt", "utf-8", cleaned, infer(cleaned))
