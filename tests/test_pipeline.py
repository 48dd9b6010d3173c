"""After an import batch, database and index agree: extraction, then indexing, one way."""

import pytest

from articles import indexing
from articles.models import Statement
from articles.pipeline import process_changed_articles

pytestmark = pytest.mark.django_db


def test_a_later_full_name_leaves_no_earlier_article_stale(make_article, settings):
    # Bulk import writes with the save signals off; the pipeline is the only index route.
    settings.NEWSARCHIVE_AUTO_INDEX = False
    first = make_article("surname-first", "قره باخ", "وقال فاردانيان إن الوضع في الإقليم خطير جدا.")
    process_changed_articles([first.pk])
    early = Statement.objects.get(article=first)
    assert early.speaker_link_confidence == 1.0

    # A full name met later makes the bare surname an uncertain link (an editor decides)…
    second = make_article(
        "full-name-later", "حرب كبيرة", "وقال روبن فاردانيان إن هذه حرب كبيرة في قره باخ."
    )
    process_changed_articles([second.pk])
    early.refresh_from_db()
    assert early.speaker_link_confidence < 1.0

    # …which the index does not hold, so the first article is not stale for it.
    report = indexing.check()
    assert report["missing"] == [] and report["stale"] == []
    assert report["statements_in_index"] == report["statements_in_db"] == 2


@pytest.mark.django_db(transaction=True)
def test_merging_speakers_reindexes_their_statements(make_article):
    from articles.models import Speaker
    from articles.search import search_statements
    from articles.statements import merge_speakers

    first = make_article("guterres-1", "غزة", "وقال أنطونيو غوتيريش إن الوضع في غزة كارثي.")
    second = make_article("guterres-2", "غزة", "وقال أنطونيو غوتيريش إن المساعدات لا تكفي في غزة.")
    process_changed_articles([first.pk, second.pk])
    guterres = Speaker.objects.get()
    # An editor's duplicate: the second statement filed under a speaker of its own.
    duplicate = Speaker.objects.create(name="الأمين العام", slug="duplicate", kind="person")
    Statement.objects.filter(article=second).update(speaker=duplicate)
    indexing.index_articles([second.pk])
    assert search_statements("غزة", filters={"speaker": guterres.slug})["total"] == 1

    merge_speakers(guterres, duplicate)

    found = search_statements("غزة", filters={"speaker": guterres.slug})
    assert found["total"] == 2
    report = indexing.check()
    assert report["stale"] == [] and report["missing"] == []


@pytest.mark.django_db(transaction=True)
def test_a_reindexed_article_shows_each_statement_once(make_article):
    from articles.search import search_statements

    article = make_article("guterres-1", "غزة", "وقال أنطونيو غوتيريش إن الوضع في غزة كارثي.")
    process_changed_articles([article.pk])
    assert [r["id"] for r in search_statements("غزة")["results"]] == [Statement.objects.get().pk]
    # Searched in between, so the cached searcher must see the deletions of the reindex.
    indexing.index_articles([article.pk])
    indexing.index_articles([article.pk])
    assert [r["id"] for r in search_statements("غزة")["results"]] == [Statement.objects.get().pk]


def test_relinking_a_surname_reindexes_the_articles_it_moved(make_article, settings):
    """Hostile testing: an import that re-linked a surname-only speaker left the article
    it came from stale in the index (the pipeline did not reindex what the re-link moved)."""
    settings.NEWSARCHIVE_AUTO_INDEX = False
    surname = make_article("surname", "الصين", "وقال ترامب إن المحادثات مع الصين ستستمر الأسبوع المقبل.")
    process_changed_articles([surname.pk])
    donald = [
        make_article(f"d{n}", "اتفاق", f"وقال الرئيس الأمريكي دونالد ترامب إن الاتفاق رقم {n} سيوقع قريبا.")
        for n in range(6)
    ]
    process_changed_articles([d.pk for d in donald])
    assert Statement.objects.get(article=surname).speaker.name == "دونالد ترامب"
    report = indexing.check()
    assert report["missing"] == [] and report["stale"] == []


def test_an_import_killed_before_extraction_is_caught_up_by_the_next_import(settings):
    """Hostile testing: an import killed between storing a batch and extracting it left
    articles without statements; re-importing called them unchanged and check_index saw
    nothing wrong. Storing without extraction is what such a kill leaves behind."""
    from articles.importing.importer import import_paths
    from articles.models import Article
    from tests.conftest import SEED_ARTICLE

    import_paths([SEED_ARTICLE], process=False)
    article = Article.objects.get()
    assert article.extracted_with == "" and not article.statements.exists()
    result = import_paths([SEED_ARTICLE])
    assert result.unchanged == 1
    article.refresh_from_db()
    assert article.statements.count() == 15
    assert article.extracted_with
    report = indexing.check()
    assert report["not_extracted"] == [] and report["missing"] == [] and report["stale"] == []
