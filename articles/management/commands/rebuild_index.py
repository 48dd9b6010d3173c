"""Rebuild the whole search index from the database (beside the live one, then swapped)."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from articles.search_backends import IndexBusy, RebuildFailed, SearchUnavailable, get_backend


class Command(BaseCommand):
    help = "Rebuild the search index from the database."

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=None,
                            help="processes that build the index, each a share of the "
                                 "articles (default: the number of cores, at most 4)")
        parser.add_argument("--if-stale", action="store_true",
                            help="only when the index is missing, of another analyzer "
                                 "version, or its article count differs from the database")

    def handle(self, *args, **options):
        try:
            backend = get_backend()
        except SearchUnavailable as error:
            raise CommandError(str(error)) from None
        workers = options["workers"] if options["workers"] is not None else backend.default_workers()
        if options["if_stale"]:
            reason = backend.needs_rebuild()
            if reason is None:
                self.stdout.write("search index is up to date; nothing to do")
                return
            self.stdout.write(f"rebuilding the search index: {reason}")
        started = time.perf_counter()
        bar = self.progress_bar()
        try:
            count = backend.rebuild(workers=max(1, workers), progress=bar.update_to)
        except (IndexBusy, RebuildFailed, SearchUnavailable) as error:
            raise CommandError(str(error)) from None
        except KeyboardInterrupt:
            raise CommandError("interrupted; the live index is unchanged") from None
        finally:
            bar.close()
        self.stdout.write(self.style.SUCCESS(
            f"indexed {count} articles in {time.perf_counter() - started:.1f} s "
            f"into {backend.location()}"
        ))

    def progress_bar(self):
        """tqdm on a terminal; plain lines every 10% otherwise (logs, make)."""
        command = self

        if sys.stderr.isatty():
            from tqdm import tqdm

            class Bar(tqdm):
                def update_to(self, done, total):
                    self.total = total
                    self.update(done - self.n)

            return Bar(unit="article", desc="indexing")

        class Lines:
            last = -1

            def update_to(self, done, total):
                tenth = done * 10 // max(total, 1)
                if tenth != self.last:
                    self.last = tenth
                    command.stderr.write(f"indexing: {done}/{total}")

            def close(self):
                pass

        return Lines()
