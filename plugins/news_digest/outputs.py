"""The output folder holds exactly this build, and a rebuild touches only
what changed.

Pelican would empty the output folder and write every file again, so every
deploy would upload every page. Instead, each file this build writes is
compared with the one already there and left alone when its bytes are the
same (its time stamp too, so `ghp-import` and rsync see no change); at the
end, the sweep deletes every file the build did not write (a page of an
article that is gone, a previous folder's site), never outside the output
folder and never the names of OUTPUT_RETENTION. The output folder's safety
checks (guards.refuse_unsafe_output) run before any of this.

Every file is written whole: to a temporary file beside it, then renamed
over it, so a build that is killed midway (or runs out of disk) leaves
each file as the last build wrote it or as this one did, never half of
one; the next build's sweep deletes a temporary file left behind. A file
that cannot be written stops the build with one message naming it
(`CannotWrite`), not a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import inspect
import io
import logging
import os
import pickle
import shutil
import threading
from collections.abc import Callable
from typing import BinaryIO

from pelican.writers import FileOverwriteFailedError, Writer

from . import page_memo, timing

logger = logging.getLogger(__name__)

#: The page memo of this build's writer (page_memo.py), kept for the next
#: build when this one ends (`remember_pages`).
_MEMO: list = [None]
#: The files this build has written or found unchanged, by absolute path;
#: begun anew for each build (`begin`).
_THIS_BUILD: set[str] = set()
#: Folders below the output folder that this build has settled: rebuilt
#: whole by a tool or kept whole as an earlier build left them (a search
#: shard, search_index.py). The final sweep leaves them be.
_SETTLED_FOLDERS: set[str] = set()
#: The suffix of a file being written, before it is renamed into place: a
#: name no page or cache file has, so that one left by a killed build is
#: known for what it is.
PARTIAL_SUFFIX = ".partial"


class CannotWrite(SystemExit):
    """The output folder, or a file in it, cannot be written (a full disk,
    a read-only folder, a file where the folder should be): the build
    stops with this one message. A SystemExit, so that Pelican prints the
    message and exits with status 1 rather than logging a traceback."""

    def __init__(self, message: str):
        super().__init__(f"news_digest: {message}")


#: The errors of a file system that will not take a file: full (or over a
#: quota, or a file over the size limit), read-only, not ours to write.
#: They stop the build wherever they happen (the search index's thread
#: too); other errors of a stage are that stage's warning.
WRITE_ERRORS = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EACCES, errno.EPERM}
)


def not_written(path: str, error: OSError, output_path: str | None) -> CannotWrite:
    """The message that stops a build when `path` could not be written."""
    where = error.filename if isinstance(error.filename, str) else path
    folder = f"the folder {os.path.dirname(where)}"
    if output_path and os.path.abspath(where).startswith(os.path.abspath(output_path)):
        folder = f"the output folder {output_path}"  # (the cache's manifest is elsewhere)
    return CannotWrite(
        f"could not write {where}: {_reason(error)}. The build stopped; build again once "
        f"{folder} can be written to (no file in it is half written)."
    )


def _reason(error: OSError) -> str:
    return error.strerror or str(error) or type(error).__name__


#: The output folder of the current build (`begin`).
_OUTPUT: list[str] = []


def begin(output_path: str | None = None) -> None:
    """A build starts: nothing written yet. The output folder must be one
    that can be written to (made if missing), or the build stops here,
    before any work, with `CannotWrite`."""
    _THIS_BUILD.clear()
    _SETTLED_FOLDERS.clear()
    _OUTPUT[:] = [output_path] if output_path else []
    if output_path:
        check_writable(output_path)


def check_writable(folder: str) -> None:
    """Make `folder` if needed and write (and delete) a file in it: a
    folder that is a file, read-only, or on a full disk stops the build
    with one message."""
    probe = os.path.join(folder, f".news-digest-{os.getpid()}{PARTIAL_SUFFIX}")
    try:
        os.makedirs(folder, exist_ok=True)
        _open_new(probe).close()
        os.remove(probe)
        return
    except OSError as error:
        reason = _reason(error)
    if os.path.lexists(folder) and not os.path.isdir(folder):
        reason = "it is a file, not a folder"
    raise CannotWrite(
        f"cannot write to the output folder {folder}: {reason}. Nothing was built; make "
        "it writable (or choose another OUTPUTDIR) and build again."
    )


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
    try:
        replace_whole(path, data)
    except OSError as error:
        raise not_written(path, error, _OUTPUT[0] if _OUTPUT else None) from None
    timing.count("files_written")
    return True


def replace_whole(path: str, data: bytes) -> None:
    """Write `data` to `path` so that a reader finds the old file or the new
    one, never half of one: a page, or the cache's remembered results, of a
    build that stops midway are as usable as before it started."""
    replace_whole_by(path, lambda handle: handle.write(data))


def read_whole(path: str, what: str, usable: Callable[[object], bool]) -> object | None:
    """A pickle of remembered results that `replace_whole` wrote, read
    back: None when the file is missing (no warning: a first build), or
    cannot be read back whole or is not `usable` (truncated, foreign: one
    warning naming it, and `what` is worked out again)."""
    try:
        with open(path, "rb") as handle:
            found = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception as error:  # truncated or foreign: worked out again
        found = error
    if not isinstance(found, Exception) and usable(found):
        return found
    why = f"{type(found).__name__}: {found}" if isinstance(found, Exception) else "not a table"
    logger.warning("%s: %s cannot be read (%s); worked out again", path, what, why)
    return None


def replace_whole_by(path: str, write: Callable[[BinaryIO], object]) -> None:
    """`replace_whole`, the new file's bytes written by `write` to an open
    file as they come (the content cache is pickled straight to disk, not
    into a copy of itself in memory first: 200 MB at 10,000 articles). The
    temporary file is named for this process and thread, so that two
    writers never share one."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    folder, name = os.path.split(path)
    partial = os.path.join(folder, f".{name}.{os.getpid()}-{threading.get_ident()}{PARTIAL_SUFFIX}")
    try:
        with _open_new(partial) as handle:
            write(handle)
        os.replace(partial, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.remove(partial)
        if isinstance(error, OSError) and error.filename in (None, partial):
            # named for the file it was meant to be, not the temporary one
            raise OSError(error.errno, error.strerror, path) from error
        raise


def _open_new(path: str) -> BinaryIO:
    """A file that must not exist yet, opened for writing (the permissions
    as `open` gives them: the umask's)."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    return os.fdopen(handle, "wb")


def remove_partials(folder: str) -> None:
    """Delete the temporary files a killed build left in `folder` (the
    cache folder; in the output folder the sweep does it)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if name.startswith(".") and name.endswith(PARTIAL_SUFFIX):
            with contextlib.suppress(OSError):
                os.remove(os.path.join(folder, name))


class _Unchanged(io.StringIO):
    """What Pelican's writer writes to a file, written on close only if
    the bytes differ from the file's."""

    def __init__(self, path: str, encoding: str):
        super().__init__()
        self.path, self.target_encoding = path, encoding
        self.kept = False

    def write(self, text: str) -> int:
        if text is page_memo.KEPT:  # not rendered: the file stays as it is
            self.kept = True
            return 0
        return super().write(text)

    def close(self) -> None:
        if self.closed:
            return
        try:
            if self.kept:  # the file as it is (page_memo.py)
                keep(self.path)
                timing.count("files_unchanged")
            else:
                write_bytes(self.path, self.getvalue().encode(self.target_encoding))
        finally:  # closed even when it could not be written: never tried
            super().close()  # again when it is finalised (with a traceback)


#: The parameters of Pelican's Writer.write_file: what else it is given
#: are the page's own values, for its template.
_WRITER_PARAMETERS = frozenset(inspect.signature(Writer.write_file).parameters)


class SparingWriter(Writer):
    """Pelican's writer, keeping its rule against writing one file twice,
    that leaves unchanged files alone, and stops the build with one
    message when a page's folder cannot be made (`CannotWrite`). A page
    of an article, a story or a name that is the one already written is
    not rendered again (page_memo.py)."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings)
        self.memo = _MEMO[0] = page_memo.PageMemo(self.settings["CACHE_PATH"], output_path)

    def write_file(self, name, template, *args, **kwargs):
        own = [key for key in kwargs if key not in _WRITER_PARAMETERS]  # the page's values
        template = self.memo.remembering(template, name, own)
        try:
            return super().write_file(name, template, *args, **kwargs)
        except OSError as error:
            path = os.path.join(self.output_path, name)
            raise not_written(path, error, self.output_path) from None

    def write_feed(self, *args, **kwargs):
        try:
            return super().write_feed(*args, **kwargs)
        except OSError as error:
            raise not_written(self.output_path, error, self.output_path) from None

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


def note_static_files(generator) -> None:
    """Pelican's static generator is done: its copies belong to this build."""
    copied_static_files(generator.settings, generator.output_path, generator.staticfiles)


def copied_static_files(settings, output_path: str, staticfiles) -> None:
    """The theme's static files and the site's static files, which Pelican
    copies itself, belong to this build (and are checked at its end,
    `check_copies`)."""
    _COPIES.clear()
    theme = settings["THEME"]
    for path in settings.get("THEME_STATIC_PATHS", []):
        source = os.path.join(theme, path)
        target = os.path.join(output_path, settings["THEME_STATIC_DIR"])
        if os.path.isfile(source):
            _copied(source, os.path.join(target, os.path.basename(path)))
            continue
        for dirpath, _, names in os.walk(source):
            for name in names:
                relative = os.path.relpath(os.path.join(dirpath, name), source)
                _copied(os.path.join(dirpath, name), os.path.join(target, relative))
    for static in staticfiles:
        _copied(static.source_path, os.path.join(output_path, static.save_as))


#: The files Pelican copies into the output folder: (source, copy).
_COPIES: list[tuple[str, str]] = []


def _copied(source: str, target: str) -> None:
    keep(target)
    _COPIES.append((source, target))


def check_copies(output_path: str) -> None:
    """Pelican only warns when it cannot copy a file (the site's style
    sheet, say) and goes on: a copy that is missing or not the size of
    its source stops the build here, as a page that cannot be written
    does, so that a deploy never gets a half-written site."""
    for source, target in _COPIES:
        try:
            whole = os.path.getsize(target) == os.path.getsize(source)
        except OSError:
            whole = False
        if not whole:
            raise CannotWrite(
                f"could not copy {source} to {target} (Pelican's warning above says why). "
                f"The build stopped; build again once the output folder {output_path} "
                "can be written to."
            )


def settle_pages() -> None:
    """The remembered pages are written: the keys still to be worked out
    for the next build are worked out now (page_memo.PageMemo.settle)."""
    if _MEMO[0] is not None:
        _MEMO[0].settle()


def remember_pages() -> None:
    """The build is done: its pages' keys are kept for the next
    (page_memo.py); a build that stopped midway keeps the last ones."""
    if _MEMO[0] is not None:
        _MEMO[0].save()
        _MEMO[0] = None


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
