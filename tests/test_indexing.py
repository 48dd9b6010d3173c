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
def test_writes_during_a_rebuild_are_replayed_before_the_swap(make_article, monkeypatch):
    """An edit, a deletion and a new article committed (and written to the live index) while
    the rebuild runs, after it read those rows: the swapped-in index has them as they are
    now, not as the rebuild read them."""
    karabakh = make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
    make_article("gaza-1", "الصحة في غزة", OTHER_BODY)
    real_record = indexing.article_record
    happened = []

    def article_record(article):
        if not happened:  # the rebuild has read its chunk: these rows are already behind it
            happened.append(True)
            Article.objects.filter(external_id="gaza-1").delete()
            karabakh.title = "بلينكن يتصل بعلييف وباشينيان"
            karabakh.save()
            make_article("gaza-2", "وزارة الصحة في غزة", OTHER_BODY)
        return real_record(article)

    monkeypatch.setattr(indexing, "article_record", article_record)
    assert indexing.rebuild() == 2
    assert happened
    assert ids(search_articles("باشينيان")) == ["karabakh-1"]
    assert search_articles("تعلق عمليتها")["total"] == 0
    assert ids(search_articles("غزة")) == ["gaza-2"]
    report = indexing.check()
    assert (report["missing"], report["stale"], report["extra"]) == ([], [], [])
    assert not list(indexing.index_folder().parent.glob("*.building-*"))


@pytest.mark.django_db(transaction=True)
def test_a_finished_rebuild_waits_for_a_live_write_to_end_before_swapping(make_article, settings):
    """Longer than writers wait for the lock: a rebuild that gave up would be lost work."""
    import threading
    import time

    make_article("gaza-1", "الصحة في غزة", OTHER_BODY)
    settings.NEWSARCHIVE_INDEX_LOCK_TIMEOUT = 0.2
    writing, release = threading.Event(), threading.Event()

    def live_write():
        with indexing._swap_gate(exclusive=False):
            writing.set()
            release.wait(10)

    writer = threading.Thread(target=live_write)
    writer.start()
    writing.wait(10)
    threading.Timer(1.0, release.set).start()
    started = time.monotonic()
    try:
        assert indexing.rebuild() == 1
    finally:
        release.set()
        writer.join()
    assert time.monotonic() - started >= 0.9  # it waited for the write, past the lock timeout
    assert ids(search_articles("غزة")) == ["gaza-1"]


@pytest.mark.django_db(transaction=True)
def test_missing_index_is_a_clear_error(make_article):
    with pytest.raises(indexing.IndexNeedsRebuild, match="does not exist yet; run: python manage.py rebuild_index"):
        search_articles("غزة")
