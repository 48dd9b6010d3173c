"""Compare the database and the search index; exit 1 when they differ."""

from django.core.management.base import BaseCommand, CommandError

from articles.search_backends import SearchUnavailable, get_backend

SHOW = 20


class Command(BaseCommand):
    help = "Report articles missing from, stale in, or extra in the search index."

    def handle(self, *args, **options):
        try:
            report = get_backend().check()
        except SearchUnavailable as error:
            # An index of another analyzer version lands here: say what mends it.
            fix = f" (fix: {error.fix})" if error.fix and error.fix not in str(error) else ""
            raise CommandError(f"{error}{fix}") from None
        self.stdout.write(
            f"articles: {report['articles_in_db']} in the database, "
            f"{report['articles_in_index']} in the index; statements: "
            f"{report['statements_in_db']} in the database, {report['statements_in_index']} in the index"
        )
        problems = 0
        for key, meaning in (("missing", "not in the index"), ("stale", "changed since indexed"),
                             ("extra", "in the index but not in the database")):
            ids = report[key]
            problems += len(ids)
            if ids:
                shown = ", ".join(ids[:SHOW]) + (f" … (+{len(ids) - SHOW})" if len(ids) > SHOW else "")
                self.stdout.write(f"{key} ({len(ids)}, {meaning}): {shown}")
        ids = report["not_extracted"]
        if ids:
            # Not an index fault, so not counted as one; rebuild_index would not help.
            shown = ", ".join(ids[:SHOW]) + (f" … (+{len(ids) - SHOW})" if len(ids) > SHOW else "")
            self.stdout.write(f"not extracted ({len(ids)}, stored but statements never extracted; "
                              f"run: python manage.py extract_statements --all): {shown}")
        if report["statements_in_db"] != report["statements_in_index"]:
            problems += 1
            self.stdout.write("statement counts differ")
        if problems:
            raise CommandError("index and database differ; run: python manage.py rebuild_index",
                               returncode=1)
        self.stdout.write(self.style.SUCCESS("index matches the database"))
