"""Pelican settings for the news digest site (local preview build).

The raw articles come from SEEDS (the Makefile passes it in the
NEWS_DIGEST_SEEDS environment variable; default: seeds/). The trip catalog
in content/trips/ belongs to the seeds' topic, so it is used only when the
input is the seeds folder; any other folder is grouped automatically.
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SEEDS = os.path.join(HERE, "seeds")
SEEDS = os.path.abspath(os.environ.get("NEWS_DIGEST_SEEDS") or DEFAULT_SEEDS)


USING_SEEDS = SEEDS == DEFAULT_SEEDS
# Another folder's site is named after it, in the site's language
# ("News digest: FOLDER"; data/ui.toml, site_name).
SITENAME = "Diplomasi Blinken di Timur Tengah" if USING_SEEDS else ""
# The language the site speaks; empty: the language most articles are in.
SITE_LANG = os.environ.get("SITE_LANG") or None
# STRICT=1 (make): every warning printed, then the build fails, in one line.
NEWS_DIGEST_STRICT = os.environ.get("NEWS_DIGEST_STRICT") == "1"
SITEURL = os.environ.get("NEWS_DIGEST_SITEURL", "")
RELATIVE_URLS = True

PATH = os.path.join(HERE, "content")
ARTICLE_PATHS = [SEEDS]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
# The plugin's own theme, which ships inside it (a site that adds the
# plugin keeps its own theme: README, "Adding the plugin to your own site").
THEME = os.path.join(HERE, "plugins", "news_digest", "theme")

TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

PLUGIN_PATHS = [os.path.join(HERE, "plugins")]
PLUGINS = ["news_digest", "markdown_it_reader"]
READERS = {"rst": None, "html": None, "htm": None}
# The trip catalog and the topic page describe the seeds' topic only.
NEWS_DIGEST_CATALOG = "trips" if USING_SEEDS else None
NEWS_DIGEST_TOPIC = "topic.md" if USING_SEEDS else None

# Dates, titles and slugs come from the article text, never from file
# times (those would make builds differ between machines). File names:
# the outlet a scraper wrote into them is read where the text names none
# (filenames.py); set FILENAME_METADATA to a regular expression with named
# groups (publisher, author, date, title, slug) to read more, e.g.
#   FILENAME_METADATA = r"(?P<date>\d{4}-\d{2}-\d{2})_(?P<publisher>[a-z0-9]+)_.*"
# As everywhere, a value from the file name only fills what the text and
# the sidecar leave unknown. This is Pelican's own default: a name that
# starts with a day (`2025-06-18-…`) dates an article whose text does not.
FILENAME_METADATA = r"(?P<date>\d{4}-\d{2}-\d{2}).*"
DEFAULT_DATE = None
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None

# One URL scheme whatever an article's language (Pelican would otherwise
# put articles not in DEFAULT_LANG elsewhere); slugs are made unique.
ARTICLE_URL = ARTICLE_LANG_URL = "artikel/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = "artikel/{slug}/index.html"
PAGE_URL = PAGE_LANG_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_LANG_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "sumber/{slug}/"
CATEGORY_SAVE_AS = "sumber/{slug}/index.html"
CATEGORIES_URL = "sumber/"
CATEGORIES_SAVE_AS = "sumber/index.html"
AUTHOR_URL = "penulis/{slug}/"
AUTHOR_SAVE_AS = "penulis/{slug}/index.html"
AUTHORS_URL = "penulis/"
AUTHORS_SAVE_AS = "penulis/index.html"
ARCHIVES_URL = "arsip/"
ARCHIVES_SAVE_AS = "arsip/index.html"
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_URL = "arsip/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "arsip/{date:%Y}/{date:%m}/index.html"
DAY_ARCHIVE_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
# The front page (index.html) is the digest, written by the plugin once the
# digest is ready; Pelican writes the other lists.
DIRECT_TEMPLATES = ["archives", "categories", "authors"]

# The front page is the digest and is never paginated; long lists are,
# with directory-style URLs so no page of one list can collide with another.
DEFAULT_PAGINATION = 50
PAGINATED_TEMPLATES = {"category": None, "author": None, "period_archives": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/halaman/{number}/", "{base_name}/halaman/{number}/index.html"),
)

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None


# Per-file results are cached by content hash for fast rebuilds.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
CHECK_MODIFIED_METHOD = "md5"
# Uncompressed: gzip costs ~1 s per build at 5,000 articles (35 MB of cache).
GZIP_CACHE = False
CACHE_PATH = os.path.join(HERE, "cache")

# The output folder holds exactly the current build, and a rebuild writes
# only the files whose bytes changed: instead of Pelican emptying it first,
# the plugin leaves unchanged files alone and at the end deletes every file
# this build did not write (plugins/news_digest/outputs.py), so no page of
# an earlier build (of another folder, say) stays behind or in the search
# index. It refuses an output folder that must never be swept (the root,
# the home folder, a git repository, one that holds the input): see
# site_files.unsafe_output.
DELETE_OUTPUT_DIRECTORY = False
