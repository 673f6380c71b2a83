"""The Pelican glue: its signals, the digest generator and the
configuration; each job is a module named for it. A build, in order:

- `configure`: defaults, the input and output guards (guards.py), a cache
  of this pipeline's version, the theme's filters (jinja_filters.py) and
  autoescaping (own_theme.py, which also adds our templates to every
  generator's loader, after the site theme's);
- the reader (reader.py) reads, cleans and describes each raw file;
- `place_articles` groups all articles at once (the comparisons spread
  over the cores, what the last build worked out of them remembered:
  group_cache.py), starts the digest (on a big folder on the second core
  while Pelican goes on and renders the article pages; digest_worker.py)
  and gives each article its story and final date (placement.py) before
  Pelican builds its archives;
- Pelican writes the article pages through `outputs.SparingWriter`, which
  renders a page of an article, a story or a name only when its content
  changed (page_memo.py);
- `DigestGenerator` plans its pages in `generate_context` and writes in
  `generate_output` the front page, the story and name pages (pages.py),
  the indexes and the site files, while Pagefind (search_index.py)
  indexes the article pages alongside;
- `finish`: the output folder swept to this build, the pages' keys kept
  for the next, STRICT=1 applied.
"""

from __future__ import annotations

from functools import partial
from operator import attrgetter

from pelican import signals
from pelican.generators import Generator
from pelican.log import console

from . import (
    build_lock,
    content_cache,
    devserver,
    digest_worker,
    editor_pages,
    group_cache,
    guards,
    jinja_filters,
    outputs,
    own_theme,
    pages,
    placement,
    search_index,
    site_files,
    site_language,
    slugs,
    strictness,
    timing,
    ui,
)
from .options import DEFAULTS, grouping_cores, setting
from .reader import (
    add_reader,
    forget_replaced_readers,
    guard_input_folder,
    name_from_files,
    prefetch_articles,
    report_problems,
)

# ---- configuration ------------------------------------------------------------------


def configure(pelican):
    """Filters the theme needs, autoescaping for every template (the site
    shows scraped text, which must never become markup), a content cache
    that belongs to this version of the pipeline and its settings, and the
    front page left to DigestGenerator."""
    settings = pelican.settings
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
    guards.refuse_missing_input(settings)
    # the build sweeps the output folder (outputs.sweep) or Pelican empties it
    guards.refuse_unsafe_output(settings)
    # the folder the user named holds the build lock (build_lock.py)
    settings["NEWS_DIGEST_CACHE_ROOT"] = settings["CACHE_PATH"]
    settings["CACHE_PATH"] = content_cache.versioned_path(settings)
    # The front page is the digest: DigestGenerator writes it when the
    # digest is ready, after Pelican's own lists.
    settings["DIRECT_TEMPLATES"] = [t for t in settings["DIRECT_TEMPLATES"] if t != "index"]
    # The events index is paginated by Pelican's paginator, like its lists.
    paginated = dict(settings.get("PAGINATED_TEMPLATES", {}))
    paginated.setdefault("events", setting(settings, "NEWS_DIGEST_EVENTS_PER_PAGE"))
    paginated.setdefault("others", setting(settings, "NEWS_DIGEST_OTHERS_PER_PAGE"))
    settings["PAGINATED_TEMPLATES"] = paginated
    jinja_filters.configure(settings)
    own_theme.configure(settings)


def start(pelican):
    timing.reset()
    strictness.start_counting(pelican.settings)


def get_generators(pelican):
    # each build (and each devserver rebuild) starts here, before Pelican
    # reads its cache: one build at a time per cache folder, an output
    # folder that can be written to, no file a killed build left
    build_lock.hold(pelican.settings["NEWS_DIGEST_CACHE_ROOT"])
    outputs.begin(pelican.output_path)
    outputs.remove_partials(pelican.settings["CACHE_PATH"])
    return DigestGenerator


def get_writer(pelican):
    return outputs.SparingWriter


# ---- the articles, placed -------------------------------------------------------------


def place_articles(generator):
    """Group all raw articles into stories and settle their dates."""
    settings, context = generator.settings, generator.context
    ours = placement.ours(generator.articles, generator.hidden_articles)
    timing.count("articles", len(ours))
    words = site_language.speak(generator, ours)
    trips = editor_pages.load_catalog(generator)
    if not trips:
        words = context["UI"] = ui.for_stories(words)
    placement.forget_unknown_trips(ours, trips)
    with timing.stage("group"):
        name_from_files(ours, settings)
        placement.apply_folder_passes(ours)
        cores = grouping_cores(settings, len(ours))
        grouping = group_cache.grouped([a.news for a in ours], trips, cores, settings["CACHE_PATH"])
    # the digest needs only the records and their grouping: on a big folder
    # it is worked out on the second core from now on (digest_worker.py)
    context["news_digest_ready"] = digest_worker.start([a.news for a in ours], grouping, settings)
    event_pages = placement.place(ours, grouping, words, settings)
    slugs.make_unique(ours)
    own_theme.escape_for_theme(ours, settings)
    placement.list_in_order(generator, ours)
    context.update(placement.context(ours, grouping, event_pages, bool(trips), settings))


# ---- the digest's pages -------------------------------------------------------------


class DigestGenerator(Generator):
    """The topic digest, the story and name pages and their indexes, the
    search page, the JSON files, robots.txt and the sitemap."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.written: list[tuple[str, object]] = []
        signals.content_written.connect(self._record)

    def _record(self, path, context):
        """Every page this build writes goes in the sitemap."""
        self.written.append((path, context.get("article") or context.get("event_page")))

    def generate_context(self):
        ours = self.context.get("news_articles", [])
        self.grouping = self.context.get("news_grouping")
        self.records = [a.news for a in ours]
        self.event_pages = self.context.get("event_pages", [])
        self.digest_ready = self.context.get("news_digest_ready") or digest_worker.start(
            self.records, self.grouping, self.settings
        )
        absolute = partial(site_files.absolute, self.settings)
        self.urls = {a.news.identifier: absolute(a.url) for a in ours}
        self.event_urls = {page.event.id: absolute(page.url) for page in self.event_pages}
        self._plan_search(ours)
        self._plan_front_page(ours)

    def _plan_search(self, ours):
        self.search_language = self.context.get("CONTENT_LANG", ui.DEFAULT_LANG)
        self.search_bundles = search_index.plan(
            [name for name in (a.save_as for a in ours) if name],
            setting(self.settings, "NEWS_DIGEST_SEARCH_SHARD_PAGES"),
        )
        url = setting(self.settings, "NEWS_DIGEST_SEARCH_URL")
        self.context["search_url"] = url if setting(self.settings, "NEWS_DIGEST_SEARCH") else None
        self.context["search_lang"] = self.search_language
        # the search bundles, the first loaded and the others merged into it
        self.context["search_bundles"] = list(self.search_bundles)

    def _plan_front_page(self, ours):
        self.context["topic"] = editor_pages.load_topic(self)
        words, settings = self.context["UI"], self.settings
        front = pages.front_page_context(
            self.grouping, self.records, self.event_pages, ours, words, settings
        )
        self.context.update(front)

    def generate_output(self, writer):
        # The article pages are written by now: Pagefind indexes them on
        # the second core while this generator writes its own pages.
        searching = None
        if self.context["search_url"]:
            searching = search_index.start(
                self.output_path, self.settings, self.search_language, self.search_bundles
            )
        self._collect_digest()
        self._write_pages(writer)
        signals.content_written.disconnect(self._record)
        self._write_site_files()
        own_theme.write_static(self.output_path, self.settings)
        outputs.settle_pages()  # while Pagefind indexes
        if searching is not None:
            with timing.waiting():
                searching.join()

    def _collect_digest(self):
        """The digest (from the background worker, if it had one) into the
        context of the pages that show it."""
        self.digest = self.digest_ready()
        self.entity_pages, shown = pages.digest_context(
            self.digest, self.event_pages, self.context["articles_by_identifier"], self.settings
        )
        self.context.update(shown)

    def _write_pages(self, writer):
        front = self.settings.get("INDEX_SAVE_AS", "index.html"), self.settings.get("INDEX_URL", "")
        self._write_page(writer, *front, "index", template_name="index", page_name="index")
        feed = setting(self.settings, "NEWS_DIGEST_EVENT_FEED_ATOM")
        for page in self.event_pages:
            page.feed_url = feed.format(id=page.event.id) if feed else None
            lookups = pages.story_lookups(page, self.context)
            self._write_page(writer, page.save_as, page.url, "event", event_page=page, **lookups)
            dated = [a for a in page.articles if a.status == "published"]
            if page.feed_url and dated:
                newest_first = sorted(dated, key=attrgetter("date"), reverse=True)
                writer.write_feed(newest_first, self.context, page.feed_url, feed_title=page.name)
        for page in self.entity_pages:
            lookups = pages.name_lookups(page, self.context)
            self._write_page(writer, page.save_as, page.url, "entity", entity_page=page, **lookups)
        self._write_list(writer, "ENTITIES", "entities")
        in_order = pages.in_reading_order(self.event_pages, self.settings)
        self._write_list(writer, "EVENTS", "events", paginated={"event_pages": in_order})
        if others := self.context["others"]:
            self._write_list(writer, "OTHERS", "others", paginated={"others": others})
        if self.context["search_url"]:
            self._write_list(writer, "SEARCH", "search")
        self._write_not_found(writer)

    def _write_list(self, writer, setting_name: str, template: str, **extra):
        """A page of its own address setting (NEWS_DIGEST_<NAME>_SAVE_AS/_URL)."""
        save_as = setting(self.settings, f"NEWS_DIGEST_{setting_name}_SAVE_AS")
        url = setting(self.settings, f"NEWS_DIGEST_{setting_name}_URL")
        if "paginated" in extra:
            extra["template_name"] = template
        self._write_page(writer, save_as, url, template, **extra)

    def _write_not_found(self, writer):
        """404.html, which GitHub Pages serves at any missing address, at any
        depth: its links cannot be relative to where it is saved, so it is
        written with absolute ones, and only for a site that has an address
        (a published build; a local preview has no use for it)."""
        if site_files.site_address(self.settings):
            page = self.get_template(f"{own_theme.NAMESPACE}/404")
            writer.write_file("404.html", page, self.context, relative_urls=False, url="404.html")

    def _write_page(self, writer, save_as: str, url: str, template: str, **extra):
        relative = self.settings["RELATIVE_URLS"]
        template = self.get_template(f"{own_theme.NAMESPACE}/{template}")
        writer.write_file(save_as, template, self.context, relative_urls=relative, url=url, **extra)

    def _write_site_files(self):
        """The JSON files, robots.txt and, for a site with an address, the
        sitemap of every page written (but the search and not-found pages)."""
        if self.grouping is not None:
            stories = [page.event.id for page in self.context["story_pages"]]
            found = self.digest, self.grouping, self.records, self.urls, self.event_urls, stories
            site_files.write_digest_json(self.output_path, self.settings, *found)
        site = site_files.site_address(self.settings)
        site_files.write_robots(self.output_path, site)
        if site:
            entries = pages.sitemap_entries(self.written, self.output_path, self.settings)
            site_files.write_sitemap(self.output_path, site, entries)


# ---- the end of a build -------------------------------------------------------------


def finish(pelican):
    outputs.check_copies(pelican.output_path)
    folded = timing.counted("export_repeats_folded")
    if folded:  # the build's summary, beside Pelican's "Done" line
        console.print(
            f"news_digest: {folded} export record(s) repeated another of their address "
            "word for word; each was read once"
        )
    outputs.sweep(pelican.output_path, pelican.settings.get("OUTPUT_RETENTION", ()))
    outputs.remember_pages()
    build_lock.release()
    timing.write_report()
    strictness.fail_if_warned(pelican.settings)


def register():
    content_cache.install()
    devserver.install()
    signals.initialized.connect(start)
    signals.finalized.connect(finish)
    signals.initialized.connect(configure)
    signals.readers_init.connect(add_reader)
    signals.generator_init.connect(forget_replaced_readers)
    signals.generator_init.connect(own_theme.add_templates)
    signals.article_generator_init.connect(guard_input_folder)
    # after the guard, whose stamps it keeps (receivers run in this order)
    signals.article_generator_init.connect(content_cache.stamp_before_reading)
    signals.page_generator_init.connect(content_cache.stamp_before_reading)
    signals.article_generator_preread.connect(prefetch_articles)
    signals.article_generator_context.connect(report_problems)
    signals.article_generator_pretaxonomy.connect(place_articles)
    signals.page_generator_finalized.connect(site_language.keep_pages_in_language)
    signals.article_generator_finalized.connect(pages.note_list_pages)
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(get_writer)
    signals.static_generator_finalized.connect(outputs.note_static_files)
