"""Term vectors: cosine, centroids and top terms."""

from __future__ import annotations

import math
import pickle
import sys

import pytest
from news_digest import terms
from news_digest.model import StoryTerms


def test_cosine_only_counts_shared_terms_in_any_order():
    a = {"gaza": 0.6, "blinken": 0.8}
    b = {"blinken": 0.6, "kairo": 0.8}
    assert math.isclose(terms.cosine(a, b), 0.48)
    assert terms.cosine(a, b) == terms.cosine(b, a) == terms.cosine(dict(reversed(a.items())), b)
    assert terms.cosine(a, {"kairo": 1.0}) == 0.0


def test_a_running_sum_gives_the_centroid():
    vectors = [terms.normalized({"a": 1.0, "b": 2.0}), terms.normalized({"b": 1.0, "c": 3.0})]
    total = terms.sum_of(vectors[:1])
    total.update(vectors[1])
    assert terms.normalized(dict(total)) == terms.centroid(vectors)
    assert math.isclose(math.fsum(v * v for v in terms.centroid(vectors).values()), 1.0)


def test_top_terms_break_ties_by_the_term_itself():
    assert terms.top_terms({"zeta": 0.5, "alfa": 0.5, "beta": 0.9, "gamma": 0.1}, 3) == [
        "beta",
        "alfa",
        "zeta",
    ]


def test_story_terms_give_back_their_pairs_float_for_float_and_stay_small():
    lines = ["Menteri Luar Negeri AS Antony Blinken tiba di Kairo, Mesir, pada Senin."] * 3
    story = terms.story_terms("Blinken bertemu Presiden Mesir di Kairo", lines)
    pairs = list(story)
    assert pairs == sorted(pairs) and len(story) == len(pairs) > 10
    assert dict(pairs)["blinken"] == 1 + math.log(3 + 2 * 3)  # the title thrice, the lead twice
    rebuilt = StoryTerms.of(pairs)
    assert rebuilt == story and list(rebuilt) == pairs
    thirds = [("a", 1 / 3), ("b", 0.1 + 0.2), ("c", 1e-300)]  # no digit lost
    assert list(StoryTerms.of(thirds)) == thirds
    compact = sys.getsizeof(story.words) + sys.getsizeof(story.weights)
    loose = sum(sys.getsizeof(p) + sys.getsizeof(p[0]) + sys.getsizeof(p[1]) for p in pairs)
    assert compact * 3 < loose  # the memory it holds
    assert pickle.loads(pickle.dumps(story)) == story  # it goes in the cache
    assert list(StoryTerms()) == [] and len(StoryTerms()) == 0
    with pytest.raises(ValueError):
        StoryTerms.of([("dua\nbaris", 1.0)])
