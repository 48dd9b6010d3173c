"""The reading room: the pages a reader sees.

Database pages (home, article, speaker, source) work without the search index; the
search pages ask articles.search and show a clear 503 when the index must be rebuilt.
Every parameter goes through a FilterSet (articles/filters.py): a bad value is dropped
with a note, the rest of the request still runs.
"""

import logging
from datetime import timedelta

from django.core.paginator import Paginator
from django.db.models import Count, F, Max, Min, Q
from django.db.models.functions import TruncMonth
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, HttpResponseServerError
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from articles import search as search_layer
from articles.api import export_max_rows
from articles.filters import MAX_QUERY_LENGTH, SORTS, ArticleSearchFilterSet, StatementSearchFilterSet
from articles.models import Article, MergedSpeakerSlug, Section, Source, Speaker, Statement
from articles.quotes.speakers import is_unnamed_source
from articles.search_backends import DEFAULT_STEMMER, SearchUnavailable
from articles.search_backends.errors import REBUILD_COMMAND
from articles.statements import provenance_of, report_trail
from articles.stories.reading import story_links
from articles.rendering import (
    MAX_MARKS,
    capped_marks,
    query_marks,
    render_article_body,
    usable_statement_spans,
)
from articles.text.characters import strip_xml_invalid
from articles.text.normalize import normalize_arabic

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 20
# Values listed under each facet of the search pages, the most frequent first.
FACET_VALUES_SHOWN = 12
ARTICLES_PER_PAGE = 20
STATEMENTS_PER_PAGE = 20


# --- Database pages ---------------------------------------------------------------------


def home(request):
    latest = Article.objects.select_related("source", "section")[:12]
    sources = Source.objects.annotate(article_count=Count("articles")).order_by("-article_count", "name")
    quoted, quoted_since = most_quoted_speakers()
    return render(
        request,
        "home.html",
        {
            "latest": latest,
            "sources": sources,
            "article_total": Article.objects.count(),
            "statement_total": Statement.objects.public().count(),
            "quoted": quoted,
            "quoted_since": quoted_since,
        },
    )


def most_quoted_speakers(limit=10):
    """(speakers by statements in articles of the most recent month that has any, that month).

    The month is the newest one with statements up to the current month: an archive that
    is not fed every day (the 2018 corpus) shows its last month with statements, and one
    article dated in the future (a typo, 9999-12-15) cannot choose a month that is still
    empty. The page names the month, so the heading never lies. With no statements dated
    up to this month the month is None and the list is over all time.
    """
    statements = Statement.objects.public().filter(speaker__isnull=False)
    this_month = month_start_of(timezone.localtime())
    latest = statements.filter(article__published__lt=next_month_start(this_month)).aggregate(
        latest=Max("article__published"))["latest"]
    month_start = month_start_of(timezone.localtime(latest)) if latest is not None else None
    if month_start is not None:
        statements = statements.filter(article__published__gte=month_start,
                                       article__published__lt=next_month_start(month_start))
    # Counted from the statements of that month (2 ms at 548k statements), not by
    # annotating every speaker with a filtered count over all statements (1.3 s).
    counts = dict(
        statements.values_list("speaker").annotate(n=Count("id")).order_by("-n", "speaker")[: limit * 4]
    )
    speakers = sorted(Speaker.objects.filter(pk__in=counts), key=lambda sp: (-counts[sp.pk], sp.name))
    # "مصدر" and "البيان" are quoted more than anyone, and name no one: skipped here.
    named = []
    for speaker in speakers:
        if not is_unnamed_source(speaker.name):
            speaker.statement_count = counts[speaker.pk]
            named.append(speaker)
            if len(named) == limit:
                break
    return named, month_start


def month_start_of(moment):
    return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def next_month_start(month_start):
    return (month_start + timedelta(days=32)).replace(day=1)


def no_such_page_if_nul(value):
    """A NUL character can name no row, and PostgreSQL refuses it in a lookup: 404 at once."""
    if "\x00" in value:
        raise Http404


def article_detail(request, external_id):
    no_such_page_if_nul(external_id)
    article = get_object_or_404(Article.objects.select_related("source", "section"), external_id=external_id)
    statements = list(Statement.objects.public().filter(article=article).select_related("speaker"))
    query, exact, query_refused = highlight_query(request)
    marks, more_matches = query_spans(article.body, query, exact)
    body_html = render_article_body(article.body, statements, marks)
    marked = usable_statement_spans(article.body, statements)
    for statement in marked:
        statement.article = article  # the trail names the article's source without a query
    with_trails(marked)
    speakers = {}
    for statement in marked:
        if statement.speaker_id:
            speakers.setdefault(statement.speaker_id, statement.speaker)
    story, story_outlets, copies = story_links(article)
    # The article's own copies are listed as such, not again as related articles.
    copy_ids = {copy.external_id for copy in copies}
    related = [item for item in related_articles(article.external_id) if item["external_id"] not in copy_ids]
    return render(
        request,
        "article.html",
        {
            "article": article,
            "body_html": body_html,
            "statements": marked,
            "speakers": sorted(speakers.values(), key=lambda s: s.name),
            "related": related,
            "story": story,
            "story_outlets": story_outlets,
            "copies": copies,
            "query": query,
            "query_refused": query_refused,
            "marks_limited_to": MAX_MARKS if more_matches else None,
        },
    )


def highlight_query(request):
    """(query, exact, why the query was refused or "") from the article page's ?q= and
    ?exact=, held to the search pages' own rule for q (their FilterSet's field: length,
    control characters), so a query one page refuses is never echoed or searched on the other."""
    params = ArticleSearchFilterSet({name: request.GET[name] for name in ("q", "exact") if name in request.GET})
    if params.query_refused():
        return "", False, " ".join(params.form.errors["q"])
    arguments = params.search_arguments()
    return arguments["q"], arguments["exact"], ""


def query_spans(body, query, exact=False):
    """(spans of the query's terms in the body, True when more matched than are marked),
    found by the search backend's own highlighter so the page marks exactly the words the
    search matched."""
    if not query:
        return [], False
    try:
        spans = search_layer.highlight_spans(body, query, exact=exact, limit=MAX_MARKS + 1)
    except SearchUnavailable:  # no usable backend: the page still marks the words, with the default analyzer
        return query_marks(body, query, exact=exact, stemmer=DEFAULT_STEMMER)
    return capped_marks(spans)


def related_articles(external_id, limit=5):
    """More-like-this from the index; the article page never fails because the index does."""
    try:
        return search_layer.more_like_this(external_id, limit=limit)
    except SearchUnavailable:
        return []
    except Exception:  # a damaged index file must not take the article down with it
        logger.exception("related articles unavailable for %s", external_id)
        return []


def speaker_detail(request, slug):
    no_such_page_if_nul(slug)
    speaker = Speaker.objects.filter(slug=slug).first()
    if speaker is None:
        merged = get_object_or_404(MergedSpeakerSlug.objects.select_related("speaker"), slug=slug)
        target = merged.speaker.get_absolute_url()
        if request.GET:
            target += "?" + request.GET.urlencode()
        return HttpResponsePermanentRedirect(target)
    statements = (
        Statement.objects.public()
        .filter(speaker=speaker)
        .select_related("article", "article__source")
        .order_by(F("article__published").desc(nulls_last=True), "-id")
    )
    page = Paginator(statements, STATEMENTS_PER_PAGE).get_page(request.GET.get("page"))
    with_trails(page.object_list)
    return render(
        request,
        "speaker.html",
        {
            "speaker": speaker,
            "aliases": [alias for alias in speaker.aliases.all() if alias.name != speaker.name],
            "titles": titles_of(statements),
            "page": page,
            "timeline": months_of(statements, "article__published"),
        },
    )


def with_trails(statements):
    """Give each statement its `trail`: where it was first reported and who carried it too."""
    statements = list(statements)
    found = provenance_of(statements)
    for statement in statements:
        statement.trail = report_trail(statement, found.get(statement.pk))


def titles_of(statements):
    """The titles a speaker was quoted with, each with the dates of the first and last
    article that gave it: [{"title", "first", "last", "count"}], oldest first.

    Spellings that normalize alike (الأمريكي / الامريكي) are one title, shown as it was
    written most often; a title only undated articles gave has no dates and comes last.
    """
    rows = (
        statements.order_by()
        .exclude(speaker_description="")
        .values("speaker_description")
        .annotate(first=Min("article__published"), last=Max("article__published"), count=Count("id"))
    )
    titles = {}
    for row in rows:
        title = titles.setdefault(normalize_arabic(row["speaker_description"]),
                                  {"first": None, "last": None, "count": 0, "spellings": []})
        title["spellings"].append((row["count"], row["speaker_description"]))
        title["count"] += row["count"]
        if row["first"] is not None:
            title["first"] = min(filter(None, (title["first"], row["first"])))
            title["last"] = max(filter(None, (title["last"], row["last"])))
    for title in titles.values():
        title["title"] = max(title.pop("spellings"), key=lambda pair: (pair[0], pair[1]))[1]
    return sorted(titles.values(), key=lambda t: (t["first"] is None, t["first"] or 0, t["title"]))


def source_detail(request, code):
    source = get_object_or_404(Source, code=code)
    articles = source.articles.select_related("section")
    page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    sections = (
        Section.objects.annotate(article_count=Count("articles", filter=Q(articles__source=source)))
        .filter(article_count__gt=0)
        .order_by("-article_count", "name")
    )
    return render(
        request,
        "source.html",
        {
            "source": source,
            "page": page,
            "sections": sections,
            "article_total": articles.count(),
            "timeline": months_of(articles, "published"),
        },
    )


def months_of(queryset, date_field):
    """[("YYYY-MM", n)] for the timeline chart, counted by the database."""
    rows = (
        queryset.order_by()
        .exclude(**{f"{date_field}__isnull": True})
        .annotate(month=TruncMonth(date_field))
        .values("month")
        .annotate(n=Count("id"))
        .order_by("month")
    )
    return [(row["month"].strftime("%Y-%m"), row["n"]) for row in rows if row["month"]]


# --- Search pages -----------------------------------------------------------------------


def search(request):
    return _search_page(request, kind="articles")


def statements(request):
    return _search_page(request, kind="statements")


def search_form_context(filterset, arguments):
    """What every search page shows of its form: the query, sort, filters and what was
    refused (the query's own refusal is the page's error, not a rejected filter)."""
    return {
        "filterset": filterset,
        "query": arguments["q"],
        "exact": arguments["exact"],
        "sort": arguments["sort"],
        "sorts": SORTS,
        "filters": arguments["filters"],
        "active": active_filters(arguments["filters"]),
        "rejected": [r for r in filterset.rejected() if r[0] != "q"],
    }


def _search_page(request, kind):
    if kind == "articles":
        filterset = ArticleSearchFilterSet(request.GET)
        run, template = search_layer.search_articles, "search.html"
    else:
        filterset = StatementSearchFilterSet(request.GET)
        run, template = search_layer.search_statements, "statements.html"
    arguments = filterset.search_arguments()
    context = {
        **search_form_context(filterset, arguments),
        "results": None,
        # Over this many results the page offers no CSV download, and says why.
        "export_limit": export_max_rows(),
    }
    if filterset.query_refused():
        raw_query = request.GET.get("q", "")
        if len(raw_query) > MAX_QUERY_LENGTH:
            context["query_error"] = _("The query is too long: at most %(max)s characters.") % {"max": MAX_QUERY_LENGTH}
        else:  # e.g. a control character, which nothing can be searched for
            context["query_error"] = _("The query cannot be searched: %(reason)s") % {
                "reason": " ".join(filterset.form.errors["q"])
            }
        # Given back in the search box with each refused character shown as �.
        context["query"] = strip_xml_invalid(raw_query[:MAX_QUERY_LENGTH], "\ufffd")
        return render(request, template, context, status=400)
    if not arguments["q"] and not arguments["filters"]:
        return render(request, template, context)
    try:
        results, clamped = run_paged(run, arguments)
        if kind == "articles":
            context["timeline"] = search_layer.match_counts_over_time(
                arguments["q"], filters=arguments["filters"], exact=arguments["exact"]
            )
    except SearchUnavailable as error:
        return index_unavailable(request, error)
    if kind == "statements":
        kinds = dict(Statement._meta.get_field("kind").choices)
        for result in results["results"]:
            result["kind_label"] = kinds.get(result.get("kind"), result.get("kind"))
            # The quote's place in the article, with the query highlighted there too.
            path, _hash, anchor = result["url"].partition("#")
            if arguments["q"]:
                path += "?" + urlencode({"q": arguments["q"], **({"exact": "1"} if arguments["exact"] else {})})
            result["place_url"] = path + ("#" + anchor if anchor else "")
    context.update(
        {"results": results, "page_clamped": clamped, "query_notes": [explain_note(n) for n in results.get("notes", [])]}
    )
    return render(request, template, context)


def run_paged(run, arguments, per_page=RESULTS_PER_PAGE):
    """Run a search; the search layer shows the last page for a page past the end, and
    the page says so."""
    results = run(
        arguments["q"],
        filters=arguments["filters"],
        sort=arguments["sort"],
        page=arguments["page"],
        per_page=per_page,
        exact=arguments["exact"],
        facet_limit=FACET_VALUES_SHOWN,
    )
    return results, results["page"] < arguments["page"]


def explain_note(note):
    """The query parser's notes (how it read what was typed), in the reader's language."""
    prefix, _sep, value = str(note).partition(": ")
    if note == "unbalanced quote ignored":
        return _("A quotation mark without its pair was ignored.")
    if prefix == "date not understood":
        return _("This date was not understood and was ignored: %(value)s") % {"value": value}
    if prefix == "unknown field read as words":
        return _("Unknown field “%(value)s”: searched as ordinary words.") % {"value": value}
    return str(note)


def active_filters(filters):
    """The filters in force, each with its readable label, for the chips above the results."""
    labels = {
        "source": _("Source"),
        "section": _("Section"),
        "year": _("Year"),
        "month": _("Month"),
        "speaker": _("Speaker"),
        "kind": _("Kind"),
        "date_from": _("From"),
        "date_to": _("To"),
    }
    chips = []
    for name, value in filters.items():
        shown = value
        if name == "source":
            shown = Source.objects.filter(code=value).values_list("name", flat=True).first() or value
        elif name == "speaker":
            shown = Speaker.objects.filter(slug=value).values_list("name", flat=True).first() or value
        elif name == "kind":
            shown = dict(Statement._meta.get_field("kind").choices).get(value, value)
        chips.append({"name": name, "label": labels.get(name, name), "value": value, "shown": shown})
    return chips


def index_unavailable(request, error=None):
    """Search needs the index; the rest of the site does not, so say exactly what to do."""
    logger.warning("search index unavailable: %s", error)
    response = render(request, "index_unavailable.html", {
        "error": str(error or ""), "fix": getattr(error, "fix", None) or REBUILD_COMMAND,
        "needs_rebuild": getattr(error, "fix", REBUILD_COMMAND) == REBUILD_COMMAND,
    }, status=503)
    response["Retry-After"] = "300"
    return response


# --- Small machine-readable pages -------------------------------------------------------


def opensearch(request):
    search_url = request.build_absolute_uri(reverse("search"))
    return render(
        request,
        "opensearch.xml",
        {"search_url": search_url, "home_url": request.build_absolute_uri(reverse("home"))},
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )


# --- Errors -----------------------------------------------------------------------------


def page_not_found(request, exception=None):
    return HttpResponse(loader.render_to_string("404.html", request=request), status=404)


# What the error page says when even its template cannot render (a static-files manifest
# missing after a deploy without collectstatic, say): never a bare traceback page.
BARE_500 = (
    '<!doctype html><html dir="rtl" lang="ar"><head><meta charset="utf-8">'
    "<title>خطأ في الخادم</title></head><body><h1>حدث خطأ غير متوقع</h1>"
    "<p>سُجّل الخطأ وسنصلحه. حاول مرة أخرى بعد قليل.</p>"
    '<p><a href="/">العودة إلى الصفحة الرئيسية</a></p></body></html>'
)


def server_error(request):
    # No request context: whatever broke the page may be what a context processor needs.
    try:
        return HttpResponseServerError(loader.render_to_string("500.html"))
    except Exception:
        logger.exception("the 500 page itself failed to render")
        return HttpResponseServerError(BARE_500)
