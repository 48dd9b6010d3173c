"""The Atom feed of a search: its newest matches, so a reader can follow a subject.

Atom is XML, and XML cannot hold control characters: the query is refused if it has any
(articles/filters.py), and stored text that has them (imported before the importer
refused them) loses them here, on the way out, so the feed never fails over one title.
"""

from datetime import datetime

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from articles import search as search_layer
from articles.api import _bad_request_json, _unavailable_json
from articles.filters import ArticleSearchFilterSet
from articles.search_backends import SearchUnavailable
from articles.text.characters import strip_xml_invalid

FEED_SIZE = 50


def search_feed(request):
    filterset = ArticleSearchFilterSet(request.GET)
    if not filterset.form.is_valid():
        return _bad_request_json(filterset)
    arguments = filterset.search_arguments()
    try:
        results = search_layer.search_articles(
            arguments["q"], filters=arguments["filters"], sort="newest", page=1, per_page=FEED_SIZE, exact=arguments["exact"],
            facet_limit=0,  # a feed has no facets
        )
    except SearchUnavailable as error:
        return _unavailable_json(error)

    params = {k: v for k, v in request.GET.items() if k not in ("page", "sort")}
    page_url = request.build_absolute_uri(reverse("search") + "?" + urlencode(params))
    feed = Atom1Feed(
        title=_("Archive search: %(query)s") % {"query": arguments["q"] or _("everything")},
        link=page_url,
        description=_("The newest articles matching this search."),
        language="ar",
        feed_url=request.build_absolute_uri(),
        feed_guid=page_url,
    )
    for result in results["results"]:
        link = request.build_absolute_uri(result["url"])
        feed.add_item(
            title=strip_xml_invalid(result["title"]),
            link=link,
            unique_id=link,
            # The snippet carries <mark> tags; a feed reader gets plain text.
            description=strip_xml_invalid(strip_tags(result.get("snippet") or "")),
            pubdate=_parse(result.get("published")),
            categories=[strip_xml_invalid(c) for c in (result.get("source"), result.get("section")) if c],
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


def _parse(value):
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, timezone.get_default_timezone())
    return moment
