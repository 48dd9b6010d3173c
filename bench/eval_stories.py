"""Scores the story grouping against a hand-checked gold set, beside the title baseline.

    .venv/bin/python bench/eval_stories.py GOLD.json              # the engine on the corpus
    .venv/bin/python bench/eval_stories.py GOLD.json --db DB.sqlite3   # stories stored in a database

GOLD.json: {"stories": [{"id", "event", "articles": [external ids]}],
            "lookalikes": [[story id, story id], …], "singletons": [external id, …]}

B-cubed precision and recall over the gold's articles: each gold singleton is a cluster of
its own; the system's clusters are restricted to gold articles (an article in no system
story is a cluster of its own). A look-alike pair is merged when any article of one gold
story shares a system cluster with any article of the other. The baseline links two
articles whose titles share BASELINE_WORDS words (stop words and generic news words out)
within BASELINE_HOURS, and takes connected components.

Without --db the engine runs on the corpus file directly (plain Python, no Django), so the
rules can be tuned without a database; with --db the stories are read from the
articles_storymembership table (SQLite) as `group_stories` wrote them.
"""

import argparse
import gzip
import json
import sqlite3
import sys
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.stories import Document, group_documents  # noqa: E402
from articles.stories.terms import story_term, words  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "ant-news-2018.jsonl.gz"
BASELINE_WORDS = 3
BASELINE_HOURS = 48


def read_corpus(path):
    documents = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if not record.get("published"):
                continue
            published = datetime.fromisoformat(record["published"].replace("Z", "+00:00"))
            text = "\n".join(part for part in (record.get("abstract"), record.get("body")) if part)
            documents.append(Document(record["id"], record["source_code"], published, record["title"], text))
    return documents


def engine_clusters(documents, rules=None):
    groups, _copies = group_documents(documents, **(rules or {}))
    return [list(group) for group in groups]


def stored_clusters(db_path):
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT m.story_id, a.external_id FROM articles_storymembership m "
            "JOIN articles_article a ON a.id = m.article_id"
        ).fetchall()
    clusters = defaultdict(list)
    for story, external_id in rows:
        clusters[story].append(external_id)
    return list(clusters.values())


def baseline_clusters(documents, min_shared=BASELINE_WORDS, hours=BASELINE_HOURS):
    """Single link over pairs whose titles share `min_shared` terms within `hours`."""
    docs = sorted(documents, key=lambda d: d.timestamp)
    titles = [{t for t in map(story_term, words(d.title)) if t} for d in docs]
    parent = list(range(len(docs)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    postings = defaultdict(list)
    window = hours * 3600
    for i, doc in enumerate(docs):
        shared = defaultdict(int)
        for term in titles[i]:
            kept = [j for j in postings[term] if doc.timestamp - docs[j].timestamp <= window]
            postings[term] = kept
            for j in kept:
                shared[j] += 1
            kept.append(i)
        for j, n in shared.items():
            if n >= min_shared:
                parent[find(j)] = find(i)
    clusters = defaultdict(list)
    for i, doc in enumerate(docs):
        clusters[find(i)].append(doc.key)
    return [c for c in clusters.values() if len(c) > 1]


def score(gold, clusters):
    """{"precision", "recall", "f1", "lookalikes_merged", "merged_pairs"} over gold articles."""
    gold_of = {}
    for story in gold["stories"]:
        for article in story["articles"]:
            gold_of[article] = story["id"]
    for article in gold.get("singletons", []):
        gold_of[article] = f"single:{article}"
    gold_members = defaultdict(set)
    for article, story in gold_of.items():
        gold_members[story].add(article)

    system_of = {}
    for n, cluster in enumerate(clusters):
        for article in cluster:
            if article in gold_of:
                system_of[article] = n
    system_members = defaultdict(set)
    for article in gold_of:
        system_members[system_of.get(article, f"alone:{article}")].add(article)

    precision = recall = 0.0
    for article in gold_of:
        mine = system_members[system_of.get(article, f"alone:{article}")]
        theirs = gold_members[gold_of[article]]
        both = len(mine & theirs)
        precision += both / len(mine)
        recall += both / len(theirs)
    n = len(gold_of) or 1
    precision, recall = precision / n, recall / n
    merged = []
    for a, b in gold.get("lookalikes", []):
        clusters_a = {system_of[x] for x in gold_members[a] if x in system_of}
        clusters_b = {system_of[x] for x in gold_members[b] if x in system_of}
        if clusters_a & clusters_b:
            merged.append((a, b))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "lookalikes_merged": len(merged),
            "merged_pairs": merged}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--db", type=Path, help="an SQLite database after group_stories")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--show", action="store_true", help="print the merged look-alike pairs")
    parser.add_argument("--rule", action="append", default=[], metavar="NAME=VALUE",
                        help="override one of group_corpus' rules (min_link, min_average, max_span, "
                             "max_gap, title_share), e.g. --rule min_link=0.25")
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus}")
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    documents = read_corpus(args.corpus)

    results = []
    started = time.perf_counter()
    if args.db:
        results.append(("stored stories", stored_clusters(args.db), time.perf_counter() - started))
    else:
        rules = {name: float(value) for name, value in (r.split("=", 1) for r in args.rule)}
        label = "engine" + (f" ({', '.join(args.rule)})" if args.rule else "")
        results.append((label, engine_clusters(documents, rules), time.perf_counter() - started))
    started = time.perf_counter()
    results.append((f"baseline ({BASELINE_WORDS} title words, {BASELINE_HOURS} h)",
                    baseline_clusters(documents), time.perf_counter() - started))

    articles = len({a for s in gold["stories"] for a in s["articles"]} | set(gold.get("singletons", [])))
    print(f"gold: {len(gold['stories'])} stories, {len(gold.get('singletons', []))} singletons, "
          f"{articles} articles, {len(gold.get('lookalikes', []))} look-alike pairs")
    print("| system | B³ precision | B³ recall | F1 | look-alikes merged | seconds |")
    print("|---|---|---|---|---|---|")
    for name, clusters, seconds in results:
        s = score(gold, clusters)
        print(f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | "
              f"{s['lookalikes_merged']} | {seconds:.1f} |")
        if args.show and s["merged_pairs"]:
            print(f"  merged: {s['merged_pairs']}")


if __name__ == "__main__":
    main()
