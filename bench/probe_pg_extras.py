"""What the search page's extras cost on the `postgres` backend at full size: did-you-mean
for a few misspellings and more-like-this (key terms, then the ranked search) for the
first articles, on a throwaway cluster filled as bench/bench_backends.py fills it.

    .venv/bin/python bench/probe_pg_extras.py [--limit N] [--articles 5]
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.test_settings")

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from bench_backends import load_ours  # noqa: E402
from common import CORPUS_1X, read_corpus  # noqa: E402
from pg_baseline import pg_cluster  # noqa: E402

from articles.search_backends.postgres import _key_terms  # noqa: E402
from articles.text import pgindex  # noqa: E402
from articles.text import query as q  # noqa: E402

MISSPELLINGS = ["الاقتصادد المصري", "اذربيحان", "بلينكين", "الحكومه اللبنانيه الجدييدة"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--articles", type=int, default=5)
    args = parser.parse_args(argv)
    lines = list(read_corpus(CORPUS_1X, args.limit))
    with pg_cluster() as cluster:
        conn = psycopg.connect(cluster["conninfo"], autocommit=True)
        load_ours(conn, lines, 2)
        conn.execute("VACUUM ANALYZE search_article")
        cur = psycopg.ClientCursor(conn)
        for text in MISSPELLINGS:
            started = time.perf_counter()
            with conn.transaction():  # as the backend runs it, after a search
                pgindex.planner_settings(cur)
                suggestion = pgindex.suggest(cur, q.parse(text))
            print(f"did-you-mean {text!r} → {suggestion!r}: {(time.perf_counter() - started) * 1000:.0f} ms")
        frequencies = pgindex.DocumentFrequencies()
        for line in lines[: args.articles]:
            text = "\n".join((line["title"], line.get("abstract") or "", line.get("body") or ""))
            started = time.perf_counter()
            with conn.transaction():  # as the backend runs it
                pgindex.planner_settings(cur)
                weights = _key_terms(cur, text)
                middle = time.perf_counter()
                node = pgindex.AnyOf([pgindex.Term("X" + word, weight) for word, weight in weights])
                found = pgindex.search(cur, pgindex.ARTICLES, node, limit=6, frequencies=frequencies)
            print(f"more-like-this {line['id']}: key terms {(middle - started) * 1000:.0f} ms, "
                  f"search {(time.perf_counter() - middle) * 1000:.0f} ms ({found.total} matches)")
        conn.close()


if __name__ == "__main__":
    main()
