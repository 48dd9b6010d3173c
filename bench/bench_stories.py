"""Story grouping speed and memory: the whole archive, and one import batch.

    .venv/bin/python bench/bench_stories.py [--db PATH] [--batch 500]

--db is an SQLite database holding the corpus (e.g. a copy of one made by
`import_articles --no-process ../shared/corpus/ant-news-2018.jsonl.gz`); without it the
corpus is imported into var/bench/stories.sqlite3 first (once). The database is changed:
use a copy.

1. `group_stories --all` in a subprocess: wall time and peak RSS (os.wait4).
2. A batch: the `--batch` articles published last before a date in the middle of the year
   are taken out of their stories (as if just imported), then `regroup_articles` groups
   them, in a subprocess of its own: wall time of the call and the process's peak RSS.
   The batch's dates are consecutive, as an import of the day's news is.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from common import CORPUS_1X, print_table  # noqa: E402

BENCH_DB = ROOT / "var" / "bench" / "stories.sqlite3"
PYTHON = sys.executable

BATCH_SCRIPT = """
import time, django
from datetime import datetime, timezone
django.setup()
from articles.models import Article, ArticleCopy, StoryMembership
from articles.stories.store import regroup_articles
ids = list(Article.objects.filter(published__lt=datetime(2018, 6, 15, tzinfo=timezone.utc)).order_by("-published")
           .values_list("pk", flat=True)[:{batch}])
StoryMembership.objects.filter(article_id__in=ids, pinned=False).delete()
ArticleCopy.objects.filter(article_id__in=ids).delete()
started, cpu = time.perf_counter(), time.process_time()
summary = regroup_articles(ids)
print(f"{{time.perf_counter() - started:.2f}} {{time.process_time() - cpu:.2f}} {{summary['stories']}}")
"""


def env_for(db):
    return {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "DJANGO_DEBUG": "1",
            "DJANGO_SETTINGS_MODULE": "newsarchive.settings",
            "NEWSARCHIVE_INDEX_DIR": str(Path(db).with_suffix(".index")), "PYTHONPATH": str(ROOT)}


def measured(argv, env):
    """(seconds, CPU seconds, peak RSS in MB, stdout) of a subprocess. CPU time is
    reported beside wall time because the machine may be shared: CPU time moves less."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(map(str, argv))}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="an SQLite database with the corpus imported (it is changed)")
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    db = args.db or BENCH_DB
    env = env_for(db)
    if not db.exists():
        if not CORPUS_1X.exists():
            sys.exit(f"corpus not found: {CORPUS_1X}")
        db.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        subprocess.run([PYTHON, "manage.py", "import_articles", "--no-process", "--no-progress", str(CORPUS_1X)],
                       cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)

    rows = []
    seconds, cpu, peak, out = measured([PYTHON, "manage.py", "group_stories", "--all", "--no-progress"], env)
    print(out)
    rows.append(["group_stories --all (whole archive)", f"{seconds:.1f}", f"{cpu:.1f}", f"{peak:.0f}"])
    _total, _cpu, peak, out = measured([PYTHON, "-c", BATCH_SCRIPT.format(batch=args.batch)], env)
    call_seconds, call_cpu, stories = out.split()
    rows.append([f"regroup_articles, a batch of {args.batch} (stories written: {stories})", call_seconds,
                 call_cpu, f"{peak:.0f}"])
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print_table(["run", "wall s", "CPU s", "peak RSS MB"], rows)


if __name__ == "__main__":
    main()
