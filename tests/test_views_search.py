"""The search pages: articles and statements, every state in the URL, every bad parameter."""

import re

import pytest

from articles.models import Article

pytestmark = pytest.mark.django_db

GUTERRES = "جوتيريش"
HOSTILE = '"><script>alert(1)</script><img src=x onerror=alert(1)>'


def result_titles(html):
    return re.findall(r'<h3 class="result-title"><a [^>]*>([^<]*)</a>', html)


def test_search_finds_both_spellings_with_marks_facets_and_chart(client, reading_room_index):
    room = reading_room_index
    response = client.get("/search/", {"q": GUTERRES})
    assert response.status_code == 200
    html = response.content.decode()
    # جوتيريش (seed, Egyptian spelling) and غوتيريش (the other outlet) are one name.
    assert set(result_titles(html)) == {room.seed.title, room.other.title}
    assert "<mark>جوتيريش</mark>" in html
    assert "عدد النتائج: 2" in html
    # Facets with counts, each a link that keeps the query.
    assert re.search(r'href="\?q=[^"]*&amp;source=zat-masr"', html)
    assert 'href="?q=%D8%AC%D9%88%D8%AA%D9%8A%D8%B1%D9%8A%D8%B4&amp;speaker=antonio-guterres"' in html
    # Attention over time: one bar per month from September to October 2023.
    assert html.count('class="timeline-bar"') == 2
    # The result link carries the query to the article page for highlighting.
    assert f'href="{room.seed.get_absolute_url()}?q=%D8%AC%D9%88%D8%AA%D9%8A%D8%B1%D9%8A%D8%B4"' in html


def test_following_a_facet_narrows_and_shows_a_removable_chip(client, reading_room_index):
    room = reading_room_index
    html = client.get("/search/", {"q": GUTERRES, "source": "bbc-arabic"}).content.decode()
    assert result_titles(html) == [room.other.title]
    assert 'class="facet-value active"' in html
    assert 'class="chips active-filters"' in html
    # The chip's link removes the facet and keeps the query.
    assert 'href="?q=%D8%AC%D9%88%D8%AA%D9%8A%D8%B1%D9%8A%D8%B4" title="إزالة هذا المرشح"' in html
    # The facet stays in the form so a new query keeps it.
    assert '<input type="hidden" name="source" value="bbc-arabic">' in html


def test_exact_spelling_toggle_keeps_to_the_written_form(client, reading_room_index):
    room = reading_room_index
    # الهدنة matches هدنة through the light stemmer; spelled exactly it matches nothing.
    loose = client.get("/search/", {"q": "الهدنة"}).content.decode()
    assert result_titles(loose) == [room.other.title]
    assert 'name="exact" value="1" checked' not in loose
    exact = client.get("/search/", {"q": "الهدنة", "exact": "1"}).content.decode()
    assert result_titles(exact) == []
    assert 'name="exact" value="1" checked' in exact


def test_sort_newest_and_oldest(client, reading_room_index):
    room = reading_room_index
    newest = result_titles(client.get("/search/", {"q": GUTERRES, "sort": "newest"}).content.decode())
    oldest = result_titles(client.get("/search/", {"q": GUTERRES, "sort": "oldest"}).content.decode())
    assert newest == [room.other.title, room.seed.title]
    assert oldest == [room.seed.title, room.other.title]


def test_date_range_filters_and_a_reversed_range_is_swapped(client, reading_room_index):
    room = reading_room_index
    only_october = {"q": GUTERRES, "date_from": "2023-10-01", "date_to": "2023-10-31"}
    assert result_titles(client.get("/search/", only_october).content.decode()) == [room.other.title]
    reversed_range = {"q": GUTERRES, "date_from": "2023-10-31", "date_to": "2023-10-01"}
    assert result_titles(client.get("/search/", reversed_range).content.decode()) == [room.other.title]


@pytest.mark.parametrize(
    "params",
    [
        {"source": "no-such-outlet"},
        {"section": "<b>قسم</b>"},
        {"speaker": "nobody"},
        {"year": "twenty"},
        {"month": "2023-13"},
        {"date_from": "2023-02-30"},
        {"sort": "random"},
        {"exact": "maybe"},
    ],
)
def test_unknown_or_malformed_parameters_are_ignored_with_a_note(client, reading_room_index, params):
    response = client.get("/search/", {"q": GUTERRES, **params})
    assert response.status_code == 200
    html = response.content.decode()
    assert "لم نفهم بعض المعايير فتجاهلناها" in html
    assert len(result_titles(html)) == 2, "the rest of the search still runs"
    assert "<b>قسم</b>" not in html


@pytest.mark.parametrize("page", ["abc", "0", "-3", "1.5", "99999999999999999999999999", "1e9", "%00", ""])
def test_junk_and_huge_page_numbers_never_fail(client, reading_room_index, page):
    response = client.get("/search/", {"q": GUTERRES, "page": page})
    assert response.status_code == 200
    assert len(result_titles(response.content.decode())) == 2


def test_a_page_past_the_end_shows_the_last_page_with_a_note(client, reading_room_index):
    room = reading_room_index
    for n in range(25):
        Article.objects.create(
            external_id=f"g-{n}", title=f"غوتيريش في زيارة رقم {n}", body="زار غوتيريش المنطقة.",
            source=room.bbc, content_hash="3" * 64,
        )
    from articles import indexing

    indexing.rebuild()
    html = client.get("/search/", {"q": GUTERRES, "page": "50"}).content.decode()
    assert "هذه آخر صفحة من النتائج" in html
    assert len(result_titles(html)) == 27 - 20
    assert 'aria-current="page">2<' in html
    # Page links keep the query.
    assert re.search(r'<a rel="prev" href="\?q=%D8%AC%D9%88%D8%AA%D9%8A%D8%B1%D9%8A%D8%B4&amp;page=1">', html)


def test_a_ten_kilobyte_query_is_refused_clearly(client, reading_room_index):
    response = client.get("/search/", {"q": "قره باخ " * 1300})
    assert response.status_code == 400
    html = response.content.decode()
    assert "نص البحث طويل جدا" in html
    assert "الحد الأقصى 500" in html


def test_html_in_the_query_is_escaped_everywhere(client, reading_room_index):
    for url in ("/search/", "/statements/"):
        response = client.get(url, {"q": HOSTILE})
        assert response.status_code == 200
        html = response.content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_hostile_article_title_is_escaped_in_results(client, reading_room_index):
    room = reading_room_index
    room.other.title = "<script>alert('t')</script> غوتيريش"
    room.other.save()
    from articles import indexing

    indexing.rebuild()
    html = client.get("/search/", {"q": GUTERRES}).content.decode()
    assert "<script>alert('t')</script>" not in html
    assert "&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;" in html


def test_empty_search_page_explains_how_to_search(client, reading_room_index):
    response = client.get("/search/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "طريقة البحث" in html
    assert 'class="result-list"' not in html


def test_a_search_with_no_match_says_so(client, reading_room_index):
    html = client.get("/search/", {"q": "كوالالمبور"}).content.decode()
    assert "لا نتائج" in html


def test_did_you_mean_links_to_the_suggestion(client, reading_room_index):
    # بلينكم: the last letter mistyped; the index knows بلينكن.
    response = client.get("/search/", {"q": "بلينكم", "exact": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="did-you-mean">هل تقصد: <a href="?q=%D8%A8%D9%84%D9%8A%D9%86%D9%83%D9%86&amp;exact=1"><bdi>بلينكن</bdi></a>' in html


# --- Statements -------------------------------------------------------------------------


def test_statement_search_shows_quote_speaker_article_and_place(client, reading_room_index):
    room = reading_room_index
    response = client.get("/statements/", {"q": "القتال"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>القتال</mark>" in html
    assert f'href="/speakers/antonio-guterres/"' in html
    assert f'href="{room.seed.get_absolute_url()}?q=%D8%A7%D9%84%D9%82%D8%AA%D8%A7%D9%84#statement-{room.statement.pk}"' in html
    assert "اقتباس مباشر" in html
    assert "20 سبتمبر 2023" in html


def test_statement_facets_by_speaker_and_kind(client, reading_room_index):
    html = client.get("/statements/", {"q": "غوتيريش OR القتال", "speaker": "antonio-guterres"}).content.decode()
    assert 'id="facet-kind"' in html
    bad = client.get("/statements/", {"q": "القتال", "kind": "shouted"})
    assert bad.status_code == 200
    assert "لم نفهم بعض المعايير فتجاهلناها" in bad.content.decode()


def test_statement_search_by_speaker_alone(client, reading_room_index):
    room = reading_room_index
    html = client.get("/statements/", {"speaker": "antonio-guterres"}).content.decode()
    assert "وقف القتال على الفور" in html and "هدنة إنسانية فورية" in html


# --- Without an index -------------------------------------------------------------------


def test_search_pages_say_the_index_needs_rebuilding_while_reading_still_works(client, reading_room):
    for url in ("/search/", "/statements/"):
        response = client.get(url, {"q": GUTERRES})
        assert response.status_code == 503
        assert "python manage.py rebuild_index" in response.content.decode()
    for url in ("/api/search/", "/search/export.csv", "/search/feed/"):
        response = client.get(url, {"q": GUTERRES})
        assert response.status_code == 503
        assert "rebuild_index" in response.content.decode()
    article = client.get(reading_room.seed.get_absolute_url(), {"q": GUTERRES})
    assert article.status_code == 200
    assert "<mark>جوتيريش</mark>" in article.content.decode()
    assert client.get(reading_room.guterres.get_absolute_url()).status_code == 200
    assert client.get("/").status_code == 200


# --- Article page from a search ---------------------------------------------------------


def test_article_from_a_search_highlights_the_query_inside_the_marked_statement(client, reading_room_index):
    room = reading_room_index
    html = client.get(room.seed.get_absolute_url(), {"q": "جوتيريش القتال"}).content.decode()
    assert "<mark>جوتيريش</mark>" in html
    # The statement's words are highlighted inside the statement's own element.
    statement = re.search(rf'id="statement-{room.statement.pk}"[^>]*>(.*?)</span>', html).group(1)
    assert "<mark>القتال</mark>" in statement


def test_article_page_shows_related_articles_from_the_index(client, reading_room_index):
    room = reading_room_index
    html = client.get(room.other.get_absolute_url()).content.decode()
    related = html[html.index('id="related-heading"'):]
    assert room.seed.title in related


def test_the_query_parsers_notes_are_shown_in_arabic(client, reading_room_index):
    html = client.get("/search/", {"q": '"وقف القتال'}).content.decode()
    assert "تجاهلنا علامة تنصيص بلا علامة إغلاق." in html
    assert len(result_titles(html)) >= 1


def test_choosing_a_year_opens_its_months_with_arabic_names(client, reading_room_index):
    without_year = client.get("/search/", {"q": GUTERRES}).content.decode()
    assert 'id="facet-month"' not in without_year
    html = client.get("/search/", {"q": GUTERRES, "year": "2023"}).content.decode()
    assert 'id="facet-month"' in html
    assert re.search(r'href="\?q=[^"]*&amp;year=2023&amp;month=2023-09"><bdi>سبتمبر 2023</bdi>', html)
    # Changing the year again drops the month with it.
    month_html = client.get("/search/", {"q": GUTERRES, "year": "2023", "month": "2023-09"}).content.decode()
    year_link = re.search(r'<a class="facet-value active" aria-current="true" href="([^"]*)"[^>]*><bdi>2023</bdi>', month_html)
    assert year_link and "month=" not in year_link.group(1)


def test_no_page_needs_an_inline_script_or_style(client, reading_room_index):
    from tests.test_views_pages import assert_csp_clean

    room = reading_room_index
    for url in (
        "/", "/search/?q=" + GUTERRES, "/search/?q=" + GUTERRES + "&year=2023", "/statements/?q=القتال",
        room.seed.get_absolute_url() + "?q=" + GUTERRES, room.guterres.get_absolute_url(),
        room.zat_masr.get_absolute_url(), "/nowhere/", "/search/?q=" + "x" * 600,
    ):
        response = client.get(url)
        assert response.status_code in (200, 400, 404), url
        assert_csp_clean(response)
        assert "Content-Security-Policy" in response


@pytest.mark.parametrize(
    "query", ["*", "؟", '"', "OR", "-", "- -", "date:2018-99", "source:", "((", "جوتيريش\x00", "ـــ", "ً", "١٢٣"]
)
@pytest.mark.parametrize("url", ["/search/", "/statements/", "/api/search/"])
def test_odd_queries_never_fail(client, reading_room_index, url, query):
    response = client.get(url, {"q": query})
    assert response.status_code in (200, 400)
    if response.status_code == 400 and not url.startswith("/api/"):
        # Refused, and the page says why.
        assert 'class="notice error" role="alert"' in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "99999999999999999999"])
def test_statements_page_survives_junk_pages(client, reading_room_index, page):
    response = client.get("/statements/", {"q": "القتال", "page": page})
    assert response.status_code == 200
    assert "وقف <mark>القتال</mark> على الفور" in response.content.decode()


@pytest.mark.parametrize(
    "url,name",
    [("/search/", name) for name in ("source", "section", "speaker", "year", "month", "date_from", "date_to", "sort", "exact", "page")]
    + [("/statements/", name) for name in ("source", "speaker", "kind", "year", "sort", "exact", "page")],
)
def test_a_nul_character_in_any_parameter_is_refused_politely(client, reading_room_index, url, name):
    # PostgreSQL refuses NUL in a string: it must never reach a database lookup.
    response = client.get(url, {"q": GUTERRES, name: "zat\x00masr"})
    assert response.status_code == 200
    assert "لم نفهم بعض المعايير فتجاهلناها" in response.content.decode()
    api = client.get("/api" + url, {"q": GUTERRES, name: "zat\x00masr"})
    assert api.status_code == 400
