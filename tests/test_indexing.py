"""The Whoosh index's own ways of staying true: its folder, its writer lock, its analyzer
stamp. What every backend does (signals after commit, batches, deletes, check, rebuild)
is in tests/backend_contract.py."""

import json

import pytest
from django.core.management import call_command

from articles import indexing
from articles.models import Article
from articles.search import search_articles
from articles.text import store

BODY = (
    "أعلن الانفصاليون في إقليم ناجورني قره باخ وقف إطلاق النار، في وقت أعلنت فيه وزارة الدفاع "
    "الأذربيجانية تعليق العملية العسكرية. وقال فاردانيان إن أذربيجان بدأت عملية تطهير عرقي."
)
OTHER_BODY = "أعلنت وزارة الصحة في غزة ارتفاع عدد الضحايا، وقال المتحدث إن المستشفيات تعاني نقصا حادا."


def ids(result):
    return [r["external_id"] for r in result["results"]]


@pytest.mark.django_db(transaction=True)
def test_suspended_saves_make_no_index_folder(make_article):
    with indexing.suspended_auto_index():
        make_article("gaza-1", "الصحة في غزة", OTHER_BODY)
    with pytest.raises(store.IndexNeedsRebuild):
        search_articles("غزة")  # nothing was indexed, not even an empty index made
    assert store.index_state(indexing.index_folder()) == "missing"


@pytest.mark.django_db(transaction=True)
def test_deleted_article_leaves_no_extra_entry(make_article):
    make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
    with indexing.suspended_auto_index():
        Article.objects.get(external_id="karabakh-1").delete()
    assert indexing.check()["extra"] == ["karabakh-1"]  # the Whoosh index is apart from the database
    indexing.catch_up()
    assert indexing.check()["extra"] == ["karabakh-1"]  # catching up only adds
    indexing.rebuild()
    assert indexing.check()["extra"] == []


@pytest.mark.django_db(transaction=True)
def test_a_second_writer_waits_then_fails_clearly(make_article, settings):
    article = make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
    settings.NEWSARCHIVE_INDEX_LOCK_TIMEOUT = 0.3
    holder = indexing.open_archive_index().ix(store.ARTICLES).writer()
    try:
        with pytest.raises(indexing.IndexLockTimeout, match="locked by another writer"):
            indexing.index_articles([article.pk])
    finally:
        holder.cancel()
    assert indexing.index_articles([article.pk]) == 1
    assert indexing.check()["stale"] == []


@pytest.mark.django_db(transaction=True)
def test_index_of_another_analyzer_version_is_refused(make_article):
    make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
    meta_path = indexing.index_folder() / store.META_FILE
    meta = json.loads(meta_path.read_text())
    meta_path.write_text(json.dumps({**meta, "analyzer_version": "ar-0-light"}))
    with pytest.raises(indexing.IndexNeedsRebuild, match="rebuild_index"):
        search_articles("فاردانيان")
    call_command("rebuild_index", "--if-stale")
    assert ids(search_articles("فاردانيان")) == ["karabakh-1"]


@pytest.mark.django_db(transaction=True)
def test_missing_index_is_a_clear_error(make_article):
    with pytest.raises(indexing.IndexNeedsRebuild, match="does not exist yet; run: python manage.py rebuild_index"):
        search_articles("غزة")
