"""Settings for the published site: absolute URLs and feeds on.

`make publish SITEURL=https://user.github.io/repo` sets the address.
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("NEWS_DIGEST_SITEURL", "https://example.github.io/news-digest").rstrip("/")
RELATIVE_URLS = False

FEED_ALL_ATOM = "feeds/semua.atom.xml"
CATEGORY_FEED_ATOM = "feeds/sumber/{slug}.atom.xml"
NEWS_DIGEST_EVENT_FEED_ATOM = "feeds/perjalanan/{id}.atom.xml"
