"""A bounded load run against gunicorn on 127.0.0.1: N concurrent users for a fixed time.

    .venv/bin/python bench/load.py --data var/bench/run-1x [--users 50] [--duration 60]
    .venv/bin/python bench/load.py --url http://127.0.0.1:8000 --data var/bench/run-1x

With --data (a folder holding db.sqlite3 and index/, as bench/run_all.py leaves them) and
no --url, it starts gunicorn itself on a free loopback port, production settings
(DEBUG off), and stops it at the end. Each user is a thread with its own keep-alive
connection that loops over a weighted mix of pages, without think time:

    search 35% · search with a facet (source/year) 15% · statements 10% ·
    article 25% · speaker 10% · home 5%

It prints throughput, p50/p95/p99 per page kind and the error count (status >= 500,
timeouts, refused connections; a 404/400 counts too: the URLs come from the database, so
none should fail). Only loopback addresses are accepted; users and duration are capped.
"""

import argparse
import http.client
import os
import random
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    ROOT, load_queries, percentiles, print_table, proc_status_kb, production_env,
)

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
MAX_USERS, MAX_DURATION = 200, 600
MIX = [("search", 35), ("facet", 15), ("statements", 10), ("article", 25), ("speaker", 10), ("home", 5)]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(data):
    data = Path(data).resolve()
    return production_env(data, data.parent / "static")


def start_gunicorn(data, port, workers, threads, code=ROOT):
    env = server_env(data)
    env["PYTHONPATH"] = str(code)
    python = sys.executable
    subprocess.run([python, "manage.py", "collectstatic", "--noinput", "-v", "0"],
                   cwd=code, env=env, check=True)
    log = open(Path(data) / "gunicorn.log", "ab")
    proc = subprocess.Popen(
        [python, "-m", "gunicorn", "newsarchive.wsgi", "-b", f"127.0.0.1:{port}",
         "-w", str(workers), "--threads", str(threads), "--timeout", "60",
         "--keep-alive", "5", "--access-logfile", "-"],
        cwd=code, env=env, stdout=subprocess.DEVNULL, stderr=log,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/")
            conn.getresponse().read()
            return proc
        except OSError:
            if proc.poll() is not None:
                sys.exit(f"gunicorn exited with {proc.returncode}; see {log.name}")
            time.sleep(0.5)
    proc.kill()
    sys.exit("gunicorn did not answer within 60 s")


def worker_pids(master_pid):
    """The gunicorn master and its worker processes (by parent pid, from /proc)."""
    pids = [master_pid]
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            # The command name may hold spaces; the parent pid is the 2nd field after ")".
            if int(stat.rsplit(")", 1)[1].split()[1]) == master_pid:
                pids.append(int(entry))
    return pids


def sample_urls(data, count=2000, seed=3):
    """Article, speaker, source codes and years, straight from the benchmark database."""
    import sqlite3

    db = sqlite3.connect(f"file:{Path(data) / 'db.sqlite3'}?mode=ro", uri=True)
    rng = random.Random(seed)

    def column(sql):
        return [row[0] for row in db.execute(sql)]

    articles = column(f"SELECT external_id FROM articles_article ORDER BY random() LIMIT {count}")
    speakers = column(f"SELECT slug FROM articles_speaker ORDER BY random() LIMIT {count}")
    sources = column("SELECT code FROM articles_source")
    years = column("SELECT DISTINCT strftime('%Y', published) FROM articles_article "
                   "WHERE published IS NOT NULL")
    db.close()
    # SQLite's random() is not seeded: sort, then shuffle with our seed.
    for values in (articles, speakers):
        values.sort()
        rng.shuffle(values)
    return {"articles": articles, "speakers": speakers, "sources": sources,
            "years": [y for y in years if y]}


def make_request_picker(urls, queries, seed):
    rng = random.Random(seed)
    kinds = [k for k, w in MIX for _ in range(w)]

    def pick():
        kind = rng.choice(kinds)
        if kind == "facet" and not (urls["sources"] or urls["years"]):
            kind = "search"
        if kind == "speaker" and not urls["speakers"]:
            kind = "article"
        if kind == "search":
            params = {"q": rng.choice(queries)}
            if rng.random() < 0.2:
                params["page"] = 2
            return kind, "/search/?" + urlencode(params)
        if kind == "facet":
            params = {"q": rng.choice(queries)}
            if urls["sources"] and rng.random() < 0.6:
                params["source"] = rng.choice(urls["sources"])
            elif urls["years"]:
                params["year"] = rng.choice(urls["years"])
            return kind, "/search/?" + urlencode(params)
        if kind == "statements":
            return kind, "/statements/?" + urlencode({"q": rng.choice(queries)})
        if kind == "article":
            return kind, "/articles/" + quote(rng.choice(urls["articles"]), safe="") + "/"
        if kind == "speaker":
            return kind, "/speakers/" + quote(rng.choice(urls["speakers"]), safe="") + "/"
        return kind, "/"

    return pick


def run_load(base, users, duration, urls, queries):
    parts = urlsplit(base)
    host, port = parts.hostname, parts.port or 80
    if host not in LOOPBACK:
        sys.exit(f"refusing a non-loopback target: {host}")
    samples = defaultdict(list)
    errors = defaultdict(int)
    lock = threading.Lock()
    stop_at = time.perf_counter() + duration

    def user(n):
        pick = make_request_picker(urls, queries, seed=1000 + n)
        conn = http.client.HTTPConnection(host, port, timeout=30)
        while time.perf_counter() < stop_at:
            kind, path = pick()
            start = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Host": "127.0.0.1"})
                response = conn.getresponse()
                response.read()
                status = response.status
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
            except (OSError, http.client.HTTPException) as exc:
                status = type(exc).__name__
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=30)
            ms = (time.perf_counter() - start) * 1000
            with lock:
                samples[kind].append(ms)
                if status != 200:
                    errors[(kind, status)] += 1
        conn.close()

    threads = [threading.Thread(target=user, args=(n,), daemon=True) for n in range(users)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(duration + 60)
    elapsed = time.perf_counter() - started
    return samples, errors, elapsed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True,
                        help="folder with db.sqlite3 and index/ (from run_all.py)")
    parser.add_argument("--url", help="an already running server on 127.0.0.1 (else gunicorn is started)")
    parser.add_argument("--code", type=Path, default=ROOT,
                        help="code to serve (e.g. the frozen var/bench/code-<sha> the data was built with)")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args(argv)
    users = min(args.users, MAX_USERS)
    duration = min(args.duration, MAX_DURATION)
    query_set, queries = load_queries()
    urls = sample_urls(args.data)
    proc = None
    if args.url:
        base = args.url
    else:
        port = free_port()
        proc = start_gunicorn(args.data, port, args.workers, args.threads, code=args.code)
        base = f"http://127.0.0.1:{port}"
    try:
        samples, errors, elapsed = run_load(base, users, duration, urls, queries)
        rss = [proc_status_kb(p, "VmHWM") / 1024 for p in worker_pids(proc.pid)] if proc else []
    finally:
        if proc:
            proc.terminate()
            proc.wait(30)
    total = sum(len(v) for v in samples.values())
    all_ms = [ms for v in samples.values() for ms in v]
    print(f"Load: {users} users, {duration:.0f} s against {base} "
          f"(gunicorn {args.workers} workers x {args.threads} threads), queries: {query_set}")
    rows = []
    for kind, _w in MIX:
        p = percentiles(samples.get(kind, []))
        errs = sum(n for (k, _s), n in errors.items() if k == kind)
        rows.append([kind, p["n"], p["n"] / elapsed, p["p50"], p["p95"], p["p99"], errs])
    p = percentiles(all_ms)
    rows.append(["all", total, total / elapsed, p["p50"], p["p95"], p["p99"], sum(errors.values())])
    print_table(["page", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"], rows)
    if errors:
        print("errors by page and status:", dict(errors))
    if rss:
        print(f"peak RSS: gunicorn master {rss[0]:.0f} MB, workers "
              + ", ".join(f"{r:.0f} MB" for r in rss[1:]))


if __name__ == "__main__":
    main()
