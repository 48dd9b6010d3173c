"""search_articles / search_statements / commands: ranking, facets, filters, paging."""

import gzip
import io
import json
from datetime import datetime, timezone

import pytest
from django.core.management import call_command

from articles import indexing
from articles.search import match_counts_over_time, more_like_this, search_articles
from tests.conftest import CORPUS_JSONL, SEED_ARTICLE, require_corpus

SEED_ID = "000_3685a6476d11d14e"
DONE_QUERIES = [
    "جوتيريش قره باخ",
    "غوتيريش ناغورني قرة باغ",
    "فاردانيان تطهير عرقي",
    '"العدوان الشامل" باكو',
    "اذربيجان تعلق عمليتها العسكريه",
    "أَذْرَبِيجَانُ تُعَلِّقُ عَمَلِيَّتَهَا",
    "بلينكن باشينيان علييف",
    "ناجورني",
]
# Corpus articles that compete with the seed: every one naming its places and people.
COMPETITORS = ("غوتيريش", "جوتيريش", "ناغورني", "قره باغ", "قرة باغ", "أذربيجان", "باكو",
               "باشينيان", "بلينكن", "أرمينيا")


def ids(result):
    return [r["external_id"] for r in result["results"]]


def add_seed(make_article):
    blocks = SEED_ARTICLE.read_text(encoding="utf-8").split("\n\n")
    return make_article(SEED_ID, blocks[0].strip(), "\n\n".join(b.strip() for b in blocks[2:]),
                        source=(blocks[1].strip(), "dhat-msr"))


_corpus_cache = []


def corpus_sample(first=200):
    """The first `first` corpus articles plus every one that names the seed's subjects."""
    if not _corpus_cache:
        with gzip.open(require_corpus(CORPUS_JSONL), "rt", encoding="utf-8") as stream:
            for i, line in enumerate(stream):
                record = json.loads(line)
                text = f"{record['title']} {record['abstract']} {record['body']}"
                if i < first or any(word in text for word in COMPETITORS):
                    _corpus_cache.append(record)
    return _corpus_cache


def add_corpus_sample(make_article):
    with indexing.suspended_auto_index():
        made = [
            make_article(
                r["id"], r["title"], r["body"], abstract=r["abstract"],
                source=(r["source"], r["source_code"]), section=r["category"],
                published=datetime.fromisoformat(r["published"].replace("Z", "+00:00")),
            )
            for r in corpus_sample()
        ]
    return made


@pytest.fixture
def seed_and_corpus(make_article, transactional_db):
    with indexing.suspended_auto_index():
        add_seed(make_article)
    add_corpus_sample(make_article)
    indexing.rebuild()


@pytest.mark.corpus
@pytest.mark.slow
def test_done_means_queries_find_the_seed_first(seed_and_corpus):
    firsts = {q: ids(search_articles(q, per_page=5))[:1] for q in DONE_QUERIES}
    assert firsts == {q: [SEED_ID] for q in DONE_QUERIES}


@pytest.mark.corpus
@pytest.mark.slow
def test_exact_spelling_ranks_above_a_variant_spelling(seed_and_corpus):
    """غوتيريش: the corpus articles spelling it so come first, the seed (جوتيريش) after."""
    result = search_articles("غوتيريش", per_page=100)
    ranked = ids(result)
    assert SEED_ID in ranked
    spelled_exactly = {r["id"] for r in corpus_sample() if "غوتيريش" in r["title"] + r["abstract"] + r["body"]}
    assert len(spelled_exactly) >= 5
    # Every exact spelling first; the variants (the seed's جوتيريش among them) after.
    exact_block = ranked[: len(spelled_exactly)]
    assert set(exact_block) == spelled_exactly
    assert ranked.index(SEED_ID) >= len(spelled_exactly)
    # The exact-spelling toggle leaves the variant out.
    assert SEED_ID not in ids(search_articles("غوتيريش", per_page=100, exact=True))


@pytest.fixture
def three_articles(make_article, transactional_db):
    with indexing.suspended_auto_index():
        make_article("bbc-1", "الأمم المتحدة تدعو إلى وقف القتال في قره باخ",
                     "دعا الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى وقف القتال فورا.",
                     source=("بي بي سي", "bbc"), section="العالم",
                     published=datetime(2018, 2, 10, tzinfo=timezone.utc))
        make_article("cnn-1", "أرمينيا تتهم أذربيجان بقصف بلدات",
                     "اتهمت أرمينيا أذربيجان بقصف بلدات وقرى في قره باخ، وقالت إن <العدوان> مستمر.",
                     source=("سي إن إن", "cnn"), section="العالم",
                     published=datetime(2018, 3, 5, tzinfo=timezone.utc))
        make_article("bbc-2", "ارتفاع أسعار النفط",
                     "ارتفعت أسعار النفط في الأسواق العالمية مع تراجع المخزونات الأميركية.",
                     source=("بي بي سي", "bbc"), section="اقتصاد",
                     published=datetime(2018, 3, 20, tzinfo=timezone.utc))
    indexing.rebuild()


def test_result_shape_and_facets(three_articles):
    result = search_articles("قره باخ")
    assert result["total"] == 2 and result["partial"] is False
    first = result["results"][0]
    assert set(first) == {"external_id", "title", "score", "url", "published", "source",
                          "source_code", "section", "snippet", "copies", "story"}
    assert first["copies"] == [] and result["copies_folded"] == 0 and first["story"] is None
    assert first["url"] == f"/articles/{first['external_id']}/"
    assert {f["value"]: (f["label"], f["count"]) for f in result["facets"]["source"]} == {
        "bbc": ("بي بي سي", 1), "cnn": ("سي إن إن", 1)}
    assert [(f["value"], f["count"]) for f in result["facets"]["month"]] == [("2018-03", 1), ("2018-02", 1)]
    assert [(f["value"], f["count"]) for f in result["facets"]["year"]] == [("2018", 2)]


def test_snippet_escapes_the_article_text(three_articles):
    snippet = search_articles("أرمينيا")["results"][0]["snippet"]
    assert "&lt;العدوان&gt;" in snippet and "<mark>أرمينيا</mark>" in snippet


@pytest.mark.parametrize("filters, expected", [
    ({"source": "bbc"}, {"bbc-1", "bbc-2"}),
    ({"section": "اقتصاد"}, {"bbc-2"}),
    ({"year": 2018, "month": "2018-03"}, {"cnn-1", "bbc-2"}),
    ({"date_from": "2018-03-10"}, {"bbc-2"}),
    ({"date_to": "2018-03-05"}, {"bbc-1", "cnn-1"}),
    ({"year": "junk", "month": "13"}, {"bbc-1", "cnn-1", "bbc-2"}),  # junk is ignored
])
def test_filters_without_a_query(three_articles, filters, expected):
    assert set(ids(search_articles("", filters=filters))) == expected


@pytest.mark.parametrize("query, expected", [
    ("source:cnn", {"cnn-1"}),
    ("section:العالم -أرمينيا", {"bbc-1"}),
    ("date:2018-03 الأسواق", {"bbc-2"}),
    ("date:2018-01..2018-02", {"bbc-1"}),
    ("النفط OR أرمينيا", {"cnn-1", "bbc-2"}),
    ('"بلدات وقرى"', {"cnn-1"}),
    ('"وقرى بلدات"', set()),
    ("قره -غوتيريش", {"cnn-1"}),
])
def test_query_language(three_articles, query, expected):
    assert set(ids(search_articles(query))) == expected


def test_sort_by_date(three_articles):
    assert ids(search_articles("", filters={"year": 2018}, sort="newest")) == ["bbc-2", "cnn-1", "bbc-1"]
    assert ids(search_articles("", filters={"year": 2018}, sort="oldest")) == ["bbc-1", "cnn-1", "bbc-2"]


def test_undated_articles_and_statements_come_last_in_both_date_orders(three_articles, make_article):
    from articles.models import Statement
    from articles.search import export_results, search_statements

    with indexing.suspended_auto_index():
        undated = make_article("undated-1", "النفط بلا تاريخ", "قال الوزير إن النفط يكفي.",
                               source=("بي بي سي", "bbc"))
        for external_id in ("bbc-2", "undated-1", "bbc-1"):
            article = undated if external_id == "undated-1" else \
                type(undated).objects.get(external_id=external_id)
            Statement.objects.create(article=article, text="النفط يكفي", kind="reported",
                                     start=0, end=10)
    indexing.rebuild()
    everything = ["bbc-2", "cnn-1", "bbc-1", "undated-1"]
    assert ids(search_articles("", sort="newest")) == everything
    assert ids(search_articles("", sort="oldest")) == ["bbc-1", "cnn-1", "bbc-2", "undated-1"]
    assert ids(search_articles("source:bbc", sort="newest")) == ["bbc-2", "bbc-1", "undated-1"]
    assert [r["external_id"] for r in export_results("articles", "", sort="newest").rows] == everything
    statements = search_statements("النفط", sort="newest")["results"]
    assert [r["article_external_id"] for r in statements] == ["bbc-2", "bbc-1", "undated-1"]
    statements = search_statements("النفط", sort="oldest")["results"]
    assert [r["article_external_id"] for r in statements] == ["bbc-1", "bbc-2", "undated-1"]


@pytest.mark.parametrize("page, per_page, expected_page", [
    ("junk", 2, 1), (-3, 2, 1), (99, 2, 2), (2, "x", 1), (1, 10_000, 1),
])
def test_page_numbers_are_clamped_never_raise(three_articles, page, per_page, expected_page):
    result = search_articles("", filters={"year": 2018}, page=page, per_page=per_page)
    assert result["page"] == expected_page
    assert result["results"]  # never an empty page past the end


def test_did_you_mean_suggests_a_real_word_as_written(three_articles):
    # ج typed as ح: no spelling, stem or skeleton of it is in the index.
    result = search_articles("اذربيحان بلدات")
    assert result["total"] == 0
    assert result["suggestion"] == "أذربيجان بلدات"  # as the article writes it, with hamza
    assert search_articles("أذربيجان بلدات")["suggestion"] is None


def test_more_like_this_and_counts_over_time(three_articles):
    related = [r["external_id"] for r in more_like_this("bbc-1")]
    assert "bbc-1" not in related and related[:1] == ["cnn-1"]
    assert match_counts_over_time("قره باخ") == [("2018-02", 1), ("2018-03", 1)]
    assert more_like_this("no-such-article") == []


def test_search_command_json_and_batch(three_articles, tmp_path):
    out = io.StringIO()
    call_command("search", "قره باخ", "--json", "--limit", "1", stdout=out)
    payload = json.loads(out.getvalue())
    assert set(payload) == {"query", "total", "took_ms", "partial", "suggestion", "results"}
    assert payload["total"] == 2 and len(payload["results"]) == 1
    assert set(payload["results"][0]) == {"external_id", "title", "score", "url", "published",
                                          "source", "snippet"}

    batch = tmp_path / "queries.txt"
    batch.write_text("النفط\n((( \"\nأرمينيا\n", encoding="utf-8")
    out = io.StringIO()
    call_command("search", "--batch", str(batch), stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["query"] for line in lines] == ["النفط", '((( "', "أرمينيا"]
    assert [[r["external_id"] for r in line["results"]] for line in lines] == [["bbc-2"], [], ["cnn-1"]]


def test_search_over_its_time_limit_returns_partial_results(three_articles, settings):
    settings.NEWSARCHIVE_SEARCH_TIME_LIMIT = 0  # the timer fires before the first document
    result = search_articles("", filters={"year": 2018})
    assert result["partial"] is True
    assert result["total"] < 3
    settings.NEWSARCHIVE_SEARCH_TIME_LIMIT = 5
    assert search_articles("", filters={"year": 2018})["partial"] is False
