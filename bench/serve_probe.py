"""Time searches the way the site runs them, in a fresh process; print JSON. Used by run_all.py.

    DATABASE_URL=... NEWSARCHIVE_INDEX_DIR=... python bench/serve_probe.py [--repeat 1]

Every query goes through `articles.search.search_articles` (ranked top 10 with snippets and
facets — what the search page shows) and, when it exists, the statement search. A first
pass warms the caches (as a running server would be); the second pass is measured.
Peak RSS is this serving process's VmHWM after both.
"""

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# The code measured: a frozen copy (run_all.py) or this checkout.
sys.path.insert(0, os.environ.get("NEWSARCHIVE_CODE_ROOT") or str(Path(__file__).resolve().parent.parent))
from common import load_queries, percentiles, self_peak_rss_mb, timed  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", help="write cProfile stats of the measured pass here")
    parser.add_argument("--queries", type=int, default=0, help="use only the first N queries")
    parser.add_argument("--facets", help="what-if: comma list of article facets to compute "
                        "(default: what articles.search computes)")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")
    import django

    django.setup()
    from articles import search

    query_set, queries = load_queries()
    if args.queries:
        queries = queries[: args.queries]
        query_set += f", first {len(queries)}"
    if args.facets is not None:
        # A measurement, not a change: shows what a facet costs (see docs/benchmarks.md).
        search.ARTICLE_FACETS = tuple(f for f in args.facets.split(",") if f)
        query_set += f", what-if facets={search.ARTICLE_FACETS}"
    out = {"query_set": query_set, "queries": len(queries), "rss_after_setup_mb": self_peak_rss_mb()}
    kinds = [("articles", search.search_articles)]
    statement_search = getattr(search, "search_statements", None)
    if statement_search:
        kinds.append(("statements", statement_search))
    for name, run in kinds:
        first_ms = [timed(run, q, per_page=10)[0] for q in queries]  # cold pass
        samples, hits, snippets, partial, results_shown = [], 0, 0, 0, 0
        for _ in range(args.repeat):
            for q in queries:
                ms, result = timed(run, q, per_page=10)
                samples.append(ms)
                hits += bool(result.get("total"))
                partial += bool(result.get("partial"))
                results_shown += len(result.get("results", []))
                snippets += sum(1 for r in result.get("results", []) if isinstance(r, dict) and r.get("snippet"))
        if args.profile and name == "articles":
            # A separate, extra pass: the profiler's overhead must not reach the timings.
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
            for q in queries:
                run(q, per_page=10)
            profiler.disable()
            profiler.dump_stats(args.profile)
        out[name] = {
            **percentiles(samples),
            "cold": percentiles(first_ms),
            "hit_rate": hits / max(1, len(samples)),
            "partial": partial,
            "results_shown": results_shown,
            "snippets": snippets,
        }
    out["peak_rss_mb"] = self_peak_rss_mb()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
