"""export_stories --format jsonl|csv [--output FILE]: one row per story.

Each row: the story's stable id, its title, its articles' external ids and their outlets'
codes (first published first), and the first and last publication dates. Articles in no
story are left out. CSV joins the lists with spaces (ids and codes hold none) and guards
formula cells as export_statements does: an external id or a source code may start with
"=", "-" or "@" as well as a title. A file is written whole or not at all (_whole_file).
"""

import csv
import os
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from articles.management.commands._jsonl import jsonl_line
from articles.management.commands._whole_file import whole_file
from articles.management.commands.export_statements import _Out, neutralise
from articles.models import StoryMembership

COLUMNS = ["story", "title", "articles", "sources", "first", "last"]


class Command(BaseCommand):
    help = "Export stories as JSON Lines or CSV (stdout, or --output FILE)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument("--output", metavar="FILE", help="write here instead of stdout")

    def handle(self, *args, **options):
        if options["output"]:
            path = Path(options["output"])
            with whole_file(path) as out:
                count = self.write(self.rows(), out, options["format"])
            self.stderr.write(f"exported {count} stories to {path}")
        else:
            try:
                self.write(self.rows(), _Out(self.stdout), options["format"])
            except BrokenPipeError:
                if self.stdout._out is sys.stdout:
                    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())

    def rows(self):
        """Stories in id order, streamed from one query: each membership row carries its
        story's title and dates, ordered by story, so one pass builds each story's row.

        One statement reads one snapshot (PostgreSQL's and SQLite's WAL readers alike): a
        grouping run that commits while the export streams can neither list a story twice
        nor put an article in two stories, as a query for the stories and another for
        their articles could."""
        members = (
            StoryMembership.objects.order_by("story_id", "article__published", "article__external_id")
            .values_list("story_id", "story__title", "story__first_published", "story__last_published",
                         "article__external_id", "article__source__code")
            .iterator(chunk_size=5000)
        )
        story = None
        for story_id, title, first, last, external_id, source in members:
            if story is None or story["story"] != story_id:
                if story is not None:
                    yield story
                story = {
                    "story": story_id, "title": title, "articles": [], "sources": [],
                    "first": first.isoformat() if first else None, "last": last.isoformat() if last else None,
                }
            story["articles"].append(external_id)
            if source not in story["sources"]:
                story["sources"].append(source)
        if story is not None:
            yield story

    def write(self, rows, out, fmt):
        count = 0
        if fmt == "csv":
            writer = csv.writer(out)
            writer.writerow(COLUMNS)
            for row in rows:
                writer.writerow([
                    row["story"], neutralise(row["title"]), neutralise(" ".join(row["articles"])),
                    neutralise(" ".join(row["sources"])), row["first"] or "", row["last"] or "",
                ])
                count += 1
        else:
            for row in rows:
                out.write(jsonl_line(row))
                count += 1
        return count
