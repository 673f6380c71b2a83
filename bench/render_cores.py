"""Rendering the article pages on both cores (issue 27, item 4): a cold
build in which Pelican's article pages are written by its one process, or
shared with one forked child (every other article each), timed.

    .venv/bin/python bench/render_cores.py one|two SEEDS OUT CACHE

builds SEEDS into OUT with a fresh CACHE folder (as `make html` would,
with pelicanconf.py) and prints how long the article pages took, with
NEWS_DIGEST_TIMINGS's `digest` and `total` for the build. The child's
pages are written but not recorded in the parent (its sitemap and sweep
would miss them), so "two" is a measurement, not a way to build a site.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
import time
from itertools import chain
from pathlib import Path

import pelican
import pelican.generators
from pelican import signals

ROOT = Path(__file__).resolve().parent.parent


def _writing(mode: str):
    """ArticlesGenerator.generate_articles, its pages written by one
    process or by two (this one and a forked child, every other page)."""

    def generate_articles(self, write):
        started = time.perf_counter()
        articles = list(
            chain(self.translations, self.articles, self.hidden_translations, self.hidden_articles)
        )

        def write_all(part):
            for article in part:
                signals.article_generator_write_article.send(self, content=article)
                write(
                    article.save_as,
                    self.get_template(article.template),
                    self.context,
                    article=article,
                    category=getattr(article, "category", None),
                    override_output=hasattr(article, "override_save_as"),
                    url=article.url,
                    blog=True,
                )

        if mode == "two":
            child = os.fork()
            if child == 0:
                try:
                    write_all(articles[1::2])
                finally:
                    os._exit(0)
            write_all(articles[0::2])
            os.waitpid(child, 0)
        else:
            write_all(articles)
        seconds = time.perf_counter() - started
        print(f"article pages ({mode}): {len(articles)} in {seconds:.2f} s", file=sys.stderr)

    return generate_articles


def main() -> int:
    mode, seeds, out, cache = sys.argv[1:5]
    pelican.generators.ArticlesGenerator.generate_articles = _writing(mode)
    with tempfile.TemporaryDirectory() as scratch:
        timings = os.path.join(scratch, "timings.json")
        os.environ.update(NEWS_DIGEST_SEEDS=seeds, NEWS_DIGEST_TIMINGS=timings)
        os.chdir(ROOT)
        with contextlib.suppress(SystemExit):  # Pelican's command exits when done
            pelican.main(["content", "-o", out, "-s", "pelicanconf.py", "--cache-path", cache])
        stages = json.loads(Path(timings).read_text(encoding="utf-8"))
    print(f"digest {stages['digest']:.2f} s, total {stages['total']:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
