"""Machine-readable search: JSON (/api/search/, /api/statements/) and CSV exports.

The JSON is the search layer's own dict, so it has the same shape as `search --json`.
A CSV export holds every match, up to NEWSARCHIVE_EXPORT_MAX_ROWS: a larger search is
refused with a 400 that says how many rows it has and gives the `export_search` command
that writes the same file on the server. An export is built whole before its first byte
and sent with its length, so it never outlives its worker unnoticed: a failure is an
error rather than a short file, and a client sees a cut connection as a failed download.
"""

import csv
import shlex
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import timezone

from articles import search as search_layer
from articles.filters import ArticleSearchFilterSet, StatementSearchFilterSet
from articles.search_backends import ARTICLES, STATEMENTS, SearchUnavailable

# Database rows fetched at a time while a CSV export is built.
EXPORT_PAGE_SIZE = 500
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _unavailable_json(error):
    response = JsonResponse(
        {"error": error.code, "detail": str(error), "fix": error.fix},
        status=503,
    )
    response["Retry-After"] = "300"
    return response


def _bad_request_json(filterset):
    return JsonResponse(
        {"error": "bad_parameters", "parameters": {name: " ".join(errs) for name, errs in filterset.form.errors.items()}},
        status=400,
        json_dumps_params={"ensure_ascii": False},
    )


def _json_view(request, filterset_class, search_name):
    filterset = filterset_class(request.GET)
    # A program calling the API wants to know its parameter was wrong, not a guess.
    if not filterset.form.is_valid():
        return _bad_request_json(filterset)
    arguments = filterset.search_arguments()
    try:
        results = getattr(search_layer, search_name)(
            arguments["q"],
            filters=arguments["filters"],
            sort=arguments["sort"],
            page=arguments["page"],
            per_page=_per_page(request),
            exact=arguments["exact"],
            # 0 to 100 values per facet (search.MAX_FACET_LIMIT); junk gives the default.
            facet_limit=request.GET.get("facet_limit", search_layer.FACET_LIMIT),
        )
    except SearchUnavailable as error:
        return _unavailable_json(error)
    return JsonResponse(results, json_dumps_params={"ensure_ascii": False}, safe=False)


def _per_page(request):
    try:
        return min(max(int(request.GET.get("per_page", 20)), 1), 100)
    except ValueError:
        return 20


def api_search(request):
    return _json_view(request, ArticleSearchFilterSet, "search_articles")


def api_statements(request):
    return _json_view(request, StatementSearchFilterSet, "search_statements")


# --- CSV --------------------------------------------------------------------------------


def neutralise(value):
    """A cell as text that a spreadsheet shows and never evaluates."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


class _Echo:
    """csv.writer writes into this and gets each line back as a string."""

    def write(self, value):
        return value


ARTICLE_COLUMNS = ["external_id", "title", "published", "source", "source_code", "section", "url", "score"]
STATEMENT_COLUMNS = [
    "id", "text", "kind", "verb", "speaker", "speaker_id", "speaker_description", "speaker_slug",
    "article_external_id", "article_title", "published", "source", "url",
]  # fmt: skip


@dataclass(frozen=True)
class ExportKind:
    """What one export is: its parameters, the index it searches, its columns, its file name."""

    filterset: type
    index: str
    columns: list
    filename: str


# By name: the web exports and `manage.py export_search` write the same files.
EXPORTS = {
    "articles": ExportKind(ArticleSearchFilterSet, ARTICLES, ARTICLE_COLUMNS, "articles"),
    "statements": ExportKind(StatementSearchFilterSet, STATEMENTS, STATEMENT_COLUMNS, "statements"),
}


def export_max_rows():
    return settings.NEWSARCHIVE_EXPORT_MAX_ROWS


def csv_lines(rows, columns, absolute_url):
    """An export's CSV, line by line: a byte-order mark (spreadsheet programs then read
    the Arabic as UTF-8) and the header, then one line per row. A spreadsheet has no base
    address, so `absolute_url` writes each link in full."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(columns)
    for result in rows:
        result["url"] = absolute_url(result["url"])
        yield writer.writerow([neutralise(result.get(column)) for column in columns])


def export_command(name, query_string):
    """The shell command that writes the export `name` of these parameters on the server."""
    parameters = f" {shlex.quote(query_string)}" if query_string else ""
    return f"python manage.py export_search {name}{parameters} --output {name}.csv"


def _export_too_large_json(request, name, total, limit):
    return JsonResponse(
        {
            "error": "export_too_large",
            "total": total,
            "limit": limit,
            "detail": f"This search matches {total} rows; an export from the web holds at most {limit}. "
                      "Narrow the search (a year, a source, a speaker), or have it exported on the server "
                      "with the command below.",
            "command": export_command(name, request.META.get("QUERY_STRING", "")),
        },
        status=400,
    )


def _export_incomplete_json():
    response = JsonResponse(
        {
            "error": "search_incomplete",
            "detail": "The search took too long and was stopped early, so the export would miss rows; "
                      "nothing was exported. Try again in a moment, or narrow the search.",
        },
        status=503,
    )
    response["Retry-After"] = "30"
    return response


def _csv_view(request, name):
    export_kind = EXPORTS[name]
    filterset = export_kind.filterset(request.GET)
    if not filterset.form.is_valid():
        return _bad_request_json(filterset)
    arguments = filterset.search_arguments()
    limit = export_max_rows()
    # The search runs before the response starts, so a missing index, a search cut short
    # and a result over the limit are each a clear error, never a CSV with rows missing.
    try:
        export = search_layer.export_results(
            export_kind.index, arguments["q"], filters=arguments["filters"], sort=arguments["sort"],
            exact=arguments["exact"], limit=limit, batch=EXPORT_PAGE_SIZE,
        )
    except SearchUnavailable as error:
        return _unavailable_json(error)
    if export.partial:
        return _export_incomplete_json()
    if export.total > limit:
        return _export_too_large_json(request, name, export.total, limit)
    body = "".join(csv_lines(export.rows, export_kind.columns, request.build_absolute_uri)).encode("utf-8")
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Length"] = str(len(body))
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="{export_kind.filename}-{stamp}.csv"'
    return response


def search_export_csv(request):
    return _csv_view(request, "articles")


def statements_export_csv(request):
    return _csv_view(request, "statements")
