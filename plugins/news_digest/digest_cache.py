"""Each event's key points, remembered between builds.

Working out an event's key points (digest.key_points) is most of the
digest's work, and it depends on nothing but the event's articles. So the
key points are kept in the cache folder under a fingerprint of those
articles (their records, in order), and a rebuild works them out again
only for the events whose articles changed: one edited article costs its
own event's key points, not the whole folder's. The fingerprint covers the
whole record of every member (but what is worked out from the rest of it),
so a remembered result is exactly what the
work would give; the cache folder itself belongs to this version of the
code and its settings (content_cache.versioned_path), so new rules never meet old
results.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections.abc import Sequence

from . import digest, outputs, timing
from .model import Article, record_digest

logger = logging.getLogger(__name__)

#: The file in the cache folder that holds the remembered key points.
FILE_NAME = "key-points.pickle"


class RememberedKeyPoints:
    """`digest.key_points`, answered from the cache folder when the same
    articles were digested before; `save` keeps what this build used."""

    def __init__(self, folder: str):
        self.path = os.path.join(folder, FILE_NAME)
        self.known: dict[str, tuple[digest.KeyPoint, ...]] = _load(self.path)
        self.used: dict[str, tuple[digest.KeyPoint, ...]] = {}

    def __call__(self, members: Sequence[Article]) -> tuple[digest.KeyPoint, ...]:
        key = fingerprint(members)
        points = self.used.get(key, self.known.get(key))
        if points is None:
            points = digest.key_points(members)
            timing.count("events_digested")
        else:
            timing.count("events_remembered")
        self.used[key] = points
        return points

    def save(self) -> None:
        """Keep this build's key points (and only those: an event that is
        gone is forgotten), unless they are what the file already holds."""
        if self.used == self.known:
            return
        try:
            outputs.replace_whole(
                self.path, pickle.dumps(self.used, protocol=pickle.HIGHEST_PROTOCOL)
            )
        except OSError as error:  # the next build works them out again
            logger.warning("key points not remembered for the next build: %s", error)


def fingerprint(members: Sequence[Article]) -> str:
    """The event's articles, in order, whole records (but the fields worked
    out from the others) by value (model.record_digest)."""
    digest_ = hashlib.sha256()
    for article in members:
        digest_.update(record_digest(article))
    return digest_.hexdigest()


def _load(path: str) -> dict:
    """What an earlier build remembered (outputs.read_whole): nothing for
    a first build or a damaged file. The file is written whole
    (outputs.replace_whole), so a killed build does not leave it half
    written."""
    known = outputs.read_whole(
        path, "the remembered key points", lambda found: isinstance(found, dict)
    )
    return known if isinstance(known, dict) else {}
