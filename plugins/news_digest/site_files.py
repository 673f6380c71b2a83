"""The site's files that are not pages: digest.json with one JSON per
event, robots.txt and sitemap.xml. Each is written inside the output
folder, or not at all."""

from __future__ import annotations

import json
import os

from . import outputs, render


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
