"""Machine-readable search: JSON (/api/search/, /api/statements/) and CSV exports.

The JSON is the search layer's own dict, so it has the same shape as `search --json`.
The CSV holds every match, not one page: it is streamed page by page from the index so a
search with 30,000 hits never sits in memory.
"""

import csv

from django.http import JsonResponse, StreamingHttpResponse
from django.utils import timezone

from articles import search as search_layer
from articles.filters import ArticleSearchFilterSet, StatementSearchFilterSet
from articles.indexing import IndexNeedsRebuild
from articles.text.schema import ARTICLES, STATEMENTS

# Database rows fetched at a time while a CSV export streams.
EXPORT_PAGE_SIZE = 500
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _unavailable_json(error):
    response = JsonResponse(
        {"error": "index_needs_rebuild", "detail": str(error), "fix": "python manage.py rebuild_index"},
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
    except IndexNeedsRebuild as error:
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
    """csv.writer writes into this and hands each line straight to the response."""

    def write(self, value):
        return value


ARTICLE_COLUMNS = ["external_id", "title", "published", "source", "source_code", "section", "url", "score"]
STATEMENT_COLUMNS = [
    "id", "text", "kind", "verb", "speaker", "speaker_id", "speaker_description", "speaker_slug",
    "article_external_id", "article_title", "published", "source", "url",
]  # fmt: skip


def _csv_view(request, filterset_class, kind, columns, filename):
    filterset = filterset_class(request.GET)
    if not filterset.form.is_valid():
        return _bad_request_json(filterset)
    arguments = filterset.search_arguments()
    # The search runs before the response starts, so a missing index is a clear 503
    # rather than a CSV cut off after its header.
    try:
        results = search_layer.export_results(
            kind, arguments["q"], filters=arguments["filters"], sort=arguments["sort"],
            exact=arguments["exact"], batch=EXPORT_PAGE_SIZE,
        )
    except IndexNeedsRebuild as error:
        return _unavailable_json(error)

    def rows():
        writer = csv.writer(_Echo())
        # The byte-order mark makes spreadsheet programs read the Arabic as UTF-8.
        yield "\ufeff" + writer.writerow(columns)
        for result in results:
            # A spreadsheet has no base address: links are written in full.
            result["url"] = request.build_absolute_uri(result["url"])
            yield writer.writerow([neutralise(result.get(column)) for column in columns])

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.csv"'
    return response


def search_export_csv(request):
    return _csv_view(request, ArticleSearchFilterSet, ARTICLES, ARTICLE_COLUMNS, "articles")


def statements_export_csv(request):
    return _csv_view(request, StatementSearchFilterSet, STATEMENTS, STATEMENT_COLUMNS, "statements")
