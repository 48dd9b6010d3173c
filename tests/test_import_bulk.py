"""The bulk path of import_articles (issue 14): an input large for the archive is stored
whole, then extracted, then indexed once (one rebuild on every core), and keeps every
guarantee of the batch-by-batch path: the same statements and index, idempotence, every
rejected line reported, a killed import finished by a re-run, progress, the summary line."""

import json
import os
import signal
import subprocess
import sys

import pytest

from articles import indexing, statements
from articles.importing import importer
from articles.importing.importer import import_paths, takes_bulk_path
from articles.models import Article, ArticleCopy, GroupingRun, Speaker, Statement, Story, StoryMembership
from articles.search import search_articles
from tests.conftest import ROOT, SEEDS_DIR
from tests.test_faults import site, synthetic_articles, write_jsonl  # noqa: F401

SAMPLE = SEEDS_DIR / "ant-sample"  # 26 articles of the corpus, as TREC files


@pytest.fixture
def rebuilds(monkeypatch):
    """The rebuilds the import runs (the real ones), counted."""
    calls = []
    real = indexing.rebuild

    def rebuild(*args, **kwargs):
        calls.append(kwargs.get("workers"))
        return real(*args, **kwargs)

    monkeypatch.setattr(indexing, "rebuild", rebuild)
    return calls


def one_article_is(path, count):
    """Make the rule read `path` as holding `count` articles, whatever its real size."""
    files = list(importer.find_files([path]))
    size = sum(importer.decompressed_size(p) for p, _ in files)
    return size // count + 1  # at most `count` then


def archive_contents():
    """What an import leaves: every article's statements with their speakers, and what
    the index says of the database."""
    stored = sorted(
        (s.article.external_id, s.start, s.end, s.kind, s.speaker.name if s.speaker else "")
        for s in Statement.objects.select_related("article", "speaker")
    )
    report = indexing.check()
    return stored, (report["missing"], report["stale"], report["extra"], report["not_extracted"])


# --- the rule --------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_rule_takes_the_bulk_path_only_for_an_input_large_for_the_archive(tmp_path, monkeypatch):
    monkeypatch.setattr(indexing, "REBUILD_MIN_ARTICLES", 50)
    big = write_jsonl(tmp_path / "big.jsonl", synthetic_articles("ب", 60))
    small = write_jsonl(tmp_path / "small.jsonl", synthetic_articles("ص", 10))
    monkeypatch.setattr(importer, "BYTES_PER_ARTICLE", one_article_is(big, 60))
    files = lambda path: list(importer.find_files([path]))  # noqa: E731

    # No index yet: enough articles go the bulk way, a few (the seed) batch by batch.
    assert takes_bulk_path(files(big))
    assert not takes_bulk_path(files(small))
    assert not takes_bulk_path(files(SEEDS_DIR / "000_3685a6476d11d14e.txt"))

    # An index of 100 articles: 60 more is over half of it, 49 would not be.
    import_paths([write_jsonl(tmp_path / "archive.jsonl", synthetic_articles("أ", 100))], bulk=True)
    assert indexing.store.ArchiveIndex(indexing.index_folder()).doc_count() == 100
    assert takes_bulk_path(files(big))
    monkeypatch.setattr(indexing, "REBUILD_MIN_ARTICLES", 40)
    monkeypatch.setattr(importer, "BYTES_PER_ARTICLE", one_article_is(big, 49))
    assert not takes_bulk_path(files(big))


def test_a_gzip_input_is_judged_by_its_size_once_decompressed(tmp_path):
    import gzip

    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in synthetic_articles("ب", 40))
    plain = tmp_path / "articles.jsonl"
    plain.write_text(text, encoding="utf-8")
    packed = tmp_path / "articles.jsonl.gz"
    with gzip.open(packed, "wt", encoding="utf-8") as out:
        out.write(text)
    assert packed.stat().st_size < plain.stat().st_size / 3
    assert importer.decompressed_size(packed) == importer.decompressed_size(plain) == len(text.encode())


@pytest.mark.django_db(transaction=True)
def test_left_to_itself_the_import_rebuilds_once_for_a_large_input_and_never_for_a_small_one(
        tmp_path, monkeypatch, rebuilds):
    monkeypatch.setattr(indexing, "REBUILD_MIN_ARTICLES", 50)
    big = write_jsonl(tmp_path / "big.jsonl", synthetic_articles("ب", 60))
    monkeypatch.setattr(importer, "BYTES_PER_ARTICLE", one_article_is(big, 60))

    report = import_paths([big])
    assert report.summary() == "imported 60, updated 0, unchanged 0, failed 0"
    assert len(rebuilds) == 1
    assert search_articles('"تقرير ب رقم 59"')["total"] == 1

    report = import_paths([write_jsonl(tmp_path / "small.jsonl", synthetic_articles("ص", 10))])
    assert report.summary() == "imported 10, updated 0, unchanged 0, failed 0"
    assert len(rebuilds) == 1, "ten articles into seventy went batch by batch"
    stored, lag = archive_contents()
    assert lag == ([], [], [], [])


# --- the same result as batch by batch ---------------------------------------------------


def empty_the_archive():
    Story.objects.all().delete()
    GroupingRun.objects.all().delete()
    Statement.objects.all().delete()
    Article.objects.all().delete()
    Speaker.objects.all().delete()
    import shutil

    shutil.rmtree(indexing.index_folder(), ignore_errors=True)


def stories_and_copies():
    stories = {frozenset(StoryMembership.objects.filter(story=story).values_list("article__external_id", flat=True))
               for story in Story.objects.all()}
    copies = set(ArticleCopy.objects.values_list("article__external_id", "original__external_id"))
    return stories, copies


@pytest.mark.django_db(transaction=True)
def test_bulk_and_batch_paths_leave_the_same_statements_and_index(rebuilds):
    stages = []
    bulk = import_paths([SAMPLE], bulk=True, stage_progress=lambda *done: stages.append(done))
    assert bulk.summary() == "imported 26, updated 0, unchanged 0, failed 0"
    assert len(rebuilds) == 1
    # Progress is shown for the stages after storing, each up to its total.
    assert stages[-1] == ("index", 26, 26)
    assert ("statements", 26, 26) in stages
    after_bulk = archive_contents()
    hits = search_articles("الرئيس")["total"]
    grouped_bulk = stories_and_copies()
    assert grouped_bulk[0], "the sample has stories"

    empty_the_archive()
    batch = import_paths([SAMPLE], bulk=False, batch_size=20)
    assert batch.summary() == bulk.summary()
    assert len(rebuilds) == 1
    after_batch = archive_contents()

    assert after_bulk == after_batch
    # Both paths group the articles into stories and find their copies, the same way.
    assert Story.objects.exists() and stories_and_copies() == grouped_bulk
    assert after_bulk[0], "the sample has statements"
    assert after_bulk[1] == ([], [], [], [])
    assert search_articles("الرئيس")["total"] == hits > 0


@pytest.mark.django_db(transaction=True)
def test_a_bulk_reimport_changes_nothing_and_does_not_rebuild(rebuilds):
    import_paths([SAMPLE], bulk=True)
    before = archive_contents()
    again = import_paths([SAMPLE], bulk=True)
    assert again.summary() == "imported 0, updated 0, unchanged 26, failed 0"
    assert len(rebuilds) == 1, "nothing behind: the index was only compared, not rebuilt"
    assert archive_contents() == before


@pytest.mark.django_db(transaction=True)
def test_the_bulk_path_reports_every_rejected_line_and_every_article_left_unextracted(
        tmp_path, monkeypatch):
    records = synthetic_articles("ب", 6)
    records[4]["body"] += " علامة-تفشل"
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(2, '{"id": "broken", "title": ')
    lines.insert(4, json.dumps({"id": "untitled", "body": "نص", "source_code": "bbc"}))
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    real_extract = statements._extract

    def extract(body):
        if "علامة-تفشل" in body:
            raise ValueError("the extractor met something it cannot read")
        return real_extract(body)

    monkeypatch.setattr(statements, "_extract", extract)
    met = []
    report = import_paths([path], bulk=True, on_failure=met.append)

    assert report.summary() == "imported 6, updated 0, unchanged 0, failed 3"
    reported = [str(f) for f in met]
    assert reported[0].startswith(f"{path}:3: invalid JSON")
    assert reported[1] == f"{path}:5: missing required field(s): title"
    # The failing article is named at the line it came from, with what to run.
    assert reported[2].startswith(f"{path}:7: article ب-00004 stored but its statements not extracted")
    assert "ValueError" in reported[2] and "extract_statements --article ب-00004" in reported[2]
    # Stored and searchable all the same; check_index lists it as not extracted.
    stored, (missing, stale, extra, not_extracted) = archive_contents()
    assert (missing, stale, extra) == ([], [], [])
    assert not_extracted == ["ب-00004"]


def test_store_only_takes_neither_path(tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    path = write_jsonl(tmp_path / "few.jsonl", synthetic_articles("ب", 2))
    for path_flag in ("--bulk", "--incremental"):
        with pytest.raises(CommandError, match="--no-process stores only"):
            call_command("import_articles", "--no-process", path_flag, str(path))


# --- a killed bulk import, finished by running it again -----------------------------------

KILLED_IMPORT = """
import os, signal, sys
import django
django.setup()
from articles import indexing, statements
{hook}
from django.core.management import execute_from_command_line
execute_from_command_line(["manage.py", "import_articles", "--no-progress", "--bulk", sys.argv[1]])
"""

KILL_POINTS = {
    # Between two chunks of statements: some articles extracted, the rest not.
    "mid-extraction": """
real_store_chunk = statements._store_chunk_retrying
chunks = []
def store_chunk(*args, **kwargs):
    chunks.append(1)
    if len(chunks) == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    return real_store_chunk(*args, **kwargs)
statements._store_chunk_retrying = store_chunk
""",
    # Everything stored and extracted, the index not built yet.
    "before-indexing": """
def rebuild(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
indexing.rebuild = rebuild
""",
}


@pytest.mark.slow
@pytest.mark.parametrize("point", KILL_POINTS)
def test_a_killed_bulk_import_is_finished_by_running_it_again(site, tmp_path, point):  # noqa: F811
    records = synthetic_articles("ب", statements.CHUNK_SIZE + 100)  # two chunks of statements
    path = write_jsonl(tmp_path / "bulk.jsonl", records)
    killed = subprocess.run([sys.executable, "-c", KILLED_IMPORT.format(hook=KILL_POINTS[point]), str(path)],
                            cwd=ROOT, env=site.env, capture_output=True, text=True, timeout=600)
    assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
    assert len(site.article_ids()) == len(records)  # stored whole before the kill
    unextracted = site.sql("SELECT COUNT(*) FROM articles_article WHERE extracted_with = ''")[0][0]
    if point == "mid-extraction":
        assert 0 < unextracted < len(records)
    else:
        assert unextracted == 0
    assert site.run("check_index").returncode == 1

    again = site.ok("import_articles", "--no-progress", "--bulk", path)  # the same command
    assert again.stdout.strip() == f"imported 0, updated 0, unchanged {len(records)}, failed 0"
    assert site.sql("SELECT COUNT(*) FROM articles_article WHERE extracted_with = ''")[0][0] == 0
    site.ok("check_index")
    assert site.indexed_ids() == site.article_ids()
    assert os.listdir(site.folder / "index")
