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
