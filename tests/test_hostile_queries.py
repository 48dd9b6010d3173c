"""Hostile queries (Hypothesis): the parser never raises, the pages never fail, output is escaped.

Generated inputs: random Unicode, Arabic with every mark and presentation form, unbalanced
quotes and operators only, field prefixes with junk values, 10 kB strings, NUL and control
characters, right-to-left / left-to-right overrides — each mixed with HTML payloads that must
come back escaped. The default run is modest (a few hundred examples per property); the
`slow` tests run thousands.
"""

import html
import re

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.text.highlight import snippet
from articles.text.query import ARTICLE_FIELDS, STATEMENT_FIELDS, ParsedQuery, build, parse

# --- strategies -------------------------------------------------------------------------

ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x064B))
# Every combining mark Arabic text can carry: harakat, Quranic marks, superscript alef, etc.
ARABIC_MARKS = "".join(chr(c) for c in list(range(0x064B, 0x0660)) + [0x0670]
                       + list(range(0x06D6, 0x06EE)) + list(range(0x08D3, 0x0900)))
ARABIC_EXTRA = "\u0640" + "٠١٢٣٤٥٦٧٨٩" + "۰۱۲۳۴۵۶۷۸۹" + "؟،؛«»" + "ﻻﻷﷲﷺﺍﺑﺗ" + "ٱپچژگکی"
BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\ufeff"
CONTROLS = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\u0085\u2028\u2029"
OPERATORS = '"«»“”„-|:()*?~^+!&\\/[]{}<>'
FIELDS = ["source:", "section:", "speaker:", "date:", "مصدر:", "قسم:", "متحدث:", "تاريخ:",
          "date:..", "date:2018-13", "date:9999-12", "date:0000", "date:١٤٤٠..", "unknown:", ":"]
WORDS = ["OR", "|", "AND", "NOT", "-", "--", '"', "«", "وقال", "الرئيس", "لبنان", "غوتيريش",
         "عَلَى", "في", "من", "ـــ", "*", "؟", "2018..2017"]
# Payloads a page must show as text, never as markup.
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<a href=javascript:alert(1)>x</a>",
    "<svg/onload=alert(1)>",
    "</mark><b>",
    "&lt;script&gt;",
]
RAW_MARKERS = ["<script>alert", "<img src=x", "<a href=javascript", "<svg/onload", "</mark><b>"]

arabic_text = st.text(alphabet=ARABIC_LETTERS + ARABIC_MARKS + ARABIC_EXTRA + " ", max_size=120)
operator_text = st.text(alphabet=OPERATORS + " ", max_size=60)
token_soup = st.lists(st.sampled_from(FIELDS + WORDS + PAYLOADS), max_size=12).map(" ".join)
bidi_text = st.text(alphabet=ARABIC_LETTERS[:10] + BIDI + CONTROLS + "abc 123\"-", max_size=80)
long_text = st.tuples(
    st.sampled_from(["ب", "الرئيس ", '"', "-", "a OR ", "\u202e", "وَ", "source:x ", "\x00"]),
    st.integers(min_value=1000, max_value=10240),
).map(lambda t: (t[0] * t[1])[:10240])
random_unicode = st.text(max_size=200)

hostile = st.one_of(
    random_unicode,
    arabic_text,
    operator_text,
    token_soup,
    bidi_text,
    long_text,
    st.tuples(st.one_of(arabic_text, token_soup, bidi_text), st.sampled_from(PAYLOADS),
              st.one_of(arabic_text, operator_text)).map("".join),
)


# --- the parser -------------------------------------------------------------------------


def check_parser(text):
    parsed = parse(text)
    assert isinstance(parsed, ParsedQuery)
    for group in parsed.groups:
        assert group, "an empty OR-group"
        for clause in group:
            assert isinstance(clause.text, str)
            assert clause.kind in {"word", "phrase", "field", "date"}
    for fields in (ARTICLE_FIELDS, STATEMENT_FIELDS):
        for exact in (False, True):
            query, terms = build(parsed, fields=fields, exact_mode=exact)
            if query is not None:
                repr(query)  # a malformed Whoosh query tree fails when it is walked
                list(query.iter_all_terms())
            # A snippet of hostile text around hostile terms is escaped HTML.
            check_escaped(snippet(text, terms, length=120))


def check_escaped(fragment):
    without_marks = fragment.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in without_marks and ">" not in without_marks, fragment


@settings(max_examples=400, deadline=None)
@given(hostile)
def test_parser_never_raises_and_snippets_are_escaped(text):
    check_parser(text)


@pytest.mark.slow
@settings(max_examples=4000, deadline=None)
@given(hostile)
def test_parser_never_raises_many(text):
    check_parser(text)


@pytest.mark.parametrize("text", [
    "", " ", '"', '""', '"""', "-", "--", "- -", "OR", "OR OR", "| |", "a OR", "OR a", '-"',
    "source:", "date:", "date:..", "date:2018-02-30", "date:9999-12", "date:0000-00",
    "\x00", "\u202e\u202d", "ـــ", "ًٌٍَُِّْ", "*", "?", "؟", "\\", '"\\"', "((", "))",
    "<script>alert(1)</script>", "a" * 10240, "ب " * 5000,
])
def test_parser_edge_cases(text):
    check_parser(text)


def test_unbalanced_quote_is_read_as_words_with_a_note():
    parsed = parse('"الرئيس اللبناني')
    assert [c.kind for g in parsed.groups for c in g] == ["word", "word"]
    assert parsed.notes


def test_operators_only_leave_nothing_to_search():
    query, _terms = build(parse('- " | OR -- ؟ *'))
    assert query is None


# --- the search pages -------------------------------------------------------------------


@pytest.fixture
def indexed_archive(db):
    """A few articles (one of them hostile itself), with a statement, in a real index."""
    from articles.indexing import index_articles
    from articles.models import Article, Source, Speaker, Statement

    source = Source.objects.create(name="سكاي نيوز <b>عربية</b>", code="sky")
    speaker = Speaker.objects.create(name='غوتيريش "><img src=x onerror=alert(1)>', slug="guterres")
    ids = []
    bodies = [
        "وقال الرئيس اللبناني إن الحكومة ستجتمع غدا لبحث الأزمة الاقتصادية في لبنان.",
        "أكد الأمين العام للأمم المتحدة غوتيريش أن <script>alert(1)</script> الحل سياسي.",
        "قالت وزارة الخارجية: \"نرفض التدخل\" وأضافت أن <a href=javascript:alert(1)>الموقف</a> ثابت.",
    ]
    for i, body in enumerate(bodies):
        article = Article.objects.create(
            external_id=f"hostile-{i}", title=f"عنوان {i} <svg/onload=alert(1)>", body=body,
            source=source, content_hash=f"{i}" * 64,
        )
        ids.append(article.pk)
    article = Article.objects.get(external_id="hostile-1")
    Statement.objects.create(article=article, speaker=speaker, text=article.body[24:60],
                             kind="reported", verb="أكد", start=24, end=60)
    index_articles(ids)
    return ids


def check_page(client, name, query):
    response = client.get(reverse(name), {"q": query})
    assert response.status_code in (200, 400), (response.status_code, query)
    body = response.content.decode()
    for marker in RAW_MARKERS:
        assert marker not in body, (marker, query)
    return response


PAGE_SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                           HealthCheck.too_slow])


@settings(max_examples=80, **PAGE_SETTINGS)
@given(query=hostile)
def test_search_page_never_fails_and_escapes(client, indexed_archive, query):
    check_page(client, "search", query)


@settings(max_examples=40, **PAGE_SETTINGS)
@given(query=hostile)
def test_statements_page_never_fails_and_escapes(client, indexed_archive, query):
    check_page(client, "statements", query)


@pytest.mark.slow
@settings(max_examples=800, **PAGE_SETTINGS)
@given(query=hostile, name=st.sampled_from(["search", "statements"]))
def test_search_pages_never_fail_many(client, indexed_archive, query, name):
    check_page(client, name, query)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_query_payload_is_echoed_escaped(client, indexed_archive, payload):
    query = f"الرئيس {payload}"
    body = check_page(client, "search", query).content.decode()
    # The query is shown back to the user (search box, heading) — as text.
    assert html.escape(payload, quote=True) in body or html.escape(payload, quote=False) in body \
        or payload.replace("<", "&lt;").replace(">", "&gt;") in body


def test_ten_kilobyte_query_is_refused_clearly(client, indexed_archive):
    response = client.get(reverse("search"), {"q": "الرئيس " * 1500})
    assert response.status_code == 400
    assert re.search(r"500", response.content.decode())  # the limit is stated


def test_nul_byte_query_is_not_a_server_error(client, indexed_archive):
    for name in ("search", "statements"):
        response = client.get(reverse(name), {"q": "لبنان\x00"})
        assert response.status_code in (200, 400)


def test_hostile_query_still_finds_the_words(client, indexed_archive):
    # Operators and marks around a real word must not stop it from being found.
    response = client.get(reverse("search"), {"q": '"لُبْنَانَ \u202e -- |'})
    assert response.status_code == 200
    assert "hostile-0" in response.content.decode()
