"""export_search articles|statements [PARAMETERS] [--output FILE] [--base-url URL].

Writes the CSV that /search/export.csv or /statements/export.csv would, for a search of
any size: the web refuses an export over NEWSARCHIVE_EXPORT_MAX_ROWS rows and names this
command. PARAMETERS are the search page's, as in its address after "?" (for example
'q=الرئيس&year=2018', percent-encoded or not); without them, every article or statement.
"""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict

from articles.api import EXPORT_PAGE_SIZE, EXPORTS, csv_lines
from articles.search_backends import SearchUnavailable
from articles.search import export_results

# No reader waits on a command: its search may take as long as a whole-corpus one needs.
SEARCH_TIME_LIMIT = 600.0


class Command(BaseCommand):
    help = "Export the results of a search as CSV, as the web exports do but with no row limit."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(EXPORTS))
        parser.add_argument("parameters", nargs="?", default="",
                            help="the search's parameters as in its address, e.g. 'q=الرئيس&year=2018'")
        parser.add_argument("--output", metavar="FILE", help="write here instead of stdout")
        parser.add_argument("--base-url", default="", metavar="URL",
                            help="put before each row's link, e.g. https://archive.example.org "
                                 "(without it, links are paths such as /articles/ID/)")

    def handle(self, *args, **options):
        export_kind = EXPORTS[options["kind"]]
        filterset = export_kind.filterset(QueryDict(options["parameters"]))
        if not filterset.form.is_valid():
            reasons = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in filterset.form.errors.items())
            raise CommandError(f"bad parameters: {reasons}")
        arguments = filterset.search_arguments()
        try:
            export = export_results(
                export_kind.index, arguments["q"], filters=arguments["filters"], sort=arguments["sort"],
                exact=arguments["exact"], batch=EXPORT_PAGE_SIZE, time_limit=SEARCH_TIME_LIMIT,
            )
        except SearchUnavailable as error:
            raise CommandError(str(error)) from None
        if export.partial:
            raise CommandError(f"the search took longer than {SEARCH_TIME_LIMIT:g} s and was stopped; "
                               "nothing was written")
        base_url = options["base_url"].rstrip("/")
        lines = csv_lines(export.rows, export_kind.columns, lambda path: base_url + path)
        if options["output"]:
            written = self.write_file(Path(options["output"]), lines)
            self.stderr.write(f"exported {written} of {export.total} matches to {options['output']}")
        else:
            for line in lines:
                self.stdout.write(line, ending="")

    def write_file(self, path, lines):
        """Rows written (header left out). The file appears under its name only once it is
        whole: an export that fails or is stopped half way leaves no file that looks done."""
        if not path.parent.is_dir():
            raise CommandError(f"folder does not exist: {path.parent}")
        partial = path.with_name(path.name + ".partial")
        count = -1
        try:
            with partial.open("w", encoding="utf-8", newline="") as out:
                for line in lines:
                    out.write(line)
                    count += 1
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
        return count
