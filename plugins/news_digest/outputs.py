"""The output folder holds exactly this build, and a rebuild touches only
what changed.

Pelican would empty the output folder and write every file again, so every
deploy would upload every page. Instead, each file this build writes is
compared with the one already there and left alone when its bytes are the
same (its time stamp too, so `ghp-import` and rsync see no change); at the
end, the sweep deletes every file the build did not write (a page of an
article that is gone, a previous folder's site), never outside the output
folder and never the names of OUTPUT_RETENTION. The output folder's safety
checks (plugin._refuse_unsafe_output) run before any of this.
"""

from __future__ import annotations

import io
import os
import shutil

from pelican.writers import FileOverwriteFailedError, Writer

from . import timing

#: The files this build has written or found unchanged, by absolute path;
#: begun anew for each build (`begin`).
_THIS_BUILD: set[str] = set()
#: Folders below the output folder that this build has settled: rebuilt
#: whole by a tool or kept whole as an earlier build left them (a search
#: shard, search_index.py). The final sweep leaves them be.
_SETTLED_FOLDERS: set[str] = set()


def begin() -> None:
    _THIS_BUILD.clear()
    _SETTLED_FOLDERS.clear()


def keep(path: str) -> None:
    """Count `path` as part of this build (a file written some other way)."""
    _THIS_BUILD.add(os.path.abspath(path))


def rebuilt_whole(folder: str) -> None:
    """`folder` is rebuilt whole this build (it is emptied first)."""
    shutil.rmtree(folder, ignore_errors=True)
    _SETTLED_FOLDERS.add(os.path.abspath(folder))


def settled(folder: str) -> None:
    """`folder` stays as an earlier build left it (a search shard whose
    pages have not changed)."""
    _SETTLED_FOLDERS.add(os.path.abspath(folder))


def write_bytes(path: str, data: bytes) -> bool:
    """Write `data` to `path` unless the file already holds exactly those
    bytes; True when it was written."""
    keep(path)
    try:
        if os.path.getsize(path) == len(data):
            with open(path, "rb") as handle:
                if handle.read() == data:
                    timing.count("files_unchanged")
                    return False
    except OSError:
        pass
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
    timing.count("files_written")
    return True


def replace_whole(path: str, data: bytes) -> None:
    """Write `data` to `path` so that a reader finds the old file or the new
    one, never half of one (the cache's remembered results: a build that
    stops midway leaves them usable)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    partial = path + ".partial"
    with open(partial, "wb") as handle:
        handle.write(data)
    os.replace(partial, path)


class _Unchanged(io.StringIO):
    """What Pelican's writer writes to a file, written on close only if
    the bytes differ from the file's."""

    def __init__(self, path: str, encoding: str):
        super().__init__()
        self.path, self.target_encoding = path, encoding

    def close(self) -> None:
        if not self.closed:
            write_bytes(self.path, self.getvalue().encode(self.target_encoding))
        super().close()


class SparingWriter(Writer):
    """Pelican's writer, keeping its rule against writing one file twice,
    that leaves unchanged files alone."""

    def _open_w(self, filename, encoding, override=False):
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                )
            return open(os.devnull, "w", encoding=encoding)
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it '
                "previously (set `override=True` if intended)"
            )
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return _Unchanged(filename, encoding)


def copied_static_files(settings, output_path: str, staticfiles) -> None:
    """The theme's static files and the site's static files, which Pelican
    copies itself, belong to this build."""
    theme = settings["THEME"]
    for path in settings.get("THEME_STATIC_PATHS", []):
        source = os.path.join(theme, path)
        target = os.path.join(output_path, settings["THEME_STATIC_DIR"])
        if os.path.isfile(source):
            keep(os.path.join(target, os.path.basename(path)))
            continue
        for dirpath, _, names in os.walk(source):
            for name in names:
                relative = os.path.relpath(os.path.join(dirpath, name), source)
                keep(os.path.join(target, relative))
    for static in staticfiles:
        keep(os.path.join(output_path, static.save_as))


def sweep(output_path: str, retention=()) -> list[str]:
    """Delete every file below `output_path` that this build did not write,
    then the folders left empty; the names in `retention` (at the top, as
    Pelican's OUTPUT_RETENTION) stay. Returns what was deleted."""
    root = os.path.abspath(output_path)
    deleted, visited = [], []
    for dirpath, dirnames, filenames in os.walk(root, topdown=True):
        visited.append(dirpath)
        if dirpath == root:
            dirnames[:] = [d for d in dirnames if d not in retention]
            filenames = [f for f in filenames if f not in retention]
        dirnames[:] = [d for d in dirnames if os.path.join(dirpath, d) not in _SETTLED_FOLDERS]
        for name in filenames:
            path = os.path.join(dirpath, name)
            if path not in _THIS_BUILD:
                os.remove(path)
                deleted.append(os.path.relpath(path, root))
    for dirpath in reversed(visited[1:]):  # a folder's subfolders come first
        if not os.listdir(dirpath):
            os.rmdir(dirpath)
    timing.count("files_swept", len(deleted))
    _SETTLED_FOLDERS.add(root)
    return deleted
