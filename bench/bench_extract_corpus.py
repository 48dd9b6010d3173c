"""Full-corpus extraction time, this code against a baseline revision, in one run.

    .venv/bin/python bench/bench_extract_corpus.py --baseline-ref REF [--limit N] [--repeat 2]

Runs the extractor and in-article speaker resolution (no database) over every body of
the ANT corpus, first the baseline (checked out in a temporary worktree), then this tree,
alternating --repeat times, each in a fresh process; prints CPU seconds, statements found
and peak memory per run and the ratio of the medians. Needs ../shared/corpus.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ant-news-2018.jsonl.gz"

CHILD = r"""
import gzip, json, sys, time
sys.path.insert(0, sys.argv[1])
from articles.quotes.extract import extract_statements
from articles.quotes.speakers import resolve_in_article
import inspect
# Since extractor 1.5 resolution also reads the article text (names in the narration); a
# baseline from before takes the spans alone.
reads_text = len(inspect.signature(resolve_in_article).parameters) > 1
bodies = []
with gzip.open(sys.argv[2], "rt", encoding="utf-8") as fh:
    for n, line in enumerate(fh):
        if n >= int(sys.argv[3]):
            break
        bodies.append(json.loads(line)["body"])
began = time.process_time()
found = 0
for body in bodies:
    spans = extract_statements(body)
    resolve_in_article(spans, body) if reads_text else resolve_in_article(spans)
    found += len(spans)
seconds = time.process_time() - began
peak = 0
with open("/proc/self/status") as status:
    for line in status:
        if line.startswith("VmHWM:"):
            peak = int(line.split()[1]) / 1024
print(json.dumps({"seconds": seconds, "statements": found, "articles": len(bodies), "peak_mb": peak}))
"""


def run(root, limit):
    out = subprocess.run([sys.executable, "-c", CHILD, str(root), str(CORPUS), str(limit)],
                         capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    return json.loads(out.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-ref", required=True)
    parser.add_argument("--limit", type=int, default=10**9, help="first N articles only")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"corpus not found at {CORPUS}")
    baseline = Path(tempfile.mkdtemp(prefix="extract-baseline-"))
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(baseline), args.baseline_ref],
                   check=True, capture_output=True)
    try:
        results = {"baseline": [], "this": []}
        print(f"{'code':<10}{'articles':>9}{'statements':>12}{'CPU s':>8}{'peak MB':>9}")
        for _ in range(args.repeat):
            for label, root in (("baseline", baseline), ("this", ROOT)):
                r = run(root, args.limit)
                results[label].append(r)
                print(f"{label:<10}{r['articles']:>9}{r['statements']:>12}{r['seconds']:>8.1f}{r['peak_mb']:>9.0f}",
                      flush=True)
        base = statistics.median(r["seconds"] for r in results["baseline"])
        this = statistics.median(r["seconds"] for r in results["this"])
        print(f"median CPU s: baseline {base:.1f}, this {this:.1f}; this / baseline = {this / base:.2f}")
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(baseline)], check=False)


if __name__ == "__main__":
    main()
