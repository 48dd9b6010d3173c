"""Search the archive from the shell: `search "QUERY" [--limit N] [--json]`, or
`search --batch FILE [--limit N]` for one JSON line per query line (evaluations)."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from articles.management.commands._jsonl import jsonl_line
from articles.search_backends import SearchUnavailable
from articles.search import search_articles

RESULT_KEYS = ("external_id", "title", "score", "url", "published", "source", "snippet")


def as_json(outcome):
    return {
        "query": outcome["query"],
        "total": outcome["total"],
        "took_ms": outcome["took_ms"],
        "partial": outcome["partial"],
        "suggestion": outcome["suggestion"],
        "results": [{k: r[k] for k in RESULT_KEYS} for r in outcome["results"]],
    }


class Command(BaseCommand):
    help = "Search the article index (the same ranking as the web search)."

    def add_arguments(self, parser):
        parser.add_argument("query", nargs="?", help="the query, in the search language")
        parser.add_argument("--limit", type=int, default=10, help="results per query (default 10)")
        parser.add_argument("--json", action="store_true", help="one JSON object")
        parser.add_argument("--exact", action="store_true", help="exact spelling (no stems, no variants)")
        parser.add_argument("--batch", metavar="FILE",
                            help="one query per line ('-' for stdin); writes JSON lines in order")

    def handle(self, *args, **options):
        limit = max(1, min(options["limit"], 100))
        if options["batch"] and options["query"]:
            raise CommandError("give a query or --batch FILE, not both")
        if not options["batch"] and options["query"] is None:
            raise CommandError('give a query: search "QUERY" (or --batch FILE)')
        try:
            if options["batch"]:
                self.batch(options["batch"], limit, options["exact"])
            else:
                self.one(options["query"], limit, options["json"], options["exact"])
        except SearchUnavailable as error:
            raise CommandError(str(error)) from None

    def run(self, query, limit, exact):
        return search_articles(query, per_page=limit, exact=exact)

    def one(self, query, limit, json_output, exact):
        outcome = self.run(query, limit, exact)
        if json_output:
            self.stdout.write(json.dumps(as_json(outcome), ensure_ascii=False))
            return
        partial = " (partial: time limit reached)" if outcome["partial"] else ""
        self.stdout.write(f"{outcome['total']} results in {outcome['took_ms']} ms{partial}")
        if outcome["suggestion"]:
            self.stdout.write(f"did you mean: {outcome['suggestion']}")
        for rank, result in enumerate(outcome["results"], 1):
            self.stdout.write(
                f"{rank:>3}. {result['score']:>8.3f}  {result['external_id']}  {result['title']}"
            )

    def batch(self, path, limit, exact):
        try:
            stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from None
        with stream:
            for line in stream:
                query = line.rstrip("\n")
                outcome = self.run(query, limit, exact)
                self.stdout.write(jsonl_line(as_json(outcome)), ending="")
