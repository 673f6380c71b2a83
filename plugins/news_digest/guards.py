"""The build's refusals before anything is read or deleted: an input
folder that does not exist or holds nothing to read, and an output folder
that must never be emptied. Each stops the build with one message naming
the folder (a SystemExit, never a traceback)."""

from __future__ import annotations

import os

from . import exports, site_files
from .options import input_folders
from .read import is_article_name


def refuse_missing_input(settings) -> None:
    """An input that does not exist, or holds no `.txt` article and no
    export, is a mistake (a typo in SEEDS, a folder not unpacked): stop with
    a message naming it rather than build an empty site. SEEDS may also be
    one file: a text article or an export."""
    readable = (is_article_name, exports.is_export_name)
    for folder in input_folders(settings):
        if os.path.isfile(folder) and any(ok(folder) for ok in readable):
            continue
        if not os.path.isdir(folder):
            raise SystemExit(f"news_digest: the input folder {folder} does not exist (SEEDS).")
        names = (name for _, _, names in os.walk(folder) for name in names)
        if not any(ok(name) for name in names for ok in readable):
            raise SystemExit(
                f"news_digest: the input folder {folder} holds no .txt articles and no "
                "exports (.csv .tsv .xlsx .json .jsonl) (SEEDS)."
            )


def refuse_unsafe_output(settings) -> None:
    """The build sweeps from the output folder every file it did not write
    (outputs.sweep), so that it holds exactly this build (and Pelican
    empties it when DELETE_OUTPUT_DIRECTORY is set); stop with a message,
    before anything is deleted, when that folder is one that must never be
    emptied."""
    content = settings["PATH"]
    inputs = [os.path.join(content, path) for path in settings.get("ARTICLE_PATHS", [])]
    why = site_files.unsafe_output(settings["OUTPUT_PATH"], [content, *inputs])
    if why:
        raise SystemExit(
            f"news_digest: refusing to empty the output folder {settings['OUTPUT_PATH']}: "
            f"{why}. Choose another OUTPUTDIR."
        )
