"""The cost of "where a statement came from" for a speaker quoted thousands of times in a week.

    .venv/bin/python bench/bench_echoes_hot_speaker.py [--statements 20000] [--days 7]

Builds a scratch SQLite archive (a temporary folder, removed afterwards): one speaker, each
statement in its own article, spread evenly over --days, each a passage of twelve words
drawn from the ANT sample's article texts (seeds/ant-sample: real vocabulary, no two the
same statement) and every tenth carried again the next day, partly, by another article.
Then times, in this process: the speaker's page (first and second view), the JSON API
filtered to the speaker, the web CSV export when it fits under its row limit, and
`export_statements --format csv --output`. Wall-clock seconds on whatever else the
machine is doing.
"""

import argparse
import io
import os
import random
import re
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def passages(count, length=12, seed=2018):
    words = []
    for path in sorted((ROOT / "seeds" / "ant-sample").rglob("*.txt")):
        text = re.search(r"<TEXT>(.*?)</TEXT>", path.read_text(encoding="utf-8"), re.S).group(1)
        words += text.split()
    draw = random.Random(seed)
    return [" ".join(draw.sample(words, length)) for _ in range(count)]


def build(count, days):
    from articles.models import Article, Source, Speaker, Statement

    outlet = Source.objects.create(name="مصدر", code="bench")
    speaker = Speaker.objects.create(name="متحدث كثير الكلام", slug="hot-speaker", kind="person")
    start = datetime(2018, 7, 1, tzinfo=timezone.utc)
    said = passages(count)
    rows = [(f"said-{i}", text, start + timedelta(days=days) * i / count) for i, text in enumerate(said)]
    rows += [(f"echo-{i}", " ".join(text.split()[:9]), moment + timedelta(days=1))
             for i, (_, text, moment) in enumerate(rows[::10])]
    Article.objects.bulk_create(
        (Article(external_id=eid, title=eid, body=text, source=outlet, published=moment,
                 content_hash=f"{n:064}") for n, (eid, text, moment) in enumerate(rows)), batch_size=2000)
    Statement.objects.bulk_create(
        (Statement(article=article, speaker=speaker, text=article.body, kind="direct", start=0,
                   end=len(article.body)) for article in Article.objects.iterator()), batch_size=2000)
    return speaker, len(rows)


def timed(label, action, table):
    began = time.perf_counter()
    detail = action()
    table.append((label, time.perf_counter() - began, detail))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=20000)
    parser.add_argument("--days", type=float, default=7)
    args = parser.parse_args()
    scratch = tempfile.TemporaryDirectory(prefix="bench-echoes-")
    os.environ.update({
        "DATABASE_URL": f"sqlite:///{scratch.name}/bench.sqlite3",
        "NEWSARCHIVE_INDEX_DIR": f"{scratch.name}/index",
        "DJANGO_DEBUG": "1",
        "ALLOWED_HOSTS": "testserver",
        "DJANGO_SETTINGS_MODULE": "newsarchive.settings",
    })
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from articles import indexing

    call_command("migrate", verbosity=0)
    speaker, total = build(args.statements, args.days)
    indexing.rebuild()
    client = Client()
    table = []
    size = lambda response: f"{response.status_code}, {len(response.content):,} bytes"  # noqa: E731
    url = speaker.get_absolute_url()
    timed("speaker page, first view", lambda: size(client.get(url)), table)
    timed("speaker page, again", lambda: size(client.get(url)), table)
    timed("speaker page 2", lambda: size(client.get(url, {"page": 2})), table)
    timed("API, the speaker's statements", lambda: size(client.get("/api/statements/", {"speaker": speaker.slug})), table)
    if total <= settings.NEWSARCHIVE_EXPORT_MAX_ROWS:
        timed("web CSV export", lambda: size(client.get("/statements/export.csv", {"speaker": speaker.slug})), table)
    out = Path(scratch.name) / "statements.csv"

    def export():
        call_command("export_statements", "--format", "csv", "--output", str(out), stderr=io.StringIO())
        return f"{out.stat().st_size:,} bytes"

    timed("export_statements --format csv", export, table)
    print(f"{total:,} statements of one speaker over {args.days:g} days (every tenth carried again)")
    print(f"{'what':<34}{'seconds':>9}  result")
    for label, seconds, detail in table:
        print(f"{label:<34}{seconds:>9.2f}  {detail}")
    scratch.cleanup()


if __name__ == "__main__":
    main()
