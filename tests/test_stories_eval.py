"""bench/eval_stories.py scores B-cubed as defined (Bagga & Baldwin), on a worked example."""

import importlib.util
from pathlib import Path

import pytest

SPEC = importlib.util.spec_from_file_location(
    "eval_stories", Path(__file__).resolve().parent.parent / "bench" / "eval_stories.py")
eval_stories = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(eval_stories)

GOLD = {
    "stories": [{"id": "A", "event": "a", "articles": ["a1", "a2", "a3"]},
                {"id": "B", "event": "b", "articles": ["b1", "b2"]}],
    "lookalikes": [["A", "B"]],
    "singletons": ["s1"],
}


def test_a_perfect_grouping_scores_one_and_merges_nothing():
    s = eval_stories.score(GOLD, [["a1", "a2", "a3", "x9"], ["b1", "b2"]])
    assert (s["precision"], s["recall"], s["lookalikes_merged"]) == (1.0, 1.0, 0)


def test_b_cubed_of_a_merge_and_a_split():
    # a1 a2 | a3 b1 b2 (s1 alone): per-article precision 1, 1, 1/3, 2/3, 2/3, 1;
    # recall 2/3, 2/3, 1/3, 1, 1, 1.
    s = eval_stories.score(GOLD, [["a1", "a2"], ["a3", "b1", "b2"]])
    assert s["precision"] == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3 + 1) / 6)
    assert s["recall"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1 + 1) / 6)
    assert s["merged_pairs"] == [("A", "B")]


def test_the_title_baseline_links_three_shared_title_words_within_48_hours():
    from datetime import datetime, timedelta, timezone

    from articles.stories import Document

    t = datetime(2018, 6, 18, tzinfo=timezone.utc)
    docs = [
        Document("x1", "bbc", t, "زلزال قوي يضرب مدينة أوساكا اليابانية", ""),
        Document("x2", "cnn", t + timedelta(hours=5), "قتلى في زلزال قوي يضرب أوساكا", ""),
        Document("x3", "cnn", t + timedelta(hours=60), "زلزال قوي يضرب أوساكا من جديد", ""),
        Document("x4", "bbc", t + timedelta(hours=1), "زلزال يضرب غواتيمالا", ""),
    ]
    assert eval_stories.baseline_clusters(docs) == [["x1", "x2"]]
