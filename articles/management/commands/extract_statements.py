"""extract_statements [--article EXTERNAL_ID ...] [--all]: who said what, into the database.

Idempotent: a second run changes nothing, and statements an editor verified, rejected or
corrected are never touched. Articles whose statements changed are reindexed (bulk writes
fire no model signals), unless --no-index.
"""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.models import Article
from articles.quotes.extract import EXTRACTOR_VERSION
from articles.statements import extract_and_store


class Command(BaseCommand):
    help = "Extract quoted and reported statements and their speakers from articles."

    def add_arguments(self, parser):
        parser.add_argument("--article", action="append", default=[], metavar="EXTERNAL_ID",
                            help="an article's external id (repeatable)")
        parser.add_argument("--all", action="store_true", help="every article in the archive")
        parser.add_argument("--no-index", action="store_true",
                            help="do not reindex the changed articles (run rebuild_index later)")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")

    def handle(self, *args, **options):
        if bool(options["article"]) == options["all"]:
            raise CommandError("give --article EXTERNAL_ID (one or more) or --all")
        ids = self.article_ids(options)
        bar = None
        if not options["no_progress"] and sys.stderr.isatty():
            bar = tqdm(total=len(ids), unit="article", desc="statements", file=sys.stderr)
        changed = set()
        started = time.perf_counter()
        try:
            summary = extract_and_store(ids, progress=bar.update if bar else None, changed=changed)
        finally:
            if bar:
                bar.close()
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"extractor {EXTRACTOR_VERSION}: {summary['articles']} articles in {seconds:.1f} s; "
            f"statements created {summary['created']}, updated {summary['updated']}, "
            f"kept {summary['kept']} (editors' {summary['protected']}), deleted {summary['deleted']}"
        )
        if changed and not options["no_index"]:
            self.reindex(sorted(changed))
        if options["all"] and not options["no_index"]:
            self.catch_up()
        if summary["failed"]:
            for external_id, error in summary["failures"]:
                self.stderr.write(f"{external_id}: {error}")
            raise CommandError(f"{summary['failed']} articles could not be extracted; their statements were left as they were")

    def article_ids(self, options):
        if options["all"]:
            return list(Article.objects.order_by("pk").values_list("pk", flat=True))
        wanted = list(dict.fromkeys(options["article"]))
        found = dict(Article.objects.filter(external_id__in=wanted).values_list("external_id", "pk"))
        missing = [external_id for external_id in wanted if external_id not in found]
        if missing:
            raise CommandError(f"no article with external id: {', '.join(missing)}")
        return [found[external_id] for external_id in wanted]

    def reindex(self, article_ids):
        from articles.search_backends import SearchUnavailable, get_backend

        try:
            get_backend().index_articles(article_ids)
        except SearchUnavailable as error:
            # The statements are stored; only the search index lags behind.
            raise CommandError(f"statements stored, but the search index was not updated: {error}"
                               + (f" (fix: {error.fix})" if error.fix else "")) from None
        self.stdout.write(f"reindexed {len(article_ids)} articles")

    def catch_up(self):
        """A run killed before its reindex left articles stale that a re-run finds unchanged."""
        from articles.search_backends import SearchUnavailable, get_backend

        try:
            behind = get_backend().catch_up()
        except SearchUnavailable:
            return  # no index to catch up: rebuild_index builds it whole
        if behind:
            self.stdout.write(f"indexed {behind} articles the index had missed")
