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
from articles.importing.streams import FileError, Limits, open_binary
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
                 on_failure=None):
    """Import every article file under `paths`; return the counts and the failures (the
    first MAX_KEPT_FAILURES of them; `failed` counts them all).

    `progress`, if given, is called with the number of input bytes read since its last call;
    `on_failure`, if given, with every failure as it happens.
    """
    limits = limits or Limits()
    writer = ArticleWriter(batch_size=batch_size, process=process, on_failure=on_failure)
    for path, problem in find_files(paths):
        if problem:
            writer.fail(ImportFailure(str(path), None, problem))
            continue
        import_file(path, writer, limits, progress)
    writer.flush()
    if process and writer.counts["unchanged"]:
        catch_up_index(writer)
    return ImportReport(**writer.counts, failures=writer.failures)


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
