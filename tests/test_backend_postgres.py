"""The backends' contract (tests/backend_contract.py) on the PostgreSQL backend, and what
is its own: Whoosh's ranking reproduced, the index written in the caller's transaction,
a clear error on another database.

The contract runs only on PostgreSQL:

    .venv/bin/python scripts/with_postgres.py .venv/bin/python -m pytest tests/test_backend_postgres.py -q
"""

import os
from datetime import datetime, timezone

import pytest
from django.db import connection, transaction

from articles.search import search_articles
from articles.search_backends import SearchUnavailable, get_backend, reset_backend, suspended_auto_index
from tests.backend_contract import BackendTests

ON_POSTGRES = os.getenv("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
needs_postgres = pytest.mark.skipif(
    not ON_POSTGRES, reason="the PostgreSQL backend needs DATABASE_URL=postgres://… "
                            "(run under scripts/with_postgres.py)")


@needs_postgres
class TestPostgresBackend(BackendTests):
    backend_name = "postgres"

    @pytest.fixture(autouse=True)
    def empty_search_tables(self, django_db_setup, django_db_blocker):
        """The search tables are not models, so a transactional test's flush leaves their
        rows: every test starts from empty ones."""
        from articles.text import pgindex

        with django_db_blocker.unblock(), connection.cursor() as cursor:
            pgindex.clear(cursor)
        yield


def test_on_another_database_the_backend_says_what_to_set(settings, db):
    if ON_POSTGRES:
        pytest.skip("runs on SQLite")
    settings.NEWSARCHIVE_SEARCH_BACKEND = "postgres"
    reset_backend()
    try:
        with pytest.raises(SearchUnavailable) as raised:
            search_articles("غزة")
        assert "PostgreSQL" in str(raised.value) and "DATABASE_URL" in raised.value.fix
    finally:
        reset_backend()


# --- its own: Whoosh's ranking, the caller's transaction -------------------------------------

RANKED_QUERIES = ["غوتيريش", "قره باخ", "اذربيجان العسكريه", '"الأمم المتحدة"',
                  "أرمينيا OR باكو", "بلينكن -باشينيان", "ناجورني", "الحكومة"]


@pytest.fixture
def both_backends(make_article, transactional_db, settings):
    """The same corpus articles indexed by both backends: {name: backend}."""
    from tests.backend_contract import corpus_sample

    with suspended_auto_index():
        for r in corpus_sample(first=120):
            make_article(r["id"], r["title"], r["body"], abstract=r["abstract"],
                         source=(r["source"], r["source_code"]), section=r["category"],
                         published=datetime.fromisoformat(r["published"].replace("Z", "+00:00")))
    backends = {}
    for name in ("whoosh", "postgres"):
        settings.NEWSARCHIVE_SEARCH_BACKEND = name
        reset_backend()
        backends[name] = get_backend()
        backends[name].rebuild()
    yield backends
    reset_backend()


def ranked(outcome):
    """[(score, key)] best first; articles that tie exactly (the same story filed twice)
    by key, since Whoosh orders those as the rebuild happened to read them."""
    return sorted(((-round(h.score, 4), h.key) for h in outcome.hits))


@needs_postgres
@pytest.mark.corpus
def test_the_ranking_is_whooshs_bm25f_document_for_document(both_backends):
    from articles.text.query import parse

    for text in RANKED_QUERIES:
        whoosh, postgres = (both_backends[name].search(parse(text), per_page=15)
                            for name in ("whoosh", "postgres"))
        assert postgres.total == whoosh.total > 0, text
        assert ranked(postgres) == ranked(whoosh), text


@needs_postgres
@pytest.mark.corpus
def test_ranking_only_the_rows_with_the_best_bounds_gives_the_same_pages(both_backends, monkeypatch):
    """The server ranks every match by a bound on its score and reads back only the best
    few; Python scores those exactly. With no margin past the page the bound's check must
    sometimes send it back for every match: the pages stay those of scoring every match."""
    from articles.text import pgindex
    from articles.text.query import parse

    backend = both_backends["postgres"]
    rows_read = []
    rows_sql = pgindex._rows_sql
    monkeypatch.setattr(pgindex, "_rows_sql", lambda query: rows_read.append(query) or rows_sql(query))

    def pages(margin):
        monkeypatch.setattr(pgindex, "RANK_MARGIN", margin)
        return [[(h.key, round(h.score, 9)) for h in backend.search(parse(text), per_page=3, page=page).hits]
                for text in RANKED_QUERIES for page in (1, 2, 3)]

    every_match = pages(10_000)
    assert not rows_read and sum(map(len, every_match)) > 40
    assert pages(0) == every_match and rows_read  # the check failed, every match was read
    rows_read.clear()
    assert pages(pgindex.RANK_MARGIN) == every_match


@needs_postgres
@pytest.mark.corpus
def test_more_like_this_counts_only_the_words_that_can_be_key_terms(both_backends):
    """Key terms of the longest sample articles, counted by how often the article uses
    them until no word left can reach them, are those of counting every word."""
    import math
    from collections import Counter

    from articles.models import Article
    from articles.search_backends.postgres import (
        DISTINCTIVE_MIN, DISTINCTIVE_SHARE, MORE_LIKE_TERMS, _key_terms,
    )
    from articles.text import pgindex
    from articles.text.analysis import word_forms, words_with_offsets

    longest = sorted(Article.objects.all(), key=lambda a: -len(a.body))[:3]
    with connection.cursor() as cursor, transaction.atomic():
        pgindex.planner_settings(cursor)
        n = pgindex.read_stats(cursor, "articles").docs
        cap = max(DISTINCTIVE_MIN, int(n * DISTINCTIVE_SHARE))
        for article in longest:
            text = "\n".join((article.title, article.abstract, article.body))
            uses = Counter(forms.exact for word, _, _ in words_with_offsets(text)
                           if (forms := word_forms(word)) is not None and len(forms.exact) > 2)
            every = []
            for word, tf in uses.items():
                cursor.execute("SELECT count(*) FROM (SELECT 1 FROM search_article WHERE terms @@ %s::tsquery "
                               "LIMIT %s) AS c", (pgindex._lexeme("X", word), cap))
                df = cursor.fetchone()[0]
                if 0 < df < cap:
                    f = df / n
                    every.append((tf * math.log2((1 + f) / f) + math.log2(1 + f), word))
            every.sort(reverse=True)
            assert len(uses) > 4 * MORE_LIKE_TERMS
            assert _key_terms(cursor, text) == [(w, weight) for weight, w in every[:MORE_LIKE_TERMS]]


@pytest.fixture
def postgres_backend(settings, transactional_db):
    from articles.text import pgindex

    settings.NEWSARCHIVE_SEARCH_BACKEND = "postgres"
    reset_backend()
    with connection.cursor() as cursor:
        pgindex.clear(cursor)
    yield get_backend()
    reset_backend()


@needs_postgres
def test_an_index_write_commits_or_rolls_back_with_the_callers_transaction(make_article, postgres_backend):
    with suspended_auto_index():
        article = make_article("gaza-1", "الصحة في غزة", "أعلنت وزارة الصحة في غزة ارتفاع عدد الضحايا.")
    backend = postgres_backend
    assert backend.name == "postgres"
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            backend.index_articles([article.pk])
            assert search_articles("غزة")["total"] == 1  # seen inside the transaction
            raise RuntimeError("the batch failed")
    assert search_articles("غزة")["total"] == 0
    assert backend.check()["missing"] == ["gaza-1"]
    backend.index_articles([article.pk])
    assert search_articles("غزة")["total"] == 1 and backend.doc_count() == 1


@needs_postgres
def test_did_you_mean_measures_distances_in_the_server_or_in_python_alike(make_article, postgres_backend,
                                                                          monkeypatch):
    from articles.text import pgindex

    with suspended_auto_index():
        article = make_article("cnn-1", "أرمينيا تتهم أذربيجان بقصف بلدات",
                               "اتهمت أرمينيا أذربيجان بقصف بلدات وقرى في قره باخ.")
    postgres_backend.index_articles([article.pk])
    with connection.cursor() as cursor:
        assert pgindex._has_levenshtein(cursor)  # the migration created fuzzystrmatch
    in_server = search_articles("اذربيحان بلدات")["suggestion"]
    monkeypatch.setattr(pgindex, "_has_levenshtein", lambda cursor: False)
    assert search_articles("اذربيحان بلدات")["suggestion"] == in_server == "أذربيجان بلدات"
