"""One build at a time per cache folder.

Two builds at once into one output folder would each sweep the other's
files (outputs.sweep) and write the same cache files, so a build first
takes a lock on a file in the cache folder (its root, which every
version's cache and the output folders built with it share: `make html`
and `make devserver` of one project both use `cache/`). A second build
says that another one is running, waits for it to finish, and then
builds: both finish, and the site is the second one's, whole.

The lock is a POSIX record lock (`fcntl.lockf`), which belongs to the
process that took it: the operating system drops it when that process
ends in any way (a SIGKILL included), so a killed build leaves no stale
lock, and the worker processes a build forks do not hold it after their
parent is gone. A process that holds it already (the devserver's next
rebuild) takes it again at once.
"""

from __future__ import annotations

import fcntl
import os
import sys

#: The lock file, in the cache folder's root.
FILE_NAME = "build.lock"

#: The lock files this process holds, and their descriptors: the lock
#: lasts as long as the descriptor stays open (closing any descriptor of
#: the file would drop it, so each is opened once).
_HELD: dict[str, int] = {}


def hold(cache_root: str) -> None:
    """Take the build lock of `cache_root`, waiting (with one line on
    stderr saying so) while another process holds it."""
    path = os.path.join(os.path.abspath(cache_root), FILE_NAME)
    if path in _HELD:
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        print(
            f"news_digest: another build (process {_holder(handle)}) is using the cache "
            f"folder {cache_root}; waiting for it to finish.",
            file=sys.stderr,
            flush=True,
        )
        fcntl.lockf(handle, fcntl.LOCK_EX)
    os.ftruncate(handle, 0)
    os.pwrite(handle, f"{os.getpid()}\n".encode(), 0)
    _HELD[path] = handle


def release() -> None:
    """Let the next build in (the end of a build)."""
    for handle in _HELD.values():
        os.close(handle)  # the lock goes with the descriptor
    _HELD.clear()


def _holder(handle: int) -> str:
    """The process id the lock file names (written by its holder)."""
    try:
        return os.pread(handle, 32, 0).decode("ascii").strip() or "unknown"
    except (OSError, UnicodeDecodeError):
        return "unknown"
