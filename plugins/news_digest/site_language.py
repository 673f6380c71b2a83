"""The language the site speaks, chosen once per build from its articles
(or SITE_LANG), with the theme's words in it (ui.py holds the tables)."""

from __future__ import annotations

import logging
import os

from . import ui
from .options import input_folders

logger = logging.getLogger(__name__)


def speak(generator, ours) -> dict:
    """Choose the language the site speaks (SITE_LANG, else most articles'
    language) and give the theme its words (`UI`, `UI_LANG`); a site with
    no name of its own is named after its folder, in that language."""
    settings, context = generator.settings, generator.context
    override = settings.get("SITE_LANG")
    default = settings.get("DEFAULT_LANG") or ui.DEFAULT_LANG
    # the articles' main language: the search index's, and the site's
    # unless SITE_LANG says otherwise
    context["CONTENT_LANG"] = main = ui.main_language((a.lang for a in ours), default)
    lang = ui.site_language(main, override, default)
    if override and override != lang:
        logger.warning(
            "SITE_LANG %r has no table in data/ui.toml (it has %s); the site speaks %s",
            override, ", ".join(ui.languages()), lang,
        )  # fmt: skip
    words = ui.table(lang)
    context["UI"], context["UI_LANG"] = words, lang
    if not context.get("SITENAME"):
        folder = os.path.basename(os.path.normpath(input_folders(settings)[0]))
        context["SITENAME"] = words["site_name"].format(folder=folder)
    return words


def keep_pages_in_language(generator) -> None:
    """Pages that declare another language than the site's (the about page
    comes in each) are left out; pages that declare none are kept."""
    lang = generator.context.get("UI_LANG")
    if not lang:
        return
    for name in ("pages", "hidden_pages", "draft_pages"):
        kept = [p for p in getattr(generator, name) if p.metadata.get("lang", lang) == lang]
        getattr(generator, name)[:] = kept
