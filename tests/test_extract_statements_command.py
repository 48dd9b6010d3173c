"""extract_statements command: by article or all, summary line, idempotent, clear errors."""

import io

import pytest
from django.core.management import CommandError, call_command

from articles.importing.importer import import_paths
from articles.models import Article, Statement
from tests.conftest import SEED_ARTICLE

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("extract_statements", *args, "--no-progress", stdout=out)
    return out.getvalue()


def test_extract_one_article_then_all_is_idempotent():
    import_paths([SEED_ARTICLE], process=False)
    article = Article.objects.get()
    first = run("--article", article.external_id)
    assert "1 articles" in first and "created 15" in first
    assert "reindexed 1 articles" in first
    second = run("--all")
    assert "created 0, updated 0, kept 15" in second
    assert "reindexed" not in second
    assert Statement.objects.count() == 15


def test_needs_a_choice_and_known_articles():
    with pytest.raises(CommandError, match="--all"):
        run()
    with pytest.raises(CommandError, match="missing-id"):
        run("--article", "missing-id")


def test_a_run_killed_before_its_reindex_is_caught_up_by_the_next_full_run():
    """Hostile testing: extract_statements --all killed before its reindex left articles
    stale for good: the next run found nothing changed and reindexed nothing."""
    from articles import indexing

    import_paths([SEED_ARTICLE])  # stored, extracted and indexed
    Statement.objects.all().delete()  # as if a run stored other statements...
    run("--all", "--no-index")  # ...and was killed before its reindex
    assert indexing.check()["stale"]
    out = run("--all")
    assert "created 0, updated 0" in out
    assert "indexed 1 articles the index had missed" in out
    assert indexing.check()["stale"] == []
