"""Fixtures shared by the whole suite. Real files and a real database, never mocks."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
SEED_ARTICLE = SEEDS_DIR / "000_3685a6476d11d14e.txt"
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
CORPUS_JSONL = CORPUS_DIR / "ant-news-2018.jsonl.gz"
CORPUS_SAMPLE = CORPUS_DIR / "ant-sample"


def require_corpus(path=CORPUS_DIR):
    """Skip, saying why, when the ANT corpus is not beside the project."""
    if not path.exists():
        pytest.skip(f"ANT corpus not found at {path} (it is never committed; see README)")
    return path


def pytest_addoption(parser):
    parser.addoption(
        "--database-only", action="store_true",
        help="run only the tests that use the database (the PostgreSQL pass: the others are "
             "plain Python, which pytest-django keeps off any database, and ran in the SQLite pass)",
    )


# Fixtures that give a test the database (pytest-django refuses it to every other test).
DATABASE_FIXTURES = {
    "db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback",
    "client", "admin_client", "admin_user", "django_user_model", "live_server",
}


def uses_database(item):
    return (
        item.get_closest_marker("django_db") is not None or item.get_closest_marker("postgres") is not None
        or not DATABASE_FIXTURES.isdisjoint(getattr(item, "fixturenames", ()))
    )


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--database-only"):
        return
    kept = [item for item in items if uses_database(item)]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if not uses_database(item)])
        items[:] = kept


def pytest_report_header(config):
    from django.conf import settings

    db = settings.DATABASES["default"]
    return f"database: {db['ENGINE'].rsplit('.', 1)[-1]} {db.get('HOST') or db['NAME']}"


@pytest.fixture(autouse=True)
def index_dir(tmp_path, settings):
    """Every test writes to its own empty index folder."""
    settings.NEWSARCHIVE_INDEX_DIR = tmp_path / "index"
    return settings.NEWSARCHIVE_INDEX_DIR


@pytest.fixture
def seed_text():
    return SEED_ARTICLE.read_text(encoding="utf-8")


# --- The reading room (tests/test_views_*.py, tests/browser/) -------------------------


@pytest.fixture
def reading_room(db, seed_text):
    """The seed article as the reading room sees it: its outlet, a section, Guterres and
    his statement at its real offsets, plus a second article from another outlet.

    Rows are made in code (the importer is tested on its own); returns a namespace.
    """
    from datetime import datetime, timezone as dt_timezone
    from types import SimpleNamespace

    from articles.models import Article, Section, Source, Speaker, SpeakerAlias, Statement

    lines = seed_text.split("\n")
    title = lines[0].strip()
    body = "\n".join(lines[3:]).strip()
    zat_masr = Source.objects.create(name="ذات مصر", code="zat-masr", site_url="https://example.org/")
    bbc = Source.objects.create(name="بي بي سي عربي", code="bbc-arabic")
    world = Section.objects.create(name="العالم", slug="world")
    seed = Article.objects.create(
        external_id="seed-000", title=title, body=body, source=zat_masr, section=world,
        author="محرر ذات مصر", published=datetime(2023, 9, 20, 12, 0, tzinfo=dt_timezone.utc),
        content_hash="0" * 64,
    )
    other = Article.objects.create(
        external_id="bbc-001", title="غوتيريش يدعو إلى هدنة إنسانية في غزة",
        body='دعا الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى "هدنة إنسانية فورية".\n\nوشارك برنامج ذا فويس The Voice في حملة تبرعات.',
        source=bbc, section=world, published=datetime(2023, 10, 25, 9, 0, tzinfo=dt_timezone.utc),
        content_hash="1" * 64,
    )
    guterres = Speaker.objects.create(
        name="أنطونيو غوتيريش", slug="antonio-guterres", kind="person",
        description="الأمين العام للأمم المتحدة",
    )
    for spelling in ("أنطونيو غوتيريش", "أنطونيو جوتيريش", "جوتيريش", "غوتيريش"):
        SpeakerAlias.objects.create(speaker=guterres, name=spelling)
    quote = '"وقف القتال على الفور"'
    start = body.index(quote)
    statement = Statement.objects.create(
        article=seed, speaker=guterres, speaker_mention="أنطونيو جوتيريش", text=quote,
        kind="direct", verb="دعا", start=start, end=start + len(quote), confidence=0.9,
    )
    other_quote = '"هدنة إنسانية فورية"'
    other_start = other.body.index(other_quote)
    other_statement = Statement.objects.create(
        article=other, speaker=guterres, speaker_mention="أنطونيو غوتيريش", text=other_quote,
        kind="direct", verb="دعا", start=other_start, end=other_start + len(other_quote),
    )
    return SimpleNamespace(
        seed=seed, other=other, guterres=guterres, statement=statement,
        other_statement=other_statement, zat_masr=zat_masr, bbc=bbc, world=world, body=body,
    )


@pytest.fixture
def reading_room_index(reading_room, settings):
    """The reading room's rows in a freshly built search index."""
    from articles import indexing

    indexing.rebuild()
    return reading_room


# --- search engine (issue 4): articles made in code ---------------------------------


@pytest.fixture
def make_article():
    """make_article(external_id, title, body, source=("ذات مصر", "dhat-msr"), section=None,
    published=None, abstract="") → a saved Article (the test must allow db access)."""
    from django.utils.text import slugify

    from articles.models import Article, Section, Source

    def make(external_id, title, body, *, source=("ذات مصر", "dhat-msr"), section=None,
             published=None, abstract=""):
        outlet, _ = Source.objects.get_or_create(code=source[1], defaults={"name": source[0]})
        category = None
        if section:
            category, _ = Section.objects.get_or_create(
                name=section, defaults={"slug": slugify(section, allow_unicode=True) or external_id}
            )
        return Article.objects.create(
            external_id=external_id, title=title, body=body, abstract=abstract, source=outlet,
            section=category, published=published, content_hash=f"hash-{external_id}",
        )

    return make


@pytest.fixture
def seed_article(db):
    """The seed article imported through the real importer, its statements extracted
    (no indexing)."""
    from articles.importing.importer import import_paths
    from articles.models import Article
    from articles.statements import extract_and_store

    import_paths([SEED_ARTICLE], process=False)
    article = Article.objects.get()
    extract_and_store([article.pk])
    return article


# --- stories (tests/test_story_pages.py, tests/browser/) ---------------------------------

STORIES_DATA = Path(__file__).resolve().parent / "data" / "stories" / "icc-gaza-and-philippines.jsonl"
GAZA_WARNING = "AL-internationalNews-842-20180408"
FRANCE24_ORIGINAL = "FR-internationalNews-625-20180408"
FRANCE24_COPY = "FR-middleEast-230-20180408"
BBC_GAZA = "BB-middleEast-314-20180408"
PHILIPPINES = "AL-internationalNews-464-20180314"
NO_STORY = "SK-internationalNews-931-20180413"


@pytest.fixture
def icc(db):
    """Nine ANT articles (tests/data/stories/, see its NOTICE) imported by the real importer,
    so their statements are extracted, the index built and the stories grouped by the code
    the site runs. They make two stories: the ICC prosecutor's warning on Gaza (Al Arabiya,
    France 24 filed twice — a copy in a second section —, BBC and, as the grouping now
    finds, Sky News two days later) and the Philippines leaving the ICC (Sky News, Al
    Arabiya, France 24); and an ICC article in no story.

    Returns (the Gaza story, the Philippines story, {external id: Article})."""
    from articles.importing.importer import import_paths
    from articles.models import Article, Story

    report = import_paths([STORIES_DATA])
    assert report.imported == 9 and report.failed == 0
    by_id = {a.external_id: a for a in Article.objects.select_related("source")}
    gaza = Story.objects.get(memberships__article__external_id=GAZA_WARNING)
    philippines = Story.objects.get(memberships__article__external_id=PHILIPPINES)
    return gaza, philippines, by_id
