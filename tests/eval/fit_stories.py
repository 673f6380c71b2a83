"""Fit the story likeness (data/stories.toml [likeness]) on the labels.

Every pair of articles in one labelled folder is a training example: its
views' likeness (stories.pair_features) and whether the labels put the
two in one story. A logistic regression (Newton's method, a small ridge
penalty) weighs the views. `cross_validate` fits on all folders but one
and groups the one left out with those weights, for every folder in
turn, so no figure is measured on a folder its weights were fitted on.

    python tests/eval/fit_stories.py            # print the weights and held-out figures
    python tests/eval/fit_stories.py --write    # and write them into data/stories.toml
"""

from __future__ import annotations

import argparse
import copy
import itertools
import math
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

from news_digest import stories, terms  # noqa: E402
from news_digest.forks import ONE_CORE  # noqa: E402
from news_digest.model import Article  # noqa: E402

from tests.eval.scores import Score, pairs  # noqa: E402

#: Where the fitted numbers go.
STORIES_TOML = ROOT / "plugins" / "news_digest" / "data" / "stories.toml"

#: The ridge penalty on every weight but the bias: keeps the weights of
#: views that rarely differ between pairs from running off.
RIDGE = 1.0
#: Newton steps; the fit converges in a handful.
STEPS = 25


def fit(
    rows: Sequence[tuple[Sequence[float], bool]],
    names: Sequence[str],
    other_weight: float = 1.0,
) -> dict[str, float]:
    """Logistic regression of `same story` on the features, by Newton's
    method: returns {"bias": …, name: weight, …}. A pair of two stories
    counts `other_weight` times (above 1: precision first)."""
    size = len(names) + 1
    weights = [0.0] * size
    for _ in range(STEPS):
        gradient = [0.0] * size
        hessian = [[0.0] * size for _ in range(size)]
        for features, same in rows:
            x = (1.0, *features)
            z = sum(w * v for w, v in zip(weights, x, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))
            c = 1.0 if same else other_weight
            for i in range(size):
                gradient[i] += c * (p - same) * x[i]
                for j in range(i, size):
                    hessian[i][j] += c * p * (1 - p) * x[i] * x[j]
        for i in range(1, size):
            gradient[i] += RIDGE * weights[i]
            hessian[i][i] += RIDGE
        for i in range(size):
            for j in range(i):
                hessian[i][j] = hessian[j][i]
        step = _solve(hessian, gradient)
        weights = [w - s for w, s in zip(weights, step, strict=True)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return {"bias": weights[0], **dict(zip(names, weights[1:], strict=True))}


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (a few unknowns)."""
    size = len(vector)
    a = [[*row, value] for row, value in zip(matrix, vector, strict=True)]
    for column in range(size):
        pivot = max(range(column, size), key=lambda r: abs(a[r][column]))
        a[column], a[pivot] = a[pivot], a[column]
        for row in range(size):
            if row != column and a[column][column]:
                factor = a[row][column] / a[column][column]
                for k in range(column, size + 1):
                    a[row][k] -= factor * a[column][k]
    return [a[i][size] / a[i][i] if a[i][i] else 0.0 for i in range(size)]


def pair_rows(
    views: Sequence, truth: Sequence[str], feature_of
) -> Iterable[tuple[list[float], bool]]:
    """Every pair of one folder: its features and whether it is one story."""
    for a, b in itertools.combinations(range(len(views)), 2):
        yield feature_of(views[a], views[b]), truth[a] == truth[b]


# ---- held-out figures ---------------------------------------------------------------


#: What each label column is scored against: the story, the story's day
#: (an event), and the thread over the stories.
LEVELS = ("story", "event", "thread")

#: The plain baseline the stories issue measured: cosine of the words
#: (title x3, lead x2, body), average link at this threshold, days split
#: afterwards. Printed beside the learned likeness.
BASELINE_THRESHOLD = 0.25


def assignments(found: stories.Found) -> dict[str, dict[str, object]]:
    """Each article's story, event (story and day) and thread, by identifier."""
    story, event, thread = {}, {}, {}
    for s, members in enumerate(found.stories):
        for p in members:
            article = found.articles[p]
            story[article.identifier] = s
            event[article.identifier] = (s, stories.day_of(article))
    for t, members in enumerate(found.threads):
        for s in members:
            for p in found.stories[s]:
                thread[found.articles[p].identifier] = t
    return {"story": story, "event": event, "thread": thread}


def baseline(articles: Sequence[Article]) -> stories.Found:
    """The plain baseline: word cosine, average link, no learned weights."""
    articles = tuple(sorted(articles, key=lambda a: a.identifier))
    views = [stories.article_views(a) for a in articles]
    links = stories.linked(views, _baseline_link, ONE_CORE)
    groups = stories.average_link(len(articles), links, BASELINE_THRESHOLD)
    return stories.Found(articles, tuple(map(tuple, groups)), (), ())


def _baseline_link(a: stories.Views, b: stories.Views) -> float | None:
    """Two articles' word cosine, when it reaches half the threshold."""
    value = terms.exact_cosine(a.words, b.words)
    return value if value >= BASELINE_THRESHOLD / 2 else None


def _with(weights: dict[str, float]) -> dict:
    """The learned likeness with these weights (merging at even odds)."""
    table = copy.deepcopy(stories.settings())
    table["likeness"] = {name: 0.0 for name in stories.FEATURES} | weights
    table["story"] = table["story"] | {"likeness": "learned"} | LEARNED_STORY
    return table


#: The learned likeness's thresholds: a pair below a quarter's chance is
#: not linked, groups merge at even odds.
LEARNED_STORY = {"link": 0.25, "merge": 0.5}

#: The word-cosine thresholds tried for merging stories; each fold takes
#: the one with the best F1 at a precision of at least STORY_PRECISION on
#: its training folders (a pair is linked at half the threshold).
STORY_GRID = (0.15, 0.17, 0.2, 0.22, 0.25, 0.3)
#: The precision the word threshold must keep on the training folders:
#: the labels split a war or a court's week into several stories finer
#: than any threshold tells apart (no method tried exceeds 0.73 there), so
#: this asks for what a strict threshold reaches, not for more.
STORY_PRECISION = 0.65


def words_table(merge: float) -> dict:
    """data/stories.toml's tables with the word likeness merging at `merge`."""
    table = copy.deepcopy(stories.settings())
    table["story"] = {"likeness": "words", "link": merge / 2, "merge": merge}
    return table


def choose_story_merge(
    folders: dict, corpora: dict, keys: Sequence, memo: dict | None = None
) -> float:
    """The word threshold for these folders: best F1 at STORY_PRECISION,
    else best precision (ties: the stricter threshold). `memo` keeps each
    folder's counts at each threshold for the next choice (every fold
    weighs the same folders again)."""
    memo = {} if memo is None else memo
    scored = []
    for merge in STORY_GRID:
        tally = Score()
        for key in keys:
            if (key, merge) not in memo:
                memo[(key, merge)] = _folder_tally(folders[key], corpora[key[0]], merge)
            one = memo[(key, merge)]
            tally.tp, tally.fp, tally.fn = tally.tp + one.tp, tally.fp + one.fp, tally.fn + one.fn
        result = tally.as_dict()
        scored.append(
            (result["precision"] >= STORY_PRECISION, result["f1"], result["precision"], merge)
        )
    return max(scored)[3]


def _folder_tally(truth: dict, articles: dict, merge: float) -> Score:
    """One folder's story pairs grouped by the words at `merge`."""
    found = stories.find_stories([articles[f] for f in truth], words_table(merge))
    assign = assignments(found)["story"]
    tally = Score()
    pairs(
        {f: assign.get(articles[f].identifier) for f in truth},
        {f: row["story"] for f, row in truth.items()},
        into=tally,
    )
    return tally


#: The thread thresholds tried; each fold takes the one with the best F1
#: at a precision of at least THREAD_PRECISION on its training folders.
THREAD_GRID = (0.15, 0.2, 0.22, 0.25, 0.27, 0.3, 0.32, 0.35, 0.4)
THREAD_PRECISION = 0.9


def choose_thread_merge(found: Sequence[tuple[stories.Found, dict]], table: dict) -> float:
    """The thread threshold for these folders' stories (found with their
    labels by file identifier): best F1 at THREAD_PRECISION, else best P."""
    scored = []
    for merge in THREAD_GRID:
        tally = Score()
        for folder, truth in found:
            threaded = stories.with_threads(folder, table["thread"] | {"merge": merge})
            assign = assignments(threaded)["thread"]
            pairs({i: assign.get(i) for i in truth}, truth, into=tally)
        result = tally.as_dict()
        scored.append(
            (result["precision"] >= THREAD_PRECISION, result["f1"], result["precision"], -merge)
        )
    return -max(scored)[3]


def _examples(folders: dict, corpora: dict) -> dict:
    examples = {}
    for key, truth in folders.items():
        articles = corpora[key[0]]
        files = sorted(truth)
        views = [stories.article_views(articles[f]) for f in files]
        examples[key] = list(pair_rows(views, [truth[f]["story"] for f in files], _features))
    return examples


def fitted_table(folders: dict, corpora: dict, examples: dict, keys: Sequence) -> dict:
    """data/stories.toml's tables with the learned likeness fitted on the
    folders `keys` and the thread threshold chosen on them."""
    rows = [row for key in keys for row in examples[key]]
    return with_thread_merge(_with(fit(rows, stories.FEATURES)), folders, corpora, keys)


def chosen_words_table(
    folders: dict, corpora: dict, keys: Sequence, memo: dict | None = None
) -> dict:
    """The word likeness with its threshold and the thread threshold
    chosen on the folders `keys`."""
    table = words_table(choose_story_merge(folders, corpora, keys, memo))
    return with_thread_merge(table, folders, corpora, keys)


def with_thread_merge(table: dict, folders: dict, corpora: dict, keys: Sequence) -> dict:
    """`table` with the thread threshold chosen on the folders `keys`."""
    found = []
    for key in keys:
        articles = corpora[key[0]]
        members = [articles[f] for f in folders[key]]
        truth = {articles[f].identifier: row["thread"] for f, row in folders[key].items()}
        found.append((stories.find_stories(members, table), truth))
    table["thread"] = table["thread"] | {"merge": choose_thread_merge(found, table)}
    return table


#: The methods `make eval` holds out by folder, with the baseline and
#: the shipped table beside them; the per-folder figures are the words'
#: (the method data/stories.toml ships).
METHODS = ("words", "learned", "baseline", "shipped")


def evaluate(folders: dict[tuple[str, str], dict[str, dict]], corpora: dict) -> dict:
    """Held-out figures (thresholds and weights chosen without the folder
    scored), at both scales, for the word likeness, the learned one and
    the baseline; what every folder chooses; and the shipped
    data/stories.toml as it runs."""
    examples = _examples(folders, corpora)
    everything = fitted_table(folders, corpora, examples, sorted(folders))
    memo: dict = {}
    chosen = chosen_words_table(folders, corpora, sorted(folders), memo)
    tallies = {
        (method, scale, level): Score()
        for method in METHODS
        for scale in ("small", "whole")
        for level in LEVELS
    }
    per_folder = {}
    whole_baseline, whole_shipped, whole_words = {}, {}, {}
    ceiling = Score()  # the events the labels' own stories give, split by day
    for key, truth in sorted(folders.items()):
        corpus, articles = key[0], corpora[key[0]]
        pairs(
            {f: (row["story"], stories.day_of(articles[f])) for f, row in truth.items()},
            {f: row["event"] for f, row in truth.items()},
            into=ceiling,
        )
        others = [k for k in sorted(folders) if k != key]
        learned = fitted_table(folders, corpora, examples, others)
        words = chosen_words_table(folders, corpora, others, memo)
        members = [articles[f] for f in truth]
        if corpus not in whole_baseline:
            whole_baseline[corpus] = assignments(baseline(articles.values()))
            whole_shipped[corpus] = assignments(stories.find(articles.values()))
        # most folds choose the same thresholds: the whole corpus is
        # grouped once for each choice
        choice = (corpus, words["story"]["merge"], words["thread"]["merge"])
        if choice not in whole_words:
            whole_words[choice] = assignments(stories.find(articles.values(), words))
        found = {
            ("words", "small"): assignments(stories.find(members, words)),
            ("words", "whole"): whole_words[choice],
            ("learned", "small"): assignments(stories.find(members, learned)),
            ("learned", "whole"): assignments(stories.find(articles.values(), learned)),
            ("baseline", "small"): assignments(baseline(members)),
            ("baseline", "whole"): whole_baseline[corpus],
            ("shipped", "small"): assignments(stories.find(members)),
            ("shipped", "whole"): whole_shipped[corpus],
        }
        for (method, scale), assign in found.items():
            for level in LEVELS:
                ours = {f: assign[level].get(articles[f].identifier) for f in truth}
                labels = {f: row[level] for f, row in truth.items()}
                pairs(ours, labels, into=tallies[(method, scale, level)])
                if (method, scale) == ("words", "small"):
                    one = Score()
                    pairs(ours, labels, into=one)
                    per_folder.setdefault(f"{corpus}/{key[1]}", {})[level] = one.as_dict()
    report: dict = {
        "fitted": everything["likeness"],
        "story_merge": chosen["story"]["merge"],
        "thread_merge": chosen["thread"]["merge"],
        "folders": per_folder,
        "event_ceiling": ceiling.as_dict(),
        "likeness_ladder": ladder(examples),
    }
    for (method, scale, level), tally in tallies.items():
        report.setdefault(method, {}).setdefault(scale, {})[level] = tally.as_dict()
    return report


#: The word cosines at which `ladder` reads the labelled pairs.
LADDER = (0.7, 0.5, 0.3, 0.2, 0.1)


def ladder(examples: dict) -> list[dict]:
    """What the words' likeness can tell apart on the labels, whatever the
    clustering: of every pair of articles within a labelled folder
    (`examples`, _examples: each pair's features and whether it is one
    story) whose words' cosine reaches each of LADDER, how many the labels
    call one story (`same`) and how many not (`other`), the share that are
    one story (precision) and the share of all one-story pairs they are
    (recall)."""
    words = stories.FEATURES.index("words")
    pairs = [(features[words], same) for rows in examples.values() for features, same in rows]
    one_story = sum(same for _, same in pairs)
    rungs = []
    for floor in LADDER:
        same = sum(s for cosine, s in pairs if cosine >= floor)
        other = sum(not s for cosine, s in pairs if cosine >= floor)
        rungs.append(
            {
                "cosine": floor,
                "same": same,
                "other": other,
                "precision": same / (same + other) if same + other else 1.0,
                "recall": same / one_story if one_story else 0.0,
            }
        )
    return rungs


def _features(a, b) -> list[float]:
    values = stories.pair_features(a, b)
    return [values[name] for name in stories.FEATURES]


def write(table: dict, path: Path = STORIES_TOML) -> None:
    """Put the fitted numbers into data/stories.toml, comments kept: each
    `name = number` line of [likeness], and [thread]'s `merge`."""
    wanted = {("likeness", k): v for k, v in table["likeness"].items()}
    wanted[("thread", "merge")] = table["thread"]["merge"]
    wanted |= {("story", k): table["story"][k] for k in ("link", "merge") if k in table["story"]}
    lines, section = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        header = re.fullmatch(r"\[(\w+)\]", line.strip())
        if header:
            section = header.group(1)
        match = re.fullmatch(r"(\w+) = [-\d.]+", line.strip())
        if match and (section, match.group(1)) in wanted:
            line = f"{match.group(1)} = {round(wanted[(section, match.group(1))], 2)}"
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    from tests.eval import evaluate

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="write data/stories.toml")
    args = parser.parse_args(argv)
    corpora = {name: evaluate.process_corpus(name) for name in evaluate.corpora_labelled()}
    folders = evaluate.labelled_folders(corpora)
    examples = _examples(folders, corpora)
    table = fitted_table(folders, corpora, examples, sorted(folders))
    print("learned likeness:", ", ".join(f"{k} {v:+.2f}" for k, v in table["likeness"].items()))
    chosen = chosen_words_table(folders, corpora, sorted(folders))
    print("word threshold:", chosen["story"]["merge"], "thread merge:", chosen["thread"]["merge"])
    if args.write:
        write(chosen | {"likeness": table["likeness"]})
        print(f"written to {STORIES_TOML}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
