"""Known-item evaluation of the Arabic search, against PostgreSQL's `arabic` baseline.

    # 1. build the query set (deterministic) from the corpus → bench/search_queries.jsonl
    .venv/bin/python bench/eval_search.py queries
    # 2. compare stemmers (none / light / snowball / isri) × skeleton on/off on a subset
    .venv/bin/python bench/eval_search.py compare --subset 6000
    # 3. the full corpus + seed with the archive's analyzer: build time, size, quality,
    #    latency; with --pg also PostgreSQL `arabic` on the same articles and queries, with
    #    --pg-backend the archive's own PostgreSQL backend (same analysis, same ranking)
    .venv/bin/python scripts/with_postgres.py .venv/bin/python bench/eval_search.py full --pg --pg-backend
    # 4. copies folded (one line per copy group, as the search pages show them): where
    #    the target's line ranks, and how often a copy of the target took first place
    .venv/bin/python bench/eval_search.py full --keep && .venv/bin/python bench/eval_search.py copies --reuse

Each known-item query is made from one article's rarest title words (document frequency
over the whole corpus), then rewritten the ways Arabic writers actually vary: hamza
dropped, ة written ه, ي/ى swapped, و/ال/ب attached, diacritics and tatweel added,
Arabic-Indic digits, and name spellings that the corpus itself attests (غوتيريش/جوتيريش,
an added or dropped long vowel). MRR@10 and recall@10 per slice. The issue's "done
means" queries for the seed article are their own slice.

Plain Python: the text engine is used directly on corpus records (no Django, no
database), so it measures the engine, not the ORM.
"""

import argparse
import gzip
import hashlib
import json
import os
import shutil
import statistics
import sys
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.text import query as q  # noqa: E402
from articles.text import store, whoosh_query  # noqa: E402
from articles.text.analysis import (  # noqa: E402
    ARABIC_STOP_WORDS,
    normalize_word,
    words_with_offsets,
)

CORPUS = ROOT.parent / "shared" / "corpus" / "ant-news-2018.jsonl.gz"
SEED = ROOT / "seeds" / "000_3685a6476d11d14e.txt"
SEED_ID = "seed-000_3685a6476d11d14e"
QUERIES = ROOT / "bench" / "search_queries.jsonl"
WORK = Path(os.getenv("EVAL_WORK_DIR", "/tmp/newsarchive-eval"))
SAMPLE_SIZE = 300
DIGIT_SAMPLE = 100
WORDS_PER_QUERY = 3
K = 10

DONE_QUERIES = [
    "جوتيريش قره باخ", "غوتيريش ناغورني قرة باغ", "فاردانيان تطهير عرقي",
    '"العدوان الشامل" باكو', "اذربيجان تعلق عمليتها العسكريه",
    "أَذْرَبِيجَانُ تُعَلِّقُ عَمَلِيَّتَهَا", "بلينكن باشينيان علييف", "ناجورني",
]


# --- corpus -------------------------------------------------------------------------


def parse_date(value):
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def corpus_records(limit=None):
    with gzip.open(CORPUS, "rt", encoding="utf-8") as stream:
        for i, line in enumerate(stream):
            if limit is not None and i >= limit:
                return
            d = json.loads(line)
            yield {
                "external_id": d["id"], "title": d["title"], "abstract": d.get("abstract") or "",
                "body": d.get("body") or "", "source_code": d.get("source_code") or "",
                "source_name": d.get("source") or "", "section": d.get("category") or "",
                "author": d.get("author") or "", "published": parse_date(d.get("published")),
            }


def seed_record():
    """The seed file: title, blank, source line, blank, paragraphs."""
    blocks = SEED.read_text(encoding="utf-8").split("\n\n")
    return {"external_id": SEED_ID, "title": blocks[0].strip(), "abstract": "",
            "body": "\n\n".join(b.strip() for b in blocks[2:]), "source_code": "dhat-msr",
            "source_name": blocks[1].strip(), "section": "", "author": "",
            "published": datetime(2023, 9, 20)}


# --- query set ----------------------------------------------------------------------


HAMZA_DROP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "و", "ئ": "ي"})
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
MARKS = ["\u064e", "\u0652", "\u0650", "\u064f", "\u0651\u064e"]  # fatha sukun kasra damma shadda


def stable_order(key):
    return hashlib.sha1(key.encode()).hexdigest()


def document_frequencies():
    """exact form → df, and exact form → Counter of surface spellings (whole corpus)."""
    df, spellings = Counter(), {}
    for record in corpus_records():
        seen = set()
        for word, _, _ in words_with_offsets(f"{record['title']} {record['abstract']} {record['body']}"):
            exact = normalize_word(word)
            if exact not in seen:
                seen.add(exact)
                df[exact] += 1
            spellings.setdefault(exact, Counter())[word] += 1
    return df, spellings


def title_words(title):
    words = []
    for i, (word, _, _) in enumerate(words_with_offsets(title)):
        exact = normalize_word(word)
        if len(exact) >= 3 and exact not in ARABIC_STOP_WORDS and not exact.isdigit():
            words.append((i, word, exact))
    return words


def base_query(title, df, n=WORDS_PER_QUERY):
    candidates = title_words(title)
    if len(candidates) < n:
        return None
    rare = sorted(candidates, key=lambda c: (df[c[2]], c[0]))[:n]
    return [w for _, w, _ in sorted(rare)]


def no_hamza(words):
    return [w.translate(HAMZA_DROP) for w in words]


def teh_as_heh(words):
    return [w[:-1] + "ه" if w.endswith("ة") else w for w in words]


def swap_yeh(words):
    out = []
    for w in words:
        if w.endswith("ى"):
            w = w[:-1] + "ي"
        elif w.endswith("ي"):
            w = w[:-1] + "ى"
        out.append(w)
    return out


PREFIXED = tuple("وبلفك")


def attach_prefixes(words, key):
    """و on the first free word, ب or و+ال on the last (the way running text glues
    them); words that already carry a one-letter prefix are left alone."""
    out = list(words)

    def glue(w, salt):
        if w.startswith("ال"):
            return ("و" if int(stable_order(key + salt), 16) % 2 else "ب") + w
        return ("و" if int(stable_order(key + salt), 16) % 2 else "وال") + w

    free = [i for i, w in enumerate(out) if not w.startswith(PREFIXED)]
    if free:
        out[free[0]] = glue(out[free[0]], "first")
    if len(free) > 1:
        out[free[-1]] = glue(out[free[-1]], "last")
    return out


def with_diacritics(words):
    out = []
    for wi, w in enumerate(words):
        letters = []
        for i, ch in enumerate(w):
            letters.append(ch)
            if "\u0621" <= ch <= "\u064a" and ch not in "اىو":
                letters.append(MARKS[(i + wi) % len(MARKS)])
        out.append("".join(letters))
    # one tatweel, as in a stretched headline
    middle = out[0]
    out[0] = middle[: len(middle) // 2] + "\u0640" + middle[len(middle) // 2:]
    return out


# The hard g of foreign names: Egyptian outlets write ج, others غ (جوتيريش/غوتيريش).
NAME_SWAPS = {"غ": "ج", "ج": "غ"}


def name_variants(exact):
    """Spellings of a name one sound-class letter away (غ↔ج)."""
    return {exact[:i] + NAME_SWAPS[ch] + exact[i + 1:] for i, ch in enumerate(exact)
            if ch in NAME_SWAPS}


def attested_name_variant(words, df, spellings):
    """Replace one query word by a spelling of it that other corpus articles use."""
    for index, word in enumerate(words):
        exact = normalize_word(word)
        if df[exact] > 300:
            continue  # common words, not names
        options = [v for v in name_variants(exact) if df.get(v, 0) >= 2]
        if options:
            best = max(options, key=lambda v: (df[v], v))
            surface = spellings[best].most_common(1)[0][0]
            return words[:index] + [surface] + words[index + 1:]
    return None


def build_query_set():
    started = time.perf_counter()
    df, spellings = document_frequencies()
    print(f"vocabulary: {len(df)} forms in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    records = sorted(corpus_records(), key=lambda r: stable_order(r["external_id"]))
    queries = []

    def add(slice_name, words, target):
        queries.append({"slice": slice_name, "query": " ".join(words), "target": target})

    sampled = 0
    for record in records:
        if sampled >= SAMPLE_SIZE:
            break
        words = base_query(record["title"], df)
        if not words:
            continue
        sampled += 1
        target = record["external_id"]
        add("base", words, target)
        for name, variant in (
            ("no_hamza", no_hamza(words)), ("teh_heh", teh_as_heh(words)),
            ("yeh_alef", swap_yeh(words)), ("attached", attach_prefixes(words, target)),
            ("diacritics", with_diacritics(words)),
        ):
            if variant != words:
                add(name, variant, target)
    # Names need more articles than the sample gives: walk on until enough attested ones.
    names = 0
    for record in records:
        if names >= SAMPLE_SIZE // 2:
            break
        words = base_query(record["title"], df)
        variant = words and attested_name_variant(words, df, spellings)
        if variant:
            names += 1
            add("names", variant, record["external_id"])
    digits = 0
    for record in records:
        if digits >= DIGIT_SAMPLE:
            break
        numbers = [w for w, _, _ in words_with_offsets(record["title"]) if w.isascii() and w.isdigit()]
        words = base_query(record["title"], df, n=2)
        if numbers and words:
            digits += 1
            add("digits", [numbers[0].translate(ARABIC_INDIC)] + words, record["external_id"])
    for text in DONE_QUERIES:
        queries.append({"slice": "seed", "query": text, "target": SEED_ID})
    with QUERIES.open("w", encoding="utf-8") as out:
        for item in queries:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    counts = Counter(item["slice"] for item in queries)
    print(f"wrote {len(queries)} queries to {QUERIES}: {dict(counts)}", file=sys.stderr)


def load_queries():
    if not QUERIES.exists():
        sys.exit(f"{QUERIES} missing: run `bench/eval_search.py queries` first")
    return [json.loads(line) for line in QUERIES.open(encoding="utf-8")]


# --- engines ------------------------------------------------------------------------


def build_whoosh(folder, records, stemmer, segment_size=8000):
    """One segment per `segment_size` articles (a bounded memory, as rebuild_index)."""
    started = time.perf_counter()
    index = store.create(folder, stemmer)
    records = list(records)
    for start in range(0, len(records), segment_size):
        with index.writer(store.ARTICLES, timeout=60) as writer:
            for record in records[start: start + segment_size]:
                writer.add_document(**store.article_document(record))
    seconds = time.perf_counter() - started
    size = sum(f.stat().st_size for f in Path(folder).iterdir())
    return index, seconds, size


WITHOUT_SKELETON = {**whoosh_query.ARTICLE_FIELDS, "skeleton": ()}


def whoosh_ranker(index, skeleton=True):
    fields = whoosh_query.ARTICLE_FIELDS if skeleton else WITHOUT_SKELETON

    def rank(text):
        outcome = index.search(text, per_page=K, time_limit=30, fields=fields)
        return [h.fields["external_id"] for h in outcome.hits]

    return rank


def pg_connect():
    import psycopg

    url = os.getenv("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("--pg needs DATABASE_URL=postgres://… (run under scripts/with_postgres.py)")
    if "?host=" in url:  # with_postgres.py: database 'newsarchive' may not exist yet
        host = url.split("?host=")[1]
        with psycopg.connect(f"host={host} user=postgres dbname=postgres", autocommit=True) as c:
            if not c.execute("select 1 from pg_database where datname='newsarchive'").fetchone():
                c.execute("create database newsarchive")
        return psycopg.connect(f"host={host} user=postgres dbname=newsarchive", autocommit=True)
    return psycopg.connect(url, autocommit=True)


def build_pg(records):
    conn = pg_connect()
    started = time.perf_counter()
    conn.execute("drop table if exists eval_article")
    conn.execute("create table eval_article (external_id text primary key, title text, "
                 "abstract text, body text, doc tsvector)")
    with conn.cursor().copy("copy eval_article (external_id, title, abstract, body) from stdin") as copy:
        for r in records:
            copy.write_row((r["external_id"], r["title"], r["abstract"], r["body"]))
    conn.execute("update eval_article set doc = setweight(to_tsvector('arabic', title), 'A') || "
                 "setweight(to_tsvector('arabic', coalesce(abstract, '') || ' ' || body), 'B')")
    conn.execute("create index eval_article_doc on eval_article using gin (doc)")
    conn.execute("analyze eval_article")
    seconds = time.perf_counter() - started
    size = conn.execute("select pg_total_relation_size('eval_article')").fetchone()[0]
    return conn, seconds, size


def pg_ranker(conn):
    sql = ("select external_id from eval_article, websearch_to_tsquery('arabic', %s) query "
           "where doc @@ query order by ts_rank(doc, query) desc limit %s")

    def rank(text):
        return [row[0] for row in conn.execute(sql, (text, K)).fetchall()]

    return rank


def build_pgindex(records, stemmer):
    """The PostgreSQL backend's tables (articles.text.pgindex), filled from the records in
    one transaction as `rebuild_index` fills them: analysis in Python, COPY, GIN at the end."""
    from articles.text import pgindex

    conn = pg_connect()
    started = time.perf_counter()
    with conn.cursor() as cursor:
        cursor.execute(pgindex.DROP_SQL)
        pgindex.create_schema(cursor)
        with conn.transaction(), pgindex.rebuilding(cursor, stemmer):
            for start in range(0, len(records), 500):
                rows, words = [], set()
                for pk, record in enumerate(records[start: start + 500], start + 1):
                    row, row_words = pgindex.article_row(pk, record, stemmer)
                    rows.append(row)
                    words |= row_words
                pgindex.write(cursor, rows, [], words)
    seconds = time.perf_counter() - started
    size = conn.execute("select sum(pg_total_relation_size(t))::bigint from unnest(array['search_article', "
                        "'search_word']) t").fetchone()[0]
    return conn, seconds, size


def pgindex_ranker(conn, stemmer):
    from articles.text import pgindex

    import psycopg

    frequencies = pgindex.DocumentFrequencies()
    cursor = psycopg.ClientCursor(conn)  # autocommit: one message per search

    def rank(text):
        node, negatives, _ = pgindex.compile_query(q.parse(text), stemmer=stemmer)
        if node is None:
            return []
        found = pgindex.search(cursor, pgindex.ARTICLES, node, negatives, limit=K,
                               frequencies=frequencies, one_trip=True, stemmer=stemmer)
        return [key for key, _ in found.keys]

    return rank


# --- scoring ------------------------------------------------------------------------


def evaluate(rank, queries, titles=None):
    """{slice: (n, MRR@10, recall@10)} and the per-query latencies in ms.

    `titles` (id → title): the corpus holds the same story more than once under the very
    same title (an outlet's two sections, a reprint); any article whose title is
    identical to the target's counts as the target, for every engine alike."""
    titles = titles or {}
    reciprocal, found, latencies = {}, {}, []
    for item in queries:
        started = time.perf_counter()
        ranked = rank(item["query"])
        latencies.append((time.perf_counter() - started) * 1000)
        wanted = titles.get(item["target"], item["target"])
        hits = [i for i, doc in enumerate(ranked[:K]) if doc == item["target"] or
                (titles and titles.get(doc) == wanted)]
        position = hits[0] + 1 if hits else None
        reciprocal.setdefault(item["slice"], []).append(1 / position if position else 0.0)
        found.setdefault(item["slice"], []).append(1.0 if position else 0.0)
    table = {s: (len(v), statistics.mean(v), statistics.mean(found[s])) for s, v in reciprocal.items()}
    every = [x for v in reciprocal.values() for x in v]
    every_found = [x for v in found.values() for x in v]
    table["ALL"] = (len(every), statistics.mean(every), statistics.mean(every_found))
    return table, latencies


SLICE_ORDER = ["base", "no_hamza", "teh_heh", "yeh_alef", "attached", "diacritics", "digits",
               "names", "seed", "ALL"]


def markdown_table(columns):
    """columns: [(name, {slice: (n, mrr, recall)})] → MRR@10 / R@10 per slice."""
    slices = [s for s in SLICE_ORDER if any(s in t for _, t in columns)]
    head = "| slice | n | " + " | ".join(f"{name} MRR@10 | {name} R@10" for name, _ in columns) + " |"
    rule = "|---|---|" + "---|---|" * len(columns)
    lines = [head, rule]
    for s in slices:
        n = next(t[s][0] for _, t in columns if s in t)
        cells = " | ".join(
            f"{t[s][1]:.3f} | {t[s][2]:.3f}" if s in t else "– | –" for _, t in columns
        )
        lines.append(f"| {s} | {n} | {cells} |")
    return "\n".join(lines)


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


# --- commands -----------------------------------------------------------------------


def subset_records(queries, size):
    """The query targets plus the first `size` corpus articles: the same for every stemmer."""
    targets = {item["target"] for item in queries}
    chosen = [r for i, r in enumerate(corpus_records()) if i < size or r["external_id"] in targets]
    return chosen + [seed_record()]


def compare(args):
    queries = load_queries()
    records = subset_records(queries, args.subset)
    print(f"subset: {len(records)} articles, {len(queries)} queries", file=sys.stderr)
    titles = {r["external_id"]: r["title"].strip() for r in records}
    columns, builds = [], []
    for stemmer in args.stemmers.split(","):
        folder = WORK / f"compare-{stemmer}"
        index, seconds, size = build_whoosh(folder, records, stemmer)
        builds.append((stemmer, seconds, size))
        print(f"built {stemmer}: {seconds:.0f} s, {size / 1e6:.0f} MB", file=sys.stderr)
        for skeleton in (False, True):
            table, _ = evaluate(whoosh_ranker(index, skeleton), queries, titles)
            columns.append((f"{stemmer}{'+skel' if skeleton else ''}", table))
        shutil.rmtree(folder, ignore_errors=True)
    report = [f"Stemmer comparison on {len(records)} articles (query targets + first "
              f"{args.subset} of the corpus + seed), {len(queries)} queries.\n",
              markdown_table(columns), "",
              "| stemmer | build s | index MB |", "|---|---|---|"]
    report += [f"| {s} | {sec:.0f} | {size / 1e6:.0f} |" for s, sec, size in builds]
    emit("\n".join(report), args.out or ROOT / "bench" / "search_compare.md")


def full(args):
    queries = load_queries()
    records = list(corpus_records()) + [seed_record()]
    titles = {r["external_id"]: r["title"].strip() for r in records}
    folder = WORK / "full"
    stats = folder / "build.json"
    if args.reuse and stats.exists() and store.index_state(folder, args.stemmer) == "ok":
        index = store.open_index(folder)
        seconds, size = json.loads(stats.read_text())["seconds"], json.loads(stats.read_text())["bytes"]
        print(f"reusing the index built in {seconds:.0f} s", file=sys.stderr)
    else:
        index, seconds, size = build_whoosh(folder, records, args.stemmer)
        stats.write_text(json.dumps({"seconds": seconds, "bytes": size}))
    print(f"full build: {len(records)} articles, {seconds:.0f} s, {size / 1e6:.0f} MB",
          file=sys.stderr)
    whoosh_table, whoosh_latency = evaluate(whoosh_ranker(index, True), queries, titles)
    columns = [(f"whoosh-{args.stemmer}+skel", whoosh_table)]
    perf = [("whoosh", seconds, size, whoosh_latency)]
    if args.pg:
        conn, pg_seconds, pg_size = build_pg(records)
        pg_table, pg_latency = evaluate(pg_ranker(conn), queries, titles)
        columns.append(("pg-arabic", pg_table))
        perf.append(("postgres arabic", pg_seconds, pg_size, pg_latency))
    if args.pg_backend:
        conn, pg_seconds, pg_size = build_pgindex(records, args.stemmer)
        pg_table, pg_latency = evaluate(pgindex_ranker(conn, args.stemmer), queries, titles)
        columns.append(("postgres-backend", pg_table))
        perf.append(("postgres backend (ranking only)", pg_seconds, pg_size, pg_latency))
    report = [f"Full corpus: {len(records)} articles (ANT 2018 + seed), {len(queries)} queries.\n",
              markdown_table(columns), "",
              "| engine | build s | index MB | p50 ms | p95 ms |", "|---|---|---|---|---|"]
    for name, sec, size_bytes, lat in perf:
        report.append(f"| {name} | {sec:.0f} | {size_bytes / 1e6:.0f} | "
                      f"{percentile(lat, 50):.1f} | {percentile(lat, 95):.1f} |")
    emit("\n".join(report), args.out or ROOT / "bench" / "search_full.md")
    if not (args.keep or args.reuse):
        shutil.rmtree(folder, ignore_errors=True)


def copy_groups(records):
    """{external id: copy group number} as the stories engine finds copies in the corpus
    (articles.stories: plain Python, the same rule group_stories runs)."""
    from articles.stories import group_documents
    from articles.stories.terms import Document

    documents = [Document(r["external_id"], r["source_code"], r["published"], r["title"],
                          f"{r['abstract']}\n{r['body']}") for r in records if r["published"]]
    _groups, copies = group_documents(documents)
    return {key: n for n, group in enumerate(copies) for key in group}


def copies(args):
    """Known-item search with and without copies folded (articles.stories.folding): where
    does the target's line rank, and how often does a copy of the target take first place?
    Strict: only the target itself counts, not an article with the same title."""
    from articles.stories.folding import fold_copies

    queries = load_queries()
    records = list(corpus_records()) + [seed_record()]
    folder = WORK / "full"
    if args.reuse and store.index_state(folder, args.stemmer) == "ok":
        index = store.open_index(folder)
    else:
        index, _seconds, _size = build_whoosh(folder, records, args.stemmer)
    started = time.perf_counter()
    group_of = copy_groups(records)
    grouping_seconds = time.perf_counter() - started
    source_of = {r["external_id"]: r["source_code"] for r in records}
    before, after = [], []
    lost_to_copy = lost_to_same_outlet_copy = first_as_also_in = 0
    for item in queries:
        # Twice the depth, so that K lines remain after folding.
        outcome = index.search(item["query"], per_page=2 * K, time_limit=30)
        ranked = [h.fields["external_id"] for h in outcome.hits]
        target = item["target"]
        position = ranked.index(target) + 1 if target in ranked[:K] else None
        before.append(position)
        if position != 1 and ranked and group_of.get(ranked[0]) is not None \
                and group_of.get(ranked[0]) == group_of.get(target):
            lost_to_copy += 1
            lost_to_same_outlet_copy += source_of.get(ranked[0]) == source_of.get(target)
        lines = fold_copies(ranked, group_of)[:K]
        after.append(next((n + 1 for n, (key, folded) in enumerate(lines) if target == key or target in folded), None))
        first_as_also_in += bool(lines) and target in lines[0][1]

    def summary(positions):
        return (sum(1 for p in positions if p != 1), statistics.mean(1 / p if p else 0.0 for p in positions),
                statistics.mean(1.0 if p else 0.0 for p in positions))

    not_first_before, mrr_before, recall_before = summary(before)
    not_first_after, mrr_after, recall_after = summary(after)
    lost_after = sum(1 for b, a in zip(before, after) if a != 1 and b == 1)
    report = [
        f"Known-item search with copies folded: {len(records)} articles, {len(queries)} queries, "
        f"{len(set(group_of.values()))} copy groups ({len(group_of)} articles) found by the stories "
        f"engine in {grouping_seconds:.0f} s. Strict: only the target article counts.\n",
        "| | target not first | of them, a copy of the target first | MRR@10 | R@10 |",
        "|---|---|---|---|---|",
        f"| one line per article | {not_first_before} | {lost_to_copy} ({lost_to_same_outlet_copy} the same outlet's) "
        f"| {mrr_before:.3f} | {recall_before:.3f} |",
        f"| copies folded (target's line) | {not_first_after} | 0 (a copy shares its line) "
        f"| {mrr_after:.3f} | {recall_after:.3f} |",
        "",
        f"Queries first before and not after: {lost_after}. Of the targets whose line is first, "
        f"{first_as_also_in} are the line's \"also in\" link (a copy of theirs ranked above them).",
    ]
    emit("\n".join(report), args.out or ROOT / "bench" / "search_copies.md")


def emit(text, path):
    print(text)
    Path(path).write_text(text + "\n", encoding="utf-8")
    print(f"(written to {path})", file=sys.stderr)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("queries", help="build bench/search_queries.jsonl from the corpus")
    c = sub.add_parser("compare", help="stemmers × skeleton on a subset")
    c.add_argument("--subset", type=int, default=6000)
    c.add_argument("--stemmers", default="none,light,snowball,isri")
    c.add_argument("--out")
    f = sub.add_parser("full", help="full corpus: quality, latency, build time, size")
    f.add_argument("--stemmer", default=store.DEFAULT_STEMMER)
    f.add_argument("--pg", action="store_true", help="also PostgreSQL `arabic` (DATABASE_URL)")
    f.add_argument("--pg-backend", action="store_true",
                   help="also the archive's PostgreSQL backend (articles.text.pgindex; DATABASE_URL)")
    f.add_argument("--keep", action="store_true", help="keep the built index in EVAL_WORK_DIR")
    f.add_argument("--reuse", action="store_true",
                   help="use the index kept by an earlier --keep run (and its build time)")
    f.add_argument("--out")
    c = sub.add_parser("copies", help="known-item search before and after copies are folded")
    c.add_argument("--stemmer", default=store.DEFAULT_STEMMER)
    c.add_argument("--reuse", action="store_true", help="use the index kept by `full --keep`")
    c.add_argument("--out")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        sys.exit(f"corpus not found at {CORPUS}")
    WORK.mkdir(parents=True, exist_ok=True)
    {"queries": lambda a: build_query_set(), "compare": compare, "full": full, "copies": copies}[args.command](args)


if __name__ == "__main__":
    main()
