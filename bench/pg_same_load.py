"""The `postgres` backend's search and more-like-this before and after a change, under the
same load, beside PostgreSQL's own `arabic`.

    .venv/bin/python bench/pg_same_load.py --before COMMIT [--limit N]

On a machine shared with other jobs, two runs a few minutes apart do not see the same
load, so their milliseconds cannot be compared. Here one throwaway cluster holds both
indexes (bench_backends: PostgreSQL `arabic`, and ours as `rebuild_index` builds it), and
for each benchmark query four searches run one after the other in a shuffled order:
PostgreSQL's plain ranked query, the same with `ts_headline`, the search page on the code
of COMMIT, and on the working tree's. The code of COMMIT (`articles/text/pgindex.py` and
`articles/search_backends/postgres.py`, read with `git show`) must read the index the
working tree builds. Then more-like-this for the first articles and did-you-mean, before
and after. Figures go to docs/benchmarks.md.
"""

import argparse
import importlib.util
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.test_settings")

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from bench_backends import FACETS, PLAIN_QUERY, load_ours, page_snippets  # noqa: E402
from common import CORPUS_1X, load_queries, percentiles, read_corpus  # noqa: E402
from pg_baseline import ARTICLE_QUERY, PostgresBaseline, pg_cluster  # noqa: E402
from probe_pg_extras import MISSPELLINGS  # noqa: E402

from articles.search_backends import postgres as postgres_after  # noqa: E402
from articles.text import pgindex as pgindex_after  # noqa: E402
from articles.text import query as q  # noqa: E402


def code_at(commit, path, name, folder):
    """The module at `path` as it was at `commit`, imported under `name`."""
    source = subprocess.run(["git", "show", f"{commit}:{path}"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    file = Path(folder) / f"{name}.py"
    file.write_text(source)
    spec = importlib.util.spec_from_file_location(name, file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def search_page(cur, engine, text, frequencies, parts):
    """What the search page asks of the backend, then its bodies and snippets (as
    bench_backends.search_page), recording the two parts' seconds."""
    started = time.perf_counter()
    node, negatives, highlight = engine.compile_query(q.parse(text))
    if node is None:
        return
    found = engine.search(cur, engine.ARTICLES, node, negatives, limit=10, facets=FACETS,
                          frequencies=frequencies, one_trip=True, time_limit=2.0)
    searched = time.perf_counter()
    page_snippets(cur, found.keys, highlight)
    parts.append((searched - started, time.perf_counter() - searched, found.total))


def ms(fn):
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def row(name, samples):
    p = percentiles(samples)
    return f"| {name} | {p['p50']:.2f} | {p['p95']:.1f} | {p['p99']:.1f} |"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, help="the commit to compare with")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--articles", type=int, default=5, help="more-like-this for the first N")
    parser.add_argument("--build-parts", action="store_true",
                        help="also time the parts of the builds: our analysis in one process "
                             "(CPU seconds), each GIN index rebuilt, each ANALYZE")
    args = parser.parse_args(argv)
    _, queries = load_queries()
    lines = list(read_corpus(CORPUS_1X, args.limit))
    with tempfile.TemporaryDirectory() as folder, pg_cluster() as cluster:
        pgindex_before = code_at(args.before, "articles/text/pgindex.py", "pgindex_before", folder)
        postgres_before = code_at(args.before, "articles/search_backends/postgres.py",
                                  "postgres_before", folder)
        postgres_before.pgindex = pgindex_before
        engines = {"before": (pgindex_before, postgres_before), "after": (pgindex_after, postgres_after)}
        baseline = PostgresBaseline(cluster["conninfo"], cluster["data"])
        pg_seconds = sum(baseline.load_articles(lines)[:2])
        baseline.close()
        conn = psycopg.connect(cluster["conninfo"], autocommit=True)
        ours_seconds = sum(load_ours(conn, lines, 2))
        cur = psycopg.ClientCursor(conn)

        def pg(sql, text):
            cur.execute(sql, (text,))
            cur.fetchall()

        jobs = {"plain": lambda text, _: pg(PLAIN_QUERY, text),
                "headline": lambda text, _: pg(ARTICLE_QUERY, text)}
        parts = {name: [] for name in engines}
        for name, (engine, _) in engines.items():
            jobs[name] = (lambda engine, name: lambda text, frequencies:
                          search_page(cur, engine, text, frequencies[name], parts[name]))(engine, name)

        def frequencies():
            return {name: engine.DocumentFrequencies() for name, (engine, _) in engines.items()}

        warm = frequencies()
        for text in queries:  # warm-up
            for job in jobs.values():
                job(text, warm)
        for samples in parts.values():
            samples.clear()
        cold, samples, order = frequencies(), {name: [] for name in jobs}, random.Random(1)
        for text in queries:
            names = list(jobs)
            order.shuffle(names)
            for name in names:
                samples[name].append(ms(lambda: jobs[name](text, cold)))
        print(f"{len(lines):,} articles; PostgreSQL load + index {pg_seconds:.1f} s, ours "
              f"{ours_seconds:.1f} s; {len(queries)} queries, each engine in a shuffled order\n")
        print("| engine | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|")
        print(row("PostgreSQL arabic, ranked top 10", samples["plain"]))
        print(row("PostgreSQL arabic, + ts_headline", samples["headline"]))
        for name in engines:
            print(row(f"ours {name}: search page", samples[name]))
            print(row(f"ours {name}: the backend's search", [a * 1000 for a, _, _ in parts[name]]))
            print(row(f"ours {name}: bodies and snippets", [b * 1000 for _, b, _ in parts[name]]))
        totals = sorted(total for _, _, total in parts["after"])
        print(f"\nmatches per query: p50 {totals[len(totals) // 2]}, p95 "
              f"{totals[int(len(totals) * 0.95)]}, most {totals[-1]}\n")
        for name, (engine, backend) in engines.items():
            for text in MISSPELLINGS:
                started = time.perf_counter()
                with conn.transaction():
                    engine.planner_settings(cur)
                    suggestion = engine.suggest(cur, q.parse(text))
                print(f"{name} did-you-mean {text!r} → {suggestion!r}: "
                      f"{(time.perf_counter() - started) * 1000:.0f} ms")
        for line in lines[: args.articles]:
            text = "\n".join((line["title"], line.get("abstract") or "", line.get("body") or ""))
            for name, (engine, backend) in engines.items():
                started = time.perf_counter()
                with conn.transaction():  # as the backend runs it
                    engine.planner_settings(cur)
                    weights = backend._key_terms(cur, text)
                    middle = time.perf_counter()
                    node = engine.AnyOf([engine.Term("X" + word, weight) for word, weight in weights])
                    found = engine.search(cur, engine.ARTICLES, node, limit=6,
                                          frequencies=engine.DocumentFrequencies())
                print(f"{name} more-like-this {line['id']}: key terms {(middle - started) * 1000:.0f} ms, "
                      f"search {(time.perf_counter() - middle) * 1000:.0f} ms ({found.total} matches; "
                      f"first hits {[key for key, _ in found.keys[:3]]})")
        if args.build_parts:
            build_parts(conn, lines)
        conn.close()


def build_parts(conn, lines):
    """Where the build time goes, ours beside PostgreSQL's, on this cluster and load."""
    from bench_backends import CHUNK, analyse_chunk

    started = time.process_time()
    for i in range(0, len(lines), CHUNK):
        analyse_chunk(list(enumerate(lines[i: i + CHUNK], i + 1)))
    print(f"\nour analysis in one process: {time.process_time() - started:.1f} CPU s")
    conn.execute("SET maintenance_work_mem = '256MB'")  # as pgindex.rebuilding builds it
    for sql in ("REINDEX INDEX search_article_terms", "REINDEX INDEX articles_tsv",
                "ANALYZE search_article", "ANALYZE articles"):
        started = time.perf_counter()
        conn.execute(sql)
        print(f"{sql}: {time.perf_counter() - started:.1f} s")
    entries = conn.execute("SELECT (SELECT sum(length(terms)) FROM search_article), "
                           "(SELECT sum(length(tsv)) FROM articles)").fetchone()
    print(f"GIN entries: ours {entries[0]:,}, PostgreSQL {entries[1]:,}")


if __name__ == "__main__":
    main()
