"""The search index in shards: which page goes where, that each shard
holds exactly its pages, and that a rebuild indexes again only the shards
whose pages changed (search_index.py). The browser side, one search over
all shards, is in test_browser.py."""

from __future__ import annotations

import asyncio
import json
import re
from collections import Counter
from functools import partial
from pathlib import Path

import pytest
from news_digest import search_index

from .conftest import build_site, copy_seeds

SHARDED = {"NEWS_DIGEST_SEARCH_SHARD_PAGES": 2}  # the 5 seeds in 4 shards


@pytest.mark.parametrize(
    ("pages", "per_shard", "count"),
    [
        (0, 1000, 1),
        (5, 1000, 1),
        (1000, 1000, 1),
        (1001, 1000, 2),  # over by one: two shards of about 500
        (4000, 1000, 4),
        (4001, 1000, 8),  # a power of two: the shards split when the folder doubles
        (10000, 1000, 16),
        (5, 2, 4),
        (5, 0, 8),  # a nonsensical setting counts as one page a shard
        (10000, 5000, 8),  # more than a glob can name (MAX_SHARD_PAGES): 2,000 at most
        (4000, 2000, 2),
    ],
)
def test_the_shard_count_keeps_shards_at_most_the_set_size(pages, per_shard, count):
    assert search_index.shard_count(pages, per_shard) == count


def test_a_page_keeps_its_shard_and_the_shards_come_out_even():
    pages = [f"artikel/berita-{n}/index.html" for n in range(4000)]
    shards = Counter(search_index.shard_of(page, 4) for page in pages)
    assert sorted(shards) == [0, 1, 2, 3]
    assert all(800 <= size <= 1200 for size in shards.values()), shards
    # another page coming or going moves no other page
    assert [search_index.shard_of(p, 4) for p in pages[:50]] == [
        search_index.shard_of(p, 4) for p in reversed(pages[:50])
    ][::-1]
    # when the count doubles, a shard splits in two
    for page in pages[:200]:
        assert search_index.shard_of(page, 8) % 4 == search_index.shard_of(page, 4)


def test_the_plan_names_a_bundle_for_each_shard_that_holds_pages():
    pages = [f"artikel/berita-{n}/index.html" for n in range(5)]
    bundles = search_index.plan(pages + pages[:2], per_shard=1)  # 8 shards, a page twice
    assert sorted(p for shard in bundles.values() for p in shard) == sorted(pages)
    for bundle, members in bundles.items():
        shard = int(bundle.removeprefix("pagefind/").rstrip("/"))
        assert members and all(search_index.shard_of(p, 8) == shard for p in members)
    assert list(bundles) == sorted(bundles, key=lambda b: int(b.split("/")[1]))
    assert len(bundles) < 8  # 5 pages cannot fill 8 shards: the empty ones get none
    assert search_index.plan(pages, per_shard=1000) == {"pagefind/0/": tuple(sorted(pages))}
    assert search_index.plan([], per_shard=1000) == {"pagefind/0/": ()}


def _page(folder: Path, name: str, word: str) -> None:
    path = folder / name / "index.html"
    path.parent.mkdir(parents=True)
    path.write_text(
        f"<html lang='id'><body><main data-pagefind-body><p>{word} kabar</p></main></body></html>",
        encoding="utf-8",
    )


def _indexed(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def test_a_shard_holds_exactly_its_pages_whatever_their_names(tmp_path):
    site = tmp_path / "site"
    # names with characters that mean something in Pagefind's globs
    listed = ["a,b", "c{d}", "e[f]", "g*h", "i?j", "k!l", "m#n", "o<p>", "q:r", "w(x)", "u$v"]
    for n, name in enumerate(listed):
        _page(site / "artikel", name, f"kata{n}")
    _page(site / "artikel", "a", "umpan")  # a prefix of "a,b": a trap
    _page(site / "artikel", "ab", "umpan")  # "a,b" with its comma lost: a trap
    pages = [f"artikel/{name}/index.html" for name in listed]
    work = tmp_path / "cache"
    asyncio.run(search_index._build(str(site), str(tmp_path / "bundle"), pages, "id", str(work)))
    assert _indexed(tmp_path / "bundle") == len(listed)
    assert list(work.iterdir()) == []  # Pagefind's options folder is gone


def test_a_shard_longer_than_one_argument_may_be_is_indexed_whole(tmp_path):
    """1,200 pages with long names: a glob of some 150,000 characters, more
    than the 131,072 one argument of a command may hold."""
    site = tmp_path / "site"
    names = [f"{n:04d}-" + "kabar-panjang-" * 8 for n in range(1200)]
    for n, name in enumerate(names):
        _page(site / "artikel", name, f"kata{n}")
    pages = [f"artikel/{name}/index.html" for name in names]
    assert len(search_index.page_glob(pages)) > 131072
    work = str(tmp_path / "cache")
    asyncio.run(search_index._build(str(site), str(tmp_path / "bundle"), pages, "id", work))
    assert _indexed(tmp_path / "bundle") == 1200


def test_no_pagefind_options_of_the_build_folder_change_the_index(tmp_path, monkeypatch):
    """A pagefind.yml where the build runs and a PAGEFIND_ variable would
    each leave the page out or index it in English (traps): the page is
    indexed, in Indonesian."""
    site = tmp_path / "site"
    _page(site / "artikel", "satu", "gempa")
    here = tmp_path / "here"
    here.mkdir()
    (here / "pagefind.yml").write_text("root_selector: nothing\nglob: none/*.html\n")
    monkeypatch.chdir(here)
    monkeypatch.setenv("PAGEFIND_EXCLUDE_SELECTORS", "p")
    monkeypatch.setenv("PAGEFIND_FORCE_LANGUAGE", "en")
    pages = ["artikel/satu/index.html"]
    asyncio.run(
        search_index._build(str(site), str(tmp_path / "b"), pages, "id", str(tmp_path / "c"))
    )
    entry = json.loads((tmp_path / "b" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["id"] and _indexed(tmp_path / "b") == 1


def test_a_site_without_articles_gets_a_bundle_that_finds_nothing(tmp_path):
    asyncio.run(search_index._build(str(tmp_path), str(tmp_path / "b"), [], "id", str(tmp_path)))
    assert _indexed(tmp_path / "b") == 0
    assert (tmp_path / "b" / "pagefind.js").is_file()


@pytest.mark.parametrize(
    ("pages", "glob"),
    [
        # special characters escaped, nothing in common: no folder outside the braces
        (["x/a,b/index.html", "y/c{d}!.html"], r"{x/a\,b/index.html,y/c\{d\}!.html}"),
        # the folder and the name all pages share are written once
        (["artikel/a/index.html", "artikel/b/index.html"], "artikel/{a,b}/index.html"),
        (["artikel/a/index.html"], "artikel/a/{index.html}"),  # the file name stays inside
        # pages at different depths: only the common folder comes out
        (["artikel/a/index.html", "artikel/a/b/index.html"], "artikel/a/{index.html,b/index.html}"),
        # a shared name of a folder with a special character is escaped too
        (["a(b)/x/i.html", "a(b)/y/i.html"], r"a\(b\)/{x,y}/i.html"),
        ([], "{}"),
    ],
)
def test_page_glob_escapes_the_special_characters_and_names_shared_folders_once(pages, glob):
    assert search_index.page_glob(pages) == glob


def _bundles(site: Path) -> list[Path]:
    return sorted((site / "pagefind").iterdir())


def _entry_times(site: Path) -> dict[str, int]:
    return {b.name: (b / "pagefind-entry.json").stat().st_mtime_ns for b in _bundles(site)}


def _article_bytes(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted((site / "artikel").rglob("*.html"))
    }


def test_the_article_pages_are_indexed_in_shards_each_page_once(tmp_path):
    site = build_site(tmp_path / "site", **SHARDED)
    pages = list(_article_bytes(site))
    assert len(pages) == 5
    assert [b.name for b in _bundles(site)] == ["0", "1", "2", "3"]
    expected = Counter(search_index.shard_of(page, 4) for page in pages)
    assert {b.name: _indexed(b) for b in _bundles(site)} == {
        str(shard): expected[shard] for shard in range(4)
    }
    # every page loads the first bundle and merges the three others
    for page in (site / "index.html", site / pages[0], site / "cari" / "index.html"):
        html = page.read_text(encoding="utf-8")
        merged = re.search(r'data-merge="([^"]*)"', html).group(1).split()
        assert [m.rsplit("pagefind/", 1)[1] for m in merged] == ["1/", "2/", "3/"]
    assert 'data-pagefind="./pagefind/0/pagefind.js"' in (site / "index.html").read_text("utf-8")
    assert "pagefind/0/pagefind-ui.js" in (site / "cari" / "index.html").read_text("utf-8")


def test_a_rebuild_indexes_again_only_the_shards_whose_pages_changed(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds")
    site = tmp_path / "site"
    build_site(site, seeds, **SHARDED)
    before, times = _article_bytes(site), _entry_times(site)

    build_site(site, seeds, **SHARDED)  # nothing changed: no shard is indexed again
    assert _entry_times(site) == times

    target = sorted(seeds.glob("*.txt"))[2]
    lines = target.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "Kalimat baru yang ditambahkan penyunting untuk menguji pembaruan.")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    build_site(site, seeds, **SHARDED)
    after = _article_bytes(site)
    changed = {search_index.shard_of(p, 4) for p in after if before.get(p) != after[p]}
    assert changed and len(changed) < 4
    now = _entry_times(site)
    assert {int(name) for name in now if now[name] != times[name]} == changed
    cold = build_site(tmp_path / "cold", seeds, **SHARDED)
    assert {b.name: _indexed(b) for b in _bundles(site)} == {
        b.name: _indexed(b) for b in _bundles(cold)
    }


def test_fewer_shards_leave_no_stale_bundle_behind(tmp_path):
    site = build_site(tmp_path / "site", **SHARDED)
    assert len(_bundles(site)) == 4
    build_site(site)  # the default size: one shard
    assert [b.name for b in _bundles(site)] == ["0"]
    assert _indexed(site / "pagefind" / "0") == 5
    assert 'data-merge=""' in (site / "index.html").read_text(encoding="utf-8")


def test_a_page_missing_from_disk_is_reported_and_the_rest_indexed(tmp_path, caplog):
    site = tmp_path / "site"
    _page(site / "artikel", "ada", "kabar")
    bundles = {"pagefind/0/": ("artikel/ada/index.html", "artikel/hilang/index.html")}
    manifest = str(tmp_path / "cache" / "m.json")
    plan = search_index._planned(str(site), bundles, "id", manifest)
    search_index._index(str(site), plan, "id", lambda: 1)
    assert _indexed(site / "pagefind" / "0") == 1
    assert [r.getMessage() for r in caplog.records if "1 of its 2" in r.getMessage()]


@pytest.mark.parametrize("at_once", [1, 2])
def test_shards_are_indexed_as_many_at_a_time_as_allowed_and_each_recorded(
    tmp_path, monkeypatch, at_once
):
    running, most = [], []

    async def build(output_path, folder, pages, language, work):
        running.append(folder)
        most.append(len(running))
        await asyncio.sleep(0.05)
        Path(folder).mkdir(parents=True)
        (Path(folder) / "pagefind-entry.json").write_text("{}", encoding="utf-8")
        running.remove(folder)

    monkeypatch.setattr(search_index, "_build", build)
    site, manifest = tmp_path / "site", tmp_path / "cache" / "m.json"
    manifest.parent.mkdir()
    bundles = {f"pagefind/{n}/": (f"artikel/a{n}/index.html",) for n in range(5)}
    plan = search_index._planned(str(site), bundles, "id", str(manifest))
    search_index._index(str(site), plan, "id", lambda: at_once)
    assert max(most) == at_once
    remembered = json.loads(manifest.read_text(encoding="utf-8"))
    assert sorted(remembered) == sorted(str(site / b.rstrip("/")) for b in bundles)


def test_the_build_waiting_for_the_index_lets_it_use_every_core(tmp_path):
    nothing = search_index._Plan(str(tmp_path / "m.json"), {}, [])
    indexing = search_index._Indexing(str(tmp_path), nothing, "id", 2)
    allowed = partial(search_index._at_once, indexing.build_waits, 2)
    assert allowed() == search_index.SHARDS_WHILE_WRITING  # the build still writes
    indexing.start()
    indexing.join()  # the build has nothing left to do
    assert allowed() == 2


def test_switching_folders_with_caches_of_their_own_leaves_no_stale_index(tmp_path):
    """`make html` then `make html SEEDS=three/` into one output folder: each
    folder has its own cache, whose manifest remembers the shard it built
    last. Back to the first folder, its pages are as they were, but the
    bundle on disk is the other folder's: it is indexed again."""
    three = copy_seeds(tmp_path / "three", 3)
    site = tmp_path / "site"
    all_cache, three_cache = str(tmp_path / "cache-all"), str(tmp_path / "cache-three")
    build_site(site, CACHE_PATH=all_cache)
    assert _indexed(site / "pagefind" / "0") == 5
    build_site(site, three, CACHE_PATH=three_cache)
    assert len(_article_bytes(site)) == 3
    assert _indexed(site / "pagefind" / "0") == 3
    build_site(site, CACHE_PATH=all_cache)  # its manifest says: shard 0 is built
    assert len(_article_bytes(site)) == 5
    assert _indexed(site / "pagefind" / "0") == 5
    build_site(site, three, CACHE_PATH=three_cache)
    assert _indexed(site / "pagefind" / "0") == 3
