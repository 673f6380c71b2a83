"""Precision and recall counts, shared by every figure of `make eval`."""

from __future__ import annotations

import itertools
from dataclasses import dataclass


@dataclass
class Score:
    """Counts for precision and recall."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def count(self, truth: bool, ours: bool) -> None:
        """One decision: the label says `truth`, the pipeline said `ours`."""
        self.tp += truth and ours
        self.fp += ours and not truth
        self.fn += truth and not ours

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def pairs(assign: dict[str, object], truth: dict[str, str], into: Score | None = None) -> Score:
    """Pairwise counts of a grouping against labels: every pair of labelled
    items is one decision, "the two are one group" (an item the grouping
    left without a group is in none). Added to `into` when given."""
    score = into if into is not None else Score()
    for a, b in itertools.combinations(sorted(truth), 2):
        same_truth = truth[a] == truth[b]
        same_ours = assign.get(a) is not None and assign.get(a) == assign.get(b)
        score.count(same_truth, same_ours)
    return score
