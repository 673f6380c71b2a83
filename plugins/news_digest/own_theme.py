"""The plugin's own theme and how it joins the theme of the site it is added
to (Pelican glue).

The theme ships inside the package (`theme/`: templates and static files),
so a site that installs the plugin with pip has it. A site may use it as
its THEME (this repository's pelicanconf.py does) or keep its own:

- our templates go by names in the `news_digest/` namespace
  (`news_digest/index.html` is the digest, `news_digest/event.html` a
  story's page), found in the site's theme first (a theme restyles one by
  holding `templates/news_digest/event.html`) and otherwise in ours, which
  every generator's template loader gets as its last choice: a theme's own
  `index.html` or `article.html` is never handed our pages' context, and
  ours always extend our own `news_digest/base.html`;
- our templates autoescape (they show scraped text, which must never
  become markup); a site theme's templates are rendered as Pelican renders
  them, without, so our articles give them what Pelican's readers give:
  the title and the names of the outlet and the author as HTML, escaped
  (`escape_for_theme`);
- our static files go to the output's `NEWS_DIGEST_STATIC_DIR`
  (`news_digest/`), beside the theme's own (`theme/`), never over them; with
  our theme as the site's, they are the theme's static files and Pelican
  copies them to its THEME_STATIC_DIR.
"""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import BaseLoader, FileSystemLoader, TemplateNotFound
from markupsafe import Markup, escape

from . import outputs
from .options import setting

#: The theme in the package (templates/, static/); pyproject.toml ships it.
THEME = Path(__file__).parent / "theme"

#: The folder before our templates' names: `news_digest/index.html`.
NAMESPACE = "news_digest"


def is_site_theme(settings) -> bool:
    """The site's THEME is ours (as in this repository's pelicanconf.py)."""
    return os.path.realpath(settings.get("THEME", "")) == os.path.realpath(THEME)


class Autoescape:
    """Jinja's `autoescape` choice, per template: every template of a site
    whose theme is ours, else ours alone (`news_digest/…`) and templates
    made from a string. An object of a module-level class, because
    Pelican's cache pickles the settings that hold it."""

    def __init__(self, everything: bool):
        self.everything = everything

    def __call__(self, name: str | None) -> bool:
        return self.everything or name is None or name.startswith(NAMESPACE + "/")


def configure(settings) -> None:
    """Autoescaping for our templates, and where our static files are: the
    theme's static folder when the theme is ours."""
    ours = is_site_theme(settings)
    environment = dict(settings.get("JINJA_ENVIRONMENT", {}))
    environment["autoescape"] = Autoescape(everything=ours)
    settings["JINJA_ENVIRONMENT"] = environment
    if ours:
        settings["NEWS_DIGEST_STATIC_DIR"] = settings.get("THEME_STATIC_DIR", "theme")


class OurTemplates(BaseLoader):
    """Our templates by their `news_digest/` names. Unlike Jinja's
    PrefixLoader, which names a template without its prefix, a template
    keeps its whole name, which is what `Autoescape` is asked about."""

    def __init__(self):
        self.files = FileSystemLoader(THEME / "templates")

    def get_source(self, environment, template):
        prefix = NAMESPACE + "/"
        if not template.startswith(prefix):
            raise TemplateNotFound(template)
        return self.files.get_source(environment, template.removeprefix(prefix))

    def list_templates(self):
        return [f"{NAMESPACE}/{name}" for name in self.files.list_templates()]


def add_templates(generator) -> None:
    """Our templates as the last choice of this generator's loader (after
    the site's theme, Pelican's `simple` theme and its `!simple/`, `!theme/`
    prefixes), under `news_digest/`."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.loader.loaders.append(OurTemplates())


def escape_for_theme(articles, settings) -> None:
    """With a theme of the site's own, which does not autoescape, our
    articles' title and the outlet's and author's names are escaped HTML,
    as Pelican's readers give them (Markup, so our templates, which
    autoescape, show them once); their addresses stay those of the text."""
    if is_site_theme(settings):
        return
    for article in articles:
        if not isinstance(article.title, Markup):
            article.title = Markup(escape(article.title))
        article.category = _escaped(article.category)
        if getattr(article, "authors", None):
            article.authors = [_escaped(author) for author in article.authors]
            article.author = article.authors[0]


def _escaped(wrapper):
    """A category or author whose name is escaped HTML and whose slug is
    the one its plain name gives."""
    if isinstance(wrapper.name, Markup):
        return wrapper
    slug = wrapper.slug
    shown = type(wrapper)(Markup(escape(wrapper.name)), wrapper.settings)
    shown.slug = slug
    return shown


def write_static(output_path: str, settings) -> None:
    """Our static files into the output's NEWS_DIGEST_STATIC_DIR, for a site
    whose theme is another (Pelican copies them with our theme); a file
    whose bytes are there already is left alone."""
    if is_site_theme(settings):
        return
    source = THEME / "static"
    target = Path(output_path) / setting(settings, "NEWS_DIGEST_STATIC_DIR")
    for path in sorted(source.rglob("*")):
        if path.is_file():
            outputs.write_bytes(str(target / path.relative_to(source)), path.read_bytes())
