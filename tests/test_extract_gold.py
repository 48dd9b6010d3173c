"""The extractor against the hand-annotated gold set: regressions below target fail."""

from pathlib import Path

from articles.quotes.gold import evaluate, load_gold

GOLD = Path(__file__).parent / "gold" / "quotes.json"


def test_gold_set_covers_all_five_outlets_and_several_sections():
    articles = load_gold(GOLD)
    corpus = [a for a in articles if not a["id"].startswith("seed-")]
    assert len(corpus) >= 40
    assert len({a["source"] for a in corpus}) == 5
    assert len({a["category"] for a in corpus}) >= 5
    for article in articles:
        for st in article["statements"]:
            assert article["text"][st["start"] : st["end"]] == st["text"]


def test_precision_and_recall_stay_above_target():
    result = evaluate(load_gold(GOLD))
    assert result["precision"] >= 0.9, result["precision"]
    assert result["recall"] >= 0.85, result["recall"]
    assert result["speaker_accuracy"] >= 0.8, result["speaker_accuracy"]
    assert result["quoted_non_statements_taken"] == 0
