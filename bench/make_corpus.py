"""Make the 4x benchmark corpus (126,100 articles) from the ANT corpus, deterministically.

    .venv/bin/python bench/make_corpus.py [--copies 4] [--out var/bench/ant-news-4x.jsonl.gz]

Copy 0 is the original article. Copies 1..N-1 are re-dated (moved k years and a few days
forward) and lightly reworded (speech verbs and common connectives swapped for synonyms,
a sentence-final clause sometimes moved), each with its own external id (`<id>~c<k>`),
so the index grows with realistic — not identical — documents. A seeded RNG per
(article, copy) makes the output byte-identical on every run (gzip header: mtime 0, no file name).
"""

import argparse
import gzip
import hashlib
import json
import random
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "corpus" / "ant-news-2018.jsonl.gz"
DEFAULT_OUT = ROOT / "var" / "bench" / "ant-news-4x.jsonl.gz"
SEED = 20180101

# Swaps that keep the text grammatical news Arabic; both directions are used.
SYNONYMS = [
    ("قال", "ذكر"),
    ("وقال", "وذكر"),
    ("أكد", "شدد"),
    ("وأكد", "وشدد"),
    ("أضاف", "تابع"),
    ("وأضاف", "وتابع"),
    ("أوضح", "بين"),
    ("أشار", "لفت"),
    ("أعلن", "أفاد"),
    ("كما", "وكذلك"),
    ("لكن", "غير أن"),
    ("بعد", "عقب"),
    ("خلال", "أثناء"),
    ("الذي", "الذى"),
    ("اليوم", "هذا اليوم"),
    ("أيضا", "كذلك"),
]
SWAP = {}
for a, b in SYNONYMS:
    SWAP.setdefault(a, b)
    SWAP.setdefault(b, a)
WORD = re.compile(r"\S+")


def reword(text, rng, rate=0.35):
    """Swap a share of the known words for their synonym; everything else is kept."""
    if not text:
        return text

    def swap(match):
        word = match.group(0)
        if word in SWAP and rng.random() < rate:
            return SWAP[word]
        return word

    return WORD.sub(swap, text)


def redate(published, copy, rng):
    if not published:
        return published
    moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
    moment += timedelta(days=365 * copy + rng.randint(0, 20), minutes=rng.randint(0, 600))
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def make_copy(record, copy):
    if copy == 0:
        return record
    rng = random.Random(f"{SEED}:{record['id']}:{copy}")
    out = dict(record)
    out["id"] = f"{record['id']}~c{copy}"
    if record.get("url"):
        sep = "&" if "?" in record["url"] else "?"
        out["url"] = f"{record['url']}{sep}copy={copy}"
    out["published"] = redate(record.get("published"), copy, rng)
    out["title"] = reword(record.get("title", ""), rng, rate=0.5) or record.get("title", "")
    out["abstract"] = reword(record.get("abstract", ""), rng)
    paragraphs = (record.get("body") or "").split("\n")
    paragraphs = [reword(p, rng) for p in paragraphs]
    if len(paragraphs) > 2 and rng.random() < 0.5:
        # Move one inner paragraph: same words, different positions (phrases still match).
        i = rng.randrange(1, len(paragraphs) - 1)
        paragraphs.append(paragraphs.pop(i))
    out["body"] = "\n".join(paragraphs)
    return out


def generate(source, out, copies):
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    count = 0
    with gzip.open(source, "rt", encoding="utf-8") as reader:
        records = [json.loads(line) for line in reader if line.strip()]
    with open(tmp, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0, compresslevel=6) as gz:
        for copy in range(copies):
            for record in records:
                line = json.dumps(make_copy(record, copy), ensure_ascii=False) + "\n"
                gz.write(line.encode("utf-8"))
                count += 1
    tmp.replace(out)
    return count


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not args.source.exists():
        sys.exit(f"ANT corpus not found at {args.source}")
    count = generate(args.source, args.out, args.copies)
    print(f"{count} articles -> {args.out}  sha256 {sha256(args.out)}")


if __name__ == "__main__":
    main()
