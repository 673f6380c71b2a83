"""The theme's Jinja filters: the render stage's formatters, each given the
site's UI table (render.py, ui.py)."""

from __future__ import annotations

import jinja2
from markupsafe import Markup, escape

from . import render, ui

#: Jinja's mark on a filter that wants the template context (what
#: `jinja2.pass_context` sets), for a filter that is an object.
_PASS_CONTEXT = jinja2.pass_context(lambda context: None).jinja_pass_arg


class _SiteFilter:
    """A render formatter whose first argument is the site's UI table, as a
    Jinja filter: it finds the table (`UI`, chosen in `site_language.speak`)
    in the page's context. An object of a module-level class, because
    Pelican's cache pickles the settings that hold the filters."""

    jinja_pass_arg = _PASS_CONTEXT

    def __init__(self, formatter):
        self.formatter = formatter

    def __call__(self, context, *args):
        return self.formatter(context.get("UI") or ui.table(None), *args)


def striptags(value) -> Markup:
    """Jinja's `striptags`, whose text stays escaped: a theme that does not
    autoescape writes `{{ article.title|striptags }}` into a <title> or an
    attribute, where Jinja's unescaped text of a scraped title would be
    markup. (In a template that autoescapes, the same bytes as Jinja's.)"""
    if hasattr(value, "__html__"):
        value = value.__html__()
    return escape(Markup(str(value)).striptags())


SITE_FILTERS = {
    "day": _SiteFilter(render.format_day),
    "date_range": _SiteFilter(render.format_range),
    "date_finding": _SiteFilter(render.format_finding),
    "month_name": _SiteFilter(render.month_name),
    "removal_reason": _SiteFilter(render.removal_reason),
    "evidence": _SiteFilter(render.evidence_text),
    "counted": _SiteFilter(ui.counted),
    "shown_name": _SiteFilter(ui.shown_name),
    "reading_minutes": render.reading_minutes,
    "filter_label": render.filter_label,
    "original_site": render.original_site,
    "groupby_day": render.day_runs,
    "striptags": striptags,
}


def configure(settings) -> None:
    """The theme's filters and globals (autoescaping: own_theme.py)."""
    settings.setdefault("JINJA_FILTERS", {}).update(SITE_FILTERS)
    settings.setdefault("JINJA_GLOBALS", {}).update(
        {"json_ld": render.json_ld, **render.FRONT_PAGE}
    )
