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
