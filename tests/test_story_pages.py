"""The story page, its JSON, the sitemap, the article page's links to its story and copies,
copies folded in search results, and search results grouped by story — on the `icc`
fixture's real corpus articles (tests/conftest.py)."""

import io
import re
from collections import Counter

import pytest

from articles.stories.folding import fold_copies
from articles.stories.reading import parse_story_id
from tests.conftest import BBC_GAZA, FRANCE24_COPY, FRANCE24_ORIGINAL, GAZA_WARNING, NO_STORY


def story_url(story):
    return f"/stories/{story.pk}/"


# --- plain rules ----------------------------------------------------------------------


@pytest.mark.parametrize("value,expected", [
    ("12", 12), ("1", 1), ("0", None), ("-3", None), ("abc", None), ("12a", None), ("", None),
    ("١٢", None), ("1\x00", None), ("9" * 19, None), ("9223372036854775808", None),
    ("9223372036854775807", 9223372036854775807), (" 12", None),
])  # fmt: skip
def test_story_ids_in_urls_are_ascii_digits_a_database_integer_holds(value, expected):
    assert parse_story_id(value) == expected


def test_fold_copies_keeps_the_first_of_each_group_in_the_lists_order():
    ranked = ["copy", "other", "original", "lone", "copy2"]
    group_of = {"copy": "g", "original": "g", "copy2": "g"}
    assert fold_copies(ranked, group_of) == [("copy", ["original", "copy2"]), ("other", []), ("lone", [])]
    assert fold_copies(ranked, {}) == [(key, []) for key in ranked]


# --- the story page -------------------------------------------------------------------


def test_story_page_shows_title_dates_articles_by_outlet_and_the_copy(client, icc):
    gaza, _philippines, articles = icc
    response = client.get(story_url(gaza))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1 dir=\"auto\">{gaza.title}</h1>" in html
    assert '<time datetime="2018-04-08">' in html
    for external_id in (GAZA_WARNING, FRANCE24_ORIGINAL, FRANCE24_COPY, BBC_GAZA):
        assert f'href="/articles/{external_id}/"' in html
    for outlet in ("العربية", "فرانس 24", "بي بي سي"):
        assert outlet in html
    # France 24's second filing is marked as the copy it is, the original is not.
    grid = html[html.index('class="story-grid"'):html.index('id="matrix-heading"')]
    copy_link = re.search(rf'<a class="story-article is-copy" href="/articles/{FRANCE24_COPY}/">', grid)
    assert copy_link
    assert f'<a class="story-article" href="/articles/{FRANCE24_ORIGINAL}/">' in grid
    assert NO_STORY not in html


def test_quote_matrix_counts_who_each_outlet_quoted_and_links_to_the_statements(client, icc):
    from articles.models import Statement

    gaza, _philippines, articles = icc
    html = client.get(story_url(gaza)).content.decode()
    matrix = html[html.index('class="quote-matrix"'):html.index('id="several-heading"')]
    quoted_by = set(Statement.objects.filter(article__story_membership__story=gaza, speaker__name="فاتو بنسودا")
                    .values_list("article__source__code", flat=True))
    assert {"alarabia", "france24", "bbc"} <= quoted_by
    row = matrix[matrix.index("فاتو بنسودا"):]
    row = row[:row.index("</tr>")]
    # Her statements are counted in each outlet that quoted her, and the count links to
    # the first of them in its article.
    assert len(re.findall(r'<td><a href="/articles/[^"]+#statement-\d+"', row)) == len(quoted_by)
    first_here = Statement.objects.filter(article__external_id=GAZA_WARNING, speaker__name="فاتو بنسودا").order_by("start").first()
    assert f'href="/articles/{GAZA_WARNING}/#statement-{first_here.pk}"' in row


def test_statements_carried_by_several_outlets_are_grouped_and_the_rest_listed_once(client, icc):
    from articles.models import Statement
    from articles.stories.reading import story_page

    gaza, _philippines, articles = icc
    page = story_page(gaza)
    assert page.several, "the prosecutor's words were carried by Al Arabiya, France 24 and BBC"
    for group in page.several:
        sources = [s.story_article.source.code for s in group["carriers"]]
        assert len(set(sources)) >= 2
        assert len({s.article_id for s in group["carriers"]}) == len(group["carriers"])
    # France 24's copy repeats its original's statements: they are counted once.
    copy_statements = set(Statement.objects.filter(article__external_id=FRANCE24_COPY).values_list("pk", flat=True))
    assert copy_statements, "the copy has its statements extracted like any article"
    shown = {s.pk for g in page.several for s in g["carriers"]} | {s.pk for s in page.single}
    assert not shown & copy_statements
    assert not {s.pk for g in page.several for s in g["carriers"]} & {s.pk for s in page.single}
    html = client.get(story_url(gaza)).content.decode()
    first = page.several[0]["carriers"][0]
    assert f'id="story-statement-{first.pk}"' in html


def test_an_editors_rejection_takes_the_statement_off_the_story_page_at_once(client, icc):
    from articles.models import ReviewStatus
    from articles.stories.reading import story_page

    gaza, _philippines, _articles = icc
    statement = story_page(gaza).several[0]["carriers"][0]
    assert f'id="story-statement-{statement.pk}"' in client.get(story_url(gaza)).content.decode()
    statement.status = ReviewStatus.REJECTED
    statement.save()
    html = client.get(story_url(gaza)).content.decode()
    assert f"story-statement-{statement.pk}\"" not in html
    assert f"#statement-{statement.pk}\"" not in html
    data = client.get(f"/api/stories/{gaza.pk}/").json()
    ids = {s["id"] for g in data["carried_by_several"] for s in g["statements"]} | {s["id"] for s in data["carried_by_one"]}
    assert statement.pk not in ids


def test_story_api_gives_the_page_as_data(client, icc):
    from articles.models import Article

    gaza, _philippines, _articles = icc
    response = client.get(f"/api/stories/{gaza.pk}/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    data = response.json()
    assert data["id"] == gaza.pk and data["title"] == gaza.title
    assert data["url"].endswith(f"/stories/{gaza.pk}/")
    members = Article.objects.filter(story_membership__story=gaza)
    by_id = {a["external_id"]: a for a in data["articles"]}
    assert set(by_id) == set(members.values_list("external_id", flat=True))
    assert {GAZA_WARNING, FRANCE24_ORIGINAL, FRANCE24_COPY, BBC_GAZA} <= set(by_id)
    assert by_id[FRANCE24_COPY]["copy_of"] == FRANCE24_ORIGINAL
    assert by_id[FRANCE24_ORIGINAL]["copy_of"] is None
    outlets = {o["source_code"]: o["articles"] for o in data["outlets"]}
    assert outlets == dict(Counter(members.values_list("source__code", flat=True)))
    assert outlets["france24"] == 2
    bensouda = next(row for row in data["quoted"] if row["speaker"] == "فاتو بنسودا")
    assert {"alarabia", "france24", "bbc"} <= set(bensouda["by_outlet"]) <= set(outlets)
    assert all(len({s["source_code"] for s in g["statements"]}) >= 2 for g in data["carried_by_several"])


def test_a_story_has_one_address_leading_zeros_redirect(client, icc):
    from articles.models import Story

    story = Story.objects.with_articles().first()
    response = client.get(f"/stories/000{story.pk}/", {"page": "2"})
    assert response.status_code == 301
    assert response["Location"] == f"/stories/{story.pk}/?page=2"


@pytest.mark.parametrize("story_id", [
    "999999999", "99999999999999999999999999", "abc", "-1", "0", "1%00", "%D9%A1", "1.0", "1e3",
])  # fmt: skip
def test_an_odd_story_id_is_a_404_never_a_500(client, icc, story_id):
    response = client.get(f"/stories/{story_id}/")
    assert response.status_code == 404
    response = client.get(f"/api/stories/{story_id}/")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_the_sitemap_lists_every_story(client, icc):
    gaza, philippines, _articles = icc
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-stories.xml" in index
    stories = client.get("/sitemap-stories.xml").content.decode()
    assert f"/stories/{gaza.pk}/</loc>" in stories
    assert f"/stories/{philippines.pk}/</loc>" in stories


# --- the article page -------------------------------------------------------------------


def test_an_article_links_its_story_and_the_same_story_in_other_outlets(client, icc):
    gaza, _philippines, _articles = icc
    html = client.get(f"/articles/{GAZA_WARNING}/").content.decode()
    assert f'href="/stories/{gaza.pk}/"' in html
    others = html[html.index('id="story-heading"'):]
    for external_id in (FRANCE24_ORIGINAL, BBC_GAZA):
        assert f"/articles/{external_id}/" in others
    html = client.get(f"/articles/{NO_STORY}/").content.decode()
    assert 'id="story-heading"' not in html


def test_an_article_links_its_copies(client, icc):
    html = client.get(f"/articles/{FRANCE24_COPY}/").content.decode()
    copies = html[html.index('id="copies-heading"'):]
    assert f'href="/articles/{FRANCE24_ORIGINAL}/"' in copies
    html = client.get(f"/articles/{FRANCE24_ORIGINAL}/").content.decode()
    copies = html[html.index('id="copies-heading"'):]
    assert f'href="/articles/{FRANCE24_COPY}/"' in copies
    assert 'id="copies-heading"' not in client.get(f"/articles/{BBC_GAZA}/").content.decode()


def test_an_articles_copies_are_not_listed_again_as_related_articles(client, icc):
    from articles import search

    # The index finds the copy the most like its original: the page lists it once, as a copy.
    assert FRANCE24_COPY in [item["external_id"] for item in search.more_like_this(FRANCE24_ORIGINAL)]
    html = client.get(f"/articles/{FRANCE24_ORIGINAL}/").content.decode()
    related = html[html.index('id="related-heading"'):]
    assert f"/articles/{FRANCE24_COPY}/" not in related
    assert html.count(f'href="/articles/{FRANCE24_COPY}/"') == 1


# --- copies folded in search --------------------------------------------------------------


COPY_TITLE_WORDS = "تحذر من ملاحقة كل من يرتكب جرائم حرب"


def test_search_shows_copies_once_with_also_in_links(client, icc):
    data = client.get("/api/search/", {"q": COPY_TITLE_WORDS}).json()
    ids = [r["external_id"] for r in data["results"]]
    assert (FRANCE24_ORIGINAL in ids) != (FRANCE24_COPY in ids), "one line for the two filings"
    line = next(r for r in data["results"] if r["external_id"] in (FRANCE24_ORIGINAL, FRANCE24_COPY))
    other = FRANCE24_COPY if line["external_id"] == FRANCE24_ORIGINAL else FRANCE24_ORIGINAL
    assert [c["external_id"] for c in line["copies"]] == [other]
    assert line["copies"][0]["same_source"] is True and line["copies"][0]["matched"] is True
    assert data["copies_folded"] == 1
    # The total counts every matching article, copies included.
    assert data["total"] == len(ids) + 1
    assert all(r["copies"] == [] for r in data["results"] if r is not line)
    html = client.get("/search/", {"q": COPY_TITLE_WORDS}).content.decode()
    also = html[html.index('class="also-in"'):]
    assert f'href="/articles/{other}/' in also[:also.index("</p>")]
    assert "بما فيها النسخ" in html, "the page says the total counts the copies"


def test_search_results_name_their_story(client, icc):
    gaza, _philippines, _articles = icc
    data = client.get("/api/search/", {"q": "الجنائية الدولية"}).json()
    by_id = {r["external_id"]: r for r in data["results"]}
    assert by_id[GAZA_WARNING]["story"]["id"] == gaza.pk
    assert by_id[GAZA_WARNING]["story"]["url"] == f"/stories/{gaza.pk}/"
    assert by_id[GAZA_WARNING]["story"]["source_count"] == gaza.source_count
    assert by_id[NO_STORY]["story"] is None
    html = client.get("/search/", {"q": "الجنائية الدولية"}).content.decode()
    assert f'<p class="in-story"><a href="/stories/{gaza.pk}/">' in html
    assert f"القصة نفسها في {gaza.source_count} مصادر" in html


def test_a_page_without_copies_folds_nothing(client, icc):
    data = client.get("/api/search/", {"q": "دوتيرتي"}).json()
    assert data["results"] and data["copies_folded"] == 0
    assert all(r["copies"] == [] for r in data["results"])


# --- search results grouped by story ------------------------------------------------------


def test_grouped_search_shows_one_line_per_story_with_its_outlets(client, icc):
    gaza, philippines, _articles = icc
    response = client.get("/search/stories/", {"q": "الجنائية الدولية"})
    assert response.status_code == 200
    html = response.content.decode()
    lines = re.findall(r'<li class="result">(.*?)</li>\s*(?=<li class="result">|</ol>)', html, re.S)
    story_lines = [line for line in lines if "/stories/" in line]
    assert len([line for line in story_lines if f'href="/stories/{gaza.pk}/"' in line]) >= 1
    assert sum(f'href="/stories/{gaza.pk}/" dir="auto"' in line for line in lines) == 1, "one line per story"
    assert sum(f'href="/stories/{philippines.pk}/" dir="auto"' in line for line in lines) == 1
    gaza_line = next(line for line in lines if f'href="/stories/{gaza.pk}/" dir="auto"' in line)
    for outlet in ("العربية", "فرانس 24", "بي بي سي"):
        assert outlet in gaza_line
    assert any(f"/articles/{NO_STORY}/" in line for line in lines), "an article in no story keeps its line"


def test_grouped_search_clamps_pages_like_search(client, icc):
    response = client.get("/search/stories/", {"q": "الجنائية الدولية", "page": "999"})
    assert response.status_code == 200
    assert response.context["page_clamped"] is True and response.context["page"].number == 1
    response = client.get("/search/stories/", {"q": "الجنائية الدولية", "page": "abc"})
    assert response.status_code == 200 and response.context["page"].number == 1
    assert any(name == "page" for name, *_rest in response.context["rejected"])
    assert client.get("/search/stories/", {"q": "ا" * 501}).status_code == 400
    assert client.get("/search/stories/", {"q": "غزة\x00"}).status_code == 400
    assert client.get("/search/stories/").status_code == 200


def test_story_pages_need_no_index_and_grouped_search_says_it_does(client, icc, index_dir):
    import shutil

    gaza, _philippines, _articles = icc
    shutil.rmtree(index_dir)
    assert client.get(story_url(gaza)).status_code == 200
    assert client.get(f"/api/stories/{gaza.pk}/").status_code == 200
    assert client.get(f"/articles/{GAZA_WARNING}/").status_code == 200
    response = client.get("/search/stories/", {"q": "الجنائية الدولية"})
    assert response.status_code == 503
    assert "rebuild_index" in response.content.decode()


def test_grouped_search_pages_through_the_lines_and_clamps_past_the_end(client, icc, monkeypatch):
    from articles import story_views

    monkeypatch.setattr(story_views, "RESULTS_PER_PAGE", 1)
    first = client.get("/search/stories/", {"q": "الجنائية الدولية"}).context
    pages = first["page"].paginator.num_pages
    assert pages >= 3, "one line a page: the two stories and the article in no story"
    shown = []
    for number in range(1, pages + 1):
        context = client.get("/search/stories/", {"q": "الجنائية الدولية", "page": number}).context
        assert context["page"].number == number and context["page_clamped"] is False
        assert len(context["lines"]) == 1
        line = context["lines"][0]
        shown.append(line["story"].pk if line["story"] else line["matches"][0].external_id)
    assert len(shown) == len(set(shown)), "every line on one page only"
    past = client.get("/search/stories/", {"q": "الجنائية الدولية", "page": pages + 5})
    assert past.context["page"].number == pages and past.context["page_clamped"] is True
    assert "هذه الصفحة غير موجودة؛ هذه آخر صفحة من النتائج." in past.content.decode()


def test_a_story_title_is_shown_as_text_never_as_markup(client, icc):
    gaza, _philippines, _articles = icc
    gaza.title = '<script>alert("x")</script><b>عنوان</b>'
    gaza.save()
    html = client.get(story_url(gaza)).content.decode()
    assert "<script>alert" not in html and "<b>عنوان</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;عنوان&lt;/b&gt;" in html


def test_a_story_whose_articles_were_all_deleted_has_no_page_and_leaves_the_sitemap(client, icc):
    from django.core.management import call_command

    from articles.models import Article, Story

    gaza, philippines, _articles = icc
    Article.objects.filter(story_membership__story=philippines).delete()
    empty = Story.objects.create(title="قصة بلا مقالات")
    for story in (philippines, empty):
        assert client.get(story_url(story)).status_code == 404
        response = client.get(f"/api/stories/{story.pk}/")
        assert response.status_code == 404 and response.json()["error"] == "not_found"
    stories = client.get("/sitemap-stories.xml").content.decode()
    assert f"/stories/{gaza.pk}/</loc>" in stories
    assert f"/stories/{philippines.pk}/</loc>" not in stories and f"/stories/{empty.pk}/</loc>" not in stories
    # The next whole grouping removes the rows that name no article.
    call_command("group_stories", "--all", "--no-progress", stdout=io.StringIO())
    assert set(Story.objects.values_list("pk", flat=True)) == {gaza.pk}
