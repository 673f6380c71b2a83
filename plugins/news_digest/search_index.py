"""The offline search index: Pagefind over the article pages, in shards.

Pagefind holds every page it indexes in memory until it writes the index
(Pagefind issue #842), so one index over a large folder needs memory in
proportion to the folder. The article pages are therefore indexed in
shards of at most NEWS_DIGEST_SEARCH_SHARD_PAGES pages (1,000: about 200 MB
for Pagefind), one at a time while the build writes its own pages and
one a core once it waits for them, each by a `pagefind` process (the command,
not its Python service, which answers a request only every 0.1 s: a
shard took 1.5 s against 2.8 s) into a bundle of its own
(`pagefind/0/`, `pagefind/1/`, …); the browser loads the first and merges
the others into it (Pagefind's `mergeIndex`), so search works as one
index. A page belongs to the shard its address hashes to, so a
changed page changes one shard, and a shard whose pages are byte for byte
the ones it was built from (its fingerprint, kept in the cache and beside
the bundle, which must agree) is left as it is. A page whose bytes change
(a new line in its article, another event name) thus costs one shard's
indexing, not the whole folder's.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import re
import shutil
import threading
from dataclasses import dataclass
from functools import partial
from importlib import metadata

from . import outputs, timing
from .options import setting

logger = logging.getLogger(__name__)

#: Pagefind gets this long for a shard before the build goes on without a
#: search index.
TIMEOUT_SECONDS = 600
#: The characters with a meaning in Pagefind's globs (wax), escaped in a
#: page's path (found by trying each: wax refuses `\!` and `\#`, which
#: need no escape, and matches no backslash at all, so a backslash, which
#: no slug holds, becomes `?`).
_GLOB_SPECIAL = re.compile(r"[*?\[\]{}<>,:$()\\]")
#: Pages a shard holds at most on average, whatever the setting: a shard's
#: pages are one glob, and Pagefind's glob parser refuses a pattern of some
#: 200,000 characters (2,500 pages of the shared folder parsed, 3,682 did not).
MAX_SHARD_PAGES = 2000
#: What Pagefind's command says when it has walked the output folder: the
#: pages of the glob it found (a page whose body has no word is found but
#: not indexed, as Pagefind's service counted it too).
_FOUND = re.compile(r"Found (\d+) files? matching")
#: Shards indexed at the same time, each by a `pagefind` process of its
#: own (Pagefind's command keeps to one core): one while the build writes
#: its own pages on the other core (the shared folder's four shards, the
#: machine loaded: 6.4 s one at a time, 7.4 s two at a time;
#: bench/results.md), then one a core (NEWS_DIGEST_WORKERS) once the build
#: has nothing left to do but wait for them (the bench's 10,000 pages, 16
#: shards, on an idle machine: 14.4 s one at a time, 9.6 s two at a time).
SHARDS_WHILE_WRITING = 1
#: How often the indexing looks whether the build has begun to wait.
POLL_SECONDS = 0.1
#: The folder of the search bundles, below the output folder.
BUNDLES_FOLDER = "pagefind"
#: The file in the cache that remembers each shard's fingerprint.
MANIFEST_NAME = "search-shards.json"
#: The fingerprint written beside each bundle too: a bundle on disk is
#: kept only when it says it was built from these pages. (Another folder's
#: build into the same output folder, with a cache of its own, may have
#: replaced it since this cache's manifest was written.)
BUNDLE_FINGERPRINT = "news-digest-fingerprint.txt"


def shard_count(pages: int, per_shard: int) -> int:
    """How many shards `pages` article pages are indexed in, `per_shard`
    at most in each on average: a power of two, so that a growing folder
    re-shards only when it doubles."""
    per_shard = min(max(1, int(per_shard)), MAX_SHARD_PAGES)
    count = 1
    while pages > count * per_shard:
        count *= 2
    return count


def shard_of(page: str, count: int) -> int:
    """The shard of the article page at `page` (relative to the output
    folder): its address's hash, so it stays put while other pages come
    and go."""
    return int.from_bytes(hashlib.sha256(page.encode("utf-8")).digest()[:8], "big") % count


def plan(pages, per_shard: int) -> dict[str, tuple[str, ...]]:
    """Each search bundle (its folder relative to the site's root) with
    the article pages it indexes, in shard order: the first is the one the
    browser loads, the others are merged into it. A shard no page hashes
    to gets no bundle (Pagefind's browser side refuses to merge an empty
    one); a site without articles gets one empty bundle."""
    pages = sorted(set(pages))
    count = shard_count(len(pages), per_shard)
    shards: dict[int, list[str]] = {}
    for page in pages:
        shards.setdefault(shard_of(page, count), []).append(page)
    bundles = {f"{BUNDLES_FOLDER}/{shard}/": tuple(shards[shard]) for shard in sorted(shards)}
    return bundles or {f"{BUNDLES_FOLDER}/0/": ()}


def start(output_path: str, settings, language: str, bundles) -> threading.Thread:
    """Index the article pages (their bodies carry data-pagefind-body) in
    the shards of `bundles` (`plan`), in the corpus's main language so
    Pagefind stems its words (Indonesian included), on a thread of its
    own. It only reads the article pages, all written by now, so the pages
    written meanwhile are no concern of it."""
    manifest = os.path.join(settings["CACHE_PATH"], MANIFEST_NAME)
    cores = max(1, int(setting(settings, "NEWS_DIGEST_WORKERS")))
    # Which shards changed is found here, before the thread starts: their
    # pages read there while this thread renders made every read wait for
    # the interpreter's lock (the bench's 5,000 pages: 1.9 s, not 0.1 s).
    try:
        plan = _planned(output_path, bundles, language, manifest)
    except Exception as error:  # a page or the manifest unreadable: no index
        _not_built(error)
        plan = None
    thread = _Indexing(output_path, plan, language, cores)
    thread.start()
    return thread


class _Indexing(threading.Thread):
    """The search index's thread. Pagefind missing, crashed or timed out
    is a warning, and the site goes on without search; a disk that will
    not take the index (outputs.WRITE_ERRORS) stops the build, as it does
    for a page: `join` raises it in the build's thread."""

    def __init__(self, *args):
        super().__init__(target=self._run, args=args, daemon=True)
        self.stopped: BaseException | None = None
        #: set when the build has nothing left but to wait (`join`)
        self.build_waits = threading.Event()

    def _run(self, output_path, plan, language, cores) -> None:
        if plan is None:
            return
        with timing.stage("search_index", alongside=True):
            try:
                at_once = partial(_at_once, self.build_waits, cores)
                _index(output_path, plan, language, at_once)
            except OSError as error:
                if error.errno not in outputs.WRITE_ERRORS:
                    _not_built(error)
                else:
                    where = error.filename if isinstance(error.filename, str) else output_path
                    self.stopped = outputs.not_written(where, error, output_path)
            except Exception as error:  # Pagefind missing, crashed or timed out
                _not_built(error)

    def join(self, timeout=None) -> None:
        self.build_waits.set()
        super().join(timeout)
        if self.stopped is not None:
            raise self.stopped


def _not_built(error: Exception) -> None:
    logger.warning("search index not built: %s", error or type(error).__name__)


def _at_once(build_waits: threading.Event, cores: int) -> int:
    """How many shards may be indexed at the same time now."""
    return cores if build_waits.is_set() else SHARDS_WHILE_WRITING


@dataclass
class _Plan:
    """The shards to index again and the manifest of those kept."""

    manifest_path: str
    known: dict[str, str]
    #: (bundle folder, its pages, their fingerprint) of each shard to index
    todo: list[tuple[str, tuple[str, ...], str]]


def _planned(output_path, bundles, language, manifest_path) -> _Plan:
    """The shards whose pages are byte for byte the ones their bundle was
    built from are kept (settled in the output folder); the others are
    emptied, to be indexed again."""
    known = _load(manifest_path)
    folders = {os.path.abspath(os.path.join(output_path, bundle)): bundle for bundle in bundles}
    root = os.path.abspath(os.path.join(output_path, BUNDLES_FOLDER)) + os.sep
    # an earlier build's shards of this output folder are forgotten
    known = {k: v for k, v in known.items() if not k.startswith(root) or k in folders}
    version = metadata.version("pagefind")
    todo = []
    for folder, bundle in folders.items():
        pages = bundles[bundle]
        fingerprint = _fingerprint(version, language, output_path, pages)
        if (
            known.get(folder) == fingerprint
            and _on_disk(folder) == fingerprint
            and os.path.isfile(os.path.join(folder, "pagefind-entry.json"))
        ):
            outputs.settled(folder)
            timing.count("search_shards_kept")
        else:
            known.pop(folder, None)  # until it is built again
            outputs.rebuilt_whole(folder)
            todo.append((folder, pages, fingerprint))
    return _Plan(manifest_path, known, todo)


def _index(output_path, plan: _Plan, language, at_once) -> None:
    """Index the shards the plan has to do, the manifest saved as each ends."""
    known = plan.known

    def built(folder: str, fingerprint: str) -> None:
        known[folder] = fingerprint
        outputs.replace_whole(os.path.join(folder, BUNDLE_FINGERPRINT), fingerprint.encode())
        timing.count("search_shards_built")
        _save(plan.manifest_path, known)

    work = os.path.dirname(plan.manifest_path)
    asyncio.run(_index_all(plan.todo, output_path, language, work, at_once, built))


async def _index_all(todo, output_path, language, work, at_once, built) -> None:
    """Index the shards of `todo` in order, `at_once()` of them at a time
    (asked again whenever one ends and every POLL_SECONDS); `built` is
    told of each one done. One that fails stops the others (asyncio.run
    cancels them, and a cancelled `_build` stops its process)."""
    waiting = list(reversed(todo))
    running: dict[asyncio.Task, tuple[str, str]] = {}
    while waiting or running:
        while waiting and len(running) < at_once():
            folder, pages, fingerprint = waiting.pop()
            shard = _build(output_path, folder, pages, language, work)
            running[asyncio.ensure_future(asyncio.wait_for(shard, TIMEOUT_SECONDS))] = (
                folder,
                fingerprint,
            )
        ended, _ = await asyncio.wait(
            running, timeout=POLL_SECONDS, return_when=asyncio.FIRST_COMPLETED
        )
        for task in sorted(ended, key=lambda t: running[t]):
            folder, fingerprint = running.pop(task)
            task.result()  # a shard that failed stops the indexing
            built(folder, fingerprint)


def _load(manifest_path: str) -> dict:
    """The shards' fingerprints an earlier build kept: none when there is
    no manifest yet; none, with one warning, when it cannot be read back
    whole (every shard is then indexed again). It is written whole
    (outputs.replace_whole), so a killed build does not leave it half
    written; a bundle is only kept when its own fingerprint file agrees
    too (`_on_disk`), and that file is written after Pagefind is done."""
    try:
        with open(manifest_path, encoding="utf-8") as handle:
            known = json.load(handle)
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        known = error
    if isinstance(known, dict) and all(isinstance(v, str) for v in known.values()):
        return known
    logger.warning(
        "%s: the search index's manifest cannot be read (%s); every shard is indexed again",
        manifest_path, known if isinstance(known, Exception) else "not a table",
    )  # fmt: skip
    return {}


def _on_disk(folder: str) -> str | None:
    """The fingerprint the bundle in `folder` was built from, if it says."""
    try:
        with open(os.path.join(folder, BUNDLE_FINGERPRINT), encoding="utf-8") as handle:
            return handle.read().strip()
    except OSError:
        return None


def _fingerprint(version: str, language: str, output_path: str, pages) -> str:
    """What a shard's index is made from: Pagefind's version, the language,
    and each page's address and bytes."""
    digest = hashlib.sha256(f"{version}\0{language}".encode())
    for page in pages:
        try:
            with open(os.path.join(output_path, page), "rb") as handle:
                data = hashlib.sha256(handle.read()).digest()
        except OSError:  # not written: indexing it says so (`_build`)
            data = b"missing"
        digest.update(b"\0" + page.encode("utf-8") + b"\0" + data)
    return digest.hexdigest()


#: A shard's scratch folder in the cache folder: `pagefind-0`, … (its
#: pagefind.json; Pagefind's working folder).
SCRATCH_PREFIX = "pagefind-"


async def _build(output_path: str, folder: str, pages: list[str], language: str, work: str) -> None:
    """One shard's bundle, written to `folder`: one `pagefind` process
    (the command the `pagefind_bin` package ships) reads the shard's pages
    from the output folder and holds only this shard. Its options go in a
    pagefind.json in a folder of its own below `work` (the cache folder),
    its working folder: a shard's glob is longer than one argument may be,
    and no pagefind.yml of the folder the build runs in, nor a PAGEFIND_
    variable, can change the index."""
    if not pages:  # Pagefind's command refuses to write an empty index
        await _build_empty(folder, language)
        return
    from pagefind_bin import get_executable  # the build works without search

    # the shard's own scratch folder, named for it: a build killed while it
    # indexed leaves it behind, and the next build's run of that shard
    # clears it first (builds of one cache folder take turns: build_lock.py)
    scratch = os.path.join(work, f"{SCRATCH_PREFIX}{os.path.basename(folder)}")
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    try:
        options = {
            "site": os.path.abspath(output_path), "output_path": os.path.abspath(folder),
            "glob": page_glob(pages), "force_language": language,
        }  # fmt: skip
        with open(os.path.join(scratch, "pagefind.json"), "w", encoding="utf-8") as handle:
            json.dump(options, handle)
        environment = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
        command = await asyncio.create_subprocess_exec(
            str(get_executable()), cwd=scratch, env=environment,
            stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
        try:
            said, _ = await command.communicate()
        finally:
            if command.returncode is None:  # timed out: it stops with the build
                command.kill()
                await command.wait()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    said = said.decode("utf-8", "replace")
    if command.returncode != 0:
        lines = [line.strip() for line in said.splitlines()]
        errors = [line for line in lines if line.startswith("Error")] or [*filter(None, lines)]
        said = (errors or ["no message"])[0]
        raise RuntimeError(f"Pagefind stopped for {folder} ({said[:200]})")
    found = _FOUND.search(said)  # pages found; those without a word are left out
    indexed = int(found.group(1)) if found else _page_count(folder)
    if indexed != len(pages):
        logger.warning(
            "search index: %s holds %d of its %d article pages", folder, indexed, len(pages)
        )


async def _build_empty(folder: str, language: str) -> None:
    """A bundle that finds nothing, for a site without article pages, so
    that the search page still loads: through Pagefind's Python service,
    which writes an index of no pages."""
    from pagefind.index import PagefindIndex

    async with PagefindIndex(config={"force_language": language, "output_path": folder}):
        pass


def _page_count(folder: str) -> int:
    """How many pages the bundle in `folder` says it holds."""
    with open(os.path.join(folder, "pagefind-entry.json"), encoding="utf-8") as handle:
        entry = json.load(handle)
    return sum(language["page_count"] for language in entry["languages"].values())


def page_glob(pages: list[str]) -> str:
    """A glob that matches exactly `pages` (Pagefind's glob syntax, wax,
    with its special characters escaped). The folders all pages start in
    and the names they all end in are written once, outside the braces
    (`artikel/{a,b}/index.html`): the pattern is shorter, and Pagefind
    walks only the folder it starts with."""
    parts = [page.split("/") for page in pages]
    shortest = min((len(p) for p in parts), default=1)
    lead = 0
    while lead < shortest - 1 and len({p[lead] for p in parts}) == 1:
        lead += 1
    tail = 0
    while lead + tail < shortest - 1 and len({p[-1 - tail] for p in parts}) == 1:
        tail += 1
    head = "".join(_safe(part) + "/" for part in parts[0][:lead]) if parts else ""
    end = "".join("/" + _safe(part) for part in parts[0][len(parts[0]) - tail :]) if tail else ""
    middles = ",".join(_safe("/".join(p[lead : len(p) - tail])) for p in parts)
    return head + "{" + middles + "}" + end


def _safe(text: str) -> str:
    return _GLOB_SPECIAL.sub(_escaped, text)


def _escaped(match: re.Match) -> str:
    """A special character escaped; a backslash, which wax cannot match,
    as any one character."""
    return "?" if match.group() == "\\" else "\\" + match.group()


def _save(manifest_path: str, known: dict) -> None:
    outputs.replace_whole(manifest_path, json.dumps(known, sort_keys=True, indent=0).encode())
