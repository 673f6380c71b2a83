"""The offline search index: Pagefind over the article pages."""

from __future__ import annotations

import logging
import os
import posixpath
import subprocess
import sys
import threading

from . import outputs, timing

logger = logging.getLogger(__name__)

#: Pagefind gets this long before the build goes on without a search index.
TIMEOUT_SECONDS = 600


def start(output_path: str, settings, language: str) -> threading.Thread:
    """Pagefind's offline search index over the article pages (their
    bodies carry data-pagefind-body), in the corpus's main language so
    Pagefind stems its words (Indonesian included), on a thread of its
    own. It only reads the article pages' folder, so the pages written
    meanwhile are no concern of it."""
    outputs.rebuilt_whole(os.path.join(output_path, "pagefind"))  # no stale fragments
    folder = article_folder(settings)
    if folder:  # the article pages are all written: an earlier build's go first
        outputs.sweep(os.path.join(output_path, folder))
    command = [
        sys.executable, "-m", "pagefind", "--site", output_path,
        "--glob", article_glob(settings), "--force-language", language,
    ]  # fmt: skip
    thread = threading.Thread(target=_run, args=(command,), daemon=True)
    thread.start()
    return thread


def _run(command: list[str]) -> None:
    try:
        with timing.stage("search_index", alongside=True):
            result = subprocess.run(
                command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS
            )
    except (OSError, subprocess.TimeoutExpired) as error:
        logger.warning("search index not built: %s", error)
        return
    if result.returncode != 0:
        logger.warning("search index not built: %s", (result.stderr or result.stdout)[-500:])


def article_folder(settings) -> str:
    """The folder the article pages are saved in ("" when they have none
    of their own)."""
    folders = [
        posixpath.dirname(settings[key].split("{", 1)[0])
        for key in ("ARTICLE_SAVE_AS", "ARTICLE_LANG_SAVE_AS")
    ]
    return posixpath.commonpath(folders)


def article_glob(settings) -> str:
    """The pages Pagefind reads: everything under the article pages'
    folder (the whole site when they have none of their own)."""
    folder = article_folder(settings)
    return f"{folder}/**/*.html" if folder else "**/*.html"
