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
import sys
import time
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

from news_digest import digest, filenames, glued, group, recurring  # noqa: E402
from news_digest.infer import outlet_key  # noqa: E402
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
CREDIT_RULES = frozenset({"editor-line", "photo-credit", "image-credit", "credit-initials"})

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
    return folder_pass(per_file(name, workers))


def folder_pass(articles: dict[str, Article]) -> dict[str, Article]:
    """What a build does with the whole folder after the per-file stages:
    its recurring furniture removed, its own words' splits taken back."""
    learned = recurring.learn(list(articles.values()))
    # the build knows each article's outlet from its file name by now
    # (reader.name_from_files) when its text does not name it
    named = {articles[n].identifier: o for n, o in filenames.outlets(sorted(articles)).items()}
    words = glued.folder_words(
        articles.values(), lambda a: a.meta.publisher.value or named.get(a.identifier)
    )
    return {
        name: glued.keep_folder_words(recurring.apply(a, learned), words)
        for name, a in articles.items()
    }


def per_file(name: str, workers: int = 2) -> dict[str, Article]:
    """Every article of corpus `name` after the per-file stages only (read,
    clean, infer), by file name: cached, as a build's content cache does."""
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


def _still_matches(row: dict[str, str]) -> bool:
    """Whether a line label's line still reads as when it was labelled."""
    lines = raw_lines(corpus_dir(row["corpus"]) / row["file"])
    number = int(row["line"])
    return line_hash(lines[number - 1] if number <= len(lines) else "") == row["sha1"]


def evaluate_lines(
    articles: dict[tuple[str, str], Article], only: set[tuple[str, str]] | None = None
) -> dict:
    """Every line label against what the pipeline did (`only`: the labelled
    articles of these (corpus, file) keys, the others left out)."""
    overall, per_kind, captions = Score(), defaultdict(Score), Score()
    errors: list[str] = []
    drift = 0
    for row in _rows("lines"):
        corpus, name, number = row["corpus"], row["file"], int(row["line"])
        if only is not None and (corpus, name) not in only:
            continue
        if not _still_matches(row):
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
    # the caption labels (labels/captions): lines picked for their picture
    # cues, each labelled caption or not; a line also line-labelled counts once
    line_labelled = {(r["corpus"], r["file"], r["line"]) for r in _rows("lines")}
    for row in _rows("captions") if only is None else ():
        corpus, name, number = row["corpus"], row["file"], int(row["line"])
        if (corpus, name, row["line"]) in line_labelled:
            continue
        if not _still_matches(row):
            drift += 1
            continue
        article = articles.get((corpus, name))
        ours = line_outcome(article, number) if article else "keep"
        captions.count(row["label"] == "caption", ours == "caption")
        if (row["label"] == "caption") != (ours == "caption"):
            errors.append(f"{name}:{number} caption label {row['label']}, pipeline {ours}")
    return {
        "removal": overall.as_dict(),
        "kinds": {k: per_kind[k].as_dict() for k in sorted(per_kind)},
        "caption": captions.as_dict(),
        "drifted_labels": drift,
        "errors": errors,
    }


#: What may wrap a token at its edges (quotes, brackets, a sentence's end).
_EDGES = glued.EDGES


def _split_positions(token: str, mended: str) -> set[int]:
    """Where `mended` has a space that `token` has not, as positions into token."""
    positions, at = set(), 0
    for char in mended:
        if char == " ":
            positions.add(at)
        else:
            at += 1
    return positions


def mend_outcome(article: Article, number: int, token: str) -> set[int] | None:
    """Where the page splits the labelled `token` of raw line `number`
    (positions into token; empty: shown as written), or None when the line
    is not shown (removed, so nothing there is read)."""
    clean = article.clean
    shown = [line for line in (*clean.kept, clean.headline) if line and line.number == number]
    if not shown:
        return None
    core = token.strip(_EDGES)
    for mend in clean.mends:
        if mend.number != number:
            continue
        bare = mend.token.strip(_EDGES)
        if core and core in mend.token:
            shift = mend.token.index(core) - token.index(core)
        elif bare and bare in core:
            shift = -(token.index(bare) - mend.token.index(bare))
        else:
            continue
        found = {p - shift for p in _split_positions(mend.token, mend.mended)}
        return {p for p in found if 0 < p < len(token)}
    text = shown[0].text
    if core in text:
        return set()
    return {-1}  # cleaning cut the token (a dateline taken off the lead)


def evaluate_mends(articles: dict[tuple[str, str], Article]) -> dict:
    """Glued words (tests/eval/labels/glued): each labelled split is one
    space the page should have; precision and recall over those spaces,
    and over whole tokens (a token is right when its spaces are exactly
    the labelled ones). A token on a line the page does not show is left
    out; one that cleaning cut before mending (a dateline taken off the
    lead, `JakartaReal`) counts as split where the label splits it first."""
    spaces, tokens = Score(), Score()
    errors: list[str] = []
    skipped = drift = 0
    for row in _rows("glued"):
        corpus, name, number = row["corpus"], row["file"], int(row["line"])
        lines = raw_lines(corpus_dir(corpus) / name)
        line = lines[number - 1] if number <= len(lines) else ""
        token = (line[int(row["offset"]) :].split() or [""])[0]
        if hashlib.sha1(token.encode("utf-8")).hexdigest()[:12] != row["sha1"]:
            drift += 1
            continue
        verdict = row["verdict"]
        want = set(map(int, verdict.split(":")[1].split(","))) if verdict != "keep" else set()
        article = articles.get((corpus, name))
        ours = mend_outcome(article, number, token) if article else None
        if ours is None:
            skipped += 1
            continue
        if ours == {-1}:
            ours = {min(want)} if want else set()
        for position in want | ours:
            spaces.count(position in want, position in ours)
        # a token: right when split exactly as labelled; a split that is
        # not the label's is a wrong one (and, when the label splits, a miss)
        tokens.tp += bool(want) and ours == want
        tokens.fp += bool(ours) and ours != want
        tokens.fn += bool(want) and ours != want
        if ours != want:
            shown, labelled = glued.mended(token, ours), glued.mended(token, want)
            errors.append(f"{name}:{number} {shown!r}, label {labelled!r}")
    return {
        "spaces": spaces.as_dict(),
        "tokens": tokens.as_dict(),
        "not_shown": skipped,
        "drifted_labels": drift,
        "errors": errors,
    }


def evaluate_lines_by_outlet(corpora: dict[str, dict[str, Article]]) -> dict:
    """Removals left one outlet out: for each outlet with labelled lines,
    the folder's learned furniture (recurring.py) is learned from the
    corpus's other outlets only and applied to the outlet's articles,
    which are then scored against their labels, as an outlet the tables
    never saw would be. (The hand-written tables name kinds of furniture,
    not outlets: they stay.) Outlets as the build reads them from the
    file names (filenames.outlets). A row per outlet, and the sum."""
    outlet_of = {corpus: filenames.outlets(sorted(arts)) for corpus, arts in corpora.items()}
    labelled: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in _rows("lines"):
        outlet = outlet_of[row["corpus"]].get(row["file"], "(no outlet)")
        labelled[(row["corpus"], outlet)].add(row["file"])
    rows, total = {}, Score()
    for (corpus, outlet), files in sorted(labelled.items()):
        articles = corpora[corpus]
        others = [
            a for n, a in articles.items() if outlet_of[corpus].get(n, "(no outlet)") != outlet
        ]
        learned = recurring.learn(others)
        held_out = {
            (corpus, n): recurring.apply(articles[n], learned) for n in files if n in articles
        }
        score = evaluate_lines(held_out, only=set(held_out))["removal"]
        rows[f"{corpus}/{outlet}"] = score
        total.tp, total.fp, total.fn = (
            total.tp + score["tp"],
            total.fp + score["fp"],
            total.fn + score["fn"],
        )
    return {"outlets": rows, "all": total.as_dict()}


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
                outlet_key(got) == outlet_key(row["publisher"]),
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


def evaluate_outlets(corpora: dict[str, dict[str, Article]]) -> dict:
    """Outlets read from file names (filenames.py), apart from the text's:
    per corpus, the share of articles whose outlet is known once the file
    names are read; where the text names an outlet too, how often the file
    name agrees (the file name never overrides it: a syndicated story's
    site is not its author); and against the publisher labels (the outlet
    the text names), how many pages show another outlet once the file
    names fill what the text left unknown."""
    report = {}
    labelled = {(r["corpus"], r["file"]): r["publisher"] for r in _rows("meta")}
    for corpus, articles in sorted(corpora.items()):
        said = filenames.read_names(sorted(articles))
        known = agree = both = 0
        wrong = []
        for name, article in sorted(articles.items()):
            field = said[name].publisher
            outlet = filenames.outlet_name(field) if field else None
            text = article.meta.publisher.value
            known += bool(text or outlet)
            if text and outlet:
                both += 1
                agree += outlet_key(text) == outlet_key(outlet)
            label = labelled.get((corpus, name), "-")
            shown = text or outlet
            if shown and label != "-" and outlet_key(label) != outlet_key(shown):
                wrong.append(f"{name}: shown {shown!r}, label {label!r}")
        report[corpus] = {
            "articles": len(articles),
            "known_share": known / len(articles) if articles else 1.0,
            "text_share": sum(1 for a in articles.values() if a.meta.publisher.value)
            / max(len(articles), 1),
            "agrees_with_text": agree / both if both else 1.0,
            "checked_against_text": both,
            "wrong_on_labels": len(wrong),
            # 1 when no file-name outlet differs from a label (a target)
            "none_wrong_on_labels": int(not wrong),
            "errors": wrong,
        }
    return report


def evaluate_headlines(corpora: dict[str, dict[str, Article]]) -> dict:
    """Headlines derived from a lead (files with no headline line), in the
    seeds and the corpora: how many end in an ellipsis, and how many of
    them the labels (tests/eval/labels/headlines) call whole. A label
    names the headline by its sha1: a headline that changed since it was
    labelled counts as unlabelled until it is read again."""
    seeds = {p.name: process_file(p) for p in sorted((REPO / "seeds").glob("*.txt"))}
    derived = {
        (corpus, name): article.meta.title.value or ""
        for corpus, articles in (("seeds", seeds), *sorted(corpora.items()))
        for name, article in sorted(articles.items())
        if article.meta.title.evidence.key == "from_lead"
    }
    labels = {(r["corpus"], r["file"], r["sha1"]): r["verdict"] for r in _rows("headlines")}
    whole = Accuracy()
    unlabelled = []
    for (corpus, name), title in derived.items():
        verdict = labels.get((corpus, name, hashlib.sha1(title.encode()).hexdigest()[:12]))
        if verdict is None:
            unlabelled.append(f"{corpus}/{name}: {title!r}")
            continue
        whole.add(verdict == "whole", f"{corpus}/{name}: {title!r} is cut")
    ellipsis = sum(1 for title in derived.values() if title.endswith(("…", "...")))
    return {
        "derived": len(derived),
        "ellipsis": ellipsis,
        "no_ellipsis": int(ellipsis == 0),
        "whole": whole.as_dict() | {"errors": whole.wrong},
        "unlabelled": unlabelled,
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
    kinds = ("lines", "meta", "events", "glued", "headlines", "captions")
    # "seeds" names the repository's own seeds/ (the headline labels)
    return sorted({r["corpus"] for kind in kinds for r in _rows(kind)} - {"seeds"})


def run(workers: int = 2) -> dict:
    started = time.monotonic()
    files = {name: per_file(name, workers) for name in corpora_labelled()}
    corpora = {name: folder_pass(arts) for name, arts in files.items()}
    articles = {(c, f): a for c, arts in corpora.items() for f, a in arts.items()}
    report = {
        "lines": evaluate_lines(articles),
        "meta": evaluate_meta(articles),
        "outlets": evaluate_outlets(corpora),
        "lines_by_outlet": evaluate_lines_by_outlet(files),
        "mends": evaluate_mends(articles),
        "headlines": evaluate_headlines(corpora),
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
    by_outlet = report["lines_by_outlet"]
    print("\nRemovals, each outlet left out of what is learned   precision  recall  (tp/fp/fn)")
    for outlet, o in [*by_outlet["outlets"].items(), ("all outlets", by_outlet["all"])]:
        print(
            f"  {outlet:<48} {o['precision']:>8.3f} {o['recall']:>7.3f}"
            f"   ({o['tp']}/{o['fp']}/{o['fn']})"
        )
    print("\nArticles            accuracy  (right/total)")
    for name in ("headline", "date", "time", "publisher", "publisher_unnamed_left_unknown"):
        a = meta[name]
        print(f"  {name:<30} {a['accuracy']:>6.3f}  ({a['right']}/{a['total']})")
    mends = report["mends"]
    print("\nGlued words mended  precision  recall     F1   (tp/fp/fn)")
    for name in ("spaces", "tokens"):
        m = mends[name]
        print(
            f"  {name:<18} {m['precision']:>8.3f} {m['recall']:>7.3f} {m['f1']:>6.3f}"
            f"   ({m['tp']}/{m['fp']}/{m['fn']})"
        )
    print(f"  ({mends['not_shown']} labelled tokens on lines the page does not show)")
    heads = report["headlines"]
    print(
        f"\nHeadlines derived from a lead: {heads['derived']} (seeds and corpora), "
        f"{heads['ellipsis']} ending in an ellipsis; whole {heads['whole']['right']} of "
        f"{heads['whole']['total']} labelled ({heads['whole']['accuracy']:.3f}); "
        f"{len(heads['unlabelled'])} not labelled as they now read"
    )
    print("\nOutlets with file names read (filenames.py)")
    for corpus, o in report["outlets"].items():
        print(
            f"  {corpus:<26} known {o['known_share']:.3f} (text alone {o['text_share']:.3f}); "
            f"agrees with the text {o['agrees_with_text']:.3f} of {o['checked_against_text']}; "
            f"{o['wrong_on_labels']} wrong on the publisher labels"
        )
    print("\nStories, events, threads (pairwise; held out by folder)")
    print("                              story P/R/F1         event P/R/F1         thread P/R/F1")
    for method in fit_stories.METHODS:
        for scale in ("small", "whole"):
            label = f"{method}, {'folder alone' if scale == 'small' else 'whole corpus'}"
            cells = "  ".join(
                "{precision:.3f}/{recall:.3f}/{f1:.3f}".format(**events[method][scale][level])
                for level in fit_stories.LEVELS
            )
            print(f"  {label:<28} {cells}")
    fitted = ", ".join(f"{k} {v:+.2f}" for k, v in events["fitted"].items())
    print(
        f"  chosen on every folder: word threshold {events['story_merge']}, thread threshold "
        f"{events['thread_merge']}; learned weights {fitted}"
    )
    print(
        "  (words, learned: thresholds and weights chosen without the folder scored; "
        "shipped: data/stories.toml as it runs)"
    )
    ceiling = events["event_ceiling"]
    print(
        "  events if every story were right (the labelled stories split by the day each "
        "article reports): {precision:.3f}/{recall:.3f}/{f1:.3f}".format(**ceiling)
    )
    print(
        "  labelled pairs by their words' cosine (what linking by it can reach): "
        + "; ".join(
            "≥{cosine} P {precision:.3f} R {recall:.3f} ({same}/{other})".format(**rung)
            for rung in events["likeness_ladder"]
        )
    )
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
            ("mends", report["mends"]["errors"]),
            ("headlines", report["headlines"]["whole"]["errors"]),
            ("unlabelled headlines", report["headlines"]["unlabelled"]),
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
