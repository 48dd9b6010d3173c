"""Import speed and memory, phase by phase, into a scratch database.

    .venv/bin/python bench/bench_import.py [--input FILE] [--with-processing] [--keep]
    .venv/bin/python bench/bench_import.py --paths N [--input FILE]

Phases, each a separate `manage.py import_articles` process timed with its own peak RSS:
  parse      the readers alone (no database): how fast files become records
  store      import into an empty database (--no-process)
  unchanged  the same input again: every article hashed and found unchanged
  update     the input with every 10th title edited: those articles updated in place
  process    (--with-processing) a fresh database, full import incl. extraction + indexing
Then the hostile cases: a 2 GB-of-zeros gzip bomb and a 100 MB single line, with the time
and peak RSS to reject each.

--paths N times the ways to import the first N articles of the input into an empty
archive, each in its own fresh scratch database and index: the README's one command
(`import_articles FILE`, which takes the bulk path by itself on such an input), the same
forced onto the batch-by-batch path (`--incremental`), and the three-step path
(`--no-process`, `extract_statements --all --no-index`, `rebuild_index`). For each: the
seconds and the CPU seconds (the process and its workers: less sensitive than the wall
clock to other jobs on the machine), each with its ratio to the three-step path, the files
and MB in the index folder, and whether check_index finds the index true to the database.

The database is SQLite under a temp folder (or BENCH_DATABASE_URL); the input defaults
to the full ANT corpus (../shared/corpus/ant-news-2018.jsonl.gz).
"""

import argparse
import gzip
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import CORPUS_1X, ROOT, print_table  # noqa: E402

MB = 1024 * 1024
PARSE_ONLY = """
import sys
from pathlib import Path
from articles.importing.discovery import READERS, SNIFF_BYTES, sniff_format
from articles.importing.records import ArticleRecord
from articles.importing.streams import Limits, open_binary
path = Path(sys.argv[1]); raw, stream = open_binary(path)
reader = READERS[sniff_format(path, stream.peek(SNIFF_BYTES))]
n = sum(1 for item in reader(path, stream, Limits()) if isinstance(item, ArticleRecord) and not item.validate() and item.content_hash())
print(f"imported {n}, updated 0, unchanged 0, failed 0")
"""


def env_for(workdir):
    return dict(
        os.environ,
        DATABASE_URL=os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{workdir / 'db.sqlite3'}"),
        NEWSARCHIVE_INDEX_DIR=str(workdir / "index"),
        DJANGO_DEBUG=os.environ.get("DJANGO_DEBUG", "1"),  # the laptop default; 0 drops the query log
        SECRET_KEY=os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        DJANGO_SETTINGS_MODULE="newsarchive.settings",
    )


def run(argv, env, cpu=None):
    """(seconds, peak RSS MB, exit code, summary line, first failure) of one subprocess.

    Peak RSS is the child's own maximum, from wait4 (Linux); output goes to files so a
    long failure list can never block the child on a full pipe. `cpu`, a list, receives
    the CPU seconds of the child and its children (the rebuild's workers)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        summary = (out.read().decode().strip().splitlines() or [""])[-1]
        first_error = (err.read().decode().strip().splitlines() or [""])[0]
    if cpu is not None:
        cpu.append(usage.ru_utime + usage.ru_stime)
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), summary, first_error


def manage(*args):
    return [sys.executable, "manage.py", *args]


def count_articles(summary):
    words = summary.replace(",", "").split()
    return sum(int(words[i + 1]) for i, w in enumerate(words) if w in {"imported", "updated", "unchanged"})


def edited_copy(source, target, every=10):
    """The input with every `every`-th title changed (a real edit: words appended)."""
    with gzip.open(source, "rt", encoding="utf-8") as src, gzip.open(target, "wt", encoding="utf-8", compresslevel=1) as out:
        for n, line in enumerate(src):
            if line.strip() and n % every == 0:
                item = json.loads(line)
                item["title"] += " (محدث)"
                line = json.dumps(item, ensure_ascii=False) + "\n"
            out.write(line)


def hostile_files(workdir):
    bomb = workdir / "bomb.jsonl.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as out:
        zeros = b"0" * MB
        for _ in range(2048 + 16):  # just over the 2 GB default --max-bytes
            out.write(zeros)
    long_line = workdir / "hundred-mb-line.jsonl"
    with long_line.open("wb") as out:
        out.write(b'{"id": "huge", "body": "')
        for _ in range(100):
            out.write("ب".encode() * (MB // 2))
        out.write(b'"}\n')
    return [("gzip bomb (2 GB of zeros)", bomb), ("100 MB single line", long_line)]


def first_articles(source, target, count):
    with gzip.open(source, "rt", encoding="utf-8") as src, gzip.open(target, "wt", encoding="utf-8") as out:
        for n, line in enumerate(src):
            if n >= count:
                break
            out.write(line)


def folder_size(folder):
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files) / MB


def compare_paths(source, count, workdir, incremental=True):
    """The --paths table: each way into its own fresh archive, one after the other."""
    sample = workdir / f"first-{count}.jsonl.gz"
    first_articles(source, sample, count)
    ways = [
        ("three steps", [manage("import_articles", "--no-progress", "--no-process", str(sample)),
                         manage("extract_statements", "--all", "--no-index", "--no-progress"),
                         manage("rebuild_index")]),
        ("import_articles FILE", [manage("import_articles", "--no-progress", str(sample))]),
        ("import_articles --incremental FILE",
         [manage("import_articles", "--no-progress", "--incremental", str(sample))]),
    ][: 3 if incremental else 2]
    rows, baseline = [], None
    for name, commands in ways:
        archive = workdir / name.replace(" ", "-").replace("--", "")
        archive.mkdir()
        env = env_for(archive)
        subprocess.run(manage("migrate", "--noinput", "-v", "0"), cwd=ROOT, env=env, check=True)
        seconds, peak, summary, cpu = 0.0, 0.0, "", []
        for argv in commands:
            took, rss, code, line, error = run(argv, env, cpu)
            if code != 0:
                sys.exit(f"{name}: {' '.join(argv[2:])} failed: {error or line}")
            seconds += took
            peak = max(peak, rss)
            summary = summary or line
        files, megabytes = folder_size(archive / "index")
        check = subprocess.run(manage("check_index"), cwd=ROOT, env=env, capture_output=True, text=True)
        baseline = baseline or (seconds, sum(cpu))
        rows.append([name, f"{seconds:.1f}", f"{seconds / baseline[0]:.2f}", f"{sum(cpu):.1f}",
                     f"{sum(cpu) / baseline[1]:.2f}", files, f"{megabytes:.0f}",
                     f"{peak:.0f}", "yes" if check.returncode == 0 else "NO", summary])
        print(f"{name}: {seconds:.1f} s", file=sys.stderr, flush=True)
    print(f"\nFirst {count:,} articles of {source.name} into an empty archive "
          f"({env_for(workdir)['DATABASE_URL'].split(':')[0]})\n")
    print_table(["way", "seconds", "ratio", "CPU s", "CPU ratio", "index files", "index MB",
                 "peak RSS MB", "check_index", "summary"], rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--paths", type=int, metavar="N",
                        help="only compare the ways to import the first N articles (see above)")
    parser.add_argument("--no-incremental", action="store_true",
                        help="with --paths: leave out the (slowest) batch-by-batch way")
    parser.add_argument("--input", type=Path, default=CORPUS_1X)
    parser.add_argument("--with-processing", action="store_true", help="also time import + extraction + indexing")
    parser.add_argument("--skip-hostile", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args()
    if not args.input.exists():
        sys.exit(f"input not found: {args.input}")
    workdir = Path(tempfile.mkdtemp(prefix="bench-import-"))
    if args.paths:
        try:
            compare_paths(args.input, args.paths, workdir, incremental=not args.no_incremental)
        finally:
            if not args.keep:
                shutil.rmtree(workdir, ignore_errors=True)
        return
    env = env_for(workdir)
    rows = []
    try:
        subprocess.run(manage("migrate", "--noinput", "-v", "0"), cwd=ROOT, env=env, check=True)
        importing = manage("import_articles", "--no-progress", "--no-process")
        edited = workdir / "edited.jsonl.gz"
        edited_copy(args.input, edited)
        phases = [
            ("parse (readers only)", [sys.executable, "-c", PARSE_ONLY, str(args.input)]),
            ("store (empty db)", [*importing, str(args.input)]),
            ("unchanged (re-import)", [*importing, str(args.input)]),
            ("update (every 10th edited)", [*importing, str(edited)]),
        ]
        for name, argv in phases:
            seconds, rss, code, summary, error = run(argv, env)
            n = count_articles(summary)
            rows.append([name, f"{seconds:.1f}", f"{n / seconds:,.0f}" if seconds else "-", f"{rss:.0f}", summary or error])
            print(f"{name}: {seconds:.1f} s", file=sys.stderr, flush=True)
        if args.with_processing:
            fresh = workdir / "fresh"
            fresh.mkdir()
            fresh_env = env_for(fresh)
            subprocess.run(manage("migrate", "--noinput", "-v", "0"), cwd=ROOT, env=fresh_env, check=True)
            seconds, rss, code, summary, error = run(manage("import_articles", "--no-progress", str(args.input)), fresh_env)
            n = count_articles(summary)
            rows.append(["store + extract + index", f"{seconds:.1f}", f"{n / seconds:,.0f}", f"{rss:.0f}", summary or error])
        print(f"\nImport of {args.input.name} into {env['DATABASE_URL'].split(':')[0]} (scratch: {workdir})\n")
        print_table(["phase", "seconds", "articles/s", "peak RSS MB", "summary"], rows)
        if not args.skip_hostile:
            hostile_rows = []
            for name, path in hostile_files(workdir):
                seconds, rss, code, summary, error = run([*importing, str(path)], env)
                hostile_rows.append([name, f"{path.stat().st_size / MB:.1f}", f"{seconds:.1f}", f"{rss:.0f}", code, error.split(": ", 1)[-1]])
            print("\nHostile input: rejected with bounded memory\n")
            print_table(["input", "file MB", "seconds", "peak RSS MB", "exit", "reported"], hostile_rows)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
