"""The article page: what a reader's ?q= may cost and what it may carry."""

import time

import pytest

from articles.models import Article
from articles.rendering import MAX_MARKS
from tests.test_rendering import FOURTEEN_WORDS, long_article

pytestmark = pytest.mark.django_db


def test_an_eleven_megabyte_article_with_a_fourteen_word_query_is_bounded(client, reading_room):
    # Hostile testing: this request held a worker past the 60 s timeout (a 500).
    body, _statements = long_article(11_000_000)
    article = Article.objects.create(
        external_id="long-1", title="مقال طويل", body=body, source=reading_room.zat_masr, content_hash="9" * 64
    )
    began = time.process_time()
    response = client.get(article.get_absolute_url(), {"q": FOURTEEN_WORDS})
    spent = time.process_time() - began
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<mark>") == MAX_MARKS
    # The page says that the rest of the matches are not marked, and how many are.
    assert f"ظُلِّل أول {MAX_MARKS:,} منها فقط" in html
    assert spent < 5.0, spent


def test_a_query_with_fewer_matches_than_the_limit_marks_them_all_without_a_note(client, reading_room):
    response = client.get(reading_room.seed.get_absolute_url(), {"q": FOURTEEN_WORDS})
    html = response.content.decode()
    assert 0 < html.count("<mark>") < MAX_MARKS
    assert "ظُلِّل أول" not in html
