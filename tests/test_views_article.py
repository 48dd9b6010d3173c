"""The article page: what a reader's ?q= may cost and what it may carry."""

import re
import time

import pytest

from articles.filters import MAX_QUERY_LENGTH
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


@pytest.mark.parametrize("query", ["ab\x00cd", "جوتيريش\x00", "\x00"])
def test_a_nul_in_the_query_is_refused_by_the_search_pages_rule(client, reading_room, query):
    # Hostile testing: /articles/<id>/?q=ab%00cd echoed the NUL into the page.
    assert client.get("/search/", {"q": query}).status_code == 400
    response = client.get(reading_room.seed.get_absolute_url(), {"q": query})
    assert response.status_code == 200  # the article itself is still there to read
    html = response.content.decode()
    assert "\x00" not in html
    assert 'id="statement-' in html and "<mark>" not in html
    assert "لم تُظلَّل كلمات بحثك: الأحرف الخالية غير مسموح بها." in html


def test_a_query_too_long_for_the_search_pages_is_refused_with_its_reason(client, reading_room):
    too_long = "جوتيريش " * 70  # 560 characters; the search pages take 500
    assert client.get("/search/", {"q": too_long}).status_code == 400
    html = client.get(reading_room.seed.get_absolute_url(), {"q": too_long}).content.decode()
    assert "<mark>" not in html
    note = re.search(r'<p class="notice error" role="alert">(.*?)</p>', html).group(1)
    assert note.startswith("لم تُظلَّل كلمات بحثك") and str(MAX_QUERY_LENGTH) in note
    html = client.get(reading_room.seed.get_absolute_url(), {"q": too_long[:500]}).content.decode()
    assert "<mark>جوتيريش</mark>" in html and "لم تُظلَّل كلمات بحثك" not in html
