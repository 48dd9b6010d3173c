"""The database pages: home, article, speaker, source, errors, sitemap, OpenSearch."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from articles.models import Article, Statement
from articles.rendering import fill_months, page_numbers, render_article_body
from articles.templatetags.reading_room import arabic_date, arabic_month, safe_snippet

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


class TagCollector(HTMLParser):
    """Counts the real tags in a page (escaped text does not count)."""

    def __init__(self):
        super().__init__()
        self.tags = []
        self.inline_styles = 0
        self.inline_scripts = 0
        self._in_script_without_src = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "style" in attrs:
            self.inline_styles += 1
        if tag == "script" and "src" not in attrs:
            self.inline_scripts += 1
        if tag == "style":
            self.inline_styles += 1


def parse(response):
    collector = TagCollector()
    collector.feed(response.content.decode())
    return collector


def assert_csp_clean(response):
    page = parse(response)
    assert page.inline_styles == 0, "an inline style would be blocked by the CSP"
    assert page.inline_scripts == 0, "an inline script would be blocked by the CSP"
    assert not any(name.startswith("on") for _tag, attrs in page.tags for name in attrs)


# --- Home ---------------------------------------------------------------------------------


def test_home_is_arabic_rtl_with_latest_articles_sources_and_quoted(client, reading_room):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html dir="rtl" lang="ar">' in html
    assert reading_room.seed.title in html
    assert "ذات مصر" in html and "بي بي سي عربي" in html
    # The latest statements are from October 2023, not this month: the heading says so.
    assert "أنطونيو غوتيريش" in html
    assert "أكتوبر 2023" in html
    assert 'role="search"' in html
    assert_csp_clean(response)


def test_home_most_quoted_leaves_out_sources_that_name_no_one(client, reading_room):
    from articles.models import Speaker, Statement

    anonymous = Speaker.objects.create(name="مصدر", slug="masdar")
    latest = reading_room.other  # the month the list is for (October 2023)
    for n in range(3):  # quoted more often than Guterres
        Statement.objects.create(
            article=latest, speaker=anonymous, speaker_mention="مصدر", text=f"كلام رقم {n}",
            kind="reported", verb="قال", start=n, end=n + 1, confidence=0.5,
        )
    html = client.get("/").content.decode()
    quoted = html[html.index("أنطونيو غوتيريش") - 2000: html.index("أنطونيو غوتيريش") + 2000]
    assert "/speakers/masdar/" not in quoted
    assert "أنطونيو غوتيريش" in html
    # the speaker page itself is still there
    assert client.get("/speakers/masdar/").status_code == 200


def test_home_most_quoted_is_not_emptied_by_an_article_dated_in_the_future(client, reading_room):
    from datetime import datetime, timezone as dt_timezone

    from articles.models import Speaker

    far_future = Article.objects.create(
        external_id="typo-9999", title="تاريخ خاطئ", body="قال الوزير كلاما.", source=reading_room.bbc,
        published=datetime(9999, 12, 15, tzinfo=dt_timezone.utc), content_hash="9" * 64,
    )
    minister = Speaker.objects.create(name="وزير المستقبل", slug="future-minister")
    Statement.objects.create(article=far_future, speaker=minister, text="كلاما", kind="reported",
                             verb="قال", start=11, end=16)
    html = client.get("/").content.decode()
    quoted = html[html.index('id="quoted-heading"'): html.index('id="sources-heading"')]
    # The list is for the newest month with statements that is not in the future.
    assert "أكتوبر 2023" in quoted
    assert "أنطونيو غوتيريش" in quoted
    assert "وزير المستقبل" not in quoted


def test_home_on_an_empty_archive_says_how_to_fill_it(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "import_articles" in response.content.decode()


def test_home_links_the_self_hosted_font_and_css(client, reading_room):
    html = client.get("/").content.decode()
    assert "/static/css/reading-room.css" in html
    css = (pytest.importorskip("pathlib").Path(__file__).parent.parent / "static/css/reading-room.css").read_text()
    assert "noto-naskh-arabic-arabic-400-normal.woff2" in css
    assert re.search(r"margin-(left|right)|padding-(left|right)|float: (left|right)", css) is None


# --- Article ------------------------------------------------------------------------------


def test_article_page_marks_guterres_statement_in_place(client, reading_room):
    response = client.get(reading_room.seed.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    statement_id = reading_room.statement.pk
    match = re.search(rf'<span class="statement statement-direct" id="statement-{statement_id}"[^>]*>(.*?)</span>', html)
    assert match, "the statement is wrapped where it stands"
    assert match.group(1) == "&quot;وقف القتال على الفور&quot;"
    assert 'title="المتحدث: أنطونيو غوتيريش"' in match.group(0)
    assert 'tabindex="0"' in match.group(0)
    # The speaker is linked from the article.
    assert reverse("speaker", args=["antonio-guterres"]) in html
    assert f'href="#statement-{statement_id}"' in html
    assert_csp_clean(response)


def test_article_page_escapes_hostile_title_and_body(client, reading_room):
    reading_room.seed.title = HOSTILE
    reading_room.seed.body = HOSTILE + "\n\n" + reading_room.body
    reading_room.seed.save()
    html = client.get(reading_room.seed.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_article_page_skips_statements_with_untrustworthy_offsets(client, reading_room):
    body_length = len(reading_room.body)
    Statement.objects.create(article=reading_room.seed, text="خارج النص", kind="reported", start=body_length + 5, end=body_length + 50)
    # Overlaps the real statement: the first one wins, this one is not marked.
    Statement.objects.create(
        article=reading_room.seed, text="القتال على", kind="partial",
        start=reading_room.statement.start + 4, end=reading_room.statement.start + 14,
    )
    # Offsets that no longer point at the text (the body was edited since extraction).
    Statement.objects.create(article=reading_room.seed, text="نص غير موجود هنا", kind="reported", start=0, end=16)
    response = client.get(reading_room.seed.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="statement ') == 1
    assert f'id="statement-{reading_room.statement.pk}"' in html


def test_rejected_statements_are_not_shown(client, reading_room):
    reading_room.statement.status = "rejected"
    reading_room.statement.save()
    html = client.get(reading_room.seed.get_absolute_url()).content.decode()
    assert 'class="statement ' not in html


def test_unknown_article_is_an_arabic_404(client, reading_room):
    response = client.get("/articles/no-such-article/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "الصفحة غير موجودة" in html
    assert '<html dir="rtl" lang="ar">' in html


def test_article_with_a_huge_hostile_query_still_renders(client, reading_room):
    response = client.get(reading_room.seed.get_absolute_url(), {"q": HOSTILE * 300})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


# --- Speaker ------------------------------------------------------------------------------


def test_speaker_page_shows_aliases_statements_newest_first_and_chart(client, reading_room):
    response = client.get(reading_room.guterres.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "أنطونيو غوتيريش" in html and "أنطونيو جوتيريش" in html
    assert "شخص" in html
    newer = html.index("هدنة إنسانية فورية")
    older = html.index("وقف القتال على الفور")
    assert newer < older, "newest statement first"
    assert f'#statement-{reading_room.statement.pk}"' in html
    assert '<svg class="timeline-chart"' in html
    assert html.count('class="timeline-bar"') == 2  # September and October 2023
    assert_csp_clean(response)


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999999999999999999999", "%00"])
def test_speaker_page_survives_junk_page_numbers(client, reading_room, page):
    response = client.get(reading_room.guterres.get_absolute_url(), {"page": page})
    assert response.status_code == 200
    assert "هدنة إنسانية فورية" in response.content.decode()


def test_unknown_speaker_is_404(client, reading_room):
    assert client.get("/speakers/nobody/").status_code == 404


# --- Source -------------------------------------------------------------------------------


def test_source_page_lists_articles_sections_and_volume(client, reading_room):
    response = client.get(reading_room.zat_masr.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert reading_room.seed.title in html
    assert reading_room.other.title not in html
    assert "العالم" in html
    assert "20 سبتمبر 2023" in html
    assert '<svg class="timeline-chart"' in html


def test_source_page_paginates(client, reading_room):
    for n in range(25):
        Article.objects.create(
            external_id=f"zm-{n}", title=f"خبر رقم {n}", body="نص", source=reading_room.zat_masr, content_hash="2" * 64
        )
    first = client.get(reading_room.zat_masr.get_absolute_url()).content.decode()
    assert 'rel="next"' in first
    last = client.get(reading_room.zat_masr.get_absolute_url(), {"page": "999"})
    assert last.status_code == 200
    assert 'aria-current="page">2<' in last.content.decode()


# --- Errors, sitemap, OpenSearch -----------------------------------------------------------


def test_500_page_is_arabic_and_standalone():
    from django.test import RequestFactory

    from articles.views import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "حدث خطأ غير متوقع" in response.content.decode()


def test_500_page_still_answers_when_its_template_cannot_render(settings, tmp_path, caplog):
    """Production storage with no collectstatic manifest: {% static %} raises inside the
    500 template; the page falls back to plain Arabic HTML instead of Django's bare one."""
    from django.test import RequestFactory

    from articles.views import server_error

    # The settings fixture's setting_changed signal resets the static files storage.
    settings.STATIC_ROOT = tmp_path / "empty-static"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "حدث خطأ غير متوقع" in html and '<html dir="rtl" lang="ar">' in html
    assert "Missing staticfiles manifest entry" in caplog.text


def test_503_page_renders_without_a_request():
    from django.template.loader import render_to_string

    html = render_to_string("503.html", {"reason": "database"})
    assert "قاعدة البيانات لا تستجيب" in html
    assert '<html dir="rtl" lang="ar">' in html


def test_sitemap_lists_articles_speakers_and_sources(client, reading_room):
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    sections = re.findall(r"<loc>[^<]*/(sitemap-\w+\.xml)</loc>", index.content.decode())
    assert set(sections) == {"sitemap-pages.xml", "sitemap-articles.xml", "sitemap-speakers.xml", "sitemap-sources.xml",
                             "sitemap-stories.xml"}
    articles = client.get("/sitemap-articles.xml").content.decode()
    assert "/articles/seed-000/" in articles and "/articles/bbc-001/" in articles
    assert "/speakers/antonio-guterres/" in client.get("/sitemap-speakers.xml").content.decode()


def test_opensearch_description_points_at_the_search_page(client):
    response = client.get("/opensearch.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    assert 'template="http://testserver/search/?q={searchTerms}"' in response.content.decode()
    assert 'rel="search"' in client.get("/").content.decode()


# --- Presentation helpers -----------------------------------------------------------------


def test_dates_and_months_are_arabic_with_western_digits():
    from datetime import date

    assert arabic_date(date(2026, 11, 24)) == "24 نوفمبر 2026"
    assert arabic_date("2018-02-05T10:00:00+00:00") == "5 فبراير 2018"
    assert arabic_date("not a date") == ""
    assert arabic_month("2018-07") == "يوليو 2018"
    assert arabic_month("2018-13") == "2018-13"


def test_body_rendering_nests_marks_inside_statements_and_escapes_the_rest():
    body = 'قال <b>الوزير</b> إن "السلام قريب".\n\nسطر آخر.'

    class S:
        pk, kind, speaker_id, speaker_mention, text = 7, "direct", None, "الوزير", '"السلام قريب"'
        start = body.index('"')
        end = body.index('".') + 1

    spans = [(body.index("السلام"), body.index("السلام") + len("السلام"))]
    html = str(render_article_body(body, [S], spans))
    assert "&lt;b&gt;الوزير&lt;/b&gt;" in html
    assert '<span class="statement statement-direct" id="statement-7" tabindex="0"' in html
    assert "&quot;<mark>السلام</mark> قريب&quot;</span>" in html
    assert html.count("<p ") == 2


def test_safe_snippet_keeps_marks_only():
    # A snippet arrives escaped: an article's own "<script>" stays visible text.
    assert str(safe_snippet("قال <mark>غوتيريش</mark> &amp; &lt;script&gt;x&lt;/script&gt;")) == (
        "قال <mark>غوتيريش</mark> &amp; &lt;script&gt;x&lt;/script&gt;"
    )
    # Markup that was not escaped is never markup: the script goes, with its content.
    assert str(safe_snippet("قال <mark>غوتيريش</mark> <script>x</script><b>و</b>")) == "قال <mark>غوتيريش</mark> و"
    assert str(safe_snippet('<mark onclick="x()" class="y">بلا إغلاق<img src=x onerror=alert(1)>')) == "<mark>بلا إغلاق</mark>"


def test_months_fill_gaps_and_page_numbers_elide():
    assert fill_months([("2018-01", 2), ("2018-04", 1)]) == [
        ("2018-01", 2), ("2018-02", 0), ("2018-03", 0), ("2018-04", 1)
    ]
    assert page_numbers(10, 40) == [1, None, 8, 9, 10, 11, 12, None, 40]
    assert page_numbers(1, 1) == []


def test_one_outlying_date_does_not_push_the_data_off_the_chart():
    """Hostile testing: one article dated 1900 made the chart 1900-1949, cutting 2017-2018."""
    real = [(f"{year}-{month:02d}", 10) for year in (2017, 2018) for month in range(1, 13)]
    for outlier in ("1900-01", "9999-12"):
        months = fill_months([(outlier, 1), *real])
        assert months[0][0] == "2017-01" and months[-1][0] == "2018-12"
        assert sum(count for _month, count in months) == 240


def _luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground, background):
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_colour_pairs_of_the_stylesheet_meet_wcag_aa():
    from pathlib import Path

    css = (Path(__file__).parent.parent / "static/css/reading-room.css").read_text()
    colours = dict(re.findall(r"--([a-z-]+): (#[0-9a-f]{6});", css))
    pairs = [
        ("ink", "paper"), ("muted", "paper"), ("accent", "paper"), ("accent", "card"),
        ("ink", "mark"), ("ink", "statement"), ("muted", "card"),
    ]
    for foreground, background in pairs:
        assert contrast(colours[foreground], colours[background]) >= 4.5, (foreground, background)
    # White text on the masthead and on an active facet.
    assert contrast("#ffffff", colours["accent"]) >= 4.5
    assert contrast("#ffffff", colours["accent-dark"]) >= 4.5


def test_mixed_latin_fragments_are_isolated(client, reading_room):
    # "ذا فويس The Voice": each paragraph takes its direction from its own first letter, and
    # names and outlets are isolated so a Latin fragment cannot reorder what is around it.
    html = client.get(reading_room.other.get_absolute_url()).content.decode()
    assert re.search(r'<p dir="auto">[^<]*ذا فويس The Voice[^<]*</p>', html)
    assert '<h1 dir="auto">' in html
    assert "<bdi>بي بي سي عربي</bdi>" in html


@pytest.mark.parametrize("url", ["/articles/seed%00-000/", "/speakers/anto%00nio/", "/sources/zat%00/"])
def test_a_nul_character_in_a_page_address_is_a_404(client, reading_room, url):
    assert client.get(url).status_code == 404


def test_article_page_survives_a_damaged_index(client, reading_room, index_dir):
    # A real index whose segment files were then overwritten (a disk error, a bad copy):
    # the index opens, reading it fails. Related articles are dropped, the article stays.
    from articles import indexing

    indexing.rebuild()
    damaged = 0
    for path in index_dir.rglob("*"):
        if path.is_file() and path.suffix in (".seg", ".trm", ".pst", ".toc", ".dci", ".dcz", ".fdi", ".fln"):
            path.write_bytes(b"\x00garbage" * 10)
            damaged += 1
    assert damaged
    response = client.get(reading_room.seed.get_absolute_url(), {"q": "جوتيريش"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>جوتيريش</mark>" in html
    assert 'id="related-heading"' not in html


def test_stored_javascript_urls_never_become_links(client, reading_room):
    reading_room.seed.url = "javascript:alert(1)"
    reading_room.seed.save()
    reading_room.zat_masr.site_url = " JavaScript:alert(2)"
    reading_room.zat_masr.save()
    article = client.get(reading_room.seed.get_absolute_url()).content.decode()
    source = client.get(reading_room.zat_masr.get_absolute_url()).content.decode()
    assert "javascript:" not in article.lower()
    assert "javascript:" not in source.lower()
    reading_room.seed.url = "https://example.org/story?id=1&x=2"
    reading_room.seed.save()
    article = client.get(reading_room.seed.get_absolute_url()).content.decode()
    assert 'href="https://example.org/story?id=1&amp;x=2" rel="noopener noreferrer nofollow"' in article
