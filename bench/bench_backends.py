"""The PostgreSQL search backend beside PostgreSQL's own `arabic` text search, in one run.

    .venv/bin/python bench/bench_backends.py [--corpus PATH] [--limit N] [--workers 2]

On one throwaway cluster (bench/pg_baseline.py's), the same corpus articles go in twice:

* **PostgreSQL `arabic`**: COPY, a generated tsvector (title A, abstract B, body C), its
  GIN index, VACUUM ANALYZE (pg_baseline.PostgresBaseline, unchanged).
* **ours** (articles.text.pgindex, the archive's `postgres` backend): COPY of the same
  rows into their own table, then the index as `rebuild_index` builds it: the Python
  analysis (in `--workers` processes), COPY of the tsvector rows, the GIN index at the end.

Then the benchmark query set (bench/common.load_queries), a warm-up pass and a timed pass:
PostgreSQL's plain ranked query (websearch_to_tsquery, ts_rank_cd, LIMIT 10), the same
with ts_headline snippets, and ours as a search page asks it: BM25F top 10, the total,
four facets, and a snippet for each hit from the archive's highlighter on the body read
back from the database. Last, a fresh process that only searches reports its peak RSS
(what a web worker serving searches holds). Figures go to docs/benchmarks.md.
"""

import argparse
import os
import subprocess
import sys
import time
from multiprocessing import get_context
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from common import (  # noqa: E402
    CORPUS_1X, load_queries, percentiles, print_table, read_corpus, self_peak_rss_mb, timed,
)
from pg_baseline import PostgresBaseline, pg_cluster  # noqa: E402

from articles.text import pgindex  # noqa: E402
from articles.text import query as q  # noqa: E402
from articles.text.highlight import snippet  # noqa: E402

PLAIN_QUERY = """
SELECT id FROM articles, websearch_to_tsquery('arabic', %s) AS query
WHERE tsv @@ query ORDER BY ts_rank_cd(tsv, query) DESC LIMIT 10
"""
FACETS = ("source", "section", "year", "month")
CHUNK = 500


def as_record(r):
    """A corpus line as the record articles.indexing.article_record makes of a row."""
    from datetime import datetime

    published = r.get("published")
    return {"external_id": r["id"], "title": r["title"], "abstract": r.get("abstract") or "",
            "body": r.get("body") or "", "source_code": r.get("source_code") or "",
            "source_name": r.get("source") or "", "section": r.get("category") or "",
            "author": r.get("author") or "",
            "published": datetime.fromisoformat(published.replace("Z", "+00:00")).replace(tzinfo=None)
            if published else None}


def analyse_chunk(chunk):
    """(rows, exact words) of (pk, corpus line) pairs: a worker's share of the analysis."""
    rows, words = [], set()
    for pk, line in chunk:
        row, row_words = pgindex.article_row(pk, as_record(line))
        rows.append(row)
        words |= row_words
    return rows, words


def load_ours(conn, lines, workers):
    """COPY the articles into `archive_article`, then build the search tables from them.
    Returns (load seconds, index seconds)."""
    cur = conn.cursor()
    cur.execute("CREATE TABLE archive_article (id bigint PRIMARY KEY, external_id text UNIQUE, "
                "title text, abstract text, body text, source text, section text, published text)")
    started = time.perf_counter()
    with cur.copy("COPY archive_article FROM STDIN") as copy:
        for pk, r in enumerate(lines, 1):
            copy.write_row((pk, r["id"], r["title"], r.get("abstract") or "", r.get("body") or "",
                            r.get("source_code"), r.get("category"), r.get("published")))
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    pgindex.create_schema(cur)
    chunks = [list(enumerate(lines[i: i + CHUNK], i + 1)) for i in range(0, len(lines), CHUNK)]
    with conn.transaction(), pgindex.rebuilding(cur):
        if workers > 1:
            with get_context("fork").Pool(workers) as pool:
                for rows, words in pool.imap(analyse_chunk, chunks):
                    pgindex.write(cur, rows, [], words)
        else:
            for chunk in chunks:
                pgindex.write(cur, *analyse_chunk(chunk))
    return load_s, time.perf_counter() - started


def search_page(cur, text, frequencies):
    """What the search page asks of the backend for one query, and its snippets."""
    parsed = q.parse(text)
    node, negatives, highlight = pgindex.compile_query(parsed)
    if node is None:
        return 0
    found = pgindex.search(cur, pgindex.ARTICLES, node, negatives, limit=10, facets=FACETS,
                           frequencies=frequencies, one_trip=True, time_limit=2.0)
    page_snippets(cur, found.keys, highlight)
    return found.total


def page_snippets(cur, keys, highlight):
    """The hits' bodies read back and a snippet made of each, as the search page does."""
    if keys:
        cur.execute("SELECT external_id, body, abstract FROM archive_article WHERE external_id = ANY(%s)",
                    ([key for key, _ in keys],))
        bodies = {key: body or abstract for key, body, abstract in cur.fetchall()}
        for key, _ in keys:
            snippet(bodies.get(key, ""), highlight, length=240)


def run_ours(conninfo, queries):
    conn = psycopg.connect(conninfo, autocommit=True)
    cur = psycopg.ClientCursor(conn)  # one message per search, as the backend sends it
    frequencies = pgindex.DocumentFrequencies()
    for text in queries:  # warm-up, as the baseline's
        search_page(cur, text, frequencies)
    frequencies = pgindex.DocumentFrequencies()  # the timed pass counts its frequencies again
    samples = [timed(search_page, cur, text, frequencies)[0] for text in queries]
    conn.close()
    return percentiles(samples)


def serve_probe(conninfo):
    """In a fresh process: the searches alone, then this process's peak RSS in MB."""
    _, queries = load_queries()
    run_ours(conninfo, queries)
    print(f"{self_peak_rss_mb():.1f}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS_1X)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--workers", type=int, default=2, help="analysis processes for ours")
    parser.add_argument("--serve-probe", metavar="CONNINFO", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_probe:
        return serve_probe(args.serve_probe)
    query_set, queries = load_queries()
    lines = list(read_corpus(args.corpus, args.limit))
    with pg_cluster() as cluster:
        baseline = PostgresBaseline(cluster["conninfo"], cluster["data"])
        pg_load, pg_index, n = baseline.load_articles(lines)
        plain, _ = baseline.run_queries(queries, sql=PLAIN_QUERY)
        headline, _ = baseline.run_queries(queries)
        conn = psycopg.connect(cluster["conninfo"], autocommit=True)
        our_load, our_index = load_ours(conn, lines, args.workers)
        size = conn.execute("SELECT sum(pg_total_relation_size(t))::bigint FROM unnest(ARRAY["
                            "'search_article', 'search_statement', 'search_word']) t").fetchone()[0]
        pg_size = conn.execute("SELECT pg_total_relation_size('articles')").fetchone()[0]
        conn.close()
        ours = run_ours(cluster["conninfo"], queries)
        probe = subprocess.run([sys.executable, __file__, "--serve-probe", cluster["conninfo"]],
                               capture_output=True, text=True, check=True, env=dict(os.environ))
        serving_mb = float(probe.stdout.strip().splitlines()[-1])
        baseline.close()
    print(f"{n:,} articles from {args.corpus.name}; {len(queries)} queries ({query_set}); "
          f"ours with {args.workers} analysis process(es)")
    print_table(
        ["engine", "load s", "index s", "load+index s", "table+index MB", "p50 ms", "p95 ms", "p99 ms"],
        [["PostgreSQL arabic, ranked top 10", pg_load, pg_index, pg_load + pg_index, pg_size / 2**20,
          plain["p50"], plain["p95"], plain["p99"]],
         ["PostgreSQL arabic, + ts_headline", "", "", "", "", headline["p50"], headline["p95"], headline["p99"]],
         ["ours: BM25F top 10 + total + 4 facets + snippets", our_load, our_index, our_load + our_index,
          size / 2**20, ours["p50"], ours["p95"], ours["p99"]]],
    )
    print(f"ratios: load+index {(our_load + our_index) / (pg_load + pg_index):.2f}x (target <= 1.5); "
          f"search p95 {ours['p95'] / plain['p95']:.2f}x the plain ranked query (target <= 2), "
          f"{ours['p95'] / headline['p95']:.2f}x with headlines; serving process peak RSS "
          f"{serving_mb:.0f} MB (target <= 300)")


if __name__ == "__main__":
    main()
