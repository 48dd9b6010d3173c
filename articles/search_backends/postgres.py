"""The PostgreSQL backend: the archive's search index as tables in its own database.

The engine is plain Python in articles.text.pgindex (rows, query compiler, BM25F ranking,
did-you-mean); this module gives it Django's connection and turns database rows into its
rows with articles.indexing's records, the ones the Whoosh backend indexes.

Writes happen in the caller's transaction (`transaction.atomic()` nests as a savepoint):
index_articles called inside a transaction commits or rolls back with it, and a crash
leaves no separate index to repair. The model signals call it from their on_commit hook,
as they call the Whoosh backend (docs/search.md, "Keeping the index true").
"""

import math
from collections import Counter, deque
from contextlib import contextmanager
from multiprocessing import get_context

import psycopg
from django.db import DatabaseError, connection, transaction
from django.db.models import Count, Max

from articles import indexing
from articles.models import Article, Statement
from articles.search_backends.base import ARTICLES, STATEMENTS, Hit, Outcome, SearchBackend
from articles.search_backends.errors import IndexBusy, IndexNeedsRebuild, SearchUnavailable
from articles.text import pgindex
from articles.text.analysis import word_forms, words_with_offsets
from articles.text.schema import DEFAULT_STEMMER, analyzer_version

# One lock for every writer of the index (as Whoosh's writer lock): two transactions
# reindexing the same article would otherwise both insert it.
WRITE_LOCK = 74_616_001
QUERY_CANCELED = "57014"
LOCK_NOT_AVAILABLE = pgindex.LOCK_NOT_AVAILABLE
UNDEFINED_TABLE = "42P01"
SERVER_LIMIT_FACTOR = 5
SERVER_LIMIT_MARGIN = 5.0
MORE_LIKE_TERMS = 25
# A word in more than this share of the archive (at least DISTINCTIVE_MIN articles) is not
# a key term of an article (more_like_this).
DISTINCTIVE_SHARE = 0.01
DISTINCTIVE_MIN = 50


class PostgresBackend(SearchBackend):
    name = "postgres"

    def __init__(self):
        self.frequencies = pgindex.DocumentFrequencies()

    # --- availability ----------------------------------------------------------------

    def _cursor(self):
        if connection.vendor != "postgresql":
            raise SearchUnavailable(
                "the postgres search backend needs the archive's database to be PostgreSQL "
                f"(this one is {connection.vendor})",
                fix="DATABASE_URL=postgres://… or NEWSARCHIVE_SEARCH_BACKEND=whoosh")
        return connection.cursor()

    def _ready(self, cursor):
        state = pgindex.state(cursor, DEFAULT_STEMMER)
        if state == "missing":
            raise SearchUnavailable("the search tables do not exist in the database",
                                    fix="python manage.py migrate")
        if state == "stale":
            raise IndexNeedsRebuild(
                f"the search tables were built by another analyzer; this code uses "
                f"{analyzer_version(DEFAULT_STEMMER)}")

    def location(self):
        return f"PostgreSQL database {connection.settings_dict.get('NAME')!r}"

    # --- reading -----------------------------------------------------------------------

    def search(self, query, *, kind=ARTICLES, exact=False, filters=None, sort="relevance",
               page=1, per_page=20, time_limit=2.0, facets=()):
        node, negatives, highlight = pgindex.compile_query(query, kind=kind, exact_mode=exact)
        outcome = Outcome(highlight=highlight, notes=list(query.notes))
        if node is None and not (query.text or "").strip():
            node = pgindex.Everything()  # nothing typed: browse, by the filters if any
        if node is None:
            return outcome
        if time_limit is not None and time_limit <= 0:
            outcome.partial = True  # no time at all: nothing searched
            return outcome
        arguments = dict(filters=filters, sort=sort, limit=per_page, offset=(page - 1) * per_page,
                         facets=facets, frequencies=self.frequencies)
        # A statement stopped by the server loses everything it had found (Whoosh returns
        # its matches so far), so the server's limit is a wide margin over the setting:
        # it stops runaway searches, not ones slowed by a busy machine.
        if time_limit is not None:
            time_limit = max(time_limit * SERVER_LIMIT_FACTOR, time_limit + SERVER_LIMIT_MARGIN)
        suggest = kind == ARTICLES and not query.is_empty
        try:
            if connection.in_atomic_block:
                # Inside the caller's transaction: a savepoint, so that a search stopped by
                # its time limit rolls back alone, and the settings end with it.
                with self._cursor() as cursor, transaction.atomic(), _time_limited(cursor, time_limit), \
                        _reading(cursor):
                    found = pgindex.search(cursor, kind, node, negatives, **arguments)
                    self._built(cursor, found)
                    if found.total < 3 and suggest:
                        outcome.suggestion = pgindex.suggest(cursor, query)
            else:
                # Autocommit (a page, the API): the whole search is one message, one
                # transaction, one round trip to the server.
                with self._client_cursor() as cursor:
                    found = pgindex.search(cursor, kind, node, negatives, one_trip=True,
                                           time_limit=time_limit, **arguments)
                    self._built(cursor, found)
                    if found.total < 3 and suggest:
                        with transaction.atomic(), _reading(cursor):
                            outcome.suggestion = pgindex.suggest(cursor, query)
        except pgindex.IndexStale as stale:
            raise IndexNeedsRebuild(
                f"the search tables were built by analyzer {stale.args[0]}; this code uses "
                f"{analyzer_version(DEFAULT_STEMMER)}") from None
        except (DatabaseError, psycopg.Error) as error:
            state = _sqlstate(error)
            if state == UNDEFINED_TABLE:
                raise SearchUnavailable("the search tables do not exist in the database",
                                        fix="python manage.py migrate") from None
            if state == LOCK_NOT_AVAILABLE:
                raise _being_built() from None
            if state != QUERY_CANCELED:
                raise
            outcome.partial = True
            return outcome
        outcome.total, outcome.facets = found.total, found.facets
        outcome.hits = [Hit(key, score) for key, score in found.keys]
        return outcome

    def _built(self, cursor, found):
        """Raise IndexNeedsRebuild when nothing matched because the tables hold no article
        while the database does: the index was never built for this backend (the setting
        switched from another one, a database restored), which "0 results" would hide."""
        if found.total or pgindex.read_stats(cursor, ARTICLES).docs or not Article.objects.exists():
            return
        raise IndexNeedsRebuild("the search tables hold no article, but the database does: "
                                "the index was never built for the postgres backend")

    def _client_cursor(self):
        """A psycopg cursor that binds parameters itself, so that several statements go
        in one message; on Django's own connection (in autocommit)."""
        self._cursor().close()  # the vendor check
        connection.ensure_connection()
        return psycopg.ClientCursor(connection.connection)

    def more_like_this(self, external_id, text, limit=5):
        """Articles sharing the most distinctive words of `text`: its 25 key terms by
        Whoosh's Bo1 model (with document frequencies standing for collection
        frequencies), ORed with those weights and ranked by BM25F."""
        # The planner settings also for the counts: with their LIMIT the planner would rather
        # read the table until enough rows match, decompressing every tsvector on the way.
        with self._cursor() as cursor, transaction.atomic(), _reading(cursor):
            self._ready(cursor)
            try:
                cursor.execute("SELECT 1 FROM search_article WHERE external_id = %s", (external_id,))
                if cursor.fetchone() is None:
                    return []
                weights = _key_terms(cursor, text)
                if not weights:
                    return []
                node = pgindex.AnyOf([pgindex.Term("X" + word, weight) for word, weight in weights])
                found = pgindex.search(cursor, ARTICLES, node, frequencies=self.frequencies,
                                       limit=limit + 1)
            except DatabaseError as error:
                if _sqlstate(error) == LOCK_NOT_AVAILABLE:
                    raise _being_built() from None
                raise
        return [Hit(key, score) for key, score in found.keys if key != external_id][:limit]

    def doc_count(self, kind=ARTICLES):
        with self._cursor() as cursor:
            self._ready(cursor)
            return pgindex.read_stats(cursor, kind).docs

    # --- writing -----------------------------------------------------------------------

    def index_articles(self, article_ids):
        article_ids = sorted({int(i) for i in article_ids})
        if not article_ids:
            return 0
        with transaction.atomic(), self._cursor() as cursor:
            self._ready(cursor)
            _write_lock(cursor)
            pgindex.remove(cursor, article_ids)
            for chunk in _chunks(article_ids, indexing.BATCH_SIZE):
                _write_rows(cursor, indexing._articles_with_relations(chunk))
        return len(article_ids)

    def remove_articles(self, external_ids):
        external_ids = list(dict.fromkeys(external_ids))
        if not external_ids:
            return 0
        with transaction.atomic(), self._cursor() as cursor:
            self._ready(cursor)
            _write_lock(cursor)
            cursor.execute("SELECT article_id FROM search_article WHERE external_id = ANY(%s)",
                           (external_ids,))
            pgindex.remove(cursor, [row[0] for row in cursor.fetchall()])
        return len(external_ids)

    def rebuild(self, workers=1, progress=None):
        """Everything anew in one transaction: searches see the old rows until it commits.
        This process reads the rows; with workers > 1 the Arabic analysis (most of the
        time) runs in that many forked processes, which never touch the database.

        It holds the writers' lock throughout, and a writer waits for it at most
        NEWSARCHIVE_INDEX_LOCK_TIMEOUT seconds (an edit from a page cannot wait minutes),
        so before committing it indexes what changed since it read the rows: nothing a
        writer that gave up had committed is lost."""
        ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
        with transaction.atomic(), self._cursor() as cursor:
            if pgindex.state(cursor) == "missing":
                self._ready(cursor)  # says to migrate
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            done = 0
            with pgindex.rebuilding(cursor, DEFAULT_STEMMER), _analysers(workers) as analyse:
                for rows in analyse(_records(ids)):
                    pgindex.write(cursor, *rows)
                    done += len(rows[0])
                    if progress:
                        progress(done, len(ids))
            report = self.check()
            if report["extra"]:
                self.remove_articles(report["extra"])
            behind = report["missing"] + report["stale"]
            if behind:
                self.index_articles(Article.objects.filter(external_id__in=behind).values_list("pk", flat=True))
        if progress and not ids:
            progress(0, 0)
        return len(ids)

    def default_workers(self):
        return indexing.default_workers()

    # --- checking ----------------------------------------------------------------------

    def check(self):
        with self._cursor() as cursor:
            self._ready(cursor)
            cursor.execute("SELECT external_id, fingerprint FROM search_article")
            indexed = dict(cursor.fetchall())
            cursor.execute("SELECT count(*) FROM search_statement")
            statements_in_index = cursor.fetchone()[0]
        rows = Article.objects.annotate(
            n_statements=Count("statements"), statements_updated=Max("statements__updated")
        ).values_list("external_id", "content_hash", "updated", "n_statements", "statements_updated")
        missing, stale, in_db = [], [], set()
        for external_id, content_hash, updated, n_statements, statements_updated in rows.iterator():
            in_db.add(external_id)
            entry = indexed.get(external_id)
            if entry is None:
                missing.append(external_id)
            elif entry != indexing.fingerprint(content_hash, updated, n_statements, statements_updated):
                stale.append(external_id)
        return {
            "missing": sorted(missing),
            "stale": sorted(stale),
            "extra": sorted(set(indexed) - in_db),
            "articles_in_db": len(in_db),
            "articles_in_index": len(indexed),
            "statements_in_db": Statement.objects.public().count(),
            "statements_in_index": statements_in_index,
            "not_extracted": list(Article.objects.filter(extracted_with="")
                                  .order_by("external_id").values_list("external_id", flat=True)),
        }

    def needs_rebuild(self):
        with self._cursor() as cursor:
            state = pgindex.state(cursor, DEFAULT_STEMMER)
            if state != "ok":
                return f"index {state}"
            count = pgindex.read_stats(cursor, ARTICLES).docs
        in_db = Article.objects.count()
        if count != in_db:
            return f"index has {count} articles, database {in_db}"
        return None


def _write_lock(cursor):
    """Take the writers' lock for this transaction, waiting at most
    NEWSARCHIVE_INDEX_LOCK_TIMEOUT seconds (as Whoosh's writers do), then IndexBusy: a
    rebuild holds it for all of its run, minutes on a large archive."""
    seconds = indexing.lock_timeout()
    cursor.execute("SHOW lock_timeout")
    previous = cursor.fetchone()[0]
    cursor.execute("SELECT set_config('lock_timeout', %s, true)", (str(max(1, math.ceil(seconds * 1000))),))
    try:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
    except (DatabaseError, psycopg.Error) as error:
        if _sqlstate(error) != LOCK_NOT_AVAILABLE:
            raise
        raise IndexBusy(f"another process (a rebuild_index, an import) has been writing the search "
                        f"tables for more than {seconds:g} s (NEWSARCHIVE_INDEX_LOCK_TIMEOUT); the data "
                        "is saved, check_index lists what the index lacks, and a rebuild under way "
                        "indexes it before it ends") from None
    cursor.execute("SELECT set_config('lock_timeout', %s, true)", (previous,))


def _being_built():
    return IndexNeedsRebuild("rebuild_index is building the search tables from empty: they are "
                             "locked until it commits, and search answers again then")


def _sqlstate(error):
    """The SQLSTATE of a psycopg error, or of the one Django wrapped."""
    return getattr(error, "sqlstate", None) or getattr(error.__cause__, "sqlstate", None)


def _chunks(items, size):
    for i in range(0, len(items), size):
        yield items[i: i + size]


def _records(ids):
    """[(article pk, article record, [statement records])] per batch, read from the database."""
    for chunk in _chunks(ids, indexing.BATCH_SIZE):
        yield [(a.pk, indexing.article_record(a), list(indexing.statement_records(a)))
               for a in indexing._articles_with_relations(chunk)]


def _rows(batch):
    """(article rows, statement rows, exact words) of one batch of records."""
    article_rows, statement_rows, words = [], [], set()
    for pk, record, statements in batch:
        row, article_words = pgindex.article_row(pk, record)
        article_rows.append(row)
        words |= article_words
        statement_rows.extend(pgindex.statement_row(pk, s) for s in statements)
    return article_rows, statement_rows, words


def _write_rows(cursor, articles):
    pgindex.write(cursor, *_rows([(a.pk, indexing.article_record(a), list(indexing.statement_records(a)))
                                  for a in articles]))


@contextmanager
def _analysers(workers):
    """A function from batches of records to their rows: here, or in `workers` forked
    processes that only analyse (this thread reads the database: in its transaction,
    which another thread or process could not see)."""
    if workers <= 1:
        yield lambda batches: map(_rows, batches)
        return
    with get_context("fork").Pool(workers) as pool:
        def analyse(batches):
            pending = deque()
            for batch in batches:
                pending.append(pool.apply_async(_rows, (batch,)))
                if len(pending) > 2 * workers:
                    yield pending.popleft().get()
            while pending:
                yield pending.popleft().get()

        yield analyse


@contextmanager
def _reading(cursor):
    """pgindex.planner_settings() for the statements inside, and the caller's own settings
    back after them: a setting local to the transaction outlives a released savepoint, and
    the caller's transaction would otherwise go on with them (a 1 s lock_timeout among
    them). After an error the savepoint's rollback undoes them."""
    names = pgindex.PLANNER_SETTINGS
    cursor.execute("SELECT " + ", ".join(f"current_setting('{name}')" for name in names))
    previous = cursor.fetchone()
    pgindex.planner_settings(cursor)
    yield
    cursor.execute("SELECT " + ", ".join(f"set_config('{name}', %s, true)" for name in names), previous)


class _time_limited:
    """The search's statements stop after `seconds` (statement_timeout), restored after."""

    def __init__(self, cursor, seconds):
        self.cursor, self.seconds = cursor, seconds

    def __enter__(self):
        if self.seconds is None:
            return
        self.cursor.execute("SHOW statement_timeout")
        self.previous = self.cursor.fetchone()[0]
        self.cursor.execute("SELECT set_config('statement_timeout', %s, true)",
                            (str(max(1, math.ceil(self.seconds * 1000))),))

    def __exit__(self, kind, error, traceback):
        # After an error the savepoint's rollback undoes the setting.
        if self.seconds is not None and error is None:
            self.cursor.execute("SELECT set_config('statement_timeout', %s, true)", (self.previous,))
        return False


def _key_terms(cursor, text):
    """[(exact word, Bo1 weight)] of the MORE_LIKE_TERMS most distinctive words of `text`.

    An article has hundreds of distinct words, and counting the documents of a common
    one walks its whole posting list. So each count stops at DISTINCTIVE_SHARE of the
    archive: a word found that often is not what makes the article distinctive and is left
    out; the others get their exact count. The words are counted by how often the article
    uses them, most first, and the counting stops when no word left could reach the
    weights found: a long article's hundreds of words used once are then never counted."""
    counts = Counter()
    for word, _, _ in words_with_offsets(text):
        forms = word_forms(word)
        if forms is not None and len(forms.exact) > 2:
            counts[forms.exact] += 1
    if not counts:
        return []
    n = pgindex.read_stats(cursor, ARTICLES).docs or 1
    cap = max(DISTINCTIVE_MIN, int(n * DISTINCTIVE_SHARE))
    # The lexemes ANALYZE found commonest (pgindex.STATISTICS_TARGET) are no key terms,
    # and their posting lists are the ones too long to count.
    common = pgindex.common_lexemes(cursor, ARTICLES, cap / n)
    words = sorted((word for word in counts if "X" + word not in common),
                   key=lambda word: (-counts[word], word))
    weights, start = [], 0
    while start < len(words):
        if len(weights) >= MORE_LIKE_TERMS:
            # Bo1 of a word used tf times, in at least one article and fewer than `cap`.
            best_left = counts[words[start]] * math.log2(1 + n) + math.log2(1 + cap / n)
            if best_left * (1 + 1e-9) < sorted(weights, reverse=True)[MORE_LIKE_TERMS - 1][0]:
                break
        end = start + 1
        while end < len(words) and (counts[words[end]] == counts[words[start]]
                                    or end - start < 2 * MORE_LIKE_TERMS):
            end += 1
        batch = words[start:end]
        cursor.execute(f"SELECT {pgindex.count_sql(ARTICLES, limit=cap)}",
                       ([pgindex._lexeme("X", word) for word in batch],))
        for word, df in zip(batch, cursor.fetchone()[0]):
            if not df or df >= cap:
                continue
            f = df / n
            weights.append((counts[word] * math.log2((1 + f) / f) + math.log2(1 + f), word))
        start = end
    weights.sort(reverse=True)
    return [(word, weight) for weight, word in weights[:MORE_LIKE_TERMS]]
