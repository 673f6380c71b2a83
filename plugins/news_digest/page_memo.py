"""The pages a rebuild need not render again: an article's, a story's and
a name's.

Pelican renders every page on every build; the writer
(outputs.SparingWriter) then leaves a file alone when its bytes are the
same. At 5,000 articles that rendering is most of a warm build (9 of 15 s
after a one-article edit). Here each page of one thing (`REMEMBERED`) gets
a key made of everything its templates show, and a page whose key is the
one it was last written under, and whose file is still the one written
then (the same size and modification time), is not rendered at all: its
file is kept as it is, and Pelican goes on as if it had written it (its
`content_written` signal, its rule against writing a file twice).

A page's key covers:

- the source of every template it is made from (its template, the ones it
  extends, imports and includes; of a file of macros, the macros it
  imports), and each filter and global they use (by source);
- every value of the build's context those templates name (found in the
  templates themselves, `jinja2.meta`), by value: the site's name, the
  words of its language, the search bundles, the menu's pages…; a value
  of a kind this module cannot put in words (`_described`) renders every
  page of that template, as before;
- the page's own values (what the writer is given for it: the article,
  the story's page, the name's page, and the part of the site's tables
  the page looks up), by value; an article wherever it is shown by
  everything about it a page shows (`ARTICLE_SHOWN`, `ARTICLE_LINKS`, its
  whole record but the grouping's inputs); a test renders every page and
  fails when a template reads anything of an article not named there.

Only our own templates are remembered this way: a site theme's template
may show anything of what it is given, so its pages are rendered every
time. The memo lives in the cache folder of this version of the code
(content_cache.versioned_path), so new code never meets old keys.
"""

from __future__ import annotations

import dataclasses
import hashlib
import inspect
import json
import logging
import os
import pickle
from datetime import date, datetime, time
from functools import cache, partial
from operator import attrgetter
from pathlib import Path

from jinja2 import meta, nodes
from pelican.contents import Content, Page
from pelican.urlwrappers import URLWrapper

from . import model, outputs, own_theme, timing
from .text import fingerprint

logger = logging.getLogger(__name__)

#: The file in the cache folder: each page's key and its file's size and
#: modification time when it was written under that key.
FILE_NAME = "pages.json"

#: The pages remembered, by what the writer is given for each: an article
#: (Pelican's article pages), a story's page and a name's page (ours).
#: The front page and the lists show the whole folder: they are rendered
#: every time.
REMEMBERED = frozenset({"article", "event_page", "entity_page"})

#: What Pelican's writer adds to each page's context itself: part of the
#: page's key (its address, and the site's address as seen from it).
WRITER_PER_PAGE = frozenset({"output_file", "SITEURL", "localsiteurl"})

#: An article's attributes its pages show, by value (its title and
#: address, its date's finding, its placement and the words spelled
#: otherwise for search); tests/test_page_memo.py renders every page and
#: fails when a template reads one not named here or below. (Not its
#: file's name, `save_as`: no template shows it, the article's own page
#: is keyed by its name anyway, and Pelican works it out from the
#: settings at each asking, a third of an article's key.)
ARTICLE_SHOWN = (
    "title",
    "url",
    "lang",
    "content",
    "date_finding",
    "reported_day",
    "placement_evidence",
    "search_spellings",
)
#: The objects an article links to, and what its pages show of each: its
#: story (name, address, and whether it has legs), its neighbours in the
#: story, its outlet's and its authors' pages (`authors` is a list: each).
ARTICLE_LINKS = {
    "event_page": ("name", "url", "event.legs"),
    "prev_in_event": ("title", "url"),
    "next_in_event": ("title", "url"),
    "category": ("name", "slug", "url"),
    "authors": ("name", "slug", "url"),
}
#: The record's fields the pages never show: those worked out from the
#: others (model.DERIVED_FIELDS: the grouping's, the search's and the
#: digest's inputs, shown only through the placement and the digest, which
#: are keyed) and where its file is on this machine (a page shows its
#: identifier: a folder moved keeps its pages).
RECORD_NOT_SHOWN = model.DERIVED_FIELDS | {"source_path"}

#: Values put in words as they are.
_PLAIN = (str, bytes, int, float, bool, type(None), date, datetime, time)


class Undescribed(Exception):
    """A value of a kind `_described` cannot put in words: the pages whose
    templates name it are rendered every time."""


class PageMemo:
    """The keys of the pages of the last build (`known`) and of this one
    (`now`), by the page's address in the output folder."""

    def __init__(self, folder: str, output_path: str):
        self.path = os.path.join(folder, FILE_NAME)
        self.output_path = output_path
        self.known: dict[str, list] = _load(self.path)
        self.now: dict[str, str] = {}
        #: this build's pages whose keys are still to be worked out (`settle`)
        self.pending: list[tuple] = []
        #: the site's part of the key, per template and page values, worked
        #: out once a build
        self._site: dict[tuple, str | None] = {}
        #: each article's part of a key (`_article_key`), worked out once a
        #: build, by the article object's identity (every article lives as
        #: long as the build)
        self.articles: dict[int, str] = {}

    def remembering(self, template, name: str, given):
        """`template`, rendering the page at `name` only when it changed,
        for a page of one thing (REMEMBERED, among the names the writer is
        `given` for it) made from our own templates."""
        if not REMEMBERED.intersection(given) or not _ours(template.filename):
            return template
        return _Remembering(self, template, name, frozenset(given))

    def unchanged(self, template, context: dict, name: str, own: frozenset) -> bool:
        """Whether the page at `name`, with this local context (its `own`
        values among it), is the one already in the output folder; noted
        for the next build either way."""
        site = self._site_key(template, context, own)
        if site is None:
            return False
        values = [(key, context[key]) for key in sorted(own)]
        page = (site, values, name, context.get("SITEURL"))
        known = self.known.get(name)
        if not known:  # (a cold build) its key can wait: `settle`
            self.pending.append(page)
            return False
        key = self._page_key(*page)
        if key is None:
            return False
        self.now[name] = key
        if known[0] != key:
            return False
        try:
            status = os.stat(os.path.join(self.output_path, name))
        except OSError:
            return False
        return [status.st_size, status.st_mtime_ns] == known[1:]

    def settle(self) -> None:
        """The keys of the pages rendered without one (no page of their
        address was remembered): worked out once they are written, while
        the build waits for its search index, not while it renders."""
        for page in self.pending:
            if (key := self._page_key(*page)) is not None:
                self.now[page[2]] = key
        self.pending.clear()

    def save(self) -> None:
        """Each page of this build with its file's size and time now (after
        the build wrote it, or left it alone)."""
        self.settle()
        table = {}
        for name, key in sorted(self.now.items()):
            try:
                status = os.stat(os.path.join(self.output_path, name))
            except OSError:
                continue
            table[name] = [key, status.st_size, status.st_mtime_ns]
        if table == self.known:
            return
        try:
            outputs.replace_whole(self.path, json.dumps(table).encode())
        except OSError as error:  # the next build renders every page
            logger.warning("pages not remembered for the next build: %s", error)

    def _page_key(self, site: str, values, name: str, siteurl: str | None) -> str | None:
        """A page's key: its templates' and site's part, its own values,
        its address (and the site's address as seen from it); None when a
        value cannot be put in words (the page is rendered every time)."""
        try:
            own = [f"{key}={_described(value, self.articles)}" for key, value in values]
        except Undescribed as why:
            logger.debug("%s: rendered every time (%s)", name, why)
            return None
        return _digest([site, *own, name, repr(siteurl)])

    def _site_key(self, template, context: dict, own: frozenset) -> str | None:
        """The part of the key every page of `template` shares, or None
        when a value it names cannot be put in words."""
        key = (template.name, own)
        if key not in self._site:
            try:
                self._site[key] = _site_key(template, context, own | WRITER_PER_PAGE, self.articles)
            except Undescribed as why:
                logger.debug("%s: every page rendered (%s)", template.name, why)
                self._site[key] = None
        return self._site[key]


class _Remembering:
    """A template that tells the writer to keep the page as it is instead
    of rendering it, when the page is unchanged (`KEPT` for its text)."""

    def __init__(self, memo: PageMemo, template, name: str, own: frozenset):
        self.memo, self.template, self.name, self.own = memo, template, name, own

    def render(self, context: dict) -> str:
        if self.memo.unchanged(self.template, context, self.name, self.own):
            timing.count("pages_kept")
            return KEPT
        timing.count("pages_rendered")
        return self.template.render(context)


class _Kept(str):
    """The text of a page kept as it is (compared by identity)."""


#: What `_Remembering.render` gives for a page kept as it is: the writer
#: writes nothing, and counts the file as this build's.
KEPT = _Kept("")


@cache
def _ours(filename: str | None) -> bool:
    """The template file is one of our own (in the package's theme)."""
    return bool(filename) and Path(filename).resolve().is_relative_to(own_theme.THEME.resolve())


def _site_key(template, context: dict, own: frozenset, articles: dict[int, str]) -> str:
    """The sources of the templates `template` is made from, and each
    context value (but a page's `own`), filter and global they read, put
    in words."""
    env = template.environment
    sources, names, filters = _reads(env, template.name)
    parts = [f"{name}\n{source}" for name, source in sorted(sources.items())]
    for name in sorted(names - own):
        if name in context or name in env.globals:
            try:
                value = context.get(name, env.globals.get(name))
                parts.append(f"{name}={_described(value, articles)}")
            except Undescribed as why:
                raise Undescribed(f"{name}: {why}") from None
        else:
            parts.append(f"{name} undefined")
    for kind, name in sorted(filters):
        table = env.filters if kind == "filter" else env.tests
        parts.append(f"{kind} {name}={_described(table.get(name))}")
    return _digest(parts)


def _reads(env, root: str) -> tuple[dict[str, str], set[str], set[tuple[str, str]]]:
    """What a page of the template `root` reads: the sources of the
    templates it is made from, the context's names they use, and their
    filters and tests. The template and those it extends, includes or
    imports are read whole; of a file it imports macros from (`{% from …
    import … %}`), the macros it imports and those they call, so that the
    article page is not keyed by what the file's other macros read."""
    sources: dict[str, str] = {}
    names: set[str] = set()
    filters: set[tuple[str, str]] = set()
    pending: list[tuple[str, str | None]] = [(root, None)]  # (template, macro or whole)
    done = set()
    while pending:
        item = pending.pop()
        if item in done:
            continue
        done.add(item)
        name, macro = item
        tree = _parsed(env, name, sources)
        part = tree
        if macro is not None:
            found = [m for m in tree.find_all(nodes.Macro) if m.name == macro]
            if not found:
                raise Undescribed(f"no macro {macro} in {name}")
            part = nodes.Template(found)
            part.set_environment(env)
        read = meta.find_undeclared_variables(part)
        names |= read
        filters |= {("filter", n.name) for n in part.find_all(nodes.Filter)}
        filters |= {("test", n.name) for n in part.find_all(nodes.Test)}
        for node in part.find_all((nodes.Extends, nodes.Include, nodes.Import)):
            pending.append((_constant(node.template, name), None))
        for node in part.find_all(nodes.FromImport):
            source = _constant(node.template, name)
            pending.extend((source, n if isinstance(n, str) else n[0]) for n in node.names)
        if macro is not None:  # the file's other macros it calls
            pending.extend((name, m.name) for m in tree.find_all(nodes.Macro) if m.name in read)
    return sources, names, filters


def _parsed(env, name: str, sources: dict[str, str]):
    """The template `name`, parsed (its source noted), if it is ours."""
    source, filename, _ = env.loader.get_source(env, name)
    if not _ours(filename):
        raise Undescribed(f"the template {name} is not ours")
    sources[name] = source
    return env.parse(source)


def _constant(node, within: str) -> str:
    """The name of a template another names, which must be written out."""
    if not isinstance(node, nodes.Const) or not isinstance(node.value, str):
        raise Undescribed(f"{within} names a template by an expression")
    return node.value


def _article_key(article) -> str:
    """Everything about `article` its pages show."""
    parts = [repr(getattr(article, name, None)) for name in ARTICLE_SHOWN]
    for name, attributes in ARTICLE_LINKS.items():
        value = getattr(article, name, None)
        items = value if isinstance(value, list | tuple) else [value]
        shown = [None if item is None else attrgetter(*attributes)(item) for item in items]
        parts.append(repr(shown))
    try:
        record = model.record_digest(article.news, RECORD_NOT_SHOWN)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError) as error:
        raise Undescribed(f"its record cannot be pickled: {error}") from None
    return _digest(parts, record)


def _digest(parts: list[str], *more: bytes) -> str:
    """The parts, each framed by its length (text.fingerprint), as hex."""
    return fingerprint(*parts, *more).hex()


def _by_value(value) -> bytes:
    """model.by_value; Undescribed when `value` cannot be pickled."""
    try:
        return model.by_value(value)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError) as error:
        raise Undescribed(f"cannot be pickled: {error}") from None


def _described(value, articles: dict[int, str] | None = None, depth: int = 0) -> str:
    """`value` in words that change whenever it does, the same in every
    process (sets in order, functions by their source, one of our articles
    by `_article_key`, remembered in `articles`); Undescribed for a value
    of another kind."""
    if depth > 20:
        raise Undescribed("a value nested too deep")
    if isinstance(value, _PLAIN):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ",".join(_described(v, articles, depth + 1) for v in value) + "]"
    if isinstance(value, set | frozenset):
        return "{" + ",".join(sorted(_described(v, articles, depth + 1) for v in value)) + "}"
    if isinstance(value, dict):
        items = sorted((repr(k), _described(v, articles, depth + 1)) for k, v in value.items())
        return "{" + ",".join(f"{k}:{v}" for k, v in items) + "}"
    if isinstance(value, partial):
        return _described((value.func, value.args, value.keywords), articles, depth + 1)
    if callable(value):
        return _function(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if value.__dataclass_params__.frozen:  # a record: plain values all through
            return f"{type(value).__name__}:{hashlib.blake2b(_by_value(value)).hexdigest()}"
        fields = [getattr(value, f.name) for f in dataclasses.fields(value)]
        return type(value).__name__ + _described(fields, articles, depth + 1)
    if isinstance(value, Content) and hasattr(value, "news"):  # one of our articles
        if articles is None:
            return _article_key(value)
        if id(value) not in articles:
            articles[id(value)] = _article_key(value)
        return articles[id(value)]
    if isinstance(value, Page):  # the menu's pages: their titles and addresses
        return repr((type(value).__name__, value.title, value.url))
    if isinstance(value, URLWrapper):  # an outlet's or an author's page
        return repr((type(value).__name__, value.name, value.slug, value.url))
    raise Undescribed(f"a value of type {type(value).__name__}")


def _function(function) -> str:
    """A filter, test or global by its source (its name when it has none)."""
    name = f"{getattr(function, '__module__', '')}.{getattr(function, '__qualname__', '')}"
    try:
        return f"{name}\n{inspect.getsource(function)}"
    except (OSError, TypeError):
        return name


def _load(path: str) -> dict[str, list]:
    """The last build's keys; none when there are none or the file cannot
    be read back (every page is rendered, as on a first build)."""
    try:
        with open(path, encoding="utf-8") as handle:
            known = json.load(handle)
    except (OSError, ValueError):
        return {}
    return known if isinstance(known, dict) else {}
