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
from articles.models import Story, StoryMembership

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
        """Stories in id order, streamed: the memberships come ordered by story, so one
        pass over them builds each story's row."""
        stories = Story.objects.order_by("pk").values_list("pk", "title", "first_published", "last_published")
        members = (
            StoryMembership.objects.order_by("story_id", "article__published", "article__external_id")
            .values_list("story_id", "article__external_id", "article__source__code")
            .iterator(chunk_size=5000)
        )
        pending = next(members, None)
        for pk, title, first, last in stories.iterator(chunk_size=2000):
            articles, sources = [], []
            while pending is not None and pending[0] < pk:
                pending = next(members, None)
            while pending is not None and pending[0] == pk:
                articles.append(pending[1])
                if pending[2] not in sources:
                    sources.append(pending[2])
                pending = next(members, None)
            if articles:
                yield {
                    "story": pk, "title": title, "articles": articles, "sources": sources,
                    "first": first.isoformat() if first else None, "last": last.isoformat() if last else None,
                }

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
