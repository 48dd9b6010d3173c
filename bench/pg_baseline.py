"""The baseline a Django user would otherwise pick: PostgreSQL's built-in `arabic` full text search.

    .venv/bin/python bench/pg_baseline.py [--corpus PATH] [--limit N]

On a throwaway cluster (the functions of scripts/with_postgres.py; as root the server runs
as `nobody`, its socket in a temp folder, no TCP), load the articles with COPY, add a stored
tsvector column (title A, abstract B, body C, all to_tsvector('arabic')) with a GIN index,
then time ranked top-10 queries (websearch_to_tsquery, ts_rank_cd, LIMIT 10) with a
ts_headline snippet for each hit. Statements, when given, get the same treatment.
Prints one table; run_all.py imports `PostgresBaseline` to put it beside ours.
"""

import argparse
import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    CORPUS_1X, load_queries, percentiles, print_table, proc_status_kb, read_corpus, timed,
)
from with_postgres import FAST_OPTIONS, as_server_user, find_pg_bin, throwaway_cluster  # noqa: E402

# The same kind of snippet our search shows: two fragments of up to 30 words.
HEADLINE_OPTIONS = "MaxFragments=2, MaxWords=30, MinWords=10, StartSel=<mark>, StopSel=</mark>"

ARTICLE_QUERY = f"""
SELECT a.external_id, a.title, ts_headline('arabic', a.body, q.query, '{HEADLINE_OPTIONS}')
FROM (
    SELECT id, ts_rank_cd(tsv, query) AS rank, query
    FROM articles, websearch_to_tsquery('arabic', %s) AS query
    WHERE tsv @@ query
    ORDER BY rank DESC
    LIMIT 10
) AS q JOIN articles a ON a.id = q.id
ORDER BY q.rank DESC
"""
COUNT_QUERY = """
SELECT count(*) FROM articles, websearch_to_tsquery('arabic', %s) AS query WHERE tsv @@ query
"""
STATEMENT_QUERY = f"""
SELECT s.id, s.speaker, ts_headline('arabic', s.text, q.query, '{HEADLINE_OPTIONS}')
FROM (
    SELECT id, ts_rank_cd(tsv, query) AS rank, query
    FROM statements, websearch_to_tsquery('arabic', %s) AS query
    WHERE tsv @@ query
    ORDER BY rank DESC
    LIMIT 10
) AS q JOIN statements s ON s.id = q.id
ORDER BY q.rank DESC
"""


@contextlib.contextmanager
def pg_cluster():
    """Yield a psycopg connection string to a fresh cluster; remove it afterwards."""
    # Durability off as in the test cluster (and as in our SQLite bench: synchronous=NORMAL);
    # memory settings are modest defaults a small server would have.
    options = f"{FAST_OPTIONS} -c shared_buffers=256MB -c maintenance_work_mem=256MB"
    with throwaway_cluster("newsarchive-bench-pg-", options) as (root, data):
        subprocess.run(
            as_server_user([find_pg_bin("createdb"), "-h", str(root), "-U", "postgres", "bench"]),
            check=True,
        )
        yield {"conninfo": f"host={root} user=postgres dbname=bench", "root": root, "data": data}


def server_peak_rss_mb(data_dir):
    """Peak RSS of the largest postgres process of this cluster (shared buffers counted once)."""
    peak = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"postgres" in cmdline:
            try:
                environ_ok = str(data_dir).encode() in cmdline or os.readlink(f"/proc/{pid}/cwd") == str(data_dir)
            except OSError:
                environ_ok = False
            if environ_ok:
                peak = max(peak, proc_status_kb(pid, "VmHWM"))
    return peak / 1024


class PostgresBaseline:
    def __init__(self, conninfo, data_dir=None):
        self.conn = psycopg.connect(conninfo, autocommit=True)
        self.data_dir = data_dir

    def load_articles(self, records):
        """COPY the articles in, then build the tsvector column and its GIN index.

        Returns (load_seconds, index_seconds, count).
        """
        cur = self.conn.cursor()
        cur.execute("""
            CREATE TABLE articles (
                id serial PRIMARY KEY, external_id text UNIQUE NOT NULL, title text NOT NULL,
                abstract text NOT NULL DEFAULT '', body text NOT NULL, source text,
                section text, author text, url text, published timestamptz
            )""")
        start = time.perf_counter()
        count = 0
        with cur.copy("COPY articles (external_id, title, abstract, body, source, section, "
                      "author, url, published) FROM STDIN") as copy:
            for r in records:
                copy.write_row((r["id"], r["title"], r.get("abstract") or "", r.get("body") or "",
                                r.get("source_code"), r.get("category"), r.get("author"),
                                r.get("url"), r.get("published")))
                count += 1
        load_s = time.perf_counter() - start
        start = time.perf_counter()
        cur.execute("""
            ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('arabic', title), 'A') ||
                setweight(to_tsvector('arabic', abstract), 'B') ||
                setweight(to_tsvector('arabic', body), 'C')) STORED""")
        cur.execute("CREATE INDEX articles_tsv ON articles USING gin (tsv)")
        cur.execute("CREATE INDEX articles_published ON articles (published)")
        cur.execute("VACUUM ANALYZE articles")
        index_s = time.perf_counter() - start
        return load_s, index_s, count

    def load_statements(self, rows):
        """rows: (id, speaker name, text). Returns seconds for load + index."""
        cur = self.conn.cursor()
        cur.execute("CREATE TABLE statements (id bigint PRIMARY KEY, speaker text, text text NOT NULL)")
        start = time.perf_counter()
        with cur.copy("COPY statements (id, speaker, text) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cur.execute("""ALTER TABLE statements ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
                           setweight(to_tsvector('arabic', coalesce(speaker, '')), 'A') ||
                           setweight(to_tsvector('arabic', text), 'C')) STORED""")
        cur.execute("CREATE INDEX statements_tsv ON statements USING gin (tsv)")
        cur.execute("VACUUM ANALYZE statements")
        return time.perf_counter() - start

    def sizes_mb(self):
        cur = self.conn.cursor()
        cur.execute("SELECT pg_database_size(current_database()), pg_relation_size('articles_tsv')")
        db, gin = cur.fetchone()
        return db / 2**20, gin / 2**20

    def run_queries(self, queries, sql=ARTICLE_QUERY, repeat=1, with_count=False):
        """Latency per query (ms) for the ranked top-10 with headlines; first a warm-up pass."""
        cur = self.conn.cursor()
        for q in queries:  # warm-up: the same cache state as ours after its first pass
            cur.execute(sql, (q,))
            cur.fetchall()
        samples, hits = [], 0
        for _ in range(repeat):
            for q in queries:
                def one():
                    cur.execute(sql, (q,))
                    rows = cur.fetchall()
                    if with_count:
                        cur.execute(COUNT_QUERY, (q,))
                        cur.fetchone()
                    return rows
                ms, rows = timed(one)
                samples.append(ms)
                hits += bool(rows)
        return percentiles(samples), hits / max(1, len(queries) * repeat)

    def close(self):
        self.conn.close()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS_1X)
    parser.add_argument("--limit", type=int, default=None, help="load only the first N articles")
    args = parser.parse_args(argv)
    query_set, queries = load_queries()
    with pg_cluster() as cluster:
        pg = PostgresBaseline(cluster["conninfo"], cluster["data"])
        load_s, index_s, n = pg.load_articles(read_corpus(args.corpus, args.limit))
        db_mb, gin_mb = pg.sizes_mb()
        lat, hit_rate = pg.run_queries(queries)
        lat_c, _ = pg.run_queries(queries, with_count=True)
        rss = server_peak_rss_mb(cluster["data"])
        pg.close()
    print(f"PostgreSQL baseline: {n:,} articles from {args.corpus.name}; "
          f"{len(queries)} queries ({query_set}), {hit_rate:.0%} with hits")
    print_table(
        ["articles", "load s", "index s", "load+index s", "DB MB", "GIN MB",
         "p50 ms", "p95 ms", "p99 ms", "p95 +count ms", "peak backend RSS MB"],
        [[n, load_s, index_s, load_s + index_s, db_mb, gin_mb,
          lat["p50"], lat["p95"], lat["p99"], lat_c["p95"], rss]],
    )


if __name__ == "__main__":
    main()
