"""Article slugs that never collide: which URL an article gets depends on
the identifiers alone, never on the order files arrive in."""

from __future__ import annotations

import hashlib

from .reader import safe_slug


def make_unique(articles) -> None:
    """Two articles never share a page: of the articles whose titles give
    one slug, the first by identifier keeps it and each other gets its
    identifier appended (`cafe`, `CAFE` and `café` slugify alike, so then a
    hash of the identifier). Which URL an article gets depends on the
    identifiers alone, never on the order files arrive in. The URLs are
    final from here on."""
    seen: set[str] = set()
    for article in sorted(articles, key=lambda a: a.news.identifier):
        slug = next(s for s in _slug_candidates(article) if s not in seen)
        seen.add(slug)
        article.slug = slug
        # Final now: Pelican's override_url spares it re-deriving the URL
        # from the settings on every template access (~10 per page). (An
        # override_save_as would also change how Pelican's writer treats a
        # second write to the same file, so save_as is left alone.)
        article.override_url = article.url


def _slug_candidates(article):
    """The slugs an article may take, in order of preference."""
    base = article.metadata["slug"]
    identifier = article.news.identifier
    yield base
    yield f"{base}-{safe_slug(identifier, {})}"
    hashed = hashlib.sha256(identifier.encode("utf-8", "surrogatepass")).hexdigest()
    for length in range(8, len(hashed) + 1, 8):
        yield f"{base}-{hashed[:length]}"
