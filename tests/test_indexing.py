"""Keeping the index true: signals after commit, batches, deletes, locks, check, rebuild."""

import json
from datetime import datetime, timezone

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from articles import indexing
from articles.models import Article, Speaker, SpeakerAlias, Statement
from articles.search import search_articles, search_statements
from articles.text import store

BODY = (
    "أعلن الانفصاليون في إقليم ناجورني قره باخ وقف إطلاق النار، في وقت أعلنت فيه وزارة الدفاع "
    "الأذربيجانية تعليق العملية العسكرية. وقال فاردانيان إن أذربيجان بدأت عملية تطهير عرقي."
)
OTHER_BODY = "أعلنت وزارة الصحة في غزة ارتفاع عدد الضحايا، وقال المتحدث إن المستشفيات تعاني نقصا حادا."


def ids(result):
    return [r["external_id"] for r in result["results"]]


@pytest.mark.django_db(transaction=True)
def test_saved_article_is_searchable_after_commit(make_article):
    make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
    assert ids(search_articles("فاردانيان")) == ["karabakh-1"]


@pytest.mark.django_db(transaction=True)
def test_rolled_back_save_never_reaches_the_index(make_article):
    make_article("gaza-1", "الصحة في غزة", OTHER_BODY)
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
            raise RuntimeError("the form failed")
    assert search_articles("فاردانيان")["total"] == 0
    assert ids(search_articles("غزة")) == ["gaza-1"]


@pytest.mark.django_db
def test_saves_in_one_transaction_share_one_index_commit(make_article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
        make_article("gaza-1", "الصحة في غزة", OTHER_BODY)
    assert len(callbacks) == 1
    assert set(ids(search_articles("وزارة"))) == {"karabakh-1", "gaza-1"}


@pytest.mark.django_db(transaction=True)
def test_edited_article_is_reindexed(make_article):
    article = make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
    article.title = "بلينكن يتصل بعلييف وباشينيان"
    article.save()
    assert ids(search_articles("باشينيان")) == ["karabakh-1"]
    assert search_articles("تعلق عمليتها")["total"] == 0  # the old title is gone


@pytest.mark.django_db(transaction=True)
def test_deleted_article_leaves_the_index(make_article):
    make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
    Article.objects.get(external_id="karabakh-1").delete()
    assert search_articles("فاردانيان")["total"] == 0
    assert indexing.check()["extra"] == []


@pytest.mark.django_db(transaction=True)
def test_statement_and_speaker_changes_reindex_the_article(make_article):
    article = make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
    speaker = Speaker.objects.create(name="روبن فاردانيان", slug="ruben-vardanyan", kind="person")
    start = BODY.index("أذربيجان بدأت")
    Statement.objects.create(article=article, speaker=speaker, text=BODY[start:-1], kind="reported",
                             verb="قال", start=start, end=len(BODY) - 1)
    found = search_statements("تطهير عرقي")
    assert [r["speaker_slug"] for r in found["results"]] == ["ruben-vardanyan"]
    assert found["results"][0]["url"].endswith(f"#statement-{found['results'][0]['id']}")
    assert search_articles("speaker:ruben-vardanyan")["total"] == 1
    assert search_articles("أذربيجان")["facets"]["speaker"][0]["label"] == "روبن فاردانيان"

    SpeakerAlias.objects.create(speaker=speaker, name="روبين فاردانيان")
    assert search_statements("روبين")["total"] == 1


@pytest.mark.django_db(transaction=True)
def test_suspended_auto_index_leaves_batching_to_the_caller(make_article):
    with indexing.suspended_auto_index():
        first = make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
        second = make_article("gaza-1", "الصحة في غزة", OTHER_BODY)
    with pytest.raises(store.IndexNeedsRebuild):
        search_articles("غزة")  # nothing was indexed, not even an empty index made
    assert indexing.index_articles([first.pk, second.pk]) == 2
    assert set(ids(search_articles("وزارة"))) == {"karabakh-1", "gaza-1"}


@pytest.mark.django_db(transaction=True)
def test_auto_index_setting_off(make_article, settings):
    settings.NEWSARCHIVE_AUTO_INDEX = False
    make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
    assert not store.index_state(indexing.index_folder()) == "ok"


@pytest.mark.django_db(transaction=True)
def test_check_reports_missing_stale_and_extra(make_article):
    make_article("karabakh-1", "أذربيجان تعلق عمليتها العسكرية", BODY)
    make_article("gaza-1", "الصحة في غزة", OTHER_BODY)
    with indexing.suspended_auto_index():
        make_article("new-1", "مقال لم يفهرس", OTHER_BODY)
        Article.objects.filter(external_id="gaza-1").delete()
    # An UPDATE fires no signal: the index entry is now stale.
    Article.objects.filter(external_id="karabakh-1").update(
        title="عنوان جديد", updated=datetime(2030, 1, 1, tzinfo=timezone.utc))
    report = indexing.check()
    assert (report["missing"], report["stale"], report["extra"]) == (["new-1"], ["karabakh-1"], ["gaza-1"])
    with pytest.raises(CommandError) as raised:
        call_command("check_index")
    assert raised.value.returncode == 1

    call_command("rebuild_index")
    assert indexing.check()["missing"] == indexing.check()["stale"] == indexing.check()["extra"] == []
    call_command("check_index")  # exit 0


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
def test_rebuild_reports_progress_and_if_stale_skips_a_good_index(make_article, capsys):
    with indexing.suspended_auto_index():
        for i in range(3):
            make_article(f"gaza-{i}", f"الصحة في غزة {i}", OTHER_BODY)
    seen = []
    assert indexing.rebuild(progress=lambda done, total: seen.append((done, total))) == 3
    assert seen[-1] == (3, 3)
    assert indexing.needs_rebuild() is None
    call_command("rebuild_index", "--if-stale")
    assert "up to date" in capsys.readouterr().out


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
