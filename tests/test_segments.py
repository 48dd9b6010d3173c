"""The faster segment writer and the parallel rebuild give the index a single writer gives.

articles.text.segments replaces Whoosh's posting pool and posting loop, and a rebuild
now writes several segments from several processes. Nothing of that may show in
search: same documents, same ranking, same scores, check_index clean.
"""

import json

import pytest
from whoosh.writing import SegmentWriter

from articles import indexing
from articles.search import search_articles, search_statements
from articles.text import segments, store
from articles.text.schema import ARTICLES, STATEMENTS
from tests.test_faults import synthetic_articles, write_jsonl

QUERIES = ["غوتيريش", "جوتيريش", "وقف القتال", '"هدنة إنسانية"', "أذربيجان -غزة", "ناجورني قره باخ"]


def ranking(search, query):
    result = search(query, per_page=20)
    key = "external_id" if search is search_articles else "id"
    return result["total"], [(r[key], r["score"] if "score" in r else None) for r in result["results"]]


# --- TermPool -----------------------------------------------------------------------


def test_term_pool_gives_postings_in_field_term_docnum_order():
    pool = segments.TermPool()
    postings = [
        ("text", b"b", 0, 1.0, b"\x00\x00\x00\x01"),
        ("text", b"a", 0, 2.0, b"\x00\x00\x00\x02"),
        ("exact", b"z", 1, 1.0, b"pos"),
        ("text", b"a", 3, 1.0, b"\x00\x00\x00\x01"),
        ("text", b"a", 2, 1.0, b"\x00\x00\x00\x01"),  # out of order, as a merge could add
        ("exact", b"z", 0, 3.0, None),
    ]
    for posting in postings:
        pool.add(posting)
    assert list(pool.iter_postings()) == sorted(postings, key=lambda p: (p[0], p[1], p[2]))
    assert pool.postings == len(postings)
    assert pool.fieldnames == {"text", "exact"}


# --- in one process: many segments or one -------------------------------------------


@pytest.mark.django_db
def test_many_small_segments_rank_exactly_like_one(reading_room, monkeypatch):
    indexing.rebuild()
    one = {q: (ranking(search_articles, q), ranking(search_statements, q)) for q in QUERIES}
    assert one["غوتيريش"][0][0] == 2  # the seed and the BBC article: the test has teeth

    monkeypatch.setattr(indexing, "BATCH_SIZE", 1)
    monkeypatch.setattr(indexing, "SEGMENT_POSTINGS", 1)  # a new segment after every article
    indexing.rebuild()
    index = store.open_index(indexing.index_folder())
    assert len(index.searcher(ARTICLES).reader().leaf_readers()) == 2
    many = {q: (ranking(search_articles, q), ranking(search_statements, q)) for q in QUERIES}
    assert many == one
    report = indexing.check()
    assert (report["missing"], report["stale"], report["extra"]) == ([], [], [])


@pytest.mark.django_db
def test_incremental_writes_and_merges_go_through_the_term_pool(reading_room, make_article):
    indexing.rebuild()
    index = store.open_index(indexing.index_folder())
    with index.writer(ARTICLES, timeout=5) as writer:
        assert isinstance(writer, segments.ArchiveSegmentWriter)
        assert isinstance(writer, SegmentWriter)
    # Ten single-article commits make small segments that Whoosh merges as it goes.
    for i in range(10):
        article = make_article(f"extra-{i}", f"تقرير رقم {i} عن غوتيريش", "قال غوتيريش إن الوضع خطير.")
        indexing.index_articles([article.pk])
    assert search_articles("غوتيريش")["total"] == 12
    assert len(index.searcher(ARTICLES).reader().leaf_readers()) < 10


# --- processes: a real database file, manage.py subprocesses --------------------------


@pytest.mark.slow
def test_parallel_rebuild_equals_a_single_process_rebuild(tmp_path):
    from tests.test_faults import Site

    site = Site(tmp_path)
    site.ok("migrate", "--noinput", "-v", "0")
    records = synthetic_articles("د", 300)
    site.ok("import_articles", "--no-progress", write_jsonl(tmp_path / "a.jsonl", records))
    queries = ["تقرير", "الوزير د17", '"الأمم المتحدة"', "النفط -الزراعة"]

    def results():
        out = {}
        for query in queries:
            data = json.loads(site.ok("search", "--json", "--limit", "50", query).stdout)
            data.pop("took_ms", None)
            out[query] = data
        return out

    site.ok("rebuild_index", "--workers", "1")
    single = results()
    assert single["تقرير"]["total"] == 300

    rebuilt = site.ok("rebuild_index", "--workers", "3")
    assert "indexed 300 articles" in rebuilt.stdout
    from whoosh import index as windex

    for name in (ARTICLES, STATEMENTS):
        ix = windex.open_dir(str(site.index), indexname=name)
        with ix.reader() as reader:
            assert len(reader.leaf_readers()) >= 3, name  # one segment per worker at least
    assert results() == single
    check = site.run("check_index")  # statements too: counts in database and index
    assert check.returncode == 0, check.stdout + check.stderr
    leftovers = [p.name for p in site.index.parent.iterdir() if ".building-" in p.name]
    assert leftovers == []
