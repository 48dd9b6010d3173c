"""Faults: killed indexers and importers, concurrent writers, a locked, missing or stale
index, and a database that cannot be reached.

The processes are real: `manage.py` subprocesses on their own SQLite database and index
folder under tmp_path, killed with SIGKILL mid-way. What must hold afterwards: no
half-written article, `check_index` says exactly what is missing, `rebuild_index` repairs it.
"""

import json
import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.urls import reverse

from tests.conftest import ROOT

WORDS = ("الحكومة البرلمان الاقتصاد الانتخابات المفاوضات الأمم المتحدة مجلس الأمن الوزير "
         "العاصمة المدينة القوات الاتفاق الأزمة السياسية المنطقة الرئيس الشعب التقرير "
         "المؤتمر الجامعة المستشفى الطاقة النفط الزراعة المياه الحدود اللاجئين المساعدات").split()


def synthetic_articles(prefix, count, words=120):
    """Deterministic Arabic news-like records in the corpus's JSONL shape."""
    records = []
    for i in range(count):
        body = []
        for s in range(words // 12):
            chosen = [WORDS[(i * 7 + s * 3 + k * 5) % len(WORDS)] for k in range(10)]
            body.append(f"وقال الوزير {prefix}{i} إن " + " ".join(chosen) + ".")
        records.append({
            "id": f"{prefix}-{i:05d}",
            "title": f"تقرير {prefix} رقم {i} عن {WORDS[i % len(WORDS)]}",
            "abstract": "",
            "body": "\n".join(body),
            "source": "سكاي نيوز عربية",
            "source_code": "skynews",
            "category": "العالم",
            "published": f"2018-0{1 + i % 9}-{1 + i % 28:02d}T10:00:00Z",
            "url": f"https://example.org/{prefix}/{i}",
        })
    return records


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


class Site:
    """One archive (database + index folder) driven by manage.py subprocesses."""

    def __init__(self, folder, **env):
        self.folder = folder
        self.db = folder / "db.sqlite3"
        self.index = folder / "index"
        self.env = dict(
            os.environ,
            DATABASE_URL=f"sqlite:///{self.db}",
            NEWSARCHIVE_INDEX_DIR=str(self.index),
            DJANGO_SETTINGS_MODULE="newsarchive.settings",
            DJANGO_DEBUG="0",
            SECRET_KEY=secrets.token_urlsafe(40),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            PYTHONUNBUFFERED="1",
            **env,
        )

    def argv(self, *args):
        return [sys.executable, "manage.py", *map(str, args)]

    def run(self, *args, timeout=300, env=None):
        return subprocess.run(self.argv(*args), cwd=ROOT, env={**self.env, **(env or {})},
                              capture_output=True, text=True, timeout=timeout)

    def ok(self, *args, **kwargs):
        result = self.run(*args, **kwargs)
        assert result.returncode == 0, result.stdout + result.stderr
        return result

    def start(self, *args, log_name="proc.log", env=None):
        log = open(self.folder / log_name, "w")
        proc = subprocess.Popen(self.argv(*args), cwd=ROOT, env={**self.env, **(env or {})},
                                stdout=log, stderr=subprocess.STDOUT)
        proc.log_path = self.folder / log_name
        return proc

    def sql(self, query, *params):
        con = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=30)
        try:
            return con.execute(query, params).fetchall()
        finally:
            con.close()

    def article_ids(self):
        return {row[0] for row in self.sql("SELECT external_id FROM articles_article")}

    def indexed_ids(self):
        """external ids in the live articles index, read with Whoosh directly."""
        from whoosh import index

        ix = index.open_dir(str(self.index), indexname="articles")
        with ix.searcher() as searcher:
            return {fields["external_id"] for fields in searcher.all_stored_fields()}


def wait_for(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def sigkill(proc):
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    assert proc.returncode == -signal.SIGKILL, "the process ended before it could be killed"


def check_index_output(site):
    result = site.run("check_index")
    return result.returncode, result.stdout + result.stderr


@pytest.fixture
def site(tmp_path):
    site = Site(tmp_path)
    site.ok("migrate", "--noinput", "-v", "0")
    return site


@pytest.fixture
def base_archive(site, tmp_path):
    """200 articles stored, extracted and indexed; the live index matches the database."""
    first = write_jsonl(tmp_path / "first.jsonl", synthetic_articles("أ", 200))
    site.ok("import_articles", "--no-progress", first)
    assert site.indexed_ids() == site.article_ids()
    return site


@pytest.mark.slow
def processes_with(text):
    """Pids of live processes whose environment mentions `text` (this test's folders)."""
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if text.encode() in environ.read_bytes():
                found.append(int(environ.parent.name))
        except OSError:
            continue
    return found


def test_sigkill_during_rebuild_index_keeps_the_live_index_and_rebuild_repairs(base_archive, tmp_path):
    site = base_archive
    more = synthetic_articles("ب", 800)
    site.ok("import_articles", "--no-progress", "--no-process", write_jsonl(tmp_path / "more.jsonl", more))
    before = site.indexed_ids()
    missing = site.article_ids() - before
    assert len(missing) == 800

    proc = site.start("rebuild_index", log_name="rebuild.log")
    # The first progress line comes after 500 articles of 1000: mid-way.
    wait_for(lambda: "indexing:" in proc.log_path.read_text(), 180, "rebuild progress")
    sigkill(proc)
    # Its workers die with it (hostile testing found one waiting on the pool's queue for
    # half an hour after its parent was killed).
    wait_for(lambda: not processes_with(str(site.index)), 15, "the killed rebuild's workers to end")

    # The half-built index was beside the live one, which is untouched and still usable.
    assert site.indexed_ids() == before
    code, out = check_index_output(site)
    assert code == 1
    assert f"missing ({len(missing)}, not in the index)" in out
    assert "rebuild_index" in out
    search = site.ok("search", "تقرير")
    assert search.returncode == 0

    site.ok("rebuild_index")
    assert site.indexed_ids() == site.article_ids()
    code, out = check_index_output(site)
    assert code == 0, out
    # No building folder is left to be mistaken for an index; at most the killed one,
    # which the next rebuild removes once it is old enough not to be a rebuild starting.
    leftovers = [p for p in site.index.parent.iterdir() if ".building-" in p.name]
    assert len(leftovers) <= 1
    for folder in leftovers:
        old = time.time() - 3600
        os.utime(folder, (old, old))
    site.ok("rebuild_index")
    assert not [p for p in site.index.parent.iterdir() if ".building-" in p.name]
    assert not (site.index / ".building.lock").exists()


@pytest.mark.slow
def test_sigkill_during_bulk_import_leaves_whole_batches_and_check_index_says_what_is_missing(
        base_archive, tmp_path):
    site = base_archive
    records = synthetic_articles("ج", 800)
    by_id = {r["id"]: r for r in records}
    path = write_jsonl(tmp_path / "bulk.jsonl", records)
    before = site.article_ids()

    proc = site.start("import_articles", "--no-progress", "--batch-size", "50", path,
                      log_name="import.log")
    wait_for(lambda: len(site.sql("SELECT id FROM articles_article")) >= len(before) + 100,
             180, "two committed batches")
    sigkill(proc)

    new = site.article_ids() - before
    assert 0 < len(new) < len(records), "killed mid-way"
    # Each batch is one transaction: only whole batches are stored...
    assert len(new) % 50 == 0, len(new)
    # ... and every stored article is whole, exactly as in the file.
    for external_id, title, body, content_hash in site.sql(
            "SELECT external_id, title, body, content_hash FROM articles_article"):
        if external_id in by_id:
            assert title == by_id[external_id]["title"]
            assert body == by_id[external_id]["body"]
            assert len(content_hash) == 64

    # check_index reports exactly the stored articles the index lacks.
    missing = site.article_ids() - site.indexed_ids()
    code, out = check_index_output(site)
    if missing:
        assert code == 1
        assert f"missing ({len(missing)}, not in the index)" in out
        if len(missing) <= 20:
            assert all(m in out for m in missing)
    assert "extra (" not in out  # nothing in the index that the database lacks

    # Running the same import again finishes the job, the index included, and changes
    # nothing already stored: the articles a killed batch stored and extracted but never
    # indexed are found unchanged and indexed all the same (hostile testing: the re-run
    # reported success while they stayed out of search until a rebuild_index).
    result = site.ok("import_articles", "--no-progress", path)
    assert f"unchanged {len(new)}" in result.stdout
    assert site.article_ids() == before | set(by_id)
    code, out = check_index_output(site)
    assert code == 0, out
    assert site.indexed_ids() == site.article_ids()

    site.ok("rebuild_index")
    code, out = check_index_output(site)
    assert code == 0, out
    assert site.indexed_ids() == site.article_ids()


EDIT_SCRIPT = """
from articles.models import Article
article = Article.objects.get(external_id={external_id!r})
article.title = {title!r}
article.save()
print("edited", article.pk)
"""


@pytest.mark.slow
def test_import_and_an_edit_at_once_both_reach_database_and_index(base_archive, tmp_path):
    site = base_archive
    records = synthetic_articles("د", 400)
    path = write_jsonl(tmp_path / "concurrent.jsonl", records)
    importing = site.start("import_articles", "--no-progress", "--batch-size", "50", path,
                           log_name="import.log")
    before = len(site.article_ids())
    wait_for(lambda: len(site.sql("SELECT id FROM articles_article")) > before, 120,
             "the import to start writing")
    # The editor saves while the import holds the database and index in turns.
    edit = site.run("shell", "-c", EDIT_SCRIPT.format(external_id="أ-00007",
                                                      title="عنوان معدل زنجبيل"))
    assert edit.returncode == 0, edit.stderr
    assert importing.wait(300) == 0, importing.log_path.read_text()

    assert site.sql("SELECT title FROM articles_article WHERE external_id = 'أ-00007'") == [
        ("عنوان معدل زنجبيل",)]
    assert {r["id"] for r in records} <= site.article_ids()
    code, out = check_index_output(site)
    assert code == 0, out
    found = site.ok("search", "زنجبيل")
    assert "أ-00007" in found.stdout
    found = site.ok("search", '"تقرير د رقم 399"')
    assert "د-00399" in found.stdout


HOLD_LOCK = """
import sys, time
from whoosh import index
ix = index.open_dir(sys.argv[1], indexname="articles")
writer = ix.writer()
print("locked", flush=True)
time.sleep(120)
"""


@pytest.mark.slow
def test_writer_that_cannot_get_the_index_lock_says_so(base_archive, tmp_path):
    site = base_archive
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(site.index)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        path = write_jsonl(tmp_path / "locked.jsonl", synthetic_articles("ه", 50))
        started = time.monotonic()
        result = site.run("import_articles", "--no-progress", path,
                          env={"NEWSARCHIVE_INDEX_LOCK_TIMEOUT": "1"})
        assert time.monotonic() - started < 60
        output = result.stdout + result.stderr
        assert result.returncode == 1
        assert "locked by another writer" in output and "waited 1 s" in output
        assert "rebuild_index" in output
        # The articles are stored (whole); only the index lags, and check_index says so.
        assert len(site.article_ids()) == 250

        edit = site.run("shell", "-c", EDIT_SCRIPT.format(external_id="أ-00001", title="محرر"),
                        env={"NEWSARCHIVE_INDEX_LOCK_TIMEOUT": "1"})
        assert edit.returncode == 0  # the edit itself is saved ...
        assert "locked by another writer" in edit.stderr  # ... and the lag is reported
    finally:
        holder.kill()
        holder.wait(30)
    code, out = check_index_output(site)
    assert code == 1
    assert "missing (50, not in the index)" in out
    assert "stale (1, changed since indexed)" in out
    site.ok("rebuild_index")
    code, out = check_index_output(site)
    assert code == 0, out


# --- the site when the index is unusable -------------------------------------------------


@pytest.fixture
def article(db):
    from articles.models import Article, Source

    source = Source.objects.create(name="فرانس 24", code="france24")
    return Article.objects.create(external_id="fault-1", title="عنوان المقال", body="نص المقال كاملا.",
                                  source=source, content_hash="f" * 64)


def assert_index_page(client, article):
    for name in ("search", "statements"):
        response = client.get(reverse(name), {"q": "المقال"})
        assert response.status_code == 503, name
        html = response.content.decode()
        assert "rebuild_index" in html
        assert 'dir="rtl"' in html
        assert "Traceback" not in html
    for name in ("api_search", "search_export"):
        response = client.get(reverse(name), {"q": "المقال"})
        assert response.status_code == 503, name
    response = client.get(reverse("article", args=[article.external_id]))
    assert response.status_code == 200
    assert "نص المقال كاملا" in response.content.decode()
    assert client.get(reverse("home")).status_code == 200


def test_missing_index_folder_gives_the_rebuild_page_and_articles_still_load(client, article, index_dir):
    assert not index_dir.exists()
    assert_index_page(client, article)


def test_unreadable_index_gives_the_rebuild_page(client, article, index_dir):
    from articles.indexing import index_articles

    index_articles([article.pk])
    # Root can read any file, so "unreadable" is a folder whose metadata is garbage.
    (index_dir / "index.json").write_bytes(b"\x00\xff not json")
    assert_index_page(client, article)


def test_index_path_that_is_a_file_gives_the_rebuild_page(client, article, index_dir):
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    index_dir.write_text("not a folder")
    assert_index_page(client, article)


def test_index_of_an_older_analyzer_gives_the_rebuild_page(client, article, index_dir):
    from articles.indexing import index_articles

    index_articles([article.pk])
    meta = json.loads((index_dir / "index.json").read_text())
    meta["analyzer_version"] = "ar-0-light"
    (index_dir / "index.json").write_text(json.dumps(meta))
    assert_index_page(client, article)


@pytest.mark.slow
def test_commands_say_what_to_run_when_the_index_is_stale(site):
    site.ok("import_articles", "--no-progress", "--no-process", ROOT / "seeds")
    for command in (["check_index"], ["search", "الحكومة"]):
        result = site.run(*command)
        assert result.returncode != 0, command
        assert "rebuild_index" in result.stdout + result.stderr, command
        assert "Traceback" not in result.stderr, command
    site.ok("rebuild_index")
    meta = json.loads((site.index / "index.json").read_text())
    meta["analyzer_version"] = "ar-0-light"
    (site.index / "index.json").write_text(json.dumps(meta))
    result = site.run("check_index")
    assert result.returncode != 0
    assert "ar-0-light" in result.stderr and "rebuild_index" in result.stderr
    assert "Traceback" not in result.stderr
    site.ok("rebuild_index", "--if-stale")
    site.ok("check_index")


# --- the database cannot be reached --------------------------------------------------------


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_database_unavailable_gives_a_503_page_not_a_traceback(tmp_path):
    # A PostgreSQL URL whose socket folder does not exist: every connection fails.
    site = Site(tmp_path, DJANGO_SECURE_SSL_REDIRECT="0", DJANGO_HSTS_SECONDS="0",
                STATIC_ROOT=str(tmp_path / "static"))
    site.env["DATABASE_URL"] = f"postgres://postgres@/newsarchive?host={tmp_path / 'no-such-socket-dir'}"
    site.ok("collectstatic", "--noinput", "-v", "0")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "newsarchive.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"],
        cwd=ROOT, env=site.env, stdout=subprocess.DEVNULL, stderr=open(tmp_path / "gunicorn.log", "w"),
    )
    try:
        def get(path):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as r:
                    return r.status, r.read().decode(), dict(r.headers)
            except urllib.error.HTTPError as error:
                return error.code, error.read().decode(), dict(error.headers)

        def up():
            try:
                get("/static/fonts/OFL.txt")
                return True
            except OSError:
                return False

        wait_for(up, 60, "gunicorn")
        for path in ["/", "/articles/x/", "/search/?q=%D9%84%D8%A8%D9%86%D8%A7%D9%86", "/speakers/x/"]:
            status, html, headers = get(path)
            assert status == 503, (path, status)
            if not path.startswith("/search/"):  # (no index here either: that page may say so)
                assert "قاعدة البيانات" in html, path
            assert 'dir="rtl"' in html
            assert "Traceback" not in html and "OperationalError" not in html
            assert headers.get("Retry-After")
    finally:
        server.terminate()
        server.wait(30)


def test_indexing_a_batch_with_more_than_a_thousand_speakers(article):
    # SQLite refuses expressions deeper than 1,000 terms; one indexing batch of the full
    # corpus quotes more distinct speakers than that (it broke rebuild_index once).
    from whoosh import index as windex

    from articles.indexing import index_articles, index_folder
    from articles.models import Article, Speaker, Statement

    body = "قال المتحدث إن الاتفاق قريب. " * 3
    articles = Article.objects.bulk_create([
        Article(external_id=f"many-{i}", title=f"مقال {i}", body=body, source=article.source,
                content_hash=f"{i:064d}") for i in range(300)
    ])
    speakers = Speaker.objects.bulk_create([
        Speaker(name=f"متحدث {i}", slug=f"speaker-{i}") for i in range(1200)
    ])
    Statement.objects.bulk_create([
        Statement(article=articles[i % 300], speaker=speaker, text=body[13:28], kind="reported",
                  verb="قال", start=13 + 30 * (i // 300), end=28 + 30 * (i // 300))
        for i, speaker in enumerate(speakers)
    ])
    assert index_articles([a.pk for a in articles]) == 300
    with windex.open_dir(str(index_folder()), indexname="statements").searcher() as searcher:
        assert searcher.doc_count() == 1200
