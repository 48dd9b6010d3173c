"""The backends' contract (tests/backend_contract.py) on the PostgreSQL backend, and what
is its own: Whoosh's ranking reproduced, the index written in the caller's transaction,
a clear error on another database.

The contract runs only on PostgreSQL:

    .venv/bin/python scripts/with_postgres.py .venv/bin/python -m pytest tests/test_backend_postgres.py -q
"""

import os
from datetime import datetime, timezone

import pytest
from django.db import connection, transaction

from articles.search import search_articles
from articles.search_backends import SearchUnavailable, get_backend, reset_backend, suspended_auto_index
from tests.backend_contract import BackendTests

ON_POSTGRES = os.getenv("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
needs_postgres = pytest.mark.skipif(
    not ON_POSTGRES, reason="the PostgreSQL backend needs DATABASE_URL=postgres://… "
                            "(run under scripts/with_postgres.py)")


@needs_postgres
class TestPostgresBackend(BackendTests):
    backend_name = "postgres"

    @pytest.fixture(autouse=True)
    def empty_search_tables(self, django_db_setup, django_db_blocker):
        """The search tables are not models, so a transactional test's flush leaves their
        rows: every test starts from empty ones."""
        from articles.text import pgindex

        with django_db_blocker.unblock(), connection.cursor() as cursor:
            pgindex.clear(cursor)
        yield


def test_on_another_database_the_backend_says_what_to_set(settings, db):
    if ON_POSTGRES:
        pytest.skip("runs on SQLite")
    settings.NEWSARCHIVE_SEARCH_BACKEND = "postgres"
    reset_backend()
    try:
        with pytest.raises(SearchUnavailable) as raised:
            search_articles("غزة")
        assert "PostgreSQL" in str(raised.value) and "DATABASE_URL" in raised.value.fix
    finally:
        reset_backend()
