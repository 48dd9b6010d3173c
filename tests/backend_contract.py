"""What every search backend must do: one contract, Wagtail-style.

`BackendTests` holds the behaviour; a backend's test module only names the backend:

    class TestWhooshBackend(BackendTests):
        backend_name = "whoosh"

A new backend is done when this passes. Everything goes through the site's one search
entry point (articles.search), the commands and the model signals, so what is held is
what users see: the seed and sample queries, spelling variants, the query language,
hostile queries on the pages, facets, snippets and the article page's marks, and the
index following admin edits and deletes. (Not collected alone: the module name has no
`test_` prefix.)
"""

import gzip
import html
import io
import json
import random
import re
import time
from datetime import datetime, timezone

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles.importing.importer import import_paths
from articles.models import Article, ReviewStatus, Source, Speaker, SpeakerAlias, Statement
from articles.search import (
    export_results,
    highlight_spans,
    match_counts_over_time,
    more_like_this,
    search_articles,
    search_statements,
)
from articles.search_backends import (
    SearchUnavailable,
    get_backend,
    reset_backend,
    suspended_auto_index,
)
from tests.conftest import CORPUS_JSONL, SEED_ARTICLE, SEEDS_DIR, require_corpus
from tests.hostile import PAYLOADS, RAW_MARKERS, hostile

SEED_ID = "000_3685a6476d11d14e"
# The queries the seed article must come first for, against the corpus (the "done").
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
BODY = (
    "أعلن الانفصاليون في إقليم ناجورني قره باخ وقف إطلاق النار، في وقت أعلنت فيه وزارة الدفاع "
    "الأذربيجانية تعليق العملية العسكرية. وقال فاردانيان إن أذربيجان بدأت عملية تطهير عرقي."
)
OTHER_BODY = "أعلنت وزارة الصحة في غزة ارتفاع عدد الضحايا، وقال المتحدث إن المستشفيات تعاني نقصا حادا."
# differing_executors: the mixin's properties run once per backend class, by design.
PAGE_SETTINGS = dict(deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.differing_executors])


def ids(result):
    return [r["external_id"] for r in result["results"]]


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


def finds_nothing(query):
    """True when the archive's search finds nothing for `query`: no result, or no index."""
    try:
        return search_articles(query)["total"] == 0
    except SearchUnavailable:
        return True


class BackendTests:
    backend_name = None  # a key of articles.search_backends.base.BACKENDS

    @pytest.fixture(autouse=True)
    def search_backend(self, settings):
        """The backend under test, chosen by the setting as the site chooses it."""
        settings.NEWSARCHIVE_SEARCH_BACKEND = self.backend_name
        reset_backend()
        yield get_backend()
        reset_backend()

    def test_the_setting_chooses_this_backend(self, search_backend):
        assert search_backend.name == self.backend_name

    # --- the seed among the corpus ------------------------------------------------------

    @pytest.fixture
    def seed_and_corpus(self, make_article, transactional_db, search_backend):
        blocks = SEED_ARTICLE.read_text(encoding="utf-8").split("\n\n")
        with suspended_auto_index():
            make_article(SEED_ID, blocks[0].strip(), "\n\n".join(b.strip() for b in blocks[2:]),
                         source=(blocks[1].strip(), "dhat-msr"))
            for r in corpus_sample():
                make_article(
                    r["id"], r["title"], r["body"], abstract=r["abstract"],
                    source=(r["source"], r["source_code"]), section=r["category"],
                    published=datetime.fromisoformat(r["published"].replace("Z", "+00:00")),
                )
        search_backend.rebuild()

    @pytest.mark.corpus
    @pytest.mark.slow
    def test_done_means_queries_find_the_seed_first(self, seed_and_corpus):
        firsts = {q: ids(search_articles(q, per_page=5))[:1] for q in DONE_QUERIES}
        assert firsts == {q: [SEED_ID] for q in DONE_QUERIES}

    @pytest.mark.corpus
    @pytest.mark.slow
    def test_exact_spelling_ranks_above_a_variant_spelling(self, seed_and_corpus):
        """غوتيريش: the corpus articles spelling it so come first, the seed (جوتيريش) after."""
        ranked = ids(search_articles("غوتيريش", per_page=100))
        assert SEED_ID in ranked
        spelled_exactly = {r["id"] for r in corpus_sample()
                           if "غوتيريش" in r["title"] + r["abstract"] + r["body"]}
        assert len(spelled_exactly) >= 5
        # Every exact spelling first; the variants (the seed's جوتيريش among them) after.
        assert set(ranked[: len(spelled_exactly)]) == spelled_exactly
        assert ranked.index(SEED_ID) >= len(spelled_exactly)
        # The exact-spelling toggle leaves the variant out.
        assert SEED_ID not in ids(search_articles("غوتيريش", per_page=100, exact=True))

    # --- the committed seeds, through the real importer ----------------------------------

    @pytest.fixture
    def imported_seeds(self, transactional_db, search_backend):
        """seeds/: the seed article and the 26 ANT sample articles, imported, extracted and
        indexed batch by batch by the importer, as `make run` does."""
        report = import_paths([SEEDS_DIR])
        assert (report.imported, report.failed) == (27, 0), report.failures
        return report

    def test_the_import_indexes_every_article_and_statement(self, imported_seeds, search_backend):
        report = search_backend.check()
        assert (report["missing"], report["stale"], report["extra"]) == ([], [], [])
        assert report["articles_in_index"] == report["articles_in_db"] == 27
        assert report["statements_in_index"] == report["statements_in_db"] > 0
        assert search_backend.doc_count() == 27

    def test_done_means_queries_find_the_seed_first_among_the_samples(self, imported_seeds):
        firsts = {q: ids(search_articles(q, per_page=5))[:1] for q in DONE_QUERIES}
        assert firsts == {q: [SEED_ID] for q in DONE_QUERIES}

    def test_each_sample_article_is_first_for_its_own_title(self, imported_seeds):
        misses = {}
        for external_id, title in Article.objects.values_list("external_id", "title"):
            found = ids(search_articles(title, per_page=3))
            if found[:1] != [external_id]:
                misses[title] = found
        assert misses == {}

    def test_a_quoted_speaker_is_found_by_name_and_by_slug(self, imported_seeds):
        guterres = Speaker.objects.get(statements__article__external_id=SEED_ID,
                                       name__contains="جوتيريش")
        for query in ("جوتيريش", "أنطونيو جوتيريش", f"speaker:{guterres.slug}"):
            found = search_statements(query)
            assert found["total"] >= 1, query
            assert {r["speaker_id"] for r in found["results"]} == {guterres.slug}, query
        facet = search_statements("القتال")["facets"]["speaker"]
        assert guterres.name in {f["label"] for f in facet}

    def test_a_speaker_is_found_under_another_spelling_of_the_name(self, imported_seeds, client):
        """The seed quotes أنطونيو جوتيريش, and his statement (وقف القتال على الفور) does
        not name him; other outlets write غوتيريش and غوتيريس. The skeleton of the speaker's
        names finds him under those too; the exact-spelling toggle does not."""
        guterres = Speaker.objects.get(statements__article__external_id=SEED_ID,
                                       name__contains="جوتيريش")
        assert not guterres.aliases.exclude(name__contains="جوتيريش").exists()
        for query in ("غوتيريش", "غوتيريس", "أنطونيو غوتيريش", "غوتيريش القتال"):
            found = search_statements(query)
            assert guterres.slug in {r["speaker_id"] for r in found["results"]}, query
            assert guterres.slug not in {r["speaker_id"] for r in search_statements(
                query, exact=True)["results"]}, query
        # The API and the page, which read the same search.
        api = client.get(reverse("api_statements"), {"q": "غوتيريش"}).json()
        assert guterres.slug in {r["speaker_id"] for r in api["results"]}
        page = client.get(reverse("statements"), {"q": "غوتيريش"}).content.decode()
        assert "وقف القتال على الفور" in page
        page = client.get(reverse("statements"), {"q": "غوتيريش", "exact": "1"}).content.decode()
        assert "وقف القتال على الفور" not in page

    @pytest.fixture
    def two_spellings(self, make_article, transactional_db, search_backend):
        """Two speakers whose names are two spellings of one (an editor has not merged
        them), each quoted in an article that does not name them in its text."""
        with suspended_auto_index():
            for external_id, name, slug, body in (
                ("sky-1", "دونالد ترامب", "donald-trump",
                 'وقال الرئيس الأمريكي إن "الجدار سيبنى على الحدود".'),
                ("cnn-1", "دونالد ترمب", "donald-trumb",
                 'وقال الرئيس الأمريكي إن "الجدار سيبنى قريبا مهما كلف".'),
            ):
                article = make_article(external_id, "الجدار على الحدود", body,
                                       published=datetime(2018, 3, 1, tzinfo=timezone.utc))
                speaker = Speaker.objects.create(name=name, slug=slug, kind="person")
                SpeakerAlias.objects.create(speaker=speaker, name=name)
                start = body.index('"') + 1
                end = body.index('"', start)
                Statement.objects.create(article=article, speaker=speaker, text=body[start:end],
                                         kind="direct", verb="قال", start=start, end=end)
        search_backend.rebuild()

    @pytest.mark.parametrize("query, first, second", [
        ("ترمب", "donald-trumb", "donald-trump"),
        ("ترامب", "donald-trump", "donald-trumb"),
        ("دونالد ترمب الجدار", "donald-trumb", "donald-trump"),
        ("speaker:ترمب", "donald-trumb", "donald-trump"),
        ("speaker:ترامب", "donald-trump", "donald-trumb"),
    ])
    def test_the_speaker_spelled_as_typed_comes_before_a_variant(self, two_spellings, query,
                                                                  first, second):
        found = search_statements(query)
        assert [r["speaker_id"] for r in found["results"]] == [first, second], query
        # The same on the article search: the one quoting the speaker as typed first.
        articles = {"donald-trump": "sky-1", "donald-trumb": "cnn-1"}
        assert ids(search_articles(query)) == [articles[first], articles[second]], query

    def test_exact_spelling_finds_only_the_speaker_spelled_so(self, two_spellings):
        assert [r["speaker_id"] for r in search_statements("ترمب", exact=True)["results"]] == [
            "donald-trumb"]
        assert ids(search_articles("ترامب", exact=True)) == ["sky-1"]

    def test_a_speaker_with_many_aliases_still_comes_before_a_variant(
            self, two_spellings, make_article, search_backend):
        """The names field of a much-quoted person holds every spelling met: ترمب once among
        many ترامب. Its length is not verbosity, so it must not sink them below a short
        record (a surname-only speaker) that only the skeleton finds."""
        trump = Speaker.objects.get(slug="donald-trump")
        with suspended_auto_index():
            for name in ("ترامب", "دونالد جيه ترامب", "الرئيس دونالد ترامب", "دونالد ترامب الأب",
                         "ترمب", "دونالد جون ترامب", "السيد دونالد ترامب"):
                SpeakerAlias.objects.create(speaker=trump, name=name)
            body = 'وقال ترامب إن "الجدار سيبنى الآن".'
            article = make_article("bbc-1", "الجدار على الحدود", body,
                                   published=datetime(2018, 3, 2, tzinfo=timezone.utc))
            surname = Speaker.objects.create(name="ترامب", slug="trump", kind="person")
            start = body.index('"') + 1
            Statement.objects.create(article=article, speaker=surname, text=body[start:-2],
                                     kind="direct", verb="قال", start=start, end=len(body) - 2)
        search_backend.rebuild()
        # donald-trump's names hold ترمب once; trump's only through the skeleton.
        found = [r["speaker_id"] for r in search_statements("ترمب")["results"]]
        assert found.index("donald-trump") < found.index("trump"), found

    @pytest.mark.django_db(transaction=True)
    def test_a_spelling_met_in_a_later_import_reaches_the_earlier_statements(self, make_article):
        """Imported one batch after the other, as the import pipeline does: the second
        batch's دونالد ترمب is linked to the speaker of the first (one skeleton) and becomes
        an alias, so the first article's statement is his under that spelling too — written
        so in the index, not only found through the skeleton."""
        from articles.pipeline import process_changed_articles

        with suspended_auto_index():
            first = make_article("sky-1", "الجدار", 'وقال الرئيس الأمريكي دونالد ترامب إن '
                                 '"الجدار سيبنى على الحدود مهما كلف الأمر".')
        process_changed_articles([first.pk])
        with suspended_auto_index():
            second = make_article("cnn-1", "الاقتصاد", 'وقال الرئيس الأمريكي دونالد ترمب إن '
                                  '"الاقتصاد الأمريكي في أفضل حالاته منذ عقود".')
        process_changed_articles([second.pk])
        trump = Speaker.objects.get(statements__article=first)
        assert set(trump.aliases.values_list("name", flat=True)) >= {"دونالد ترامب", "دونالد ترمب"}
        assert trump.statements.count() == 2
        found = search_statements("دونالد ترمب", exact=True)["results"]
        assert sorted(r["article_external_id"] for r in found) == ["cnn-1", "sky-1"]

    def test_speaker_facet_counts_each_spelling_as_its_own_speaker(self, two_spellings):
        facet = search_statements("ترمب")["facets"]["speaker"]
        assert {f["value"]: f["count"] for f in facet} == {"donald-trumb": 1, "donald-trump": 1}

    # --- three articles: the query language, facets, paging -----------------------------

    @pytest.fixture
    def three_articles(self, make_article, transactional_db, search_backend):
        with suspended_auto_index():
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
        search_backend.rebuild()

    def test_result_shape_and_facets(self, three_articles):
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
        assert [(f["value"], f["count"]) for f in result["facets"]["section"]] == [("العالم", 2)]

    def test_snippet_escapes_the_article_text_and_marks_the_words(self, three_articles):
        snippet = search_articles("أرمينيا")["results"][0]["snippet"]
        assert "&lt;العدوان&gt;" in snippet and "<mark>أرمينيا</mark>" in snippet
        # A variant spelling (no hamza, ه for ة) is marked where the article spells it its way.
        snippet = search_articles("الامم المتحده")["results"][0]["snippet"]
        assert "<mark>للأمم</mark>" in snippet and "<mark>المتحدة</mark>" in snippet

    def test_highlight_spans_mark_what_the_search_matched(self, three_articles):
        text = Article.objects.get(external_id="cnn-1").body
        spans = highlight_spans(text, "ارمينيا -أذربيجان")
        assert [text[start:end] for start, end in spans] == ["أرمينيا"]
        spans = highlight_spans(text, '"بلدات وقرى"', limit=1)
        assert [text[start:end] for start, end in spans] == ["بلدات"]

    def test_the_article_page_marks_the_searched_words(self, three_articles, client):
        def marks(query, **extra):
            html = client.get("/articles/bbc-1/", {"q": query, **extra}).content.decode()
            return re.findall(r"<mark[^>]*>([^<]*)</mark>", html)

        assert marks("جوتيريش") == ["غوتيريش"]  # the variant the search found, in the body
        assert marks("جوتيريش", exact="1") == []  # exact spelling: not a variant
        assert marks("الامم -غوتيريش") == ["للأمم"]

    @pytest.mark.parametrize("filters, expected", [
        ({"source": "bbc"}, {"bbc-1", "bbc-2"}),
        ({"section": "اقتصاد"}, {"bbc-2"}),
        ({"year": 2018, "month": "2018-03"}, {"cnn-1", "bbc-2"}),
        ({"date_from": "2018-03-10"}, {"bbc-2"}),
        ({"date_to": "2018-03-05"}, {"bbc-1", "cnn-1"}),
        ({"year": "junk", "month": "13"}, {"bbc-1", "cnn-1", "bbc-2"}),  # junk is ignored
    ])
    def test_filters_without_a_query(self, three_articles, filters, expected):
        assert set(ids(search_articles("", filters=filters))) == expected

    @pytest.mark.parametrize("query, expected", [
        ("source:cnn", {"cnn-1"}),
        ('مصدر:"سي إن إن"', {"cnn-1"}),  # an outlet by its name
        ("section:العالم -أرمينيا", {"bbc-1"}),
        ("date:2018-03 الأسواق", {"bbc-2"}),
        ("date:2018-01..2018-02", {"bbc-1"}),
        ("النفط OR أرمينيا", {"cnn-1", "bbc-2"}),
        ('"بلدات وقرى"', {"cnn-1"}),
        ('"وقرى بلدات"', set()),
        ("قره -غوتيريش", {"cnn-1"}),
        # Exclusions alone browse the rest; a word, a phrase and a field exclude together.
        ('-غوتيريش -"أسعار النفط"', {"cnn-1"}),
        ("-source:cnn -النفط", {"bbc-1"}),
        ("-أرمينيا -قره", {"bbc-2"}),
        ("جوتيريش", {"bbc-1"}),  # a transliteration variant
        ("الاسواق العالميه", {"bbc-2"}),  # hamza and ta marbuta folded
        ("في", set()),  # a stop word alone finds nothing, never everything
        ('- " | OR', set()),  # operators only
    ])
    def test_query_language(self, three_articles, query, expected):
        assert set(ids(search_articles(query))) == expected

    def test_exact_spelling_leaves_variants_out(self, three_articles):
        assert ids(search_articles("جوتيريش", exact=True)) == []
        assert ids(search_articles("غوتيريش", exact=True)) == ["bbc-1"]

    def test_sort_by_date(self, three_articles):
        assert ids(search_articles("", filters={"year": 2018}, sort="newest")) == ["bbc-2", "cnn-1", "bbc-1"]
        assert ids(search_articles("", filters={"year": 2018}, sort="oldest")) == ["bbc-1", "cnn-1", "bbc-2"]

    def test_undated_articles_and_statements_come_last_in_both_date_orders(
            self, three_articles, make_article, search_backend):
        with suspended_auto_index():
            undated = make_article("undated-1", "النفط بلا تاريخ", "قال الوزير إن النفط يكفي.",
                                   source=("بي بي سي", "bbc"))
            for external_id in ("bbc-2", "undated-1", "bbc-1"):
                article = Article.objects.get(external_id=external_id)
                Statement.objects.create(article=article, text="النفط يكفي", kind="reported",
                                         start=0, end=10)
        search_backend.rebuild()
        everything = ["bbc-2", "cnn-1", "bbc-1", "undated-1"]
        assert ids(search_articles("", sort="newest")) == everything
        assert ids(search_articles("", sort="oldest")) == ["bbc-1", "cnn-1", "bbc-2", "undated-1"]
        assert ids(search_articles("source:bbc", sort="newest")) == ["bbc-2", "bbc-1", "undated-1"]
        assert [r["external_id"] for r in export_results("articles", "", sort="newest").rows] == everything
        statements = search_statements("النفط", sort="newest")["results"]
        assert [r["article_external_id"] for r in statements] == ["bbc-2", "bbc-1", "undated-1"]
        statements = search_statements("النفط", sort="oldest")["results"]
        assert [r["article_external_id"] for r in statements] == ["bbc-1", "bbc-2", "undated-1"]
        undated_only = search_statements("", filters={"kind": "reported", "source": "bbc"})
        assert undated_only["total"] == 3 and [f["value"] for f in undated_only["facets"]["kind"]] == ["reported"]

    @pytest.mark.parametrize("page, per_page, expected_page", [
        ("junk", 2, 1), (-3, 2, 1), (99, 2, 2), (2, "x", 1), (1, 10_000, 1),
    ])
    def test_page_numbers_are_clamped_never_raise(self, three_articles, page, per_page, expected_page):
        result = search_articles("", filters={"year": 2018}, page=page, per_page=per_page)
        assert result["page"] == expected_page
        assert result["results"]  # never an empty page past the end

    def test_did_you_mean_suggests_a_real_word_as_written(self, three_articles):
        # ج typed as ح: no spelling, stem or skeleton of it is in the index.
        result = search_articles("اذربيحان بلدات")
        assert result["total"] == 0
        assert result["suggestion"] == "أذربيجان بلدات"  # as the article writes it, with hamza
        assert search_articles("أذربيجان بلدات")["suggestion"] is None

    @pytest.mark.django_db(transaction=True)
    def test_did_you_mean_for_a_pasted_long_word_answers_at_once(self, make_article):
        # Whoosh's corrector measured the typed word against every indexed word sharing its
        # first letters, in time growing with its length: minutes for one 500-letter query.
        rng = random.Random(7)
        letters = "بتثجحخدذرزسشصضطظعغفقكلمنهي"
        vocabulary = sorted({"ال" + "".join(rng.choice(letters) for _ in range(rng.randint(3, 7)))
                             for _ in range(5000)})
        make_article("vocabulary", "قائمة كلمات", " ".join(vocabulary))
        started = time.perf_counter()
        result = search_articles("ال" + "".join(rng.choice(letters) for _ in range(400)))
        assert time.perf_counter() - started < 2.0
        assert result["total"] == 0 and result["suggestion"] is None
        near = vocabulary[0][:-1] + ("ب" if vocabulary[0][-1] != "ب" else "ت")
        if near not in vocabulary:  # one letter off an indexed word: still suggested
            assert search_articles(near)["suggestion"] is not None

    @pytest.mark.django_db(transaction=True)
    def test_did_you_mean_for_a_pasted_list_of_unknown_words_answers_at_once(self, make_article):
        # Each unknown word is looked up among the indexed words sharing its first letters:
        # sixty of them in one 500-character query took seconds, more as the archive grows.
        rng = random.Random(8)
        letters = "بتثجحخدذرزسشصضطظعغفقكلمنهي"
        vocabulary = sorted({"ال" + "".join(rng.choice(letters) for _ in range(rng.randint(3, 6)))
                             for _ in range(5000)})
        make_article("vocabulary", "قائمة كلمات", " ".join(vocabulary))
        misspelt = [w[:-1] + "ث" for w in vocabulary if w[-1] != "ث" and w[:-1] + "ث" not in vocabulary]
        query = " ".join(misspelt[:60])[:500]
        started = time.perf_counter()
        suggestion = search_articles(query)["suggestion"]
        assert time.perf_counter() - started < 2.0
        # The first words are still corrected to indexed words; the tail is left as typed.
        changed = [new for typed, new in zip(query.split(), suggestion.split()) if new != typed]
        assert changed and all(new in vocabulary for new in changed)
        assert suggestion.split()[-1] == query.split()[-1]

    @pytest.mark.django_db(transaction=True)
    def test_more_like_this_for_an_article_of_thousands_of_distinct_words(self, make_article):
        # PostgreSQL counted the documents of each word of the article in one SELECT of a
        # column per word, and a SELECT holds at most 1,664: a long article had no related.
        rng = random.Random(9)
        letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
        words = sorted({"".join(rng.choice(letters) for _ in range(7)) for _ in range(2500)})
        shared = words[:40]
        make_article("long-1", "مقال طويل", " ".join(words + shared * 3))
        make_article("long-2", "مقال آخر", " ".join(shared))
        make_article("gaza-1", "الصحة في غزة", OTHER_BODY)
        assert [r["external_id"] for r in more_like_this("long-1")] == ["long-2"]

    def test_more_like_this_and_counts_over_time(self, three_articles):
        related = [r["external_id"] for r in more_like_this("bbc-1")]
        assert "bbc-1" not in related and related[:1] == ["cnn-1"]
        assert match_counts_over_time("قره باخ") == [("2018-02", 1), ("2018-03", 1)]
        assert match_counts_over_time("قره باخ", filters={"source": "cnn"}) == [("2018-03", 1)]
        assert more_like_this("no-such-article") == []

    def test_export_has_every_match_in_order(self, three_articles):
        export = export_results("articles", "قره OR النفط", sort="oldest")
        assert (export.total, export.partial) == (3, False)
        assert [r["external_id"] for r in export.rows] == ["bbc-1", "cnn-1", "bbc-2"]
        assert export_results("articles", "قره OR النفط", limit=1).total == 3

    def test_search_command_json_and_batch(self, three_articles, tmp_path):
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

    def test_search_over_its_time_limit_returns_partial_results(self, three_articles, settings):
        settings.NEWSARCHIVE_SEARCH_TIME_LIMIT = 0  # the timer fires before the first document
        result = search_articles("", filters={"year": 2018})
        assert result["partial"] is True
        assert result["total"] < 3
        settings.NEWSARCHIVE_SEARCH_TIME_LIMIT = 5
        assert search_articles("", filters={"year": 2018})["partial"] is False

    # --- hostile queries on the pages -----------------------------------------------------

    @pytest.fixture
    def hostile_archive(self, db, search_backend):
        """A few articles (one of them hostile itself), with a statement, in a real index."""
        source = Source.objects.create(name="سكاي نيوز <b>عربية</b>", code="sky")
        speaker = Speaker.objects.create(name='غوتيريش "><img src=x onerror=alert(1)>', slug="guterres")
        pks = []
        bodies = [
            "وقال الرئيس اللبناني إن الحكومة ستجتمع غدا لبحث الأزمة الاقتصادية في لبنان.",
            "أكد الأمين العام للأمم المتحدة غوتيريش أن <script>alert(1)</script> الحل سياسي.",
            "قالت وزارة الخارجية: \"نرفض التدخل\" وأضافت أن <a href=javascript:alert(1)>الموقف</a> ثابت.",
        ]
        with suspended_auto_index():
            for i, body in enumerate(bodies):
                article = Article.objects.create(
                    external_id=f"hostile-{i}", title=f"عنوان {i} <svg/onload=alert(1)>", body=body,
                    source=source, content_hash=f"{i}" * 64,
                )
                pks.append(article.pk)
            article = Article.objects.get(external_id="hostile-1")
            Statement.objects.create(article=article, speaker=speaker, text=article.body[24:60],
                                     kind="reported", verb="أكد", start=24, end=60)
        search_backend.index_articles(pks)
        return pks

    @staticmethod
    def check_page(client, name, query):
        response = client.get(reverse(name), {"q": query})
        assert response.status_code in (200, 400), (response.status_code, query)
        body = response.content.decode()
        for marker in RAW_MARKERS:
            assert marker not in body, (marker, query)
        return response

    @hypothesis_settings(max_examples=80, **PAGE_SETTINGS)
    @given(query=hostile)
    def test_search_page_never_fails_and_escapes(self, client, hostile_archive, query):
        self.check_page(client, "search", query)

    @hypothesis_settings(max_examples=40, **PAGE_SETTINGS)
    @given(query=hostile)
    def test_statements_page_never_fails_and_escapes(self, client, hostile_archive, query):
        self.check_page(client, "statements", query)

    @pytest.mark.slow
    @hypothesis_settings(max_examples=800, **PAGE_SETTINGS)
    @given(query=hostile, name=st.sampled_from(["search", "statements"]))
    def test_search_pages_never_fail_many(self, client, hostile_archive, query, name):
        self.check_page(client, name, query)

    @pytest.mark.parametrize("payload", PAYLOADS)
    def test_query_payload_is_echoed_escaped(self, client, hostile_archive, payload):
        body = self.check_page(client, "search", f"الرئيس {payload}").content.decode()
        # The query is shown back to the user (search box, heading), as text.
        assert html.escape(payload, quote=True) in body or html.escape(payload, quote=False) in body \
            or payload.replace("<", "&lt;").replace(">", "&gt;") in body

    def test_ten_kilobyte_query_is_refused_clearly(self, client, hostile_archive):
        response = client.get(reverse("search"), {"q": "الرئيس " * 1500})
        assert response.status_code == 400
        assert re.search(r"500", response.content.decode())  # the limit is stated

    def test_nul_byte_query_is_not_a_server_error(self, client, hostile_archive):
        for name in ("search", "statements"):
            response = client.get(reverse(name), {"q": "لبنان\x00"})
            assert response.status_code in (200, 400)

    @pytest.mark.parametrize("query", ["\ufdf2" * 500, "\ufdfa" * 120, '"لبنان \ufdf2' + "\ufdf2" * 400 + '"'])
    def test_a_word_that_normalizes_past_a_kilobyte_is_searched_without_error(
            self, client, hostile_archive, query):
        # ﷲ is one character that normalizes to four letters (ﷺ to eighteen), so a query
        # within the 500-character limit can hold one word of thousands of bytes.
        for name in ("search", "statements", "api_search", "api_statements"):
            response = client.get(reverse(name), {"q": query})
            assert response.status_code == 200, (name, response.status_code)

    def test_hostile_query_still_finds_the_words(self, client, hostile_archive):
        # Operators and marks around a real word must not stop it from being found.
        response = client.get(reverse("search"), {"q": '"لُبْنَانَ \u202e -- |'})
        assert response.status_code == 200
        assert "hostile-0" in response.content.decode()

    @pytest.mark.parametrize("params", [
        {"source": "<script>"}, {"source": "sky", "year": "abc"}, {"month": "2018-13"},
        {"date_from": "2018-02-30"}, {"date_to": "9999-12-31"}, {"sort": "'; DROP TABLE"},
        {"page": "-1"}, {"speaker": "x" * 5000}, {"section": "\x00"}, {"kind": "<b>"},
        {"exact": "maybe"}, {"facet_limit": "1e9"},
    ])
    def test_hostile_filters_never_fail_anywhere(self, client, hostile_archive, params):
        for name in ("search", "statements", "api_search", "api_statements", "search_feed",
                     "search_export", "statements_export"):
            response = client.get(reverse(name), {"q": "الرئيس", **params})
            assert response.status_code in (200, 400), (name, params, response.status_code)

    def test_statement_search_shows_the_speaker_escaped(self, client, hostile_archive):
        response = client.get(reverse("statements"), {"q": "غوتيريش"})
        assert response.status_code == 200
        body = response.content.decode()
        assert "#statement-" in body and "<img src=x" not in body

    # --- the index follows the database -----------------------------------------------------

    @pytest.mark.django_db(transaction=True)
    def test_saved_article_is_searchable_after_commit(self, make_article):
        make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
        assert ids(search_articles("فاردانيان")) == ["karabakh-1"]

    @pytest.mark.django_db(transaction=True)
    def test_rolled_back_save_never_reaches_the_index(self, make_article):
        make_article("gaza-1", "الصحة في غزة", OTHER_BODY)
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
                raise RuntimeError("the form failed")
        assert search_articles("فاردانيان")["total"] == 0
        assert ids(search_articles("غزة")) == ["gaza-1"]

    @pytest.mark.django_db
    def test_saves_in_one_transaction_share_one_index_commit(self, make_article,
                                                             django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
            make_article("gaza-1", "الصحة في غزة", OTHER_BODY)
        assert len(callbacks) == 1
        assert set(ids(search_articles("وزارة"))) == {"karabakh-1", "gaza-1"}

    @pytest.mark.django_db(transaction=True)
    def test_edited_article_is_reindexed(self, make_article):
        article = make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
        article.title = "بلينكن يتصل بعلييف وباشينيان"
        article.save()
        assert ids(search_articles("باشينيان")) == ["karabakh-1"]
        assert search_articles("تعلق عمليتها")["total"] == 0  # the old title is gone

    @pytest.mark.django_db(transaction=True)
    def test_deleted_article_leaves_the_index(self, make_article, search_backend):
        make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
        make_article("gaza-1", "الصحة في غزة", OTHER_BODY)
        Article.objects.get(external_id="karabakh-1").delete()
        assert search_articles("فاردانيان")["total"] == 0
        assert search_statements("فاردانيان")["total"] == 0
        report = search_backend.check()
        assert (report["missing"], report["stale"], report["extra"]) == ([], [], [])
        assert report["articles_in_index"] == report["articles_in_db"] == 1

    @pytest.mark.django_db(transaction=True)
    def test_an_archive_without_statements_searches_them_without_error(self, make_article):
        make_article("gaza-1", "الصحة في غزة", OTHER_BODY)
        for query, sort in (("غزة", "relevance"), ('"وزارة الصحة"', "relevance"), ("", "newest")):
            result = search_statements(query, sort=sort)
            assert (result["total"], result["results"]) == (0, []), query
        assert ids(search_articles('"وزارة الصحة"')) == ["gaza-1"]
        assert ids(search_articles("", sort="oldest")) == ["gaza-1"]

    @pytest.mark.django_db(transaction=True)
    def test_statement_and_speaker_changes_reindex_the_article(self, make_article):
        article = make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
        speaker = Speaker.objects.create(name="روبن فاردانيان", slug="ruben-vardanyan", kind="person")
        start = BODY.index("أذربيجان بدأت")
        statement = Statement.objects.create(
            article=article, speaker=speaker, text=BODY[start:-1], kind="reported", verb="قال",
            start=start, end=len(BODY) - 1)
        found = search_statements("تطهير عرقي")
        assert [r["speaker_slug"] for r in found["results"]] == ["ruben-vardanyan"]
        assert found["results"][0]["url"].endswith(f"#statement-{found['results'][0]['id']}")
        assert search_articles("speaker:ruben-vardanyan")["total"] == 1
        assert search_articles("أذربيجان")["facets"]["speaker"][0]["label"] == "روبن فاردانيان"

        SpeakerAlias.objects.create(speaker=speaker, name="روبين فاردانيان")
        assert search_statements("روبين")["total"] == 1
        assert search_articles("speaker:روبين فاردانيان")["total"] == 1

        # An editor rejects the statement: it leaves statement search (public ones only).
        Statement.objects.filter(pk=statement.pk).update(status=ReviewStatus.REJECTED)
        assert search_statements("تطهير عرقي")["total"] == 0

    @pytest.mark.django_db(transaction=True)
    def test_suspended_auto_index_leaves_batching_to_the_caller(self, make_article, search_backend):
        with suspended_auto_index():
            first = make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
            second = make_article("gaza-1", "الصحة في غزة", OTHER_BODY)
        assert finds_nothing("غزة")
        search_backend.index_articles([first.pk, second.pk])
        assert set(ids(search_articles("وزارة"))) == {"karabakh-1", "gaza-1"}

    @pytest.mark.django_db(transaction=True)
    def test_auto_index_setting_off(self, make_article, settings):
        settings.NEWSARCHIVE_AUTO_INDEX = False
        make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
        assert finds_nothing("فاردانيان")

    @pytest.mark.django_db(transaction=True)
    def test_check_reports_missing_and_stale_and_the_commands_repair(self, make_article, search_backend):
        make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
        make_article("gaza-1", "الصحة في غزة", OTHER_BODY)
        with suspended_auto_index():
            make_article("new-1", "مقال لم يفهرس", OTHER_BODY)
            # Left in the index by a backend that keeps it apart from the database.
            Article.objects.filter(external_id="gaza-1").delete()
        # An UPDATE fires no signal: the index entry is now stale.
        Article.objects.filter(external_id="karabakh-1").update(
            title="عنوان جديد", updated=datetime(2030, 1, 1, tzinfo=timezone.utc))
        report = search_backend.check()
        assert (report["missing"], report["stale"]) == (["new-1"], ["karabakh-1"])
        assert report["extra"] in ([], ["gaza-1"])
        with pytest.raises(CommandError) as raised:
            call_command("check_index", stdout=io.StringIO())
        assert raised.value.returncode == 1

        assert search_backend.catch_up() == 2
        assert ids(search_articles("عنوان جديد")) == ["karabakh-1"]
        call_command("rebuild_index", stdout=io.StringIO(), stderr=io.StringIO())
        report = search_backend.check()
        assert report["missing"] == report["stale"] == report["extra"] == []
        assert "gaza-1" not in ids(search_articles("غزة"))
        call_command("check_index", stdout=io.StringIO())  # exit 0

    @pytest.mark.django_db(transaction=True)
    def test_an_index_without_speaker_skeletons_needs_a_rebuild(self, make_article, search_backend,
                                                                monkeypatch):
        """Revision 5 indexed no skeleton of the speakers' names: check_index sends an index
        it built to rebuild_index, which makes one this code searches."""
        from articles.text import schema

        with suspended_auto_index():
            make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
        with monkeypatch.context() as old_code:
            old_code.setattr(schema, "ANALYZER_REVISION", 5)
            search_backend.rebuild()
        assert search_backend.needs_rebuild()
        with pytest.raises(CommandError, match="rebuild_index"):
            call_command("check_index", stdout=io.StringIO())
        call_command("rebuild_index", "--if-stale", stdout=io.StringIO(), stderr=io.StringIO())
        call_command("check_index", stdout=io.StringIO())
        assert ids(search_articles("فاردانيان")) == ["karabakh-1"]

    @pytest.mark.django_db(transaction=True)
    def test_an_index_never_built_says_to_rebuild_not_that_nothing_matched(
            self, make_article, client, search_backend):
        # NEWSARCHIVE_SEARCH_BACKEND switched (or a database restored) without rebuild_index:
        # "0 results" for everything would hide that the archive is not searchable.
        with suspended_auto_index():
            make_article("gaza-1", "الصحة في غزة", OTHER_BODY)
        page = client.get(reverse("search"), {"q": "غزة"})
        assert page.status_code == 503 and "rebuild_index" in page.content.decode()
        api = client.get(reverse("api_search"), {"q": "غزة"})
        assert api.status_code == 503 and api.json()["fix"] == "python manage.py rebuild_index"
        call_command("rebuild_index", stdout=io.StringIO(), stderr=io.StringIO())
        assert ids(search_articles("غزة")) == ["gaza-1"]
        assert search_articles("كلمة لا توجد")["total"] == 0

    @pytest.mark.django_db(transaction=True)
    def test_rebuild_reports_progress_and_if_stale_skips_a_good_index(self, make_article, search_backend,
                                                                        capsys):
        with suspended_auto_index():
            for i in range(3):
                make_article(f"gaza-{i}", f"الصحة في غزة {i}", OTHER_BODY)
        seen = []
        assert search_backend.rebuild(progress=lambda done, total: seen.append((done, total))) == 3
        assert seen[-1] == (3, 3)
        assert search_backend.needs_rebuild() is None
        assert search_backend.doc_count() == 3
        call_command("rebuild_index", "--if-stale")
        assert "up to date" in capsys.readouterr().out

    @pytest.mark.django_db(transaction=True)
    def test_an_article_of_huge_words_or_a_huge_vocabulary_is_indexed_with_the_rest(
            self, make_article, search_backend):
        # A tsvector holds no lexeme over 2,046 bytes and at most 1 MB of lexemes a row: one
        # such article failed the PostgreSQL index write of its whole batch, and every rebuild.
        rng = random.Random(14)
        letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
        vocabulary = " ".join("".join(rng.choice(letters) for _ in range(rng.randint(5, 9)))
                              for _ in range(45_000))
        long_word = "".join(rng.choice(letters) for _ in range(1100))
        with suspended_auto_index():
            articles = [
                make_article("long-word", "مقال فيه كلمة طويلة", f"قال الرئيس إن {long_word} في غزة."),
                make_article("hex-blob", "صورة مرفقة", f"صورة مرفقة {'a1' * 1500} في غزة."),
                make_article("vocabulary", "قائمة كلمات كثيرة", f"غزة {vocabulary}"),
                make_article("gaza-1", "الصحة في غزة", OTHER_BODY),
            ]
        search_backend.index_articles([a.pk for a in articles])
        assert set(ids(search_articles("غزة"))) == {a.external_id for a in articles}
        assert ids(search_articles(long_word)) == ["long-word"]
        assert ids(search_articles("a1" * 1500)) == ["hex-blob"]
        assert ids(search_articles(vocabulary.split()[100])) == ["vocabulary"]
        report = search_backend.check()
        assert report["missing"] == report["stale"] == report["extra"] == []
        assert search_backend.rebuild() == 4
        assert set(ids(search_articles("غزة"))) == {a.external_id for a in articles}
