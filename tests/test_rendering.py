"""articles/rendering.py: the reading room's presentation rules, without a database."""

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from articles.rendering import MAX_MARKS, page_numbers, query_marks
from articles.text.highlight import term_spans


@pytest.mark.parametrize(
    "current,pages,expected",
    [
        (10, 40, [1, None, 8, 9, 10, 11, 12, None, 40]),
        (1, 40, [1, 2, 3, None, 40]),
        (40, 40, [1, None, 38, 39, 40]),
        # A gap of a single page is that page, not an ellipsis standing for it.
        (5, 40, [1, 2, 3, 4, 5, 6, 7, None, 40]),
        (3, 6, [1, 2, 3, 4, 5, 6]),
        (1, 1, []),
        (1, 0, []),
    ],
)
def test_page_numbers_link_the_ends_and_the_pages_around_the_current_one(current, pages, expected):
    assert page_numbers(current, pages) == expected


@pytest.mark.parametrize("current,pages", [("abc", 10), (None, 10), (3, "x"), (0, 10), (99, 10), (-4, 10)])
def test_page_numbers_survive_junk_and_out_of_range_pages(current, pages):
    numbers = page_numbers(current, pages)
    assert numbers == [] or (numbers[0] == 1 and numbers[-1] == pages)


def test_dates_use_the_corpus_month_names_with_western_digits():
    from datetime import date, datetime, timezone

    from articles.rendering import day_label, month_label

    months = [month_label(f"2018-{month:02d}").split()[0] for month in range(1, 13)]
    assert months == [
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ]  # fmt: skip
    assert day_label(date(2018, 4, 29)) == "29 أبريل 2018"
    assert day_label(datetime(2023, 9, 20, 23, 30, tzinfo=timezone.utc)) == "20 سبتمبر 2023"
    assert day_label("9999-12-31T23:59:59-12:00") == "31 ديسمبر 9999"
    assert month_label(date(2026, 11, 24)) == "نوفمبر 2026"
    assert month_label("0000-05") == "0000-05"
    assert day_label(None) == month_label(None) == ""


# --- The article body: cost -------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = (ROOT / "seeds" / "000_3685a6476d11d14e.txt").read_text(encoding="utf-8")
# Fourteen words that each occur in the seed article, so a longer body carries
# proportionally more marks.
FOURTEEN_WORDS = "باخ أذربيجان قره وقف العسكرية النار قوات أرمينيا إطلاق وقت اتفاق الروسية حفظ السلام"


@dataclass
class QuotedStatement:
    """What the renderer reads of a Statement row."""

    pk: int
    start: int
    end: int
    text: str
    kind: str = "direct"
    speaker_id: None = None
    speaker_mention: str = "متحدث"


def long_article(size):
    """The seed repeated to `size` characters, each of its quotations a statement."""
    body = (SEED_TEXT * (size // len(SEED_TEXT) + 1))[:size]
    quotes = re.finditer(r'"[^"\n]+"', body)
    return body, [QuotedStatement(pk, m.start(), m.end(), m.group()) for pk, m in enumerate(quotes, 1)]


def highlighting_cost(size):
    """CPU seconds to find every match of the fourteen words and render the marked body,
    with the counts of marks and statements rendered.

    Measured in a fresh process: in the test run's own, the collector's passes over
    everything earlier tests left in memory would be counted too.
    """
    out = subprocess.run([sys.executable, "-c", COST_CHILD, str(ROOT), str(size)],
                         capture_output=True, text=True, check=True, timeout=300)
    return json.loads(out.stdout)


COST_CHILD = r"""
import json, os, sys, time
sys.path.insert(0, sys.argv[1])
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.test_settings")
import django
django.setup()
from articles.rendering import render_article_body
from articles.text.highlight import term_spans
from tests.test_rendering import FOURTEEN_WORDS, long_article
body, statements = long_article(int(sys.argv[2]))
began = time.process_time()
html = render_article_body(body, statements, term_spans(body, FOURTEEN_WORDS))
print(json.dumps({"seconds": time.process_time() - began, "marks": html.count("<mark>"),
                  "statements": html.count('<span class="statement')}))
"""


def test_highlighting_grows_linearly_with_the_article():
    """Hostile testing: every piece of the body was checked against every mark and every
    statement, so a 200 kB article took 29 s with a fourteen-word q and an 11 MB one took
    the worker down. Measured with no cap on the marks, so that it is the rendering that
    must be linear; CPU time, so a busy machine does not fail it."""
    small, large = highlighting_cost(50_000), highlighting_cost(400_000)
    # The same density of marks and statements throughout.
    assert large["marks"] >= 7 * small["marks"] > 0
    assert large["statements"] >= 7 * small["statements"] > 0
    assert large["seconds"] < 1.0, large
    # Eight times the text may not cost much more than eight times the time (quadratic: 64×).
    assert large["seconds"] < 16 * max(small["seconds"], 0.05), (small, large)


def test_a_query_marks_at_most_max_marks_and_says_when_it_matched_more():
    body, _statements = long_article(400_000)
    marks, more = query_marks(body, FOURTEEN_WORDS)
    assert len(marks) == MAX_MARKS and more
    assert marks == term_spans(body, FOURTEEN_WORDS)[:MAX_MARKS]  # the first ones, in body order
    short_body, _statements = long_article(5_000)
    marks, more = query_marks(short_body, FOURTEEN_WORDS)
    assert 0 < len(marks) < MAX_MARKS and not more
    assert query_marks(body, "") == ([], False)
