"""Extraction time and peak memory against article length (issue 11: linear time).

    .venv/bin/python bench/bench_extract_length.py [--sizes 50,250,500,1000] [--baseline-ref REF]

Each article is real corpus text: bodies of the ANT corpus (or, without it, the seed and
the TREC sample) joined with paragraph breaks until it reaches the size in kB. Every size
runs in a fresh process so that peak RSS is that size's own. With --baseline-ref the same
sizes run against the extractor of that git revision (checked out in a temporary
worktree) in the same run, and the table gives the ratio.
"""

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ant-news-2018.jsonl.gz"


def corpus_text(size):
    parts, total = [], 0
    if CORPUS.exists():
        with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
            for line in fh:
                body = json.loads(line)["body"]
                parts.append(body)
                total += len(body) + 1
                if total >= size:
                    break
    else:
        texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "seeds").rglob("*.txt"))]
        while total < size:
            for t in texts:
                parts.append(t)
                total += len(t) + 1
    return "\n".join(parts)[:size]


def child(root, size):
    sys.path.insert(0, str(root))
    from articles.quotes.extract import extract_statements

    text = corpus_text(size)
    began = time.perf_counter()
    spans = extract_statements(text)
    elapsed = time.perf_counter() - began
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": elapsed, "peak_mb": peak_mb, "spans": len(spans)}))


def run(root, size):
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(root), str(size)],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,250,500,1000", help="article sizes in kB")
    parser.add_argument("--baseline-ref", help="git revision whose extractor to time beside this one")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), int(args.child[1]))
        return
    sizes = [int(s) * 1000 for s in args.sizes.split(",")]
    baseline = None
    if args.baseline_ref:
        baseline = Path(tempfile.mkdtemp(prefix="extract-baseline-"))
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(baseline), args.baseline_ref],
                       check=True, capture_output=True)
    try:
        header = f"{'kB':>6}{'seconds':>10}{'peak MB':>9}{'spans':>8}{'s per 100 kB':>14}"
        if baseline:
            header += f"{'baseline s':>12}{'ratio':>8}"
        print(header)
        for size in sizes:
            r = run(ROOT, size)
            line = f"{size // 1000:>6}{r['seconds']:>10.2f}{r['peak_mb']:>9.0f}{r['spans']:>8}" \
                   f"{r['seconds'] / (size / 100_000):>14.3f}"
            if baseline:
                b = run(baseline, size)
                line += f"{b['seconds']:>12.2f}{b['seconds'] / r['seconds']:>8.1f}"
            print(line, flush=True)
    finally:
        if baseline:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(baseline)], check=False)


if __name__ == "__main__":
    main()
