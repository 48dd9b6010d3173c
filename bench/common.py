"""Small shared pieces of the benchmarks: corpus paths, the query set, timing and memory.

No third-party dependency: peak RSS comes from /proc (Linux) and os.wait4.
"""

import gzip
import json
import os
import random
import re
import secrets
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
CORPUS_1X = ROOT.parent / "shared" / "corpus" / "ant-news-2018.jsonl.gz"
CORPUS_4X = BENCH_DIR / "ant-news-4x.jsonl.gz"

# Evaluation query sets written by the search and quotes work, if they exist; the first
# one found wins: JSON Lines of objects with a "query" key, or JSON (a list of strings or
# objects). At most MAX_QUERIES are used, taken evenly across the file (all its slices).
MAX_QUERIES = 300
EVAL_QUERY_FILES = [
    ROOT / "bench" / "search_queries.jsonl",
    ROOT / "bench" / "search_queries.json",
    ROOT / "bench" / "eval_queries.json",
    ROOT / "bench" / "queries.json",
]

ARABIC_WORD = re.compile(r"[\u0621-\u064A]{4,}")
# Words too common to be a meaningful benchmark query on their own.
STOP = set(
    "التي الذي الذين وقال قال على إلى حيث هذه هذا كانت وكان بعد قبل خلال بين عند منذ "
    "لكن كما أنه إنه وفي ومن فيها عليه عليها عام أكثر أيضا وهو وهي حول ضمن".split()
)


def read_corpus(path, limit=None):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                break
            if line.strip():
                yield json.loads(line)


def provisional_queries(path=CORPUS_1X, count=200, seed=7):
    """Queries built from corpus titles: 1, 2 or 3 content words, and some quoted phrases.

    Deterministic (seeded); used until the search evaluation query set exists.
    """
    titles = [r["title"] for r in read_corpus(path)]
    rng = random.Random(seed)
    queries = []
    seen = set()
    while len(queries) < count:
        words = [w for w in ARABIC_WORD.findall(rng.choice(titles)) if w not in STOP]
        if not words:
            continue
        roll = rng.random()
        if roll < 0.5:
            q = rng.choice(words)
        elif roll < 0.8 and len(words) >= 2:
            q = " ".join(rng.sample(words, 2))
        elif roll < 0.9 and len(words) >= 3:
            q = " ".join(rng.sample(words, 3))
        elif len(words) >= 2:
            i = rng.randrange(len(words) - 1)
            q = f'"{words[i]} {words[i + 1]}"'
        else:
            q = words[0]
        if q not in seen:
            seen.add(q)
            queries.append(q)
    return queries


def load_queries():
    """(name, queries): the search evaluation set if it has landed, else the provisional set."""
    for path in EVAL_QUERY_FILES:
        if path.exists():
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".jsonl":
                data = [json.loads(line) for line in text.splitlines() if line.strip()]
            else:
                data = json.loads(text)
            if isinstance(data, dict):
                data = data.get("queries", [])
            queries = list(dict.fromkeys(
                q for q in (d["query"] if isinstance(d, dict) else d for d in data) if q.strip()))
            step = max(1, len(queries) // MAX_QUERIES)
            chosen = queries[::step][:MAX_QUERIES]
            return f"{path.name}: {len(chosen)} of {len(queries)}, every {step}th", chosen
    return "provisional (corpus titles, seed 7)", provisional_queries()


def percentiles(samples_ms):
    if not samples_ms:
        return {"n": 0, "p50": float("nan"), "p95": float("nan"), "p99": float("nan"), "mean": float("nan")}
    ordered = sorted(samples_ms)

    def pct(p):
        k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
        return ordered[k]

    return {"n": len(ordered), "p50": pct(50), "p95": pct(95), "p99": pct(99),
            "mean": statistics.fmean(ordered)}


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return (time.perf_counter() - start) * 1000, result


def proc_status_kb(pid, field):
    """VmRSS / VmHWM (peak) of a live process in kB, or 0 if it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def self_peak_rss_mb():
    return proc_status_kb(os.getpid(), "VmHWM") / 1024


def dir_size_mb(path):
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += os.path.getsize(os.path.join(root, name))
            except OSError:
                pass
    return total / (1024 * 1024)


def print_table(headers, rows):
    cells = [[str(h) for h in headers]] + [[fmt(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(cells[0], widths)) + " |"
    print(line)
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in cells[1:]:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |")


def fmt(value):
    if isinstance(value, float):
        if value != value:  # NaN
            return "–"
        return f"{value:,.1f}" if abs(value) >= 10 else f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def production_env(data, static_root, **extra):
    """The environment a bench runs the archive in: production settings (DEBUG off, a
    random key) over plain HTTP on loopback, with the database and index in `data`, and no
    per-save index work (bulk paths index explicitly)."""
    data = Path(data).resolve()
    return dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{data / 'db.sqlite3'}",
        NEWSARCHIVE_INDEX_DIR=str(data / "index"),
        SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_COOKIES="0",
        DJANGO_HSTS_SECONDS="0",
        STATIC_ROOT=str(static_root),
        NEWSARCHIVE_AUTO_INDEX="0",
        DJANGO_SETTINGS_MODULE="newsarchive.settings",
        **extra,
    )
