"""Shared fixtures: the repository's paths and a real Pelican build."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def build_site(output: Path, seeds: Path = SEEDS, conf: str = "pelicanconf.py", **override) -> Path:
    """Build the site with the project's settings file `conf` into `output`.

    With another input folder than the seeds, the trip catalog is off, as
    it is for `make html SEEDS=…`.
    """
    settings = {
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(output.parent / f"{output.name}-cache"),
        "ARTICLE_PATHS": [str(seeds)],
    }
    if Path(seeds).resolve() != SEEDS:
        settings["NEWS_DIGEST_CATALOG"] = None
        settings["NEWS_DIGEST_TOPIC"] = None
    settings.update(override)
    Pelican(read_settings(str(ROOT / conf), override=settings)).run()
    return output


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """The site built once from seeds/, shared by the read-only tests."""
    return build_site(tmp_path_factory.mktemp("site") / "output")


def article_pages(site: Path) -> list[Path]:
    return sorted((site / "artikel").glob("*/index.html"))


_JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(html: str) -> dict:
    """The NewsArticle JSON-LD of a page (exactly one must be present)."""
    blocks = _JSON_LD.findall(html)
    assert len(blocks) == 1, f"expected one JSON-LD block, found {len(blocks)}"
    return json.loads(blocks[0])


def page_for(site: Path, identifier: str) -> str:
    """The HTML of the article page built from seed `identifier`."""
    for page in article_pages(site):
        html = page.read_text(encoding="utf-8")
        if f'data-identifier="{identifier}"' in html:
            return html
    raise AssertionError(f"no article page for {identifier}")
