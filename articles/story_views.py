"""The stories' pages: /stories/<id>/, its JSON, and search results grouped by story.

A story page is a database page: it works without the search index. The grouped search
view runs the article search and shows one line per story (articles in no story keep a
line of their own), paginated with the search pages' rules: a bad page is dropped with a
note, a page past the end shows the last page and says so.
"""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from articles import search as search_layer
from articles.filters import ArticleSearchFilterSet
from articles.search_backends import SearchUnavailable
from articles.models import Article, Story, StoryMembership
from articles.stories.reading import parse_story_id, stories_of, story_json, story_page
from articles.views import RESULTS_PER_PAGE, explain_note, index_unavailable, search_form_context

# The grouped view groups this many of the best matches: the stories a reader looks for
# are among the first; deeper, a story would be a handful of weak matches.
GROUPED_MATCHES = 1000
SQL_CHUNK = 900
SINGLE_STATEMENTS_PER_PAGE = 40


def _story_or_404(story_id):
    number = parse_story_id(story_id)
    story = Story.objects.with_articles().filter(pk=number).first() if number is not None else None
    if story is None:
        raise Http404
    return story


def story_detail(request, story_id):
    story = _story_or_404(story_id)
    if story_id != str(story.pk):  # /stories/0012/: one address per story
        target = reverse("story", args=[story.pk])
        return HttpResponsePermanentRedirect(f"{target}?{request.GET.urlencode()}" if request.GET else target)
    page = story_page(story)
    # A story of fifty articles quotes hundreds of statements once: they come in pages.
    single = Paginator(page.single, SINGLE_STATEMENTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "story.html", {"story": story, "page": page, "single": single})


def api_story(request, story_id):
    try:
        story = _story_or_404(story_id)
    except Http404:
        return JsonResponse({"error": "not_found", "detail": "No story has this id."}, status=404)
    url = request.build_absolute_uri(reverse("story", args=[story.pk]))
    return JsonResponse(story_json(story_page(story), url), json_dumps_params={"ensure_ascii": False})


def search_stories(request):
    filterset = ArticleSearchFilterSet(request.GET)
    arguments = filterset.search_arguments()
    context = {**search_form_context(filterset, arguments), "lines": None}
    if filterset.query_refused():
        context["query_error"] = " ".join(filterset.form.errors["q"])
        context["query"] = ""
        return render(request, "search_stories.html", context, status=400)
    if not arguments["q"] and not arguments["filters"]:
        return render(request, "search_stories.html", context)
    try:
        outcome, external_ids = search_layer.ranked_article_ids(
            arguments["q"], filters=arguments["filters"], sort=arguments["sort"], exact=arguments["exact"],
            limit=GROUPED_MATCHES)
    except SearchUnavailable as error:
        return index_unavailable(request, error)
    lines = story_lines(external_ids)
    paginator = Paginator(lines, RESULTS_PER_PAGE)
    number = min(arguments["page"], paginator.num_pages)
    page = paginator.page(number)
    page.object_list = fill_lines(page.object_list)
    context.update({
        "lines": page.object_list,
        "page": page,
        "page_clamped": number < arguments["page"],
        "results": {"total": outcome.total, "partial": outcome.partial, "suggestion": outcome.suggestion},
        "grouped": len(external_ids),
        "story_count": sum(1 for line in lines if line["story"] is not None),
        "query_notes": [explain_note(n) for n in outcome.notes],
    })
    return render(request, "search_stories.html", context)


def story_lines(external_ids):
    """One line per story among the matches, in the order of its best match:
    {"story": story id, "matches": [external ids]}; an article in no story is a line with
    "story" None and its one match. Only ids: the page's lines are filled in by
    `fill_lines`, so a thousand matches cost two small queries, not a thousand rows."""
    story_of = {}
    for start in range(0, len(external_ids), SQL_CHUNK):
        story_of.update(Article.objects.filter(external_id__in=external_ids[start:start + SQL_CHUNK])
                        .values_list("external_id", "story_membership__story_id"))
    lines, line_of_story = [], {}
    for external_id in external_ids:
        if external_id not in story_of:  # deleted since indexing
            continue
        story_id = story_of[external_id]
        if story_id is None:
            lines.append({"story": None, "matches": [external_id]})
        elif story_id in line_of_story:
            lines[line_of_story[story_id]]["matches"].append(external_id)
        else:
            line_of_story[story_id] = len(lines)
            lines.append({"story": story_id, "matches": [external_id]})
    return lines


def fill_lines(lines):
    """The page's lines with their Story and matching Articles in place of ids, and each
    line's `outlets` (with_story_outlets)."""
    stories = Story.objects.in_bulk([line["story"] for line in lines if line["story"] is not None])
    wanted = [external_id for line in lines for external_id in line["matches"]]
    articles = {a.external_id: a for a in Article.objects.filter(external_id__in=wanted).select_related("source")
                .only("external_id", "title", "published", "source__name", "source__code")}
    filled = []
    for line in lines:
        story = stories.get(line["story"]) if line["story"] is not None else None
        matches = [articles[e] for e in line["matches"] if e in articles]
        if matches and (story is not None or line["story"] is None):
            filled.append({"story": story, "matches": matches})
    with_story_outlets(filled)
    return filled


def with_story_outlets(lines):
    """Give each line `outlets`: [{"name", "code", "articles", "matched"}] of its whole
    story (of its one article when it is in none), in the order they first reported."""
    story_ids = [line["story"].pk for line in lines if line["story"] is not None]
    members = (StoryMembership.objects.filter(story_id__in=story_ids)
               .order_by("article__published", "article_id")
               .values_list("story_id", "article__source__name", "article__source__code"))
    outlets_of = {}
    for story_id, name, code in members:
        outlet = outlets_of.setdefault(story_id, {}).setdefault(code, {"name": name, "code": code, "articles": 0,
                                                                         "matched": 0})
        outlet["articles"] += 1
    for line in lines:
        if line["story"] is None:
            article = line["matches"][0]
            line["outlets"] = [{"name": article.source.name, "code": article.source.code, "articles": 1,
                                "matched": 1}]
            continue
        outlets = outlets_of.get(line["story"].pk, {})
        for article in line["matches"]:
            if article.source.code in outlets:
                outlets[article.source.code]["matched"] += 1
        line["outlets"] = list(outlets.values())
