"""Time the story page the way the site serves it: a full request through Django's
middleware, view and template, on the database DATABASE_URL names (after group_stories).

    DJANGO_DEBUG=1 DATABASE_URL=sqlite:////tmp/scratch/db.sqlite3 \
        .venv/bin/python bench/bench_story_pages.py [--sample 200] [--largest 20]

Stories measured: the `--largest` stories by articles plus a seeded sample of the rest.
Each page is requested once to warm the caches (as a running server would be), then
`--repeat` times; the best and the median of those are kept. Wall time and this process's
CPU time are both reported: on a shared machine the wall time includes waiting for a core.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--largest", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.test import Client

    from articles.models import Article, Statement, Story

    stories = list(Story.objects.order_by("-article_count", "pk").values_list("pk", "article_count"))
    if not stories:
        sys.exit("no stories: run `manage.py group_stories --all` first")
    chosen = stories[:args.largest]
    rest = stories[args.largest:]
    chosen += random.Random(20181).sample(rest, min(args.sample, len(rest)))
    client = Client(HTTP_HOST="localhost")
    rows = []
    for pk, size in chosen:
        url = f"/stories/{pk}/"
        assert client.get(url).status_code == 200
        walls, cpus = [], []
        for _ in range(args.repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            client.get(url)
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        rows.append((size, min(walls), statistics.median(walls), min(cpus)))

    print(f"{Article.objects.count()} articles, {Statement.objects.count()} statements, "
          f"{len(stories)} stories (largest {stories[0][1]} articles); {len(rows)} story pages timed")
    print("| stories | n | wall p50 ms | wall p95 ms | wall max ms | CPU p50 ms | CPU max ms |")
    print("|---|---|---|---|---|---|---|")
    buckets = [("2–4 articles", 2, 4), ("5–9", 5, 9), ("10–19", 10, 19), ("20 or more", 20, 10**9),
               ("all", 0, 10**9)]
    for name, low, high in buckets:
        part = [r for r in rows if low <= r[0] <= high]
        if not part:
            continue
        walls = [r[2] for r in part]
        cpus = [r[3] for r in part]
        print(f"| {name} | {len(part)} | {percentile(walls, 50):.0f} | {percentile(walls, 95):.0f} | "
              f"{max(walls):.0f} | {percentile(cpus, 50):.0f} | {max(cpus):.0f} |")


if __name__ == "__main__":
    main()
