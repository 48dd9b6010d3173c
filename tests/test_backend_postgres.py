"""The backends' contract (tests/backend_contract.py) on the PostgreSQL backend, and what
is its own: Whoosh's ranking reproduced, the index written in the caller's transaction,
a clear error on another database.

The contract runs only on PostgreSQL:

    .venv/bin/python scripts/with_postgres.py .venv/bin/python -m pytest tests/test_backend_postgres.py -q
"""

import contextlib
import os
import threading
import time
from datetime import datetime, timezone

import pytest
from django.db import connection, transaction

from articles.search import more_like_this, search_articles
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


def built_on_both_backends(settings):
    """{"whoosh": backend, "postgres": backend}, each with its index built from the database."""
    backends = {}
    for name in ("whoosh", "postgres"):
        settings.NEWSARCHIVE_SEARCH_BACKEND = name
        reset_backend()
        backends[name] = get_backend()
        backends[name].rebuild()
    return backends


@pytest.fixture
def both_backends(make_article, transactional_db, settings):
    """The same corpus articles indexed by both backends: {name: backend}."""
    from tests.backend_contract import corpus_sample

    with suspended_auto_index():
        for r in corpus_sample(first=120):
            make_article(r["id"], r["title"], r["body"], abstract=r["abstract"],
                         source=(r["source"], r["source_code"]), section=r["category"],
                         published=datetime.fromisoformat(r["published"].replace("Z", "+00:00")))
    yield built_on_both_backends(settings)
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
    assert backend.doc_count() == 0 and backend.check()["missing"] == ["gaza-1"]
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


SPEAKER_QUERIES = ["ترمب", "ترامب", "غوتيرس", "غوتيريش", "speaker:ترمب", "speaker:ترامب", "ماكرون"]


@pytest.fixture
def both_backends_with_statements(make_article, transactional_db, settings):
    """Corpus articles that quote Trump and Guterres, their statements extracted and their
    speakers linked as an import links them, indexed by both backends."""
    import gzip
    import json

    from articles.statements import extract_and_store
    from tests.conftest import CORPUS_JSONL, require_corpus

    names = ("ترمب", "ترامب", "غوتيريس", "غوتيريش", "ماكرون")
    wanted = dict.fromkeys(names, 0)
    pks = []
    with suspended_auto_index(), gzip.open(require_corpus(CORPUS_JSONL), "rt", encoding="utf-8") as lines:
        for line in lines:
            r = json.loads(line)
            name = next((n for n in names if n in r["body"] and wanted[n] < 25), None)
            if name is None:
                continue
            wanted[name] += 1
            pks.append(make_article(
                r["id"], r["title"], r["body"], abstract=r["abstract"],
                source=(r["source"], r["source_code"]), section=r["category"],
                published=datetime.fromisoformat(r["published"].replace("Z", "+00:00"))).pk)
            if all(n >= 25 for n in wanted.values()):
                break
        extract_and_store(pks)
    yield built_on_both_backends(settings)
    reset_backend()


@needs_postgres
@pytest.mark.corpus
def test_statements_rank_as_whoosh_ranks_them_speakers_and_all(both_backends_with_statements):
    from articles.search_backends import STATEMENTS
    from articles.text.query import parse

    totals = {}
    for text in SPEAKER_QUERIES:
        whoosh, postgres = (both_backends_with_statements[name].search(
            parse(text), kind=STATEMENTS, per_page=1000) for name in ("whoosh", "postgres"))
        assert postgres.total == whoosh.total > 0, text
        assert ranked(postgres) == ranked(whoosh), text
        totals[text] = postgres.total
    # One skeleton: a speaker is Trump's under either spelling, whichever his names hold.
    assert totals["speaker:ترمب"] == totals["speaker:ترامب"]


@contextlib.contextmanager
def rebuild_paused_halfway(backend):
    """A rebuild_index run in another thread, held at its first progress report (its lock
    taken, its tables being written) while the block runs, then let finish."""
    halfway, go_on = threading.Event(), threading.Event()

    def pause(done, total):
        halfway.set()
        assert go_on.wait(60)

    def rebuild():
        try:
            backend.rebuild(progress=pause)
        finally:
            connection.close()

    builder = threading.Thread(target=rebuild)
    builder.start()
    try:
        assert halfway.wait(60)
        yield
    finally:
        go_on.set()
        builder.join(60)


@needs_postgres
def test_an_edit_during_a_rebuild_waits_the_lock_timeout_not_the_rebuild_and_is_kept(
        make_article, postgres_backend, settings, caplog):
    # The rebuild holds the writers' lock for all of its run (minutes at 31.5k articles):
    # an editor's save waited for all of it, past the web worker's timeout.
    settings.NEWSARCHIVE_INDEX_LOCK_TIMEOUT = 1
    with suspended_auto_index():
        article = make_article("gaza-1", "الصحة في غزة", "أعلنت وزارة الصحة في غزة ارتفاع عدد الضحايا.")
    with rebuild_paused_halfway(postgres_backend):
        article.title = "بلينكن يتصل بعلييف وباشينيان"
        started = time.monotonic()
        article.save()  # its index write gives up after the lock timeout; the save stands
        assert time.monotonic() - started < 10
    assert "Search index not updated" in caplog.text
    assert [r["external_id"] for r in search_articles("باشينيان")["results"]] == ["gaza-1"]
    assert postgres_backend.check()["stale"] == []


@needs_postgres
def test_a_query_of_a_hundred_and_sixty_words_is_not_compiled_by_jit(make_article, postgres_backend):
    # A 500-character query of two-letter words is a tsquery of a thousand lexemes and a
    # statement counting each: past jit_above_cost the server spent seconds compiling it
    # (JIT emission), for a search that finds nothing. Costs at 0 make any server JIT it.
    with suspended_auto_index():
        article = make_article("gaza-1", "الصحة في غزة", "أعلنت وزارة الصحة في غزة ارتفاع عدد الضحايا.")
    postgres_backend.index_articles([article.pk])
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_jit_available()")
        if not cursor.fetchone()[0]:
            pytest.skip("this PostgreSQL has no JIT")
        for name in ("jit_above_cost", "jit_inline_above_cost", "jit_optimize_above_cost"):
            cursor.execute(f"SET {name} = 0")
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهي"
    query = " ".join(a + b for a in letters for b in letters)[:500]
    try:
        started = time.monotonic()
        result = search_articles(query)
        assert time.monotonic() - started < 4
        assert (result["total"], result["partial"]) == (0, False)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET ALL")


@needs_postgres
def test_searches_during_a_first_build_answer_at_once_that_the_index_is_being_built(
        make_article, postgres_backend, client):
    # A first build into empty tables drops the GIN indexes until it commits, which locks
    # the table: every search waited for its 10 s server limit (twice a page), and the
    # article page's related articles for the whole rebuild.
    with suspended_auto_index():
        for i in range(3):
            make_article(f"gaza-{i}", f"الصحة في غزة {i}", "أعلنت وزارة الصحة في غزة ارتفاع عدد الضحايا.")
    with rebuild_paused_halfway(postgres_backend):
        started = time.monotonic()
        page = client.get("/search/", {"q": "غزة"})
        api = client.get("/api/search/", {"q": "غزة"})
        article = client.get("/articles/gaza-0/")  # its related articles are left out
        assert time.monotonic() - started < 8
        assert page.status_code == api.status_code == 503 and "rebuild_index" in api.json()["detail"]
        assert article.status_code == 200
        with pytest.raises(SearchUnavailable):
            more_like_this("gaza-0")
    assert len(search_articles("غزة")["results"]) == 3


@needs_postgres
def test_a_search_inside_a_transaction_leaves_its_settings_as_they_were(make_article, postgres_backend):
    # A setting local to the transaction outlives the search's released savepoint: the
    # caller's own statements went on without sequential scans, and with a 1 s lock wait.
    article = make_article("gaza-1", "الصحة في غزة", "أعلنت وزارة الصحة في غزة ارتفاع عدد الضحايا.")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_seqscan'), current_setting('lock_timeout')")
        before = cursor.fetchone()
        assert search_articles("غزة")["total"] == 1
        assert search_articles("وزارت")["total"] == 0  # did-you-mean looks for a correction
        more_like_this(article.external_id)
        cursor.execute("SELECT current_setting('enable_seqscan'), current_setting('lock_timeout')")
        assert cursor.fetchone() == before
