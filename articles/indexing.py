"""The only code that writes the search index: database rows → index documents.

Everything that changes the index goes through here: the model signals (after the
transaction commits), the import pipeline (one writer per batch), and rebuild_index.
The Arabic text engine itself (articles.text.store) knows nothing of Django.
"""

import hashlib
import logging
import os
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db.models import Count, Max, Prefetch

from articles.models import Article, Statement
from articles.text import store
from articles.text.schema import ARTICLES, DEFAULT_STEMMER, STATEMENTS
from articles.text.store import IndexLockTimeout, IndexNeedsRebuild  # noqa: F401 (re-exported)

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
_suspension = threading.local()


# --- settings -----------------------------------------------------------------------


def index_folder():
    return Path(settings.NEWSARCHIVE_INDEX_DIR)


def lock_timeout():
    return float(getattr(settings, "NEWSARCHIVE_INDEX_LOCK_TIMEOUT", 30))


def open_archive_index(create_missing=False):
    return store.open_index(index_folder(), create_missing=create_missing)


# --- auto-index suspension ------------------------------------------------------------


@contextmanager
def suspended_auto_index():
    """Inside this block, saves do not index one by one; the caller indexes in batches
    (index_articles) when it is done. Nests; per thread."""
    _suspension.depth = getattr(_suspension, "depth", 0) + 1
    try:
        yield
    finally:
        _suspension.depth -= 1


def auto_index_enabled():
    return getattr(settings, "NEWSARCHIVE_AUTO_INDEX", True) and not getattr(
        _suspension, "depth", 0
    )


# --- database → documents -------------------------------------------------------------


def _speaker_names(speaker):
    names = [speaker.name]
    names += [alias.name for alias in speaker.aliases.all() if alias.name != speaker.name]
    return names


def _statements_of(article):
    # public statements only: a rejected statement is not "what was said"
    return [s for s in article.statements.all() if s.status != "rejected"]


def fingerprint(content_hash, updated, statement_count, statements_updated):
    """What an index entry was built from; a different value means stale."""
    raw = f"{content_hash}|{updated.isoformat() if updated else ''}|{statement_count}|" \
          f"{statements_updated.isoformat() if statements_updated else ''}"
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


def _articles_with_relations(ids):
    return (
        Article.objects.filter(pk__in=ids)
        .select_related("source", "section")
        # Statements with their speaker joined, not prefetched: Django prefetches a
        # forward foreign key here as "id = 1 OR id = 2 …", which SQLite refuses past
        # 1,000 speakers ("Expression tree is too large") — seen on the full corpus.
        .prefetch_related(
            Prefetch("statements", queryset=Statement.objects.select_related("speaker")),
            "statements__speaker__aliases",
        )
        .annotate(n_statements=Count("statements"), statements_updated=Max("statements__updated"))
    )


def article_record(article):
    statements = _statements_of(article)
    speakers = {}
    for statement in statements:
        if statement.speaker_id and statement.speaker_id not in speakers:
            speakers[statement.speaker_id] = {
                "slug": statement.speaker.slug, "names": _speaker_names(statement.speaker)
            }
    return {
        "external_id": article.external_id,
        "title": article.title,
        "abstract": article.abstract,
        "body": article.body,
        "source_code": article.source.code,
        "source_name": article.source.name,
        "section": article.section.name if article.section_id else "",
        "author": article.author,
        "published": article.published,
        "statements": [s.text for s in statements],
        "speakers": list(speakers.values()),
        "fingerprint": fingerprint(article.content_hash, article.updated,
                                   article.n_statements, article.statements_updated),
    }


def statement_records(article):
    for statement in _statements_of(article):
        speaker = statement.speaker
        yield {
            "id": statement.pk,
            "article_id": article.external_id,
            "text": statement.text,
            "speaker_slug": speaker.slug if speaker else "",
            "speaker_names": _speaker_names(speaker) if speaker else [statement.speaker_mention],
            "kind": statement.kind,
            "source_code": article.source.code,
            "source_name": article.source.name,
            "section": article.section.name if article.section_id else "",
            "published": article.published,
        }


# --- writing ------------------------------------------------------------------------


def _chunks(items, size):
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i: i + size]


def _write(index, article_ids, progress=None, procs=1, fresh=False):
    """(Re)index the given article pks and their statements, one writer per index.

    `fresh`: the index is new and empty, so documents are only added (nothing to replace).
    """
    timeout = lock_timeout()
    done = 0
    with index.writer(ARTICLES, timeout=timeout, procs=procs) as articles_writer, \
            index.writer(STATEMENTS, timeout=timeout) as statements_writer:
        for chunk in _chunks(article_ids, BATCH_SIZE):
            for article in _articles_with_relations(chunk):
                document = store.article_document(article_record(article))
                if fresh:
                    articles_writer.add_document(**document)
                else:
                    articles_writer.update_document(**document)
                    statements_writer.delete_by_term("article_id", article.external_id)
                for record in statement_records(article):
                    statements_writer.add_document(**store.statement_document(record))
            done += len(chunk)
            if progress:
                progress(done, len(article_ids))
    return done


def index_articles(article_ids):
    """(Re)index these articles (database pks) and their statements in one commit.

    Creates the index when there is none yet; refuses a stale one (IndexNeedsRebuild).
    """
    article_ids = sorted({int(i) for i in article_ids})
    if not article_ids:
        return 0
    index = open_archive_index(create_missing=True)
    _write(index, article_ids)
    return len(article_ids)


def remove_articles(external_ids):
    """Delete these articles and their statements from the index."""
    external_ids = list(dict.fromkeys(external_ids))
    if not external_ids:
        return 0
    try:
        index = open_archive_index()
    except IndexNeedsRebuild as error:
        if error.reason.endswith("does not exist yet"):
            return 0  # nothing indexed, nothing to remove
        raise
    timeout = lock_timeout()
    with index.writer(ARTICLES, timeout=timeout) as articles_writer, \
            index.writer(STATEMENTS, timeout=timeout) as statements_writer:
        for external_id in external_ids:
            articles_writer.delete_by_term("external_id", external_id)
            statements_writer.delete_by_term("article_id", external_id)
    return len(external_ids)


def rebuild(workers=1, progress=None, stemmer=DEFAULT_STEMMER):
    """Build a complete new index beside the live one, then swap it in.

    Searches keep using the old index until the swap; a failed rebuild leaves it intact.
    """
    target = index_folder()
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=target.name + ".building-", dir=target.parent))
    try:
        index = store.create(building, stemmer)
        ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
        _write(index, ids, progress=progress, procs=max(1, int(workers)), fresh=True)
        store.replace(target, building)
    except BaseException:
        import shutil

        shutil.rmtree(building, ignore_errors=True)
        raise
    return len(ids)


# --- checking -----------------------------------------------------------------------


def check():
    """Compare database and index: {"missing", "stale", "extra"} lists of external ids,
    plus statement counts. Raises IndexNeedsRebuild when there is no usable index."""
    index = open_archive_index()
    indexed = index.stored(ARTICLES)
    missing, stale = [], []
    rows = Article.objects.annotate(
        n_statements=Count("statements"), statements_updated=Max("statements__updated")
    ).values_list("external_id", "content_hash", "updated", "n_statements", "statements_updated")
    in_db = set()
    for external_id, content_hash, updated, n_statements, statements_updated in rows.iterator():
        in_db.add(external_id)
        entry = indexed.get(external_id)
        if entry is None:
            missing.append(external_id)
        elif entry.get("fingerprint") != fingerprint(content_hash, updated, n_statements,
                                                     statements_updated):
            stale.append(external_id)
    extra = sorted(set(indexed) - in_db)
    public_statements = Statement.objects.exclude(status="rejected").count()
    return {
        "missing": sorted(missing),
        "stale": sorted(stale),
        "extra": extra,
        "articles_in_db": len(in_db),
        "articles_in_index": len(indexed),
        "statements_in_db": public_statements,
        "statements_in_index": index.doc_count(STATEMENTS),
    }


def needs_rebuild():
    """Why the index should be rebuilt (missing, stale version, count differs), or None."""
    state = store.index_state(index_folder())
    if state != "ok":
        return f"index {state}"
    count = store.ArchiveIndex(index_folder()).doc_count(ARTICLES)
    in_db = Article.objects.count()
    if count != in_db:
        return f"index has {count} articles, database {in_db}"
    return None


def writer_procs_default():
    return max(1, min(4, (os.cpu_count() or 1)))
