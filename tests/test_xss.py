"""Hostile text in articles, names and queries is inert on every page, snippet, feed and export.

The archive stores what outlets published and what editors type; any of it may contain
markup. Every field below carries a payload; no page may return it as live markup, no link
may use a javascript: URL, and no CSV cell may start a spreadsheet formula.
"""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from articles.models import Article, Section, Source, Speaker, SpeakerAlias, Statement

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('xss')</script>"
IMG = '"><img src=x onerror=alert(1)>'
SVG = "<svg onload=alert(2)>"
LINK = "<a href='javascript:alert(3)'>اضغط</a>"
# Live markup any of the payloads would produce if printed unescaped. (The site's own
# <script src=…> tags are allowed; the payload's inline <script>alert is not.)
LIVE = [
    re.compile(r"<script>alert", re.I),
    re.compile(r"<img\b[^>]*onerror", re.I),
    re.compile(r"<svg\b[^>]*onload", re.I),
    re.compile(r"<a\b[^>]*href\s*=\s*['\"]?\s*javascript:", re.I),
]
FORMULAS = ("=", "+", "-", "@", "\t", "\r")


class LinkCollector(HTMLParser):
    """The addresses of the page's real links (text that merely reads href=… is not one)."""

    def __init__(self):
        super().__init__()
        self.addresses = []

    def handle_starttag(self, tag, attrs):
        self.addresses += [value or "" for name, value in attrs if name in ("href", "src", "action", "formaction")]


def assert_inert(html, where):
    # Inline scripts of our own are forbidden by the CSP anyway; any <script> is the payload.
    for pattern in LIVE:
        match = pattern.search(html)
        assert match is None, f"{where}: live markup {match.group(0)!r}"
    links = LinkCollector()
    links.feed(html)
    for address in links.addresses:
        # The parser has decoded entities, so java&#115;cript: is caught too.
        assert not re.match(r"\s*(javascript|vbscript|data):", address, re.I), f"{where}: {address}"


@pytest.fixture
def hostile_archive():
    from articles.indexing import index_articles

    source = Source.objects.create(name=f"مصدر {SCRIPT}", code="evil")
    section = Section.objects.create(name=f"قسم {SVG}", slug="evil-section")
    speaker = Speaker.objects.create(
        name=f"=HYPERLINK(\"http://x\") {IMG}", slug="evil-speaker", kind="person",
        description=f"وزير {SVG}",
    )
    SpeakerAlias.objects.create(speaker=speaker, name=f"غوتيريش {SCRIPT}")
    body = (
        f"وقال الرئيس غوتيريش إن {SCRIPT} الأزمة مستمرة في لبنان.\n"
        f"وأضاف أن {IMG} الحل سياسي و{LINK} ممكن.\n"
        f"@SUM(1+1) -2+3 +cmd {SVG}"
    )
    article = Article.objects.create(
        external_id="evil-1",
        title=f"=cmd|' /C calc'!A0 لبنان {SCRIPT}",
        abstract=f"ملخص {IMG}",
        body=body,
        source=source,
        section=section,
        author=f"كاتب {SVG}",
        url="https://example.org/a?b=\"><script>alert(4)</script>",
        content_hash="e" * 64,
    )
    start = body.index("إن")
    end = body.index("\n")
    statement = Statement.objects.create(
        article=article, speaker=speaker, speaker_mention=f"غوتيريش {SVG}",
        text=body[start:end], kind="reported", verb="قال", start=start, end=end,
        status="verified",
    )
    index_articles([article.pk])
    return {"article": article, "speaker": speaker, "source": source, "statement": statement}


QUERIES = ["لبنان", "غوتيريش", f"لبنان {SCRIPT}", f"غوتيريش {IMG}", "=1+1 لبنان"]


def html_pages(archive):
    article = archive["article"]
    yield "home", reverse("home"), {}
    yield "article", reverse("article", args=[article.external_id]), {}
    for q in QUERIES:
        yield f"article?q={q}", reverse("article", args=[article.external_id]), {"q": q}
        yield f"search?q={q}", reverse("search"), {"q": q}
        yield f"statements?q={q}", reverse("statements"), {"q": q}
    yield "search by source", reverse("search"), {"source": "evil"}
    yield "statements by speaker", reverse("statements"), {"speaker": "evil-speaker"}
    yield "speaker", reverse("speaker", args=[archive["speaker"].slug]), {}
    yield "source", reverse("source", args=[archive["source"].code]), {}


def test_every_page_renders_hostile_text_inert(client, hostile_archive):
    seen_payload = 0
    for where, url, params in html_pages(hostile_archive):
        response = client.get(url, params)
        assert response.status_code == 200, where
        html = response.content.decode()
        assert_inert(html, where)
        seen_payload += "&lt;script&gt;" in html or "&lt;svg" in html or "&lt;img" in html
    # The payloads are shown, as text, not silently dropped.
    assert seen_payload >= 5


def test_search_results_show_the_hostile_article_escaped(client, hostile_archive):
    html = client.get(reverse("search"), {"q": "لبنان"}).content.decode()
    assert "evil-1" in html  # found
    assert "&lt;script&gt;" in html  # the title's payload, as text
    assert "<mark>" in html  # and the snippet is still highlighted


def test_statement_card_is_escaped(client, hostile_archive):
    html = client.get(reverse("statements"), {"q": "الأزمة"}).content.decode()
    assert "الأزمة" in html
    assert_inert(html, "statements")


def test_admin_pages_render_hostile_text_inert(client, django_user_model, hostile_archive):
    client.force_login(django_user_model.objects.create_superuser("ed", password="a-long-pass-123"))
    for model, obj in [(Article, hostile_archive["article"]), (Speaker, hostile_archive["speaker"]),
                       (Statement, hostile_archive["statement"]), (Source, hostile_archive["source"])]:
        name = f"admin:articles_{model._meta.model_name}"
        for url in (reverse(f"{name}_changelist"), reverse(f"{name}_change", args=[obj.pk])):
            response = client.get(url)
            assert response.status_code == 200, url
            assert_inert(response.content.decode(), url)


def test_feed_is_inert(client, hostile_archive):
    response = client.get(reverse("search_feed"), {"q": f"لبنان {SCRIPT}"})
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # well-formed XML despite the payloads
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert entries
    for element in root.iter():
        text = element.text or ""
        kind = element.get("type", "text")
        if kind == "html":
            # HTML content is decoded once by the reader: it must not hold live markup.
            assert_inert(text, f"feed <{element.tag}>")
        for attr in ("href", "src"):
            value = element.get(attr) or ""
            assert not value.strip().lower().startswith("javascript:"), value


def parse_csv(response):
    content = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


@pytest.mark.parametrize("name,q", [("search_export", "لبنان"), ("statements_export", "الأزمة")])
def test_csv_export_neutralises_formulas(client, hostile_archive, name, q):
    response = client.get(reverse(name), {"q": q})
    assert response.status_code == 200
    rows = parse_csv(response)
    assert len(rows) >= 2, rows
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(FORMULAS), cell
    # Neutralised, not dropped: the text is still there after the guard character.
    flat = " ".join(" ".join(r) for r in rows[1:])
    assert "لبنان" in flat or "الأزمة" in flat


@pytest.mark.parametrize("name", ["api_search", "api_statements"])
def test_json_api_is_json_not_html(client, hostile_archive, name):
    response = client.get(reverse(name), {"q": "لبنان غوتيريش الأزمة".split()[0 if name == "api_search" else 2]})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"
    data = json.loads(response.content)
    assert data["results"]
    # Snippets are the one HTML field: only <mark> tags in them.
    for result in data["results"]:
        snippet = result.get("snippet") or ""
        assert re.sub(r"</?mark>", "", snippet).count("<") == 0, snippet


@pytest.mark.parametrize("url", ["javascript:alert(4)", " JavaScript:alert(4)", "data:text/html,<script>alert(5)</script>"])
def test_stored_non_http_url_never_becomes_a_link(client, hostile_archive, url):
    article = hostile_archive["article"]
    Article.objects.filter(pk=article.pk).update(url=url)  # as a raw import could store it
    Source.objects.filter(pk=article.source.pk).update(site_url=url)
    for page in (reverse("article", args=[article.external_id]),
                 reverse("source", args=[article.source.code])):
        response = client.get(page)
        assert response.status_code == 200
        html = response.content.decode()
        assert not re.search(r"""href\s*=\s*["']?\s*(javascript|data):""", html, re.I), page
        assert_inert(html, page)


# --- where a statement came from: the trail line and the exports' two columns -------------


@pytest.fixture
def hostile_echo(hostile_archive):
    """The hostile statement first reported by one outlet and carried by another a day later,
    each article under an id a spreadsheet would run as a formula."""
    from datetime import datetime, timezone as dt_timezone

    from articles.indexing import index_articles

    said = hostile_archive["statement"]
    reports = {}
    for external_id, title, outlet, day in [("=1+2|calc!A0", f"=cmd {SCRIPT}", f"صدى {IMG}", 1),
                                            ("@SUM(1+1)", f"+cmd {SVG}", f"رجع {SCRIPT}", 2)]:
        article = Article.objects.create(
            external_id=external_id, title=title, body=hostile_archive["article"].body,
            source=Source.objects.create(name=outlet, code=f"echo-{day}"),
            published=datetime(2018, 3, day, 9, tzinfo=dt_timezone.utc), content_hash=f"{day}" * 64)
        Statement.objects.create(
            article=article, speaker=said.speaker, text=said.text, kind=said.kind, verb="قال",
            start=said.start, end=said.end, status="verified")
        reports[day] = article
    index_articles([a.pk for a in reports.values()])
    return {**hostile_archive, "first": reports[1], "echo": reports[2]}


def test_the_trail_of_a_hostile_statement_is_inert(client, hostile_echo):
    pages = [reverse("article", args=[hostile_echo["first"].external_id]),
             reverse("article", args=[hostile_echo["echo"].external_id]),
             reverse("speaker", args=[hostile_echo["speaker"].slug]),
             reverse("statements") + "?q=الأزمة"]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        html = response.content.decode()
        assert 'class="report-trail"' in html, page  # the trail is there, its payloads as text
        assert_inert(html, page)


def test_the_first_article_and_echoes_columns_cannot_run_as_formulas(client, hostile_echo):
    from django.core.management import call_command

    from articles.api import STATEMENT_COLUMNS
    from articles.management.commands.export_statements import COLUMNS

    rows = parse_csv(client.get(reverse("statements_export"), {"q": "الأزمة"}))
    header, lines = rows[0], rows[1:]
    carried = [line for line in lines if line[header.index("article_external_id")] in ("'=1+2|calc!A0", "'@SUM(1+1)")]
    assert len(carried) == 2
    for line in carried:
        cells = dict(zip(header, line))
        assert cells["first_article"] == "'=1+2|calc!A0" and cells["echoes"] == "'@SUM(1+1)"
    out = io.StringIO()
    call_command("export_statements", "--format", "csv", stdout=out)
    exported = list(csv.reader(io.StringIO(out.getvalue())))
    carried = [dict(zip(COLUMNS, line)) for line in exported[1:] if line[0] in ("'=1+2|calc!A0", "'@SUM(1+1)")]
    assert len(carried) == 2
    for line in exported[1:]:
        assert not any(cell.startswith(FORMULAS) for cell in line), line
    for cells in carried:
        assert cells["first_article"] == "'=1+2|calc!A0" and cells["echoes"] == "'@SUM(1+1)"
