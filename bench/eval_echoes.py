"""The echo rule (articles.quotes.echoes) against the hand-labelled pairs.

    .venv/bin/python bench/eval_echoes.py

tests/gold/echo_pairs.json: 240 pairs of one speaker's statements from different articles
at most seven days apart, labelled same statement / different statement before the rule's
thresholds were chosen. The even-numbered items (0, 2, …) are the half the thresholds were
chosen on; the odd-numbered half was scored once before and once after. Prints precision
and recall of "same statement" on each half and a grid of thresholds on the tuning half.
"""

import json
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from articles.quotes import echoes  # noqa: E402
from articles.quotes.echoes import content_words  # noqa: E402

PAIRS = ROOT / "tests" / "gold" / "echo_pairs.json"


def predicted(pair, containment, window):
    a, b = pair["a"], pair["b"]
    apart = abs(date.fromisoformat(a["published"]) - date.fromisoformat(b["published"]))
    words_a, words_b = content_words(a["text"]), content_words(b["text"])
    if min(len(words_a), len(words_b)) < echoes.MIN_WORDS or apart > window:
        return False
    return len(words_a & words_b) / min(len(words_a), len(words_b)) >= containment


def score(pairs, containment=None, window=None):
    containment = containment or echoes.MIN_CONTAINMENT
    window = window or echoes.WINDOW
    said = [predicted(p, containment, window) for p in pairs]
    hits = sum(1 for p, s in zip(pairs, said) if s and p["same"])
    precision = hits / sum(said) if any(said) else 0.0
    recall = hits / sum(1 for p in pairs if p["same"])
    return precision, recall


def main():
    pairs = json.loads(PAIRS.read_text())
    halves = {"tuned on (even)": pairs[0::2], "held out (odd)": pairs[1::2]}
    print(f"rule: containment >= {echoes.MIN_CONTAINMENT}, at least {echoes.MIN_WORDS} content words, "
          f"within {echoes.WINDOW.days} days")
    print(f"{'half':<18}{'pairs':>6}{'same':>6}{'precision':>11}{'recall':>8}")
    for name, half in halves.items():
        precision, recall = score(half)
        print(f"{name:<18}{len(half):>6}{sum(p['same'] for p in half):>6}{precision:>11.2f}{recall:>8.2f}")
    print("\ngrid on the tuning half: containment × window (days) → precision / recall")
    for containment in (0.5, 0.6, 0.7, 0.8):
        cells = [score(halves["tuned on (even)"], containment, timedelta(days=days)) for days in (2, 3, 5)]
        print(f"  {containment:.1f}  " + "  ".join(f"{d}d {p:.2f}/{r:.2f}" for d, (p, r) in zip((2, 3, 5), cells)))


if __name__ == "__main__":
    main()
