"""Choosing a search backend: the setting, and what the site does when it cannot have one.

What a backend must do once chosen is tests/backend_contract.py."""

import html
import io
from datetime import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.urls import reverse

from articles.search import search_articles
from articles.search_backends import (
    ARTICLES,
    STATEMENTS,
    SearchUnavailable,
    clean_filters,
    get_backend,
    reset_backend,
)
from articles.search_backends.errors import IndexNeedsRebuild


@pytest.fixture
def backend_setting(settings):
    """Set NEWSARCHIVE_SEARCH_BACKEND for one test; the default comes back after it."""
    def choose(name):
        settings.NEWSARCHIVE_SEARCH_BACKEND = name
        reset_backend()
    yield choose
    reset_backend()


def test_whoosh_is_the_default(settings):
    del settings.NEWSARCHIVE_SEARCH_BACKEND
    reset_backend()
    try:
        assert get_backend().name == "whoosh"
    finally:
        reset_backend()


def test_an_unknown_backend_is_a_clear_error_that_names_the_choices(backend_setting):
    backend_setting("elastic")
    with pytest.raises(SearchUnavailable, match="'elastic' is not a search backend; choose one of: whoosh, postgres") as raised:
        get_backend()
    assert raised.value.fix == "NEWSARCHIVE_SEARCH_BACKEND=whoosh"


@pytest.mark.skipif(connection.vendor == "postgresql", reason="on PostgreSQL the backend can run")
@pytest.mark.django_db
def test_postgres_backend_on_sqlite_gives_the_search_page_a_503_not_a_500(client, backend_setting):
    backend_setting("postgres")
    with pytest.raises(SearchUnavailable) as raised:
        search_articles("غزة")
    assert raised.value.fix  # what the operator should do, said
    response = client.get(reverse("search"), {"q": "غزة"})
    assert response.status_code == 503
    assert html.escape(raised.value.fix) in response.content.decode()
    response = client.get(reverse("api_search"), {"q": "غزة"})
    assert response.status_code == 503
    assert response.json()["error"] == "search_unavailable"
    assert response.json()["fix"] == raised.value.fix
    # The rest of the site does not need search.
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.django_db
def test_a_missing_index_asks_for_a_rebuild(client, backend_setting):
    backend_setting("whoosh")
    response = client.get(reverse("search"), {"q": "غزة"})
    assert response.status_code == 503
    assert "python manage.py rebuild_index" in response.content.decode()
    payload = client.get(reverse("api_search"), {"q": "غزة"}).json()
    assert (payload["error"], payload["fix"]) == ("index_needs_rebuild", "python manage.py rebuild_index")


def test_the_engines_errors_are_the_neutral_ones():
    from articles.text import store

    assert issubclass(store.IndexNeedsRebuild, IndexNeedsRebuild)
    assert issubclass(store.IndexNeedsRebuild, SearchUnavailable)
    assert store.IndexNeedsRebuild("does not exist yet").fix == "python manage.py rebuild_index"


@pytest.mark.parametrize("filters, kind, cleaned", [
    ({}, ARTICLES, {}),
    (None, ARTICLES, {}),
    ({"source": "bbc", "section": "العالم", "kind": "direct"}, ARTICLES, {"source": "bbc", "section": "العالم"}),
    ({"source": "bbc", "section": "العالم", "kind": "direct"}, STATEMENTS, {"source": "bbc", "kind": "direct"}),
    ({"year": 2018, "month": "2018-03"}, ARTICLES, {"year": "2018", "month": "2018-03"}),
    ({"year": "junk", "month": "13"}, ARTICLES, {}),
    ({"year": -4, "month": "2018-xx"}, ARTICLES, {}),
    ({"date_from": "2018-03-10", "date_to": "2018-03-10"}, ARTICLES,
     {"date_from": datetime(2018, 3, 10), "date_to": datetime(2018, 3, 10, 23, 59, 59, 999999)}),
    ({"date_from": "not a date"}, ARTICLES, {}),
])
def test_filters_are_cleaned_once_for_every_backend(filters, kind, cleaned):
    assert clean_filters(filters, kind) == cleaned


@pytest.mark.django_db
@pytest.mark.parametrize("command", [
    ["rebuild_index"], ["rebuild_index", "--if-stale"], ["check_index"], ["search", "غزة"],
    ["export_search", "articles", "q=غزة"],
])
def test_commands_say_why_when_the_backend_cannot_run(backend_setting, command):
    backend_setting("elastic")
    with pytest.raises(CommandError, match="'elastic' is not a search backend"):
        call_command(*command, stdout=io.StringIO(), stderr=io.StringIO())


@pytest.mark.django_db
def test_extraction_keeps_its_statements_and_says_the_index_was_not_updated(backend_setting):
    from articles.importing.importer import import_paths
    from articles.models import Statement
    from tests.conftest import SEED_ARTICLE

    import_paths([SEED_ARTICLE], process=False)
    backend_setting("elastic")
    with pytest.raises(CommandError, match="search index was not updated.*fix: NEWSARCHIVE_SEARCH_BACKEND=whoosh"):
        call_command("extract_statements", "--all", "--no-progress", stdout=io.StringIO())
    assert Statement.objects.count() > 0
