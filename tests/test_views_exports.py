"""Machine-readable search: the Atom feed, the CSV exports and the JSON API."""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from articles import api
from articles.models import Article

pytestmark = pytest.mark.django_db

GUTERRES = "جوتيريش"
ATOM = "{http://www.w3.org/2005/Atom}"


def read_csv(response):
    assert response.status_code == 200, response.content
    # Built whole and sent with its length: a client sees a connection cut short as one.
    assert int(response["Content-Length"]) == len(response.content)
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "a byte-order mark so spreadsheets read the Arabic"
    return list(csv.reader(io.StringIO(text[1:])))


# --- Atom -----------------------------------------------------------------------------------


def test_search_feed_is_atom_with_the_newest_matches_first(client, reading_room_index):
    room = reading_room_index
    response = client.get("/search/feed/", {"q": GUTERRES})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
    assert titles == [room.other.title, room.seed.title]
    links = [entry.find(f"{ATOM}link").get("href") for entry in feed.findall(f"{ATOM}entry")]
    assert links[1] == "http://testserver/articles/seed-000/"
    assert "جوتيريش" in feed.find(f"{ATOM}title").text
    # Summaries are plain text: the snippet's <mark> tags are gone.
    summary = feed.findall(f"{ATOM}entry")[1].find(f"{ATOM}summary").text
    assert "<mark>" not in summary and "جوتيريش" in summary


def test_feed_escapes_hostile_titles(client, reading_room_index):
    room = reading_room_index
    room.other.title = "<script>alert(1)</script> غوتيريش"
    room.other.save()
    from articles import indexing

    indexing.rebuild()
    response = client.get("/search/feed/", {"q": GUTERRES})
    assert b"<script>" not in response.content
    feed = ET.fromstring(response.content)
    assert feed.find(f"{ATOM}entry").find(f"{ATOM}title").text == "<script>alert(1)</script> غوتيريش"


@pytest.mark.parametrize("url, character", [("/search/feed/", c) for c in ("\x01", "\x1f", "\x0b", "\ufffe", "\uffff")]
                         + [(url, "\x01") for url in ("/api/search/", "/api/statements/", "/search/export.csv",
                                                       "/statements/export.csv")])
def test_a_query_with_a_character_xml_cannot_hold_is_refused(client, reading_room_index, url, character):
    response = client.get(url, {"q": f"{GUTERRES}{character} غزة"})
    assert response.status_code == 400
    reason = json.loads(response.content)["parameters"]["q"]
    assert f"U+{ord(character):04X}" in reason


@pytest.mark.parametrize("url", ["/search/", "/statements/"])
def test_the_search_pages_say_why_a_control_character_is_refused(client, reading_room_index, url):
    response = client.get(url, {"q": f"{GUTERRES}\x01"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="notice error" role="alert"' in html and "U+0001" in html
    assert "\x01" not in html


def test_feed_strips_stored_characters_xml_cannot_hold(client, reading_room_index):
    room = reading_room_index
    room.other.title = "غوتيريش\x01 يدعو\ufffe إلى هدنة\x0b"
    room.other.body = "دعا غوتيريش\x02 إلى \x1fهدنة."
    room.other.save()
    room.bbc.name = "بي بي سي\x03"
    room.bbc.save()
    from articles import indexing

    indexing.rebuild()
    response = client.get("/search/feed/", {"q": GUTERRES})
    assert response.status_code == 200
    feed = ET.fromstring(response.content)  # well-formed XML
    entries = {entry.find(f"{ATOM}title").text: entry for entry in feed.findall(f"{ATOM}entry")}
    assert "غوتيريش يدعو إلى هدنة" in entries
    entry = entries["غوتيريش يدعو إلى هدنة"]
    assert entry.find(f"{ATOM}summary").text == "دعا غوتيريش إلى هدنة."
    assert {c.get("term") for c in entry.findall(f"{ATOM}category")} >= {"بي بي سي"}


def test_search_page_advertises_its_feed(client, reading_room_index):
    html = client.get("/search/", {"q": GUTERRES}).content.decode()
    assert 'rel="alternate" type="application/atom+xml"' in html
    assert 'href="/search/feed/?q=%D8%AC%D9%88%D8%AA%D9%8A%D8%B1%D9%8A%D8%B4"' in html


# --- CSV ------------------------------------------------------------------------------------


def test_csv_export_holds_every_match_not_one_page(client, reading_room_index, monkeypatch):
    room = reading_room_index
    for n in range(23):
        Article.objects.create(
            external_id=f"visit-{n}", title=f"غوتيريش في زيارة رقم {n}", body="زار غوتيريش المنطقة.",
            source=room.bbc, content_hash="4" * 64,
        )
    from articles import indexing

    indexing.rebuild()
    monkeypatch.setattr(api, "EXPORT_PAGE_SIZE", 4)  # many database fetches for 25 matches
    response = client.get("/search/export.csv", {"q": GUTERRES})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'attachment; filename="articles-' in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0] == api.ARTICLE_COLUMNS
    ids = [row[0] for row in rows[1:]]
    assert len(ids) == 25 and len(set(ids)) == 25
    assert "seed-000" in ids


@pytest.fixture
def twenty_five_matches(reading_room_index):
    room = reading_room_index
    for n in range(23):
        Article.objects.create(
            external_id=f"visit-{n}", title=f"غوتيريش في زيارة رقم {n}", body="زار غوتيريش المنطقة.",
            source=room.bbc, content_hash="4" * 64,
        )
    from articles import indexing

    indexing.rebuild()
    return room


@pytest.mark.parametrize("url, name", [("/search/export.csv", "articles"), ("/statements/export.csv", "statements")])
def test_an_export_over_the_row_limit_is_refused_with_the_command_that_makes_it(
        client, twenty_five_matches, settings, url, name):
    settings.NEWSARCHIVE_EXPORT_MAX_ROWS = 1
    response = client.get(url, {"q": "غوتيريش OR القتال OR هدنة", "sort": "newest"})
    assert response.status_code == 400
    assert not response["Content-Type"].startswith("text/csv")
    data = json.loads(response.content)
    assert data["error"] == "export_too_large"
    assert data["limit"] == 1 and data["total"] > 1
    assert data["command"].startswith(f"python manage.py export_search {name} 'q=")
    assert "&sort=newest' --output" in data["command"]


def test_an_export_of_exactly_the_row_limit_is_whole(client, twenty_five_matches, settings):
    settings.NEWSARCHIVE_EXPORT_MAX_ROWS = 25
    rows = read_csv(client.get("/search/export.csv", {"q": GUTERRES}))
    assert len(rows) == 26
    settings.NEWSARCHIVE_EXPORT_MAX_ROWS = 24
    assert client.get("/search/export.csv", {"q": GUTERRES}).status_code == 400


def test_an_export_whose_search_was_cut_short_is_refused_not_shortened(client, twenty_five_matches, settings):
    settings.NEWSARCHIVE_SEARCH_TIME_LIMIT = 0  # the search stops before its first document
    response = client.get("/search/export.csv", {"q": "", "source": "bbc-arabic"})
    assert response.status_code == 503
    assert json.loads(response.content)["error"] == "search_incomplete"
    assert response["Retry-After"]


def test_the_search_page_offers_no_download_over_the_row_limit(client, twenty_five_matches, settings):
    html = client.get("/search/", {"q": GUTERRES}).content.decode()
    assert "/search/export.csv?q=" in html
    settings.NEWSARCHIVE_EXPORT_MAX_ROWS = 10
    html = client.get("/search/", {"q": GUTERRES}).content.decode()
    assert "/search/export.csv" not in html
    assert "تنزيل CSV متاح حتى 10 صف" in html
    html = client.get("/statements/", {"q": "القتال"}).content.decode()
    assert "/statements/export.csv?q=" in html  # one statement: under the limit


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(client, reading_room_index):
    room = reading_room_index
    room.other.title = '=HYPERLINK("http://evil.example","غوتيريش")'
    room.other.save()
    from articles import indexing

    indexing.rebuild()
    rows = read_csv(client.get("/search/export.csv", {"q": GUTERRES}))
    titles = {row[0]: row[1] for row in rows[1:]}
    urls = {row[0]: row[6] for row in rows[1:]}
    assert urls["seed-000"] == "http://testserver/articles/seed-000/"
    assert titles["bbc-001"] == '\'=HYPERLINK("http://evil.example","غوتيريش")'
    assert titles["seed-000"] == room.seed.title


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_neutralise_prefixes_formula_starts(cell):
    assert api.neutralise(cell) == "'" + cell
    assert api.neutralise("قال " + cell) == "قال " + cell
    assert api.neutralise(None) == ""


def test_statements_csv_export(client, reading_room_index):
    room = reading_room_index
    from articles import indexing
    from articles.models import Speaker, Statement

    vardanyan = Speaker.objects.create(name="روبن فاردانيان", slug="ruben-vardanyan", kind="person")
    quote = "هذه حرب كبيرة"
    start = room.body.index(quote)
    Statement.objects.create(
        article=room.seed, speaker=vardanyan, text=quote, kind="partial", start=start, end=start + len(quote)
    )
    indexing.rebuild()
    rows = read_csv(client.get("/statements/export.csv", {"speaker": "antonio-guterres"}))
    assert rows[0] == api.STATEMENT_COLUMNS
    texts = {row[1] for row in rows[1:]}
    assert texts == {room.statement.text, room.other_statement.text}, "only Guterres's statements"
    everyone = read_csv(client.get("/statements/export.csv", {"q": "حرب OR القتال OR هدنة"}))
    assert quote in {row[1] for row in everyone[1:]}


def test_csv_export_refuses_bad_parameters_with_400(client, reading_room_index):
    response = client.get("/search/export.csv", {"q": GUTERRES, "month": "2023-13"})
    assert response.status_code == 400
    assert "month" in json.loads(response.content)["parameters"]


# --- JSON -----------------------------------------------------------------------------------


def test_api_search_has_the_search_functions_shape(client, reading_room_index):
    response = client.get("/api/search/", {"q": GUTERRES})
    assert response.status_code == 200
    data = json.loads(response.content)
    assert {"query", "total", "took_ms", "partial", "suggestion", "page", "per_page", "pages", "results", "facets"} <= set(data)
    assert data["query"] == GUTERRES and data["total"] == 2
    assert {"external_id", "title", "url", "published", "source", "snippet"} <= set(data["results"][0])
    assert set(data["facets"]) == {"source", "section", "year", "month", "speaker"}
    # Arabic is written as Arabic, not as \\u escapes.
    assert "جوتيريش".encode() in response.content


def test_api_statements(client, reading_room_index):
    data = json.loads(client.get("/api/statements/", {"q": "القتال"}).content)
    assert data["total"] == 1
    assert data["results"][0]["speaker_slug"] == "antonio-guterres"


@pytest.mark.parametrize(
    "params", [{"page": "abc"}, {"source": "nowhere"}, {"sort": "sideways"}, {"q": "ب" * 10_000}]
)
def test_api_says_which_parameter_is_wrong(client, reading_room_index, params):
    response = client.get("/api/search/", {"q": GUTERRES, **params})
    assert response.status_code == 400
    data = json.loads(response.content)
    assert data["error"] == "bad_parameters"
    assert set(data["parameters"]) == set(params)


def test_api_per_page_is_clamped(client, reading_room_index):
    data = json.loads(client.get("/api/search/", {"q": GUTERRES, "per_page": "100000"}).content)
    assert data["per_page"] == 100
    data = json.loads(client.get("/api/search/", {"q": GUTERRES, "per_page": "junk"}).content)
    assert data["per_page"] == 20


def test_api_and_export_list_undated_articles_last_when_sorted_by_date(client, reading_room_index):
    room = reading_room_index
    Article.objects.create(external_id="undated-1", title="غوتيريش بلا تاريخ", body="زار غوتيريش المنطقة.",
                           source=room.bbc, content_hash="5" * 64)
    from articles import indexing

    indexing.rebuild()
    for sort, dated in (("newest", ["bbc-001", "seed-000"]), ("oldest", ["seed-000", "bbc-001"])):
        data = json.loads(client.get("/api/search/", {"q": GUTERRES, "sort": sort}).content)
        assert [r["external_id"] for r in data["results"]] == dated + ["undated-1"]
        rows = read_csv(client.get("/search/export.csv", {"q": GUTERRES, "sort": sort}))
        assert [row[0] for row in rows[1:]] == dated + ["undated-1"]


@pytest.fixture
def many_speakers(reading_room_index):
    """Thirty speakers more, each quoted once in the seed article ("القتال" in every quote)."""
    from articles import indexing
    from articles.models import Speaker, Statement

    room = reading_room_index
    for n in range(30):
        speaker = Speaker.objects.create(name=f"متحدث رقم {n:02d}", slug=f"speaker-{n:02d}")
        Statement.objects.create(article=room.seed, speaker=speaker, text=f"القتال {n}", kind="reported",
                                 start=n, end=n + 1)
    indexing.rebuild()
    return room


def test_api_facets_are_cut_to_a_limit_and_say_what_was_left_out(client, many_speakers):
    data = json.loads(client.get("/api/statements/", {"q": "القتال"}).content)
    assert data["total"] == 31
    assert data["facet_limit"] == 20
    speakers = data["facets"]["speaker"]
    assert len(speakers) == 20
    # All quoted once: the first values by slug, each with its name.
    assert {s["value"] for s in speakers} == {"antonio-guterres"} | {f"speaker-{n:02d}" for n in range(19)}
    assert {"value": "antonio-guterres", "label": "أنطونيو غوتيريش", "count": 1} in speakers
    assert data["facets_omitted"] == {"speaker": {"values": 11, "count": 11}}
    assert "kind" not in data["facets_omitted"]  # one value: nothing was cut

    fewer = json.loads(client.get("/api/statements/", {"q": "القتال", "facet_limit": "5"}).content)
    assert len(fewer["facets"]["speaker"]) == 5
    assert fewer["facets_omitted"]["speaker"] == {"values": 26, "count": 26}
    none = json.loads(client.get("/api/statements/", {"q": "القتال", "facet_limit": "0"}).content)
    assert none["facets"]["speaker"] == [] and none["facets_omitted"]["speaker"]["values"] == 31


@pytest.mark.parametrize("asked, used", [("100000", 100), ("-4", 0), ("junk", 20)])
def test_api_facet_limit_is_clamped(client, many_speakers, asked, used):
    data = json.loads(client.get("/api/search/", {"q": GUTERRES, "facet_limit": asked}).content)
    assert data["facet_limit"] == used


def test_search_page_lists_a_dozen_values_per_facet(client, many_speakers):
    html = client.get("/statements/", {"q": "القتال"}).content.decode()
    facet = html[html.index('id="facet-speaker"'): html.index('id="facet-kind"')]
    assert facet.count('class="facet-value') == 12


# --- export_search: the command-line alternative --------------------------------------------


def test_export_search_writes_the_web_export_without_its_row_limit(client, twenty_five_matches, settings, tmp_path):
    from django.core.management import call_command

    web = client.get("/search/export.csv", {"q": GUTERRES, "sort": "oldest"}).content
    settings.NEWSARCHIVE_EXPORT_MAX_ROWS = 1
    target = tmp_path / "articles.csv"
    errors = io.StringIO()
    call_command("export_search", "articles", f"q={GUTERRES}&sort=oldest", "--output", str(target),
                 "--base-url", "http://testserver/", stderr=errors)
    assert target.read_bytes() == web
    assert "exported 25 of 25 matches" in errors.getvalue()
    assert not list(tmp_path.glob("*.partial"))


def test_export_search_to_stdout_takes_percent_encoded_parameters(twenty_five_matches):
    from django.core.management import call_command

    out = io.StringIO()
    call_command("export_search", "statements", "q=%D8%A7%D9%84%D9%82%D8%AA%D8%A7%D9%84", stdout=out)
    rows = list(csv.reader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    assert rows[0] == api.STATEMENT_COLUMNS
    assert [row[1] for row in rows[1:]] == [twenty_five_matches.statement.text]
    url = rows[1][api.STATEMENT_COLUMNS.index("url")]
    assert url.startswith("/articles/seed-000/#statement-")  # a path without --base-url


@pytest.mark.parametrize("parameters, reason", [("q=a%01b", "U+0001"), ("month=2023-13", "month")])
def test_export_search_refuses_bad_parameters_and_writes_nothing(reading_room_index, tmp_path, parameters, reason):
    from django.core.management import CommandError, call_command

    target = tmp_path / "out.csv"
    with pytest.raises(CommandError, match=re.escape(reason)):
        call_command("export_search", "articles", parameters, "--output", str(target))
    assert not target.exists()
