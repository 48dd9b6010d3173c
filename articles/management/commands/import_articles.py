"""import_articles PATH [PATH ...]: files or folders of articles into the archive.

Writes every failure as path:line: reason (stderr) as it is met, and ends with one summary
line (imported N, updated N, unchanged N, failed N) on stdout; exits with status 1 when
anything failed. An input large for the archive takes the bulk path (stored whole, then
extracted, then indexed once); --bulk and --incremental force a path (docs/importing.md).
"""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.importing.importer import import_paths
from articles.importing.discovery import find_files
from articles.importing.streams import DEFAULT_MAX_BYTES, DEFAULT_MAX_LINE_BYTES, Limits
from articles.importing.upsert import DEFAULT_BATCH_SIZE


class Command(BaseCommand):
    help = "Import articles (seed plain text, JSON Lines, TREC; .gz read compressed) from files or folders."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder (walked recursively)")
        parser.add_argument("--no-process", action="store_true",
                            help="store only: skip statement extraction and indexing (for timing the phases apart)")
        path = parser.add_mutually_exclusive_group()
        path.add_argument("--bulk", dest="bulk", action="store_const", const=True, default=None,
                          help="store everything first, then extract and index once (rebuilding the index "
                               "when that is quicker); the default for an input large for the archive")
        path.add_argument("--incremental", dest="bulk", action="store_const", const=False,
                          help="extract and index batch by batch as the articles are stored; the default "
                               "for an input small for the archive")
        parser.add_argument("--workers", type=int, default=None,
                            help="processes that build the index when the bulk path rebuilds it "
                                 "(default: the number of cores, at most 4)")
        parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
        parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                            help="most bytes read from one file once decompressed (default 2 GB)")
        parser.add_argument("--max-line-bytes", type=int, default=DEFAULT_MAX_LINE_BYTES,
                            help="longest line / DOC / plain-text article accepted (default 20 MB)")
        parser.add_argument("--encoding", default="utf-8",
                            help="text encoding of the input (default utf-8; e.g. cp1256 for Windows Arabic)")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")

    def handle(self, *args, **options):
        paths = options["paths"]
        if options["batch_size"] < 1 or options["max_bytes"] < 1 or options["max_line_bytes"] < 1:
            raise CommandError("--batch-size, --max-bytes and --max-line-bytes must be positive")
        if options["workers"] is not None and options["workers"] < 1:
            raise CommandError("--workers must be positive")
        if options["no_process"] and options["bulk"] is not None:
            raise CommandError("--no-process stores only: --bulk and --incremental say how to process")
        try:
            "".encode(options["encoding"])
        except LookupError:
            raise CommandError(f"unknown encoding: {options['encoding']}") from None
        limits = Limits(options["max_bytes"], options["max_line_bytes"], options["encoding"])
        bar = self.progress_bar(paths, options)
        stages = StageBars() if bar else None
        try:
            # Every failure is written as it happens, so a file of millions of bad lines
            # is reported whole without being held in memory.
            report = import_paths(
                paths, limits=limits, batch_size=options["batch_size"],
                process=not options["no_process"], progress=bar.update if bar else None,
                on_failure=lambda failure: self.stderr.write(str(failure)),
                bulk=options["bulk"], stage_progress=stages.update if stages else None,
                workers=options["workers"],
            )
        finally:
            if bar:
                bar.close()
            if stages:
                stages.close()
        self.stdout.write(report.summary())
        if report.failed:
            sys.exit(1)

    def progress_bar(self, paths, options):
        # Only for a person watching: logs and pipes get the summary line alone.
        if options["no_progress"] or not sys.stderr.isatty():
            return None
        total = sum(path.stat().st_size for path, problem in find_files(paths) if not problem)
        return tqdm(total=total, unit="B", unit_scale=True, desc="import", file=sys.stderr)


class StageBars:
    """The bulk path's later stages (statements, index), one bar each after the bytes'."""

    def __init__(self):
        self.bars = {}

    def update(self, stage, done, total):
        bar = self.bars.get(stage)
        if bar is None:
            bar = self.bars[stage] = tqdm(total=total, unit="article", desc=stage, file=sys.stderr)
        bar.total = total
        bar.update(done - bar.n)

    def close(self):
        for bar in self.bars.values():
            bar.close()
