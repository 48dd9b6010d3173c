"""Model signals that keep the search index, and the stories' titles and dates, in step
with the database.

Connected in ArticlesConfig.ready(); the index work itself is the search backend's
(articles.search_backends.get_backend()).

A save only *schedules* index work, with transaction.on_commit: a rolled-back save never
reaches the index, and all the saves of one transaction (an admin form with its inlines,
an extraction run over one article) share a single writer commit at the end.
Bulk writers wrap their work in search_backends.suspended_auto_index() and index per batch.
A QuerySet.update() fires no signal; the Statement, Speaker and SpeakerAlias querysets
(articles.models.IndexedQuerySet) call schedule() themselves when an update changes what
the index holds.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from articles.models import Article, Speaker, SpeakerAlias, Statement, StoryMembership
from articles.search_backends import auto_index_enabled, get_backend
from articles.stories.store import refresh_stories

logger = logging.getLogger(__name__)


class PendingIndexWork:
    """The index work of one transaction, run once after it commits."""

    def __init__(self):
        self.article_ids = set()
        self.removed_external_ids = set()

    def __call__(self):
        try:
            if self.removed_external_ids:
                get_backend().remove_articles(sorted(self.removed_external_ids))
            if self.article_ids:
                get_backend().index_articles(sorted(self.article_ids))
        except Exception:
            # The data is committed; only the index lags. Say so loudly, never undo the save.
            logger.exception(
                "Search index not updated for articles %s (removed: %s); "
                "run `python manage.py check_index` / `rebuild_index`",
                sorted(self.article_ids), sorted(self.removed_external_ids),
            )


def pending_work():
    """This transaction's PendingIndexWork, registered with on_commit on first use."""
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        for entry in connection.run_on_commit:
            if isinstance(entry[1], PendingIndexWork):
                return entry[1]
    work = PendingIndexWork()
    # Outside a transaction on_commit runs the callback at once, so fill it first.
    return work


def schedule(article_ids=(), removed_external_ids=()):
    if not auto_index_enabled():
        return
    connection = transaction.get_connection()
    work = pending_work()
    fresh = not any(entry[1] is work for entry in connection.run_on_commit)
    work.article_ids.update(i for i in article_ids if i is not None)
    work.removed_external_ids.update(removed_external_ids)
    if fresh:
        transaction.on_commit(work)


@receiver(post_save, sender=Article, dispatch_uid="index_article_on_save")
def article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule(article_ids=[instance.pk])


@receiver(post_delete, sender=Article, dispatch_uid="unindex_article_on_delete")
def article_deleted(sender, instance, **kwargs):
    schedule(removed_external_ids=[instance.external_id])


@receiver(pre_delete, sender=Article, dispatch_uid="story_of_deleted_article")
def article_deleting(sender, instance, **kwargs):
    # The membership goes first (CASCADE, before the post_delete signal): note the story now.
    instance._story_before_delete = (
        StoryMembership.objects.filter(article_id=instance.pk).values_list("story_id", flat=True).first()
    )


@receiver(post_delete, sender=Article, dispatch_uid="refresh_story_of_deleted_article")
def article_deleted_from_story(sender, instance, **kwargs):
    """The story of a deleted article takes its title and dates from the articles left, in
    the deletion's transaction: no page shows a deleted article's title."""
    story_id = getattr(instance, "_story_before_delete", None)
    if story_id is not None:
        refresh_stories([story_id])


@receiver(post_save, sender=Statement, dispatch_uid="index_statement_on_save")
@receiver(post_delete, sender=Statement, dispatch_uid="index_statement_on_delete")
def statement_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule(article_ids=[instance.article_id])


def _articles_quoting(speaker_id):
    return list(
        Statement.objects.filter(speaker_id=speaker_id).values_list("article_id", flat=True).distinct()
    )


@receiver(post_save, sender=Speaker, dispatch_uid="index_speaker_on_save")
def speaker_saved(sender, instance, created=False, raw=False, **kwargs):
    if not raw and not created and auto_index_enabled():
        schedule(article_ids=_articles_quoting(instance.pk))


@receiver(pre_delete, sender=Speaker, dispatch_uid="index_speaker_before_delete")
def speaker_deleting(sender, instance, **kwargs):
    # After the delete the statements no longer point at the speaker (SET_NULL, done
    # with an UPDATE that fires no signal), so collect the articles now.
    if auto_index_enabled():
        schedule(article_ids=_articles_quoting(instance.pk))


@receiver(post_save, sender=SpeakerAlias, dispatch_uid="index_alias_on_save")
@receiver(post_delete, sender=SpeakerAlias, dispatch_uid="index_alias_on_delete")
def alias_changed(sender, instance, raw=False, **kwargs):
    if not raw and auto_index_enabled():
        schedule(article_ids=_articles_quoting(instance.speaker_id))
