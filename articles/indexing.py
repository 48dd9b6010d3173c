"""The only code that writes the search index: database rows → index documents.

Everything that changes the index goes through here: the model signals (after the
transaction commits), the import pipeline (one writer per batch), and rebuild_index.
The Arabic text engine itself (articles.text.store) knows nothing of Django.
"""

import hashlib
import json
import logging
import os
import signal
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db.models import Count, Max, Prefetch

from articles.models import Article, Statement
from articles.search_backends import errors
from articles.search_backends.base import auto_index_enabled, suspended_auto_index  # noqa: F401 (re-exported)
from articles.text import segments, store
from articles.text.schema import ARTICLES, DEFAULT_STEMMER, STATEMENTS
from articles.text.store import IndexLockTimeout, IndexNeedsRebuild  # noqa: F401 (re-exported)

logger = logging.getLogger(__name__)

BATCH_SIZE = 500


# --- settings -----------------------------------------------------------------------


def index_folder():
    return Path(settings.NEWSARCHIVE_INDEX_DIR)


def lock_timeout():
    return float(getattr(settings, "NEWSARCHIVE_INDEX_LOCK_TIMEOUT", 30))


def open_archive_index(create_missing=False):
    return store.open_index(index_folder(), create_missing=create_missing)


# --- database → documents -------------------------------------------------------------


def _speaker_names(speaker):
    names = [speaker.name]
    names += [alias.name for alias in speaker.aliases.all() if alias.name != speaker.name]
    return names


def _statements_of(article):
    # Prefetched with Statement.objects.public() (_articles_with_relations).
    return article.statements.all()


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
            Prefetch("statements", queryset=Statement.objects.public().select_related("speaker").order_by("start", "pk")),
            "statements__speaker__aliases",
        )
        .annotate(n_statements=Count("statements"), statements_updated=Max("statements__updated"))
        # In id order, whatever the batch size: documents tied on score rank in the order
        # they were indexed, so one batch and many must index them in the same order.
        .order_by("pk")
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


def _write(index, article_ids, progress=None):
    """(Re)index the given article pks and their statements, one locked writer per index
    and one commit (the import pipeline's batches, the model signals)."""
    timeout = lock_timeout()
    done = 0
    with index.writer(ARTICLES, timeout=timeout) as articles_writer, \
            index.writer(STATEMENTS, timeout=timeout) as statements_writer:
        for chunk in _chunks(article_ids, BATCH_SIZE):
            for article in _articles_with_relations(chunk):
                articles_writer.update_document(**store.article_document(article_record(article)))
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
    with _live_write(article_ids=article_ids):
        index = open_archive_index(create_missing=True)
        _write(index, article_ids)
    return len(article_ids)


def remove_articles(external_ids):
    """Delete these articles and their statements from the index."""
    external_ids = list(dict.fromkeys(external_ids))
    if not external_ids:
        return 0
    with _live_write(removed_external_ids=external_ids):
        try:
            index = open_archive_index()
        except IndexNeedsRebuild as error:
            if error.reason.endswith("does not exist yet"):
                return 0  # nothing indexed, nothing to remove
            raise
        _remove(index, external_ids)
    return len(external_ids)


def _remove(index, external_ids):
    timeout = lock_timeout()
    with index.writer(ARTICLES, timeout=timeout) as articles_writer, \
            index.writer(STATEMENTS, timeout=timeout) as statements_writer:
        for external_id in external_ids:
            articles_writer.delete_by_term("external_id", external_id)
            statements_writer.delete_by_term("article_id", external_id)


# --- live writes while a rebuild runs ---------------------------------------------------

# A rebuild builds from the rows it reads, over minutes; an import, an edit or an
# extraction that wrote the live index meanwhile would be undone by the swap. So every
# live write is noted in the journal of each rebuild under way (in its building folder),
# and the rebuild replays that journal into its new index before swapping it in. The swap
# gate makes the last replay and the swap one step: live writes hold it shared, the
# rebuild's last replay and swap hold it alone, so no write can fall between the two.
REPLAY_JOURNAL = ".replay.jsonl"
# How long a finished rebuild waits for the live writes under way to end before its swap.
# Longer than a writer waits for the index lock: a writer that gives up retries later,
# a rebuild that gave up would have built for nothing; and live writes are each short.
SWAP_WAIT_SECONDS = 600


def _swap_gate_path():
    folder = index_folder()
    return folder.with_name(folder.name + ".swap.lock")


@contextmanager
def _swap_gate(exclusive, timeout=None):
    import fcntl

    path = _swap_gate_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
    timeout = lock_timeout() if timeout is None else timeout
    deadline = time.monotonic() + timeout
    with open(path, "a") as handle:
        while True:
            try:
                fcntl.flock(handle, mode)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise IndexLockTimeout(index_folder(), timeout) from None
                time.sleep(0.05)
        yield  # closing the file releases the lock


@contextmanager
def _live_write(article_ids=(), removed_external_ids=()):
    """Around every write to the live index: inside the swap gate, and noted for the
    rebuilds under way, written or not (the database has changed either way)."""
    with _swap_gate(exclusive=False):
        try:
            yield
        finally:
            _note_for_rebuilds(article_ids, removed_external_ids)


def _note_for_rebuilds(article_ids, removed_external_ids):
    target = index_folder()
    line = json.dumps({"index": list(article_ids), "remove": list(removed_external_ids)},
                      ensure_ascii=False).encode() + b"\n"
    for folder in target.parent.glob(target.name + ".building-*"):
        try:
            # One O_APPEND write: lines of concurrent writers never interleave.
            descriptor = os.open(folder / REPLAY_JOURNAL, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
        except OSError:
            continue  # that rebuild failed and its folder is going
        try:
            os.write(descriptor, line)
        finally:
            os.close(descriptor)


def _replay(index, journal, start):
    """Write into `index` (a rebuild's) what the live writes noted in `journal` from byte
    `start` on; returns the offset read up to. Removals go first: the articles are then
    indexed as the database holds them now, so order within the journal does not matter."""
    try:
        with open(journal, "rb") as handle:
            handle.seek(start)
            data = handle.read()
    except FileNotFoundError:
        return start
    end = data.rfind(b"\n") + 1  # a line still being written is read by the next replay
    article_ids, removed = set(), set()
    for line in data[:end].splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue  # the half line of a writer killed mid-write; its import reindexes it
        article_ids.update(entry.get("index", ()))
        removed.update(entry.get("remove", ()))
    if removed:
        _remove(index, sorted(removed))
    if article_ids:
        _write(index, sorted(article_ids))
    return start + end


# A worker of a rebuild closes its segment and starts another past this many postings in
# either index, which bounds its memory (measured: 0.9 GB peak a worker at 31.5k articles,
# 1.2 GB at 126k) at the cost of more segments to search (4 article segments at 31.5k
# with 2 workers, 12 at 126k).
SEGMENT_POSTINGS = 6_000_000


def default_workers():
    return max(1, min(4, os.cpu_count() or 1))


def rebuild(workers=1, progress=None, stemmer=DEFAULT_STEMMER):
    """Build a complete new index beside the live one, then swap it in.

    With workers > 1 the articles are shared out to that many processes, each reading its
    own rows and writing whole segments of both indexes; the parent then lists all the
    segments in one commit (articles.text.segments). Searches keep using the old index
    until the swap; a failed rebuild leaves it intact, and raises RebuildFailed when a
    worker died. Whatever was indexed into the live index while it ran (an import, an
    edit) is replayed into the new one before the swap, so nothing is lost by it.
    """
    target = index_folder()
    target.parent.mkdir(parents=True, exist_ok=True)
    _sweep_abandoned_builds(target)
    building = Path(tempfile.mkdtemp(prefix=target.name + ".building-", dir=target.parent))
    builder_lock = None
    try:
        index = store.create(building, stemmer)
        # Held (by this process and its workers) until the build ends, however it ends: a
        # later rebuild that can take it knows the folder was abandoned.
        builder_lock = _hold(building / BUILDING_LOCK)
        ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
        workers = max(1, min(int(workers), len(ids)))
        if workers == 1 or not _other_processes_see_the_data():
            built = _build_share(building, ids, _Progress(len(ids), progress).add)
        else:
            built = _build_in_processes(building, ids, workers, progress)
        for name in (ARTICLES, STATEMENTS):
            index.adopt(name, built[name], timeout=lock_timeout())
        # What was written to the live index meanwhile: most of it replayed while writers
        # go on, the rest (short) with them held off until the swap is done.
        journal = building / REPLAY_JOURNAL
        replayed = _replay(index, journal, 0)
        with _swap_gate(exclusive=True, timeout=SWAP_WAIT_SECONDS):
            _replay(index, journal, replayed)
            for name in (REPLAY_JOURNAL, BUILDING_LOCK):  # not part of the index the folder becomes
                (building / name).unlink(missing_ok=True)
            store.replace(target, building)
    except BaseException:
        import shutil

        shutil.rmtree(building, ignore_errors=True)
        raise
    finally:
        if builder_lock is not None:
            builder_lock.close()
    return len(ids)


class _Progress:
    def __init__(self, total, callback):
        self.total, self.done, self.callback = total, 0, callback

    def add(self, n):
        self.done += n
        if self.callback:
            self.callback(self.done, self.total)


def _other_processes_see_the_data():
    """Worker processes open their own connections: they cannot read an in-memory SQLite
    database (the test suite's) or rows of a transaction that has not committed."""
    from django.db import connection

    if connection.in_atomic_block:
        return False
    return not (connection.vendor == "sqlite" and connection.is_in_memory_db())


def _build_share(folder, ids, report, checkpoint=None):
    """Index these articles into new segments of both indexes in `folder` (unlocked);
    returns {index name: [segments]} for ArchiveIndex.adopt. `checkpoint` is called before
    each article (a worker process stops there)."""
    index = store.ArchiveIndex(folder)
    built = {ARTICLES: [], STATEMENTS: []}
    writers = {name: index.worker_writer(name) for name in built}
    for chunk in _chunks(ids, BATCH_SIZE):
        for article in _articles_with_relations(chunk):
            if checkpoint:
                checkpoint()
            writers[ARTICLES].add_document(**store.article_document(article_record(article)))
            for record in statement_records(article):
                writers[STATEMENTS].add_document(**store.statement_document(record))
        for name, writer in writers.items():
            if writer.pool.postings > SEGMENT_POSTINGS:
                built[name].append(segments.finish_segment(writer))
                writers[name] = index.worker_writer(name)
        report(len(chunk))
    for name, writer in writers.items():
        built[name].append(segments.finish_segment(writer))
    return built


# --- the rebuild's worker processes ---------------------------------------------------


class RebuildFailed(errors.RebuildFailed):
    """The rebuild could not finish; the live index was left as it was."""


class _Stopped(Exception):
    """The parent told the workers to stop: the rebuild failed or was interrupted."""


# In a worker process: (articles indexed, one slot a worker; the stop flag; the parent's pid).
_worker_shared = None


BUILDING_LOCK = ".building.lock"
ABANDONED_AFTER_SECONDS = 60


def _hold(path):
    import fcntl

    handle = open(path, "w")
    fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


def _sweep_abandoned_builds(target):
    """Remove the half-built folders of rebuilds that were killed (SIGKILL leaves them):
    a folder whose lock nobody holds has no builder left."""
    import fcntl
    import shutil

    for folder in target.parent.glob(target.name + ".building-*"):
        try:
            if time.time() - folder.stat().st_mtime < ABANDONED_AFTER_SECONDS:
                continue  # perhaps a rebuild that has made its folder but not yet locked it
        except OSError:
            continue
        lock = folder / BUILDING_LOCK
        try:
            with open(lock, "a") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                shutil.rmtree(folder, ignore_errors=True)
        except BlockingIOError:
            continue  # another rebuild is building there now
        except OSError:
            continue


def _start_worker(indexed, stop, parent_pid):
    global _worker_shared
    # Ctrl-C reaches the whole process group; the parent alone handles it, through `stop`.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    if os.getppid() != parent_pid:
        os._exit(1)  # the parent died before we could ask to die with it
    _worker_shared = (indexed, stop, parent_pid)


def _die_with_parent():
    """Linux: have the kernel kill this worker when the rebuild is killed. Between articles
    the worker checks for itself, but an idle worker waits on the pool's queue, which its
    siblings keep open: killed with SIGKILL, the parent left such workers for good."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: the per-article check remains


def _build_worker(number, folder, ids):
    indexed, stop, parent_pid = _worker_shared

    def report(n):
        indexed[number] += n

    def checkpoint():
        if os.getppid() != parent_pid:
            os._exit(1)  # the rebuild was killed: nobody will adopt these segments
        if stop.value:
            raise _Stopped()

    return _build_share(folder, ids, report, checkpoint)


def _build_in_processes(folder, ids, workers, progress):
    import ctypes
    import multiprocessing
    from concurrent.futures import FIRST_EXCEPTION, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    from django.db import connections

    # Each child opens its own database connection; an inherited one must not be shared.
    connections.close_all()
    context = multiprocessing.get_context("fork")
    size = -(-len(ids) // workers)
    shares = [ids[start: start + size] for start in range(0, len(ids), size)]
    # Shared memory without locks: each worker writes only its own progress slot and the
    # parent only the stop flag, so a worker killed mid-write leaves no lock held.
    indexed = context.RawArray(ctypes.c_long, len(shares))
    stop = context.RawValue(ctypes.c_bool, False)
    pool = ProcessPoolExecutor(len(shares), mp_context=context, initializer=_start_worker,
                               initargs=(indexed, stop, os.getpid()))
    counter = _Progress(len(ids), progress)
    try:
        futures = [pool.submit(_build_worker, number, folder, share)
                   for number, share in enumerate(shares)]
        pending = futures
        while pending:
            finished, pending = wait(pending, timeout=0.5, return_when=FIRST_EXCEPTION)
            if sum(indexed) > counter.done:
                counter.add(sum(indexed) - counter.done)
            for future in finished:
                future.result()  # a worker's exception is raised here, with its traceback
    except BrokenProcessPool:
        raise RebuildFailed(
            "an indexing worker died before finishing its share (killed, or out of memory); "
            "the live index is unchanged"
        ) from None
    finally:
        stop.value = True  # workers still building stop before their next article
        pool.shutdown(wait=True, cancel_futures=True)
    # In the workers' order, so documents keep the database's order (ties rank alike
    # whatever the number of workers).
    return {name: [seg for future in futures for seg in future.result()[name]]
            for name in (ARTICLES, STATEMENTS)}


# --- checking -----------------------------------------------------------------------


# Adding articles to the live index costs more per article than a rebuild on every core,
# and more the larger the batch is (docs/benchmarks.md). Past this many, and at least this
# share of what the index holds, one rebuild of everything is the quicker way.
REBUILD_MIN_ARTICLES = 2_000
REBUILD_SHARE = 0.5


def rebuild_pays_off(count):
    """Whether indexing `count` more articles is quicker as one rebuild of the whole index
    than added to the live one (the bulk import's rule, docs/importing.md)."""
    if count < REBUILD_MIN_ARTICLES:
        return False
    if store.index_state(index_folder()) != "ok":
        return True
    return count >= REBUILD_SHARE * store.ArchiveIndex(index_folder()).doc_count(ARTICLES)


def catch_up(rebuild_when_quicker=False, workers=1, progress=None, also=()):
    """Index the articles the index lacks or holds stale and return how many there were
    (all of the archive's, when it rebuilt).

    A process killed after committing articles or statements but before indexing them
    leaves them so; nothing else would notice, since a re-run finds them unchanged. The
    import and `extract_statements --all` call this at their end. Raises IndexNeedsRebuild
    when there is no usable index (then `rebuild_index` is the way).

    The bulk import passes `rebuild_when_quicker`: then a missing or stale index, or one
    so far behind that rebuild_pays_off, is rebuilt whole instead (`workers` and
    `progress` as for rebuild); `also` are article pks to index whatever the comparison
    says (statements of theirs that an extraction moved)."""
    if rebuild_when_quicker and store.index_state(index_folder()) != "ok":
        return rebuild(workers=workers, progress=progress)
    report = check()
    behind = report["missing"] + report["stale"]
    ids = set(int(i) for i in also)
    for offset in range(0, len(behind), 900):  # under SQLite's bound-parameter limit
        ids.update(Article.objects.filter(external_id__in=behind[offset : offset + 900]).values_list("pk", flat=True))
    if rebuild_when_quicker and rebuild_pays_off(len(ids)):
        return rebuild(workers=workers, progress=progress)
    if ids:
        index_articles(sorted(ids))
    return len(ids)


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
    # Stored but never extracted (an import killed between the two, or --no-process).
    not_extracted = list(Article.objects.filter(extracted_with="").order_by("external_id")
                         .values_list("external_id", flat=True))
    public_statements = Statement.objects.public().count()
    return {
        "missing": sorted(missing),
        "stale": sorted(stale),
        "extra": extra,
        "articles_in_db": len(in_db),
        "articles_in_index": len(indexed),
        "statements_in_db": public_statements,
        "statements_in_index": index.doc_count(STATEMENTS),
        "not_extracted": not_extracted,
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

