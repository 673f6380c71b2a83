"""Plain Pelican settings for the benchmark's baseline build (B).

The same cleaned articles as Markdown (bench/corpus.py writes them), read by
the markdown-it reader, rendered with Pelican's default theme. Kept
comparable with the news-digest build: no feeds, no tag pages, lists
paginated by 50, one URL scheme for every language, and no content cache.
The Markdown folder comes from the BENCH_MARKDOWN environment variable.
"""

import os

SITENAME = "Benchmark corpus"
SITEURL = ""
RELATIVE_URLS = True
PATH = os.path.abspath(os.environ["BENCH_MARKDOWN"])
ARTICLE_PATHS = [""]
PAGE_PATHS = []
STATIC_PATHS = []
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

PLUGINS = ["markdown_it_reader"]
READERS = {"rst": None, "html": None, "htm": None}

FILENAME_METADATA = ""
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None
ARTICLE_URL = ARTICLE_LANG_URL = "artikel/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = "artikel/{slug}/index.html"
CATEGORY_URL = "sumber/{slug}/"
CATEGORY_SAVE_AS = "sumber/{slug}/index.html"
AUTHOR_URL = "penulis/{slug}/"
AUTHOR_SAVE_AS = "penulis/{slug}/index.html"
MONTH_ARCHIVE_SAVE_AS = "arsip/{date:%Y}/{date:%m}/index.html"
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""

DEFAULT_PAGINATION = 50
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/halaman/{number}/", "{base_name}/halaman/{number}/index.html"),
)

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
