"""export_statements [--article EXTERNAL_ID ...] --format jsonl|csv [--output FILE].

One row per public statement (an editor's rejection leaves it out, as on the site), streamed
from the database (never all in memory). CSV cells that a spreadsheet would run as a formula
are neutralised with a leading apostrophe. With --output the file takes its name only when it
is complete.
"""

import csv
import os
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Value
from django.db.models.functions import Coalesce

from articles.management.commands._jsonl import jsonl_line
from articles.management.commands._whole_file import whole_file
from articles.models import Article, Statement
from articles.statements import articles_carrying

COLUMNS = [
    "article", "speaker", "speaker_id", "speaker_description", "speaker_mention", "speaker_kind",
    "kind", "verb", "text", "start", "end", "channel", "confidence", "status", "first_article", "echoes",
]
# first_article: the earliest article that carried the statement (the same speaker saying the
# same thing, articles.quotes.echoes), its own when no earlier one did; echoes: the articles
# that carried it after that one, earliest first (space-separated in CSV).
# speaker_id is the speaker's slug: stable, and the id the site's URLs and the API use.
QUERY_FIELDS = [
    "pk", "article__external_id", "speaker__name", Coalesce("speaker__slug", Value("")), "speaker_description",
    "speaker_mention", "speaker__kind", "kind", "verb", "text", "start", "end", "channel", "confidence",
    "status",
]
# A spreadsheet evaluates a cell starting with one of these (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


class _Out:
    """A file-like view of the command's stdout for csv.writer (no extra line endings)."""

    def __init__(self, wrapper):
        self.wrapper = wrapper

    def write(self, text):
        self.wrapper.write(text, ending="")


class Command(BaseCommand):
    help = "Export statements as JSON Lines or CSV (stdout, or --output FILE)."

    def add_arguments(self, parser):
        parser.add_argument("--article", action="append", default=[], metavar="EXTERNAL_ID",
                            help="only this article's statements (repeatable)")
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument("--output", metavar="FILE", help="write here instead of stdout")

    def handle(self, *args, **options):
        if options["output"]:
            path = Path(options["output"])
            with whole_file(path) as out:
                count = self.write(self.rows(options["article"]), out, options["format"])
            self.stderr.write(f"exported {count} statements to {path}")
        else:
            rows = self.rows(options["article"])
            try:
                self.write(rows, _Out(self.stdout), options["format"])
            except BrokenPipeError:
                # `export_statements | head`: the reader has all it wants. Stop quietly,
                # and point stdout at /dev/null so that Python's final flush does not
                # complain about the closed pipe either.
                if self.stdout._out is sys.stdout:
                    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())

    def rows(self, external_ids):
        queryset, carriers = Statement.objects.public(), None
        if external_ids:
            found = set(Article.objects.filter(external_id__in=external_ids).values_list("external_id", flat=True))
            missing = [e for e in external_ids if e not in found]
            if missing:
                raise CommandError(f"no article with external id: {', '.join(missing)}")
            queryset = queryset.filter(article__external_id__in=external_ids)
            carriers = articles_carrying(queryset)
        else:
            carriers = articles_carrying()
        rows = queryset.order_by("article__external_id", "start", "pk").values_list(*QUERY_FIELDS)
        return self.with_carriers(rows.iterator(chunk_size=2000), carriers)

    @staticmethod
    def with_carriers(rows, carriers):
        for pk, *values in rows:
            carried = carriers.get(pk) or [values[0]]
            yield [*values, carried[0], carried[1:]]

    def write(self, rows, out, fmt):
        count = 0
        if fmt == "csv":
            writer = csv.writer(out)
            writer.writerow(COLUMNS)
            for row in rows:
                row[-1] = " ".join(row[-1])
                writer.writerow([neutralise(value) for value in row])
                count += 1
        else:
            for row in rows:
                out.write(jsonl_line(dict(zip(COLUMNS, row))))
                count += 1
        return count
