"""The site's files that are not pages: digest.json with one JSON per
event, robots.txt and sitemap.xml. Each is written inside the output
folder, or not at all."""

from __future__ import annotations

import json
import os

from . import digest, outputs, render
from .options import setting


class OutsideOutput(ValueError):
    """A path that would land outside the output folder."""


def unsafe_output(output_path: str, protected) -> str | None:
    """Why emptying `output_path` before a build would be unsafe, or None.

    It is refused when it is the file system's root or the home folder (or
    holds the home folder), when it holds a git repository (the project
    itself, say), or when it is or holds one of the `protected` folders
    (the content and input folders): emptying it would delete them."""
    output = os.path.realpath(output_path)
    home = os.path.realpath(os.path.expanduser("~"))
    if output == os.path.dirname(output):
        return "it is the root of the file system"
    if output == home or _holds(output, home):
        return "it is (or holds) the home folder"
    if os.path.exists(os.path.join(output, ".git")):
        return "it holds a git repository"
    for folder in protected:
        if _holds(output, os.path.realpath(folder)):
            return f"it holds {folder}, which the build reads"
    return None


def _holds(folder: str, other: str) -> bool:
    """Whether `other` is `folder` or lies inside it (both resolved)."""
    return os.path.commonpath([folder, other]) == folder


def _inside(output_path: str, relative: str) -> str:
    """The absolute path of `relative` in the output folder; refused when
    it resolves anywhere else ("../", an absolute path, a symlink out)."""
    root = os.path.realpath(output_path)
    path = os.path.realpath(os.path.join(root, relative))
    if os.path.commonpath([root, path]) != root or path == root:
        raise OutsideOutput(f"{relative} is outside the output folder {output_path}")
    return path


def write_text(output_path: str, relative: str, text: str) -> None:
    """Write a file of the site, unless it already holds these bytes."""
    outputs.write_bytes(_inside(output_path, relative), text.encode("utf-8"))


def write_json(output_path: str, relative: str, document: dict) -> None:
    """JSON as `digest.json` and the event files are written: UTF-8 text,
    keys sorted, so the same digest gives the same bytes; compact, which
    also lets the json module use its C encoder (thousands of event files
    at 3,698 articles). `<`, `>` and `&` are written as \\u escapes: the
    same strings to any JSON reader, and no markup to a browser that
    sniffs the file as HTML."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    write_text(output_path, relative, text + "\n")


def write_robots(output_path: str, site_address: str | None) -> None:
    """robots.txt, pointing to the sitemap when the site has an address."""
    lines = ["User-agent: *", "Allow: /"]
    if site_address:
        lines.append(f"Sitemap: {site_address}/sitemap.xml")
    write_text(output_path, "robots.txt", "\n".join(lines) + "\n")


def write_sitemap(output_path: str, site_address: str, entries) -> None:
    """sitemap.xml of (relative path, last change) entries; a sitemap needs
    absolute addresses, so it is only written for a site that has one."""
    urls = [
        (f"{site_address}/{relative.removesuffix('index.html')}", changed)
        for relative, changed in entries
    ]
    write_text(output_path, "sitemap.xml", render.sitemap_xml(urls))


def write_digest_json(
    output_path: str, settings, the_digest, grouping, records, urls, event_urls, story_ids
) -> None:
    """digest.json (the summary) and one JSON per event, linked from it;
    `urls` and `event_urls` are the pages' addresses by identifier and
    event id, `story_ids` the front page's stories."""
    event_json = setting(settings, "NEWS_DIGEST_EVENT_JSON_SAVE_AS")
    json_paths = {event.id: event_json.format(id=event.id) for event in grouping.events}
    by_id = {a.identifier: a for a in records}
    summaries = {e.event_id: e for e in the_digest.events}
    for event in grouping.events:
        document = digest.event_document(
            event,
            summaries.get(event.id),
            grouping,
            by_id,
            urls,
            event_urls.get(event.id),
        )
        write_json(output_path, json_paths[event.id], document)
    summary = digest.summary_document(
        the_digest,
        grouping,
        records,
        urls,
        event_urls,
        {event_id: absolute(settings, path) for event_id, path in json_paths.items()},
        story_ids,
    )
    write_json(output_path, setting(settings, "NEWS_DIGEST_JSON_SAVE_AS"), summary)


def absolute(settings, url: str) -> str:
    """A page's address as the JSON files and feeds give it: under SITEURL
    unless the site's links are relative."""
    siteurl = settings.get("SITEURL", "")
    return f"{siteurl}/{url}" if siteurl and not settings["RELATIVE_URLS"] else url


def site_address(settings) -> str | None:
    """SITEURL when it is an absolute address (a published build)."""
    siteurl = settings.get("SITEURL", "")
    return siteurl if siteurl.startswith(("http://", "https://")) else None
