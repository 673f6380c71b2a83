"""STRICT=1: every warning of the build is printed and counted, then the
build fails with one line (Pelican's own `--fatal warnings` stops at the
first, with a traceback)."""

from __future__ import annotations

import logging

from .options import setting


class _WarningCounter(logging.Handler):
    """Counts the build's warnings for STRICT=1."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


#: One counter for the process, added to the root logger once (a
#: devserver rebuild starts it again at zero).
_WARNINGS = _WarningCounter()


def start_counting(settings) -> None:
    """Count this build's warnings, when STRICT=1."""
    if not setting(settings, "NEWS_DIGEST_STRICT"):
        return
    _WARNINGS.count = 0
    root = logging.getLogger()
    if _WARNINGS not in root.handlers:
        root.addHandler(_WARNINGS)
    # a quiet build (`PELICANOPTS=-q` sets the level to CRITICAL) must
    # still see, count and print the warnings STRICT fails on
    if root.getEffectiveLevel() > logging.WARNING:
        root.setLevel(logging.WARNING)


def fail_if_warned(settings) -> None:
    """With STRICT=1, fail the build (one line) if it gave any warning."""
    if setting(settings, "NEWS_DIGEST_STRICT") and _WARNINGS.count:
        raise SystemExit(
            f"news_digest: STRICT=1 and the build gave {_WARNINGS.count} warning(s), "
            "each printed above; failing."
        )
