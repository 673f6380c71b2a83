"""What `make devserver` watches (Pelican glue).

Pelican's autoreload (`pelican -r`, which `make devserver` runs) rebuilds
when something changes under the content folder, the theme, the settings
file or the static paths, and nothing else: the articles, read from the
SEEDS folder (ARTICLE_PATHS outside the content folder), were not
watched, so an edited, added or deleted article or sidecar gave no
rebuild. `install` puts `wait_for_changes` in the place of Pelican's: the
same paths and filter, and the input folders too. Each rebuild is
incremental, as `make html` is (the content cache, the sparing writer).
Changes inside the output or cache folder never count, so a folder that
holds them (SEEDS=. say) does not rebuild after every build.

Pelican also starts watching anew after each build, so what is saved
while a build runs (the first one too: a minute at 5,000 articles) was
never seen. Here one watcher runs from before the first build (`install`
wraps Pelican's autoreload to start it) to the end, and a change made
during a build starts the next one.
"""

from __future__ import annotations

import os

import pelican
import watchfiles
from pelican.settings import read_settings
from pelican.utils import FileChangeFilter

from .options import input_folders

#: How often (ms) the waiting watcher wakes when nothing changes; it also
#: bounds how long starting the watcher takes.
WAKE_MS = 500

#: The one watcher of this process: what it watches (paths, output and
#: cache folders, ignored names), its changes, and those it gave before
#: anyone waited for them.
_WATCHER: dict = {}


def install() -> None:
    """Pelican's autoreload watches as this module does from now on (the
    plugin is registered, and this called, before Pelican starts it)."""
    if not getattr(pelican.autoreload, "news_digest", False):
        pelican.autoreload = _watching_first(pelican.autoreload)
    pelican.wait_for_changes = wait_for_changes


def _watching_first(autoreload):
    """Pelican's autoreload, with the watcher started before the first
    build (from the settings file alone, as Pelican reads it)."""

    def watching_autoreload(args, excqueue=None):
        if args.settings:
            settings = read_settings(args.settings, override=pelican.get_config(args))
            _watcher(os.path.abspath(args.settings), settings)
        return autoreload(args, excqueue)

    watching_autoreload.news_digest = True
    return watching_autoreload


def watched_paths(settings_file: str, settings) -> list[str]:
    """Pelican's watched paths (the settings file, the theme, the content
    folder and its static paths) and the input folders, those that exist."""
    content = settings.get("PATH", "")
    candidates = [
        settings_file,
        settings.get("THEME", ""),
        content,
        *(os.path.join(content, path) for path in settings.get("STATIC_PATHS", [])),
        *input_folders(settings),
    ]
    paths: list[str] = []
    for path in candidates:
        path = os.path.abspath(path) if path else ""
        if path and os.path.exists(path) and path not in paths:
            paths.append(path)
    return paths


class _InputFilter(FileChangeFilter):
    """Pelican's filter (IGNORE_FILES, editors' and tools' files), and
    nothing the build itself writes."""

    def __init__(self, ignored, built):
        super().__init__(ignore_file_patterns=ignored)
        self.built = [os.path.abspath(folder) + os.sep for folder in built if folder]

    def __call__(self, change, path: str) -> bool:
        path = os.path.abspath(path)
        if any(path.startswith(folder) or path + os.sep == folder for folder in self.built):
            return False
        return super().__call__(change, path)


def wait_for_changes(settings_file: str, settings):
    """The changes that start the next rebuild (as Pelican's own), since
    the last ones: those made during the build included."""
    changes = _watcher(settings_file, settings)
    pending, _WATCHER["pending"] = _WATCHER.get("pending"), None
    if pending:
        return pending
    for found in changes:
        if found:
            return found
    raise KeyboardInterrupt  # the watcher stopped (watchfiles: on a signal)


def _watcher(settings_file: str, settings):
    """The process's watcher of these settings' paths, started now if it
    is not running yet (or the settings changed what to watch)."""
    paths = tuple(watched_paths(settings_file, settings))
    # the cache folder as named, configure's NEWS_DIGEST_CACHE_ROOT once it ran
    cache = settings.get("NEWS_DIGEST_CACHE_ROOT") or settings.get("CACHE_PATH", "")
    built = (settings.get("OUTPUT_PATH", ""), cache)
    ignored = tuple(sorted(settings.get("IGNORE_FILES", [])))
    key = (paths, built, ignored)
    if _WATCHER.get("key") != key:
        changes = watchfiles.watch(
            *paths,
            watch_filter=_InputFilter(ignored, built),
            rust_timeout=WAKE_MS,
            yield_on_timeout=True,
        )
        # the first step starts watching; what it saw is the first wait's
        _WATCHER.update(key=key, changes=changes, pending=next(changes))
    return _WATCHER["changes"]
