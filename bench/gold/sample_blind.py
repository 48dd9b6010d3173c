"""Draw the blind statement evaluation set (issue 11) from the ANT corpus.

    python bench/gold/sample_blind.py OUT_DIR [SEED [LIMIT]]

Four articles per outlet and section (26 pairs), eight more from each of the two
news sections, with a fixed seed; articles already in tests/gold/ are left out. Each
excerpt is the body's leading paragraphs, at least 1,000 and at most 2,200 characters,
cut on a paragraph boundary. Another SEED draws a further set (LIMIT keeps the first
articles of the shuffled draw, so every outlet and section still has its chance). Writes batch-N.json files of 20 articles each, in the
gold format with empty statement lists, for annotators who never see the extractor.
"""

import gzip
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "ant-news-2018.jsonl.gz"
SEED = 20261130


def excerpt(body, low=1000, high=2200):
    kept = []
    for para in body.split("\n"):
        para = para.strip()
        if not para:
            continue
        if kept and len("\n".join(kept + [para])) > high:
            break
        kept.append(para)
        if len("\n".join(kept)) >= low:
            break
    return "\n".join(kept)[: high * 2]


def main(out_dir, seed=SEED, limit=None):
    known = set()
    for path in (ROOT / "tests" / "gold").glob("quotes*.json"):
        known.update(a["id"] for a in json.loads(path.read_text(encoding="utf-8")))
    by_pair = defaultdict(list)
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if doc["id"] not in known and len(doc["body"]) >= 300:
                by_pair[(doc["source_code"], doc["category"])].append(doc)
    rng = random.Random(seed)
    chosen = []
    for pair in sorted(by_pair):
        docs = by_pair[pair]
        n = 4 + (3 if pair[1] in ("العالم", "الشرق الأوسط") else 0)
        chosen.extend(rng.sample(docs, n))
    rng.shuffle(chosen)
    chosen = chosen[:limit]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    articles = [
        {
            "id": d["id"], "source": d["source"], "category": d["category"], "title": d["title"],
            "text": excerpt(d["body"]), "statements": [],
        }
        for d in chosen
    ]
    for n in range(0, len(articles), 20):
        path = out / f"batch-{n // 20 + 1}.json"
        path.write_text(json.dumps(articles[n : n + 20], ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(articles)} articles in {out}")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(args[0], *(int(a) for a in args[1:3]))
