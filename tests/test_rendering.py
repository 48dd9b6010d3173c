"""articles/rendering.py: the reading room's presentation rules, without a database."""

import pytest

from articles.rendering import page_numbers


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
