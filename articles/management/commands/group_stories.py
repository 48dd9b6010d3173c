"""group_stories [--all]: copies and same-event stories, into the database.

Without --all, groups the articles changed since the last run of this command started
(every article on the first run), with their neighbourhood; --all groups every dated article again and
rewrites the term frequencies. Story ids are kept by overlap, editors' corrections are
kept as they are (docs/stories.md).

Only this command records its runs (GroupingRun): the grouping after an import batch does
not, so a batch whose grouping failed, or an import with --no-process, is still "changed
since the last run" when a later batch was grouped.
"""

import sys
import time

from django.core.management.base import BaseCommand
from django.utils import timezone
from tqdm import tqdm

from articles.models import Article, GroupingRun
from articles.stories import store


class Command(BaseCommand):
    help = "Group articles that report the same event into stories, and find copies."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="group every article again")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")

    def handle(self, *args, **options):
        last = GroupingRun.objects.filter(finished__isnull=False).first()
        everything = options["all"] or last is None
        run_started = timezone.now()
        started = time.perf_counter()
        if everything:
            total = Article.objects.exclude(published=None).count()
            bar = None
            if not options["no_progress"] and sys.stderr.isatty():
                bar = tqdm(total=total, unit="article", desc="stories", file=sys.stderr)
            try:
                summary = store.regroup_all(progress=bar.update if bar else None)
            finally:
                if bar:
                    bar.close()
            scope = f"all {total} articles"
        else:
            ids = list(Article.objects.filter(updated__gte=last.started).values_list("pk", flat=True))
            summary = store.regroup_articles(ids)
            scope = f"{len(ids)} changed articles"
        GroupingRun.objects.create(started=run_started, finished=timezone.now(), everything=everything,
                                   articles=total if everything else len(ids), stories=summary["stories"])
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"grouped {scope} in {seconds:.1f} s: stories {summary['stories']} (new {summary['new']}, "
            f"kept {summary['kept']}, removed {summary['removed']}), articles in stories "
            f"{summary['articles']}, copies {summary['copies']}"
        )
