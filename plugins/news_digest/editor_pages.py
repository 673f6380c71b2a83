"""The pages an editor writes in content/: the trip catalog (one Markdown
page with YAML front matter per trip) and the topic page, read with
Pelican's own readers. A bad page is one warning, never a stopped build."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from pelican.contents import Page

from .catalog import CatalogError, check_trip_id, trip_from_metadata
from .model import Event

logger = logging.getLogger(__name__)


def load_catalog(generator) -> list[Event]:
    """Read the trip catalog pages (Markdown with YAML front matter) with
    Pelican's own readers. A bad page is skipped with one warning."""
    folder = generator.settings.get("NEWS_DIGEST_CATALOG")
    if not folder:
        return []
    root = os.path.join(generator.path, folder)
    if not os.path.isdir(root):
        logger.warning("trip catalog %s does not exist; articles are grouped automatically", root)
        return []
    trips = []
    for name in sorted(os.listdir(root)):
        if not name.endswith(".md"):
            continue
        path = os.path.join(folder, name)
        try:
            check_trip_id(name[:-3])  # before reading: `..md` is no trip page
            page = generator.readers.read_file(
                base_path=generator.path, path=path, content_class=Page
            )
            untitled = generator.context["UI"]["trip_name"]
            trips.append(trip_from_metadata(name[:-3], page.metadata, page.content, untitled))
        except CatalogError as error:
            logger.warning("%s: not a valid trip page (%s); skipped", path, error)
        except Exception as error:  # one bad page never stops the build
            logger.warning(
                "%s: could not be read as a trip page (%s: %s); skipped",
                path, type(error).__name__, error,
            )  # fmt: skip
    return trips


@dataclass(frozen=True)
class Topic:
    """The digest's title and the editor's introduction (HTML)."""

    title: str
    intro_html: str = ""


def load_topic(generator) -> Topic:
    """The topic page from content/ (YAML front matter title, Markdown
    body), read by Pelican's readers; without one, the site's name."""
    path = generator.settings.get("NEWS_DIGEST_TOPIC")
    fallback = Topic(title=generator.context["SITENAME"])
    if not path:
        return fallback
    if not os.path.isfile(os.path.join(generator.path, path)):
        logger.warning("topic page %s does not exist; using the site name", path)
        return fallback
    page = generator.readers.read_file(base_path=generator.path, path=path, content_class=Page)
    return Topic(title=page.metadata.get("title", fallback.title), intro_html=page.content)
