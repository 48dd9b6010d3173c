"""Two imports at once never lose statements (issue 11).

Two real `manage.py import_articles` processes import, at the same time, files whose
articles quote the same speakers, new to the archive, plus files both processes import.
Each process links speakers through a directory of the archive's speakers read before its
transaction; in an archive of real size that read takes a while, and the other process
commits the very speakers and aliases this one is about to create (a unique slug or alias
spelling refused). Afterwards every article must have exactly the statements a
sequential import gives it, no name may belong to two speakers, both processes must exit
0, and the index must be in step.

On SQLite each archive is a database file under tmp_path; under `make test-postgres` each
is a fresh database on the suite's PostgreSQL server.
"""

import json
import os
import secrets
import subprocess
import sys
from urllib.parse import quote

import pytest
from django.db import connection

from articles.models import Speaker, SpeakerAlias, Statement
from articles.statements import SpeakerDirectory, _empty_summary, _store_chunk_retrying, extract_and_store
from tests.conftest import ROOT, SEED_ARTICLE


FIRST_NAMES = ("سامي نبيل خالد عمر يوسف طارق ماجد فادي رامي وليد هشام باسل عادل كريم مازن "
               "جمال حسام ناصر زياد أنور منير رياض صلاح فريد").split()
LAST_NAMES = ("العمري الحسيني النجار الخطيب الحداد السعدي الربيعي الدوري القيسي التميمي "
              "الزبيدي الجبوري العبيدي الكبيسي المشهداني الراوي البياتي الساعدي المالكي "
              "الأنصاري الشهابي الفلاحي الهاشمي الطائي").split()
TITLES = ("وزير الخارجية", "رئيس الوزراء", "وزير المالية", "وزير الداخلية")
CLAIMS = ("الاتفاق سيوقع خلال الأسبوع المقبل في العاصمة", "الحكومة ستدعم المزارعين هذا العام",
          "المفاوضات مستمرة بين الجانبين منذ أشهر", "الأسعار ستنخفض قبل نهاية الصيف")
SPEAKERS = [f"{first} {last}" for first, last in zip(FIRST_NAMES, LAST_NAMES)]
ROUNDS = len(SPEAKERS)
# Articles per import batch: each batch brings speakers new to the archive.
BATCH = 8
# Speakers already in the archive, as in a real one: what makes reading the
# directory take long enough for the other process to commit meanwhile.
ARCHIVE_SPEAKERS = 20_000


def article(prefix, number):
    """An article quoting three speakers: number, number+1, number+2 (the last one new)."""
    sentences = []
    for k in range(3):
        who = (number + k) % ROUNDS
        sentences.append(f"وقال {TITLES[who % len(TITLES)]} {SPEAKERS[who]} إن "
                         f"{CLAIMS[(number + k) % len(CLAIMS)]} كما ورد في التقرير رقم {number} من {prefix}.")
    return {
        "id": f"{prefix}-{number:03d}", "title": f"تصريحات اليوم {number} ({prefix})",
        "body": "\n".join(sentences), "source": "سكاي نيوز عربية", "source_code": "skynews",
        "category": "سياسة", "published": f"2018-03-{1 + number % 28:02d}T10:00:00Z",
        "url": f"https://example.org/{prefix}/{number}",
    }


def write_files(folder, prefix):
    """One small file per article, as a feed drops them."""
    folder.mkdir()
    for number in range(ROUNDS):
        (folder / f"{number:03d}.jsonl").write_text(
            json.dumps(article(prefix, number), ensure_ascii=False) + "\n", encoding="utf-8")
    return folder


# --- archives on the suite's database engine -----------------------------------------------


@pytest.fixture
def new_database(tmp_path):
    """new_database(name) → a DATABASE_URL of an empty database of the suite's engine."""
    if connection.vendor == "sqlite":
        yield lambda name: f"sqlite:///{tmp_path / name}.sqlite3"
        return
    if connection.vendor != "postgresql":
        pytest.skip(f"no second database for {connection.vendor}")
    import psycopg

    params = {key: value for key, value in connection.get_connection_params().items()
              if key in ("host", "port", "user", "password")}
    made = []

    def server():
        return psycopg.connect(**params, dbname="postgres", autocommit=True)

    def make(name):
        name = f"{name}_{secrets.token_hex(4)}"
        with server() as pg:
            pg.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        who = quote(params.get("user") or "") + (f":{quote(params['password'])}" if params.get("password") else "")
        host = params.get("host") or "localhost"
        if host.startswith("/"):  # a Unix socket folder (scripts/with_postgres.py)
            return f"postgres://{who}@/{name}?host={quote(host)}"
        return f"postgres://{who}@{host}:{params.get('port') or 5432}/{name}"

    yield make
    with server() as pg:
        for name in made:
            pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Archive:
    """One archive (database + index folder) driven by manage.py subprocesses."""

    def __init__(self, folder, database_url):
        folder.mkdir()
        self.folder = folder
        self.env = dict(
            os.environ, DATABASE_URL=database_url, NEWSARCHIVE_INDEX_DIR=str(folder / "index"),
            DJANGO_SETTINGS_MODULE="newsarchive.settings", DJANGO_DEBUG="0",
            SECRET_KEY=secrets.token_urlsafe(40), PYTHONUNBUFFERED="1",
        )
        self.run("migrate", "--noinput", "-v", "0")
        self.run("shell", "-v", "0", "-c", POPULATE.format(count=ARCHIVE_SPEAKERS))

    def command(self, *args):
        return [sys.executable, "manage.py", *map(str, args)]

    def run(self, *args):
        result = subprocess.run(self.command(*args), cwd=ROOT, env=self.env, capture_output=True,
                                text=True, timeout=600)
        assert result.returncode == 0, result.stdout + result.stderr
        return result

    def start(self, *args):
        return subprocess.Popen(self.command(*args), cwd=ROOT, env=self.env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def contents(self):
        """{external id: sorted statements (start, end, kind, speaker name, text)}, and every
        speaker's name."""
        return json.loads(self.run("shell", "-v", "0", "-c", DUMP).stdout)


POPULATE = """
from articles.models import Speaker, SpeakerAlias
from articles.text.normalize import normalize_arabic
speakers = Speaker.objects.bulk_create(
    [Speaker(name=f"شخصية من الأرشيف {{n}}", slug=f"archive-{{n}}", kind="person") for n in range({count})],
    batch_size=2000)
SpeakerAlias.objects.bulk_create(
    [SpeakerAlias(speaker=s, name=s.name, normalized=normalize_arabic(s.name)) for s in speakers],
    batch_size=2000)
"""

DUMP = """
import json
from articles.models import Article, Speaker
statements = {
    a.external_id: sorted([s.start, s.end, s.kind, s.speaker.name if s.speaker else "", s.text]
                          for s in a.statements.all())
    for a in Article.objects.prefetch_related("statements__speaker")
}
speakers = Speaker.objects.exclude(slug__startswith="archive-").values_list("name", flat=True)
print(json.dumps({"statements": statements, "speakers": list(speakers)}, ensure_ascii=False))
"""


@pytest.mark.slow
def test_two_imports_at_once_store_every_statement_once(tmp_path, new_database):
    first, second = write_files(tmp_path / "first", "أ"), write_files(tmp_path / "second", "ب")
    both = write_files(tmp_path / "both", "مشترك")  # imported by both processes

    sequential = Archive(tmp_path / "sequential", new_database("sequential"))
    sequential.run("import_articles", "--no-progress", "--batch-size", BATCH, first, both)
    sequential.run("import_articles", "--no-progress", "--batch-size", BATCH, second, both)
    expected = sequential.contents()
    assert len(expected["statements"]) == 3 * ROUNDS
    assert all(len(found) == 3 for found in expected["statements"].values())
    assert sorted(expected["speakers"]) == sorted(SPEAKERS)

    concurrent = Archive(tmp_path / "concurrent", new_database("concurrent"))
    processes = [concurrent.start("import_articles", "--no-progress", "--batch-size", BATCH, first, both),
                 concurrent.start("import_articles", "--no-progress", "--batch-size", BATCH, second, both)]
    outputs = [process.communicate(timeout=600) for process in processes]
    for process, (out, err) in zip(processes, outputs):
        assert process.returncode == 0, out + err
    # The race took place: a process had its speakers refused and stored them again.
    assert any("another process wrote the same speakers" in err for _out, err in outputs), outputs
    got = concurrent.contents()
    assert got["statements"] == expected["statements"]
    assert sorted(got["speakers"]) == sorted(SPEAKERS), "one speaker per name"
    concurrent.run("check_index")


# --- one process, the other writer's rows made in between ----------------------------------


@pytest.mark.django_db
def test_a_speaker_another_process_created_meanwhile_is_linked_not_made_twice(make_article):
    stored = make_article("politics-1", "تصريحات", article("أ", 0)["body"])
    directory = SpeakerDirectory()  # read before the other process commits
    other = Speaker.objects.create(name=SPEAKERS[1], slug="made-by-the-other-import", kind="person")
    SpeakerAlias.objects.create(speaker=other, name=SPEAKERS[1])

    summary, changed = _empty_summary(), set()
    _store_chunk_retrying([stored.pk], directory, summary, changed)

    assert Speaker.objects.filter(name=SPEAKERS[1]).count() == 1
    assert [s.speaker.name for s in Statement.objects.filter(article=stored).order_by("start")] == SPEAKERS[:3]
    assert Statement.objects.get(article=stored, speaker__name=SPEAKERS[1]).speaker == other
    assert (summary["created"], summary["failed"], changed) == (3, 0, {stored.pk})


REFUSE_NEW_SPEAKERS = {
    "sqlite": ["CREATE TRIGGER refuse_speakers BEFORE INSERT ON articles_speaker "
               "BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: articles_speaker.slug'); END"],
    "postgresql": [
        "CREATE FUNCTION refuse_speakers() RETURNS trigger AS $$ BEGIN "
        "RAISE unique_violation USING MESSAGE = 'duplicate key value violates unique constraint'; END $$ "
        "LANGUAGE plpgsql",
        "CREATE TRIGGER refuse_speakers BEFORE INSERT ON articles_speaker FOR EACH ROW "
        "EXECUTE FUNCTION refuse_speakers()",
    ],
}


@pytest.mark.django_db
def test_a_chunk_refused_every_time_is_reported_failed_never_dropped():
    """Bounded retries: a database that refuses the chunk's new speakers every time (a
    trigger here) gets CHUNK_ATTEMPTS tries, then every article of the chunk is a named
    failure, and the import says so and exits 1."""
    from articles.importing.importer import import_paths
    from articles.models import Article
    from articles.statements import CHUNK_ATTEMPTS

    with connection.cursor() as cursor:
        for statement in REFUSE_NEW_SPEAKERS[connection.vendor]:
            cursor.execute(statement)

    report = import_paths([SEED_ARTICLE])
    article = Article.objects.get()
    assert (report.imported, report.failed) == (1, 1)
    assert f"article {article.external_id} stored but its statements not extracted" in str(report.failures[0])
    assert f"refused them {CHUNK_ATTEMPTS} times" in str(report.failures[0])
    assert not Statement.objects.exists()

    summary = extract_and_store([article.pk])
    assert (summary["failed"], summary["articles"]) == (1, 0)
    [(external_id, reason)] = summary["failures"]
    assert external_id == article.external_id
    assert f"refused them {CHUNK_ATTEMPTS} times" in reason and "IntegrityError" in reason
