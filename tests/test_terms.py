"""Term vectors: cosine, centroids and top terms."""

from __future__ import annotations

import math

from news_digest import terms


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
