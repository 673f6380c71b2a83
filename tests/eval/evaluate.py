"""`make eval`: the pipeline measured against the labels in tests/eval/labels.

Every file of each labelled corpus goes through the per-file stages and
the folder's learned-boilerplate pass, exactly as a build of that folder
would; then

- every labelled line is compared with what the pipeline did with it
  (kept, kept as a caption, or removed with a kind): removal precision,
  recall and F1, overall and per kind;
- every article label with the inferred headline, date (day, and time
  with its offset where the label has one) and publisher;
- every event label with the grouping, as pairwise precision, recall and
  F1 within each labelled topic folder: once grouping the folder alone
  (small-folder scale) and once grouping the whole corpus (folder scale).

The per-file results are cached in cache/eval/ under a key made of the
pipeline's code and data and the file's bytes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import json
import multiprocessing
import pickle
import re
import sys
import time
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

from news_digest import digest, group, recurring  # noqa: E402
from news_digest.model import Article  # noqa: E402
from news_digest.pipeline import process_file  # noqa: E402
from news_digest.read import UnreadableFile  # noqa: E402

from tests.eval import fit_stories  # noqa: E402
from tests.eval.corpora import ROOT as REPO  # noqa: E402
from tests.eval.corpora import corpus_dir, line_hash, raw_lines  # noqa: E402
from tests.eval.scores import Score  # noqa: E402

LABELS = Path(__file__).resolve().parent / "labels"
TARGETS = Path(__file__).resolve().parent / "targets.toml"
CACHE = REPO / "cache" / "eval"
PLUGIN = REPO / "plugins" / "news_digest"

#: Boilerplate rules that remove credits: measured as the `credit` kind.
CREDIT_RULES = frozenset({"editor-line", "photo-credit", "credit-initials"})

#: Files per worker task when the corpus is processed on every core.
CHUNK = 64


# ---- running the pipeline ---------------------------------------------------------


#: Modules that run after the per-file stages: changing them (say, to
#: calibrate grouping) must not force the corpora through cleaning again.
#: A module missing here only costs a slower run, never a stale result.
LATER_STAGES = frozenset(
    {"group.py", "digest.py", "render.py", "plugin.py", "catalog.py", "__main__.py"}
)


def _code_key() -> str:
    digest = hashlib.sha1()
    for path in sorted([*PLUGIN.glob("*.py"), *PLUGIN.glob("data/*.toml")]):
        if path.name in LATER_STAGES:
            continue
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def _process(path: str) -> Article | str:
    try:
        return process_file(path)
    except (UnreadableFile, OSError) as error:
        return str(error)


def process_corpus(name: str, workers: int = 2) -> dict[str, Article]:
    """Every article of corpus `name` after the per-file stages and the
    folder's learned-boilerplate pass, by file name."""
    folder = corpus_dir(name)
    paths = sorted(p for p in folder.glob("*.txt"))
    key = hashlib.sha1(_code_key().encode())
    for path in paths:
        key.update(path.name.encode() + hashlib.sha1(path.read_bytes()).digest())
    cached = CACHE / f"{name}-{key.hexdigest()[:16]}.pickle"
    if cached.is_file():
        with cached.open("rb") as handle:
            return pickle.load(handle)
    if workers > 1:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.map(_process, [str(p) for p in paths], chunksize=CHUNK)
    else:
        results = [_process(str(p)) for p in paths]
    articles = {p.name: r for p, r in zip(paths, results, strict=True) if isinstance(r, Article)}
    learned = recurring.learn(list(articles.values()))
    articles = {name_: recurring.apply(a, learned) for name_, a in articles.items()}
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob(f"{name}-*.pickle"):
        old.unlink()
    with cached.open("wb") as handle:
        pickle.dump(articles, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return articles


# ---- labels ----------------------------------------------------------------------------


def _rows(kind: str) -> list[dict[str, str]]:
    rows = []
    for path in sorted((LABELS / kind).glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows.extend(csv.DictReader(handle, delimiter="\t"))
    return rows


# ---- scores ----------------------------------------------------------------------------


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0
    wrong: list[str] = field(default_factory=list)

    def add(self, ok: bool, what: str) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.wrong.append(what)

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0

    def as_dict(self) -> dict:
        return {"accuracy": round(self.value, 4), "right": self.right, "total": self.total}


def line_outcome(article: Article, number: int) -> str:
    """What the pipeline did with physical line `number`: keep, caption, or
    the kind of its removal."""
    for line in article.clean.kept:
        if line.number == number:
            return "caption" if line.caption else "keep"
    kinds = [r for r in article.clean.removed if r.number == number]
    if not kinds:
        return "keep"  # a blank line, or one the labels and the code number differently
    whole = [r for r in kinds if r.kind != "dateline"] or kinds
    removal = whole[0]
    if removal.kind == "boilerplate" and removal.rule in CREDIT_RULES:
        return "credit"
    return removal.kind


def evaluate_lines(articles: dict[tuple[str, str], Article]) -> dict:
    overall, per_kind, captions = Score(), defaultdict(Score), Score()
    errors: list[str] = []
    drift = 0
    for row in _rows("lines"):
        corpus, name, number = row["corpus"], row["file"], int(row["line"])
        lines = raw_lines(corpus_dir(corpus) / name)
        if line_hash(lines[number - 1] if number <= len(lines) else "") != row["sha1"]:
            drift += 1
            continue
        article = articles.get((corpus, name))
        truth = row["label"]
        ours = line_outcome(article, number) if article else "keep"
        truth_removed = truth not in ("keep", "caption")
        ours_removed = ours not in ("keep", "caption")
        overall.count(truth_removed, ours_removed)
        for kind in {truth, ours} - {"keep", "caption"}:
            per_kind[kind].count(truth == kind, ours == kind)
        captions.count(truth == "caption", ours == "caption")
        if truth_removed != ours_removed:
            errors.append(f"{name}:{number} label {truth}, pipeline {ours}")
    return {
        "removal": overall.as_dict(),
        "kinds": {k: per_kind[k].as_dict() for k in sorted(per_kind)},
        "caption": captions.as_dict(),
        "drifted_labels": drift,
        "errors": errors,
    }


_ALNUM = re.compile(r"[^0-9a-z]+")


def _outlet_key(name: str | None) -> str:
    return _ALNUM.sub("", (name or "").casefold())


def evaluate_meta(articles: dict[tuple[str, str], Article]) -> dict:
    title, day, moment, publisher = Accuracy(), Accuracy(), Accuracy(), Accuracy()
    invented = Accuracy()
    for row in _rows("meta"):
        corpus, name = row["corpus"], row["file"]
        article = articles.get((corpus, name))
        meta = article.meta if article else None
        title_line = int(row["title_line"])
        if title_line:
            expected = raw_lines(corpus_dir(corpus) / name)[title_line - 1].strip()
            got = meta.title.value if meta else None
            title.add(got == expected, f"{name}: title {got!r}, label line {title_line}")
        if row["date"] != "-":
            label = row["date"]
            got_day = meta.date.date.isoformat() if meta and meta.date.date else None
            day.add(got_day == label[:10], f"{name}: date {got_day}, label {label}")
            if "T" in label:
                stamp = meta.date.moment if meta else None
                got_moment = stamp.isoformat()[:16] if stamp else None
                expected_moment = label[:16]
                offset = label[16:]
                ours_offset = meta.date.moment.isoformat()[19:] if got_moment else None
                moment.add(
                    got_moment == expected_moment and ours_offset == offset,
                    f"{name}: time {got_moment}{ours_offset or ''}, label {label}",
                )
        if row["publisher"] != "-":
            got = meta.publisher.value if meta else None
            publisher.add(
                _outlet_key(got) == _outlet_key(row["publisher"]),
                f"{name}: publisher {got!r}, label {row['publisher']!r}",
            )
        else:
            got = meta.publisher.value if meta else None
            invented.add(got is None, f"{name}: publisher {got!r} where the text names none")
    return {
        "headline": title.as_dict() | {"errors": title.wrong},
        "date": day.as_dict() | {"errors": day.wrong},
        "time": moment.as_dict() | {"errors": moment.wrong},
        "publisher": publisher.as_dict() | {"errors": publisher.wrong},
        "publisher_unnamed_left_unknown": invented.as_dict() | {"errors": invented.wrong},
    }


def labelled_folders(corpora: dict[str, dict[str, Article]]) -> dict[tuple[str, str], dict]:
    """The story-labelled articles, by (corpus, folder) and file name."""
    folders: dict[tuple[str, str], dict[str, dict]] = defaultdict(dict)
    for row in _rows("events"):
        if row["file"] in corpora[row["corpus"]]:
            folders[(row["corpus"], row["folder"])][row["file"]] = row
    return dict(folders)


def evaluate_events(corpora: dict[str, dict[str, Article]]) -> dict:
    """Stories, events and threads, pairwise within each labelled folder:
    held out by folder (fit_stories.evaluate), with the baseline beside;
    and the whole Indonesian folder as a build groups it."""
    report = fit_stories.evaluate(labelled_folders(corpora), corpora)
    report["front_page"] = evaluate_front_page(corpora[FRONT_PAGE_CORPUS])
    return report


#: The folder whose site the stories issue looks at (3,682 articles).
FRONT_PAGE_CORPUS = "indonews-2025-06-18-20"


def evaluate_front_page(articles: dict[str, Article]) -> dict:
    """The whole folder grouped as a build groups it (data/stories.toml):
    the share of articles alone in their story, and how many pairs of the
    front page's top stories the labels call one story."""
    grouping = group.discover_events(list(articles.values()))
    alone = sum(1 for p in grouping.placements.values() if p.event_id is None)
    top = digest.top_stories(grouping, list(articles.values()))
    label = {
        articles[row["file"]].identifier: row["story"]
        for row in _rows("events")
        if row["corpus"] == FRONT_PAGE_CORPUS and row["file"] in articles
    }
    stories_of = [
        {label[i] for i in grouping.articles_by_event[story] if i in label} for story in top
    ]
    split = sum(1 for a, b in itertools.combinations(stories_of, 2) if a & b)
    return {
        "articles": len(articles),
        "alone_share": alone / len(articles),
        "not_alone_share": 1 - alone / len(articles),
        "top_stories": len(top),
        "top_stories_one_story": split,
        # 1 when no two top stories are one story by the labels (a goal)
        "top_stories_apart": int(split == 0),
    }


# ---- report --------------------------------------------------------------------------------


def corpora_labelled() -> list[str]:
    """The corpora any label names."""
    kinds = ("lines", "meta", "events")
    return sorted({r["corpus"] for kind in kinds for r in _rows(kind)})


def run(workers: int = 2) -> dict:
    started = time.monotonic()
    corpora = {name: process_corpus(name, workers) for name in corpora_labelled()}
    articles = {(c, f): a for c, arts in corpora.items() for f, a in arts.items()}
    report = {
        "lines": evaluate_lines(articles),
        "meta": evaluate_meta(articles),
        "events": evaluate_events(corpora),
        "sample": {
            "line_labelled_articles": len({(r["corpus"], r["file"]) for r in _rows("lines")}),
            "labelled_lines": len(_rows("lines")),
            "event_labelled_articles": Counter(r["corpus"] for r in _rows("events")),
        },
    }
    report["seconds"] = round(time.monotonic() - started, 1)
    return report


def targets() -> dict:
    with TARGETS.open("rb") as handle:
        return tomllib.load(handle)


def misses(report: dict, table: str | None = None) -> list[str]:
    """Every target (floor) the report does not meet, in words; with
    `table="goals"`, every goal it does not reach."""
    wanted = targets()
    goals = wanted.pop("goals", {})
    found = []
    for path, minimum in _flatten(goals if table == "goals" else wanted):
        value = report
        for part in path.split("."):
            value = value[part]
        if value < minimum:
            word = "goal" if table == "goals" else "target"
            found.append(f"{path} = {value:.4f}, {word} >= {minimum}")
    return found


def _flatten(table: dict, prefix: str = "") -> list[tuple[str, float]]:
    items = []
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            items.extend(_flatten(value, name + "."))
        else:
            items.append((name, value))
    return items


def _print(report: dict, errors: int) -> None:
    lines, meta, events = report["lines"], report["meta"], report["events"]
    sample = report["sample"]
    print(
        f"Sample: {sample['line_labelled_articles']} line-labelled articles "
        f"({sample['labelled_lines']} lines); event labels: "
        + ", ".join(f"{c} {n}" for c, n in sorted(sample["event_labelled_articles"].items()))
    )
    print("\nRemovals            precision  recall     F1   (tp/fp/fn)")
    rows = [("all removals", lines["removal"]), *lines["kinds"].items()]
    rows.append(("caption (kept)", lines["caption"]))
    for name, s in rows:
        print(
            f"  {name:<18} {s['precision']:>8.3f} {s['recall']:>7.3f} {s['f1']:>6.3f}"
            f"   ({s['tp']}/{s['fp']}/{s['fn']})"
        )
    print("\nArticles            accuracy  (right/total)")
    for name in ("headline", "date", "time", "publisher", "publisher_unnamed_left_unknown"):
        a = meta[name]
        print(f"  {name:<30} {a['accuracy']:>6.3f}  ({a['right']}/{a['total']})")
    print("\nStories, events, threads (pairwise; held out by folder)")
    print("                              story P/R/F1         event P/R/F1         thread P/R/F1")
    for method in ("learned", "baseline", "shipped"):
        for scale in ("small", "whole"):
            label = f"{method}, {'folder alone' if scale == 'small' else 'whole corpus'}"
            cells = "  ".join(
                "{precision:.3f}/{recall:.3f}/{f1:.3f}".format(**events[method][scale][level])
                for level in fit_stories.LEVELS
            )
            print(f"  {label:<28} {cells}")
    fitted = ", ".join(f"{k} {v:+.2f}" for k, v in events["fitted"].items())
    print(f"  weights fitted on every folder: {fitted}; thread threshold {events['thread_merge']}")
    print("  (learned: fitted without the folder scored; shipped: data/stories.toml as it runs)")
    front = events["front_page"]
    print(
        f"  whole folder of {front['articles']}: {front['alone_share']:.1%} of articles alone "
        f"in their story; {front['top_stories_one_story']} pairs of the top "
        f"{front['top_stories']} stories the labels call one story"
    )
    if errors:
        print(f"\nDisagreements (first {errors} of each):")
        for name, items in (
            ("lines", lines["errors"]),
            *((k, meta[k]["errors"]) for k in ("headline", "date", "time", "publisher")),
        ):
            for item in items[:errors]:
                print(f"  [{name}] {item}")
    if lines["drifted_labels"]:
        print(f"\n{lines['drifted_labels']} labels no longer match their line (corpus changed?)")
    print(f"\n({report['seconds']} s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make eval", description=__doc__)
    parser.add_argument("--json", help="also write the whole report to this file")
    parser.add_argument("--errors", type=int, default=0, help="list this many disagreements")
    parser.add_argument("--check", action="store_true", help="exit 1 below tests/eval/targets.toml")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    report = run(args.workers)
    _print(report, args.errors)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, sort_keys=True), encoding="utf-8")
    for short in misses(report, "goals"):
        print(f"short of goal: {short}")
    failed = misses(report)
    for miss in failed:
        print(f"below target: {miss}")
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
