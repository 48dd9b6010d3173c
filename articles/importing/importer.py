"""The import run: every file under the given paths through its reader into the writer.

A failure is always local: a bad line or DOC fails alone, a file that stops being
readable (truncated gzip, size limit) keeps what was read before the fault, and one file
never stops the next.
"""

import gzip
import zlib
from dataclasses import dataclass, field

from articles.importing.discovery import READERS, SNIFF_BYTES, find_files, sniff_format
from articles.importing.records import ArticleRecord, ImportFailure, RecordError, unforeseen
from articles.importing.streams import FileError, Limits, is_gzip, open_binary
from articles.importing.upsert import DEFAULT_BATCH_SIZE, ArticleWriter

WHITESPACE = b" \t\r\n\xef\xbb\xbf"


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list = field(default_factory=list)

    def summary(self):
        return (
            f"imported {self.imported}, updated {self.updated}, "
            f"unchanged {self.unchanged}, failed {self.failed}"
        )


def import_paths(paths, limits=None, batch_size=DEFAULT_BATCH_SIZE, process=True, progress=None,
                 on_failure=None, bulk=None, stage_progress=None, workers=None):
    """Import every article file under `paths`; return the counts and the failures (the
    first MAX_KEPT_FAILURES of them; `failed` counts them all).

    `progress`, if given, is called with the number of input bytes read since its last call;
    `on_failure`, if given, with every failure as it happens. `bulk`: True stores every
    article first, then extracts the statements and indexes once (process_in_bulk); False
    extracts and indexes batch by batch as they are stored; None lets takes_bulk_path
    choose. On the bulk path, `stage_progress(stage, done, total)` is told how the
    extraction and the indexing go, and `workers` processes build the index.
    """
    limits = limits or Limits()
    files = list(find_files(paths))
    if bulk is None:
        bulk = process and takes_bulk_path(files)
    writer = ArticleWriter(batch_size=batch_size, process=process, on_failure=on_failure,
                           defer_processing=bulk)
    for path, problem in files:
        if problem:
            writer.fail(ImportFailure(str(path), None, problem))
            continue
        import_file(path, writer, limits, progress)
    writer.flush()
    if process and bulk:
        process_in_bulk(writer, stage_progress, workers)
    elif process and writer.counts["unchanged"]:
        catch_up_index(writer)
    return ImportReport(**writer.counts, failures=writer.failures)


# An article's share of an input file, on average (the corpus's JSON line, see
# docs/importing.md): how takes_bulk_path guesses, before reading, how many articles a
# file brings.
BYTES_PER_ARTICLE = 3_500


def takes_bulk_path(files):
    """The bulk path's rule, decided before reading: the input is large for the archive.

    Its articles, guessed from its size (BYTES_PER_ARTICLE), would be indexed quicker by
    one rebuild than added batch by batch (indexing.rebuild_pays_off: enough of them, and
    at least half what the index holds, or there is no index). A re-import of articles the
    archive already has costs no more on that path: nothing to extract, and the index is
    only caught up."""
    from articles.search_backends import SearchUnavailable, get_backend

    size = sum(decompressed_size(path) for path, problem in files if not problem)
    try:
        return get_backend().rebuild_pays_off(size // BYTES_PER_ARTICLE)
    except SearchUnavailable:
        return False  # the batch path reports the backend's error with every batch


def decompressed_size(path):
    """A file's size once decompressed: for a gzip, the size its trailer records (modulo
    4 GB, so never taken below the compressed size)."""
    try:
        size = path.stat().st_size
        if not is_gzip(path) or size < 18:
            return size
        with open(path, "rb") as handle:
            handle.seek(-4, 2)
            return max(size, int.from_bytes(handle.read(4), "little"))
    except OSError:
        return 0  # the reader will report it


def process_in_bulk(writer, stage_progress=None, workers=None):
    """The bulk path's second half: the statements of every article stored new, changed or
    never extracted, in one run; then the index brought up to date once — rebuilt on every
    core when that is quicker (indexing.catch_up). What `extract_statements --all
    --no-index` and `rebuild_index` do after `import_articles --no-process`, for the
    articles of this import only, with every failure reported as the batch path does."""
    from articles.pipeline import group_articles
    from articles.search_backends import get_backend
    from articles.statements import extract_and_store

    article_ids = sorted(writer.to_process)
    moved = set()
    if article_ids:
        done = 0

        def extracted(n):
            nonlocal done
            done += n
            stage_progress("statements", done, len(article_ids))

        try:
            summary = extract_and_store(article_ids, changed=moved,
                                        progress=extracted if stage_progress else None)
        except Exception as error:  # noqa: BLE001 — the articles are stored; say what is left
            writer.fail(ImportFailure(
                "(statements)", None,
                f"{len(article_ids)} articles stored but their statements not extracted "
                f"({error!r}); run extract_statements --all",
            ))
        else:
            writer.report_extraction(summary)
    indexed = (lambda done, total: stage_progress("index", done, total)) if stage_progress else None
    try:
        backend = get_backend()
        backend.catch_up(rebuild_when_quicker=True, workers=workers or backend.default_workers(),
                         progress=indexed, also=moved)
    except Exception as error:  # noqa: BLE001 — the articles are stored; say what is left
        writer.fail(ImportFailure("(index)", None, f"indexing failed ({error!r}); run rebuild_index"))
    if article_ids:
        # Stories last, as on the batch path (articles.pipeline); a failure is logged there
        # and left for the next group_stories, which finds the articles changed since.
        group_articles(article_ids)


def catch_up_index(writer):
    """Articles found unchanged may have been stored and extracted by an import killed
    before it indexed them: index whatever the index lacks, rather than report the re-run
    complete while they stay out of search."""
    from articles.search_backends import SearchUnavailable, get_backend

    try:
        get_backend().catch_up()
    except SearchUnavailable:
        pass  # no usable index yet: rebuild_index (make run does) indexes everything
    except Exception as error:  # noqa: BLE001 — the articles are stored; say what is left
        writer.fail(ImportFailure("(index)", None, f"catching the index up failed ({error!r}); run rebuild_index"))


def import_file(path, writer, limits, progress=None):
    try:
        raw, stream = open_binary(path)
    except OSError as error:
        writer.fail(ImportFailure(str(path), None, f"cannot open file ({error.strerror})"))
        return
    with raw, stream:
        tick = byte_counter(raw, progress)
        head = peek(stream)
        if head is not None and len(head) < SNIFF_BYTES and not head.strip(WHITESPACE):
            writer.fail(ImportFailure(str(path), None, "empty file"))
            return
        form = sniff_format(path, head or b"")
        produced = False
        first_line = {}  # external id -> line of this file that gave it first
        try:
            for item in READERS[form](path, stream, limits, tick):
                produced = True
                take(item, writer, first_line)
        except FileError as error:
            produced = True
            writer.fail(ImportFailure(str(path), error.line, str(error)))
        if not produced:
            writer.fail(ImportFailure(str(path), None, f"no articles found (read as {form})"))
        if tick:
            tick()


def take(item, writer, first_line):
    if isinstance(item, ArticleRecord):
        try:
            item.validate()
        except RecordError as error:
            item = ImportFailure(item.import_path, item.line, str(error))
        except Exception as error:  # noqa: BLE001 — a case no check foresaw: this record fails
            item = ImportFailure(item.import_path, item.line, unforeseen(error))
        else:
            # One file giving one id twice is a mistake in the file: the first stands, the
            # later one is refused by name (last-wins rewrote the article on every run).
            # The same id in another file (the corpus's JSONL and its TREC sample) updates.
            seen = first_line.setdefault(item.external_id, item.line)
            if seen != item.line:
                item = ImportFailure(item.import_path, item.line,
                                     f"id {item.external_id!r} already given at line {seen} of this file")
            else:
                writer.add(item)
                return
    writer.fail(item)


def peek(stream):
    """The first bytes of the (decompressed) file, or None if they cannot be read yet;
    the reader will then meet the same fault and report it with its line."""
    try:
        return stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    except (EOFError, OSError, zlib.error, gzip.BadGzipFile):
        return None


def byte_counter(raw, progress):
    if progress is None:
        return None
    done = 0

    def tick():
        nonlocal done
        try:
            position = raw.tell()
        except (OSError, ValueError):
            return
        progress(position - done)
        done = position

    return tick
