"""The one search entry point for views, API, feeds, exports and the `search` command.

The search backend (articles.search_backends, chosen by NEWSARCHIVE_SEARCH_BACKEND) finds
and ranks; the database supplies what is shown (title, body for the snippet, names), so a
result always shows the current text. Callers handle exactly one error, SearchUnavailable
(no usable index: missing, built by another analyzer version, or a backend that cannot
run here). Anything else a user can type or put in a URL is clamped or ignored, never raised.
"""

import heapq
import math
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse

from articles.models import Article, Source, Speaker, Statement, Story
from articles.search_backends import (
    ARTICLES,
    SORTS,
    STATEMENTS,
    clean_filters,
    get_backend,
)
from articles.statements import provenance_of, report_trail
from articles.stories.folding import fold_copies
from articles.stories.reading import article_json, copy_groups, stories_of
from articles.text.highlight import snippet
from articles.text.query import HighlightTerms, parse

ARTICLE_FACETS = ("source", "section", "year", "month", "speaker")
STATEMENT_FACETS = ("speaker", "kind", "source", "year")
# Facets whose values are dates: shown newest first, not most frequent first.
DATE_FACETS = ("year", "month")
MAX_PER_PAGE = 100
# Values listed per facet. A facet has as many values as the matches have speakers
# (tens of thousands for an empty query), so the list is cut and the result says what
# was left out; the API's facet_limit asks for fewer or more, up to MAX_FACET_LIMIT.
FACET_LIMIT = 20
MAX_FACET_LIMIT = 100
SNIPPET_LENGTH = 240


def _time_limit():
    return float(getattr(settings, "NEWSARCHIVE_SEARCH_TIME_LIMIT", 2.0))


def _positive_int(value, default, maximum=None):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    if number < 1:
        return default
    return min(number, maximum) if maximum else number


def _sort(value):
    return value if value in SORTS else "relevance"


def highlight_spans(text, q, exact=False, limit=None):
    """[(start, end)] of the words of `text` that the query `q` (as typed) matches."""
    return get_backend().highlight_spans(text, parse(q), exact=bool(exact), limit=limit)


def _run(kind, q, filters, sort, page, per_page, exact, facets):
    backend = get_backend()
    per_page = _positive_int(per_page, 20, MAX_PER_PAGE)
    page = _positive_int(page, 1)
    query = parse(q or "")
    arguments = dict(kind=kind, exact=bool(exact), filters=clean_filters(filters, kind),
                     sort=_sort(sort), per_page=per_page, time_limit=_time_limit(), facets=facets)
    outcome = backend.search(query, page=page, **arguments)
    pages = max(1, math.ceil(outcome.total / per_page))
    if page > pages:  # past the end: show the last page instead of an empty one
        page = pages
        outcome = backend.search(query, page=page, **arguments)
    return backend, outcome, page, per_page, pages


def _envelope(q, outcome, page, per_page, pages, results, facets, facets_omitted, facet_limit):
    return {
        "query": q,
        "total": outcome.total,
        "took_ms": outcome.took_ms,
        "partial": outcome.partial,
        "suggestion": outcome.suggestion,
        "notes": outcome.notes,
        "page": page,
        "per_page": per_page,
        "pages": pages,
        "results": results,
        "facets": facets,
        "facet_limit": facet_limit,
        "facets_omitted": facets_omitted,
    }


def _iso(value):
    return value.isoformat() if value else None


def _facet_list(counts, labels=None):
    labels = labels or {}
    items = [{"value": v, "label": labels.get(v, v), "count": n} for v, n in counts.items() if v]
    return sorted(items, key=lambda item: (-item["count"], str(item["label"])))


def _date_facet(counts):
    return sorted(
        ({"value": v, "label": v, "count": n} for v, n in counts.items() if v),
        key=lambda item: item["value"], reverse=True,
    )


def _facet_limit(value):
    try:
        return min(max(int(value), 0), MAX_FACET_LIMIT)
    except (TypeError, ValueError):
        return FACET_LIMIT


def _shown_values(counts, limit, dated):
    """({value: count} of the `limit` values a facet lists, what the rest add up to).

    The most frequent values (ties by value), or for a date facet the newest. The rest is
    {"values": how many were left out, "count": the matches counted under them}, or None
    when nothing was. They are chosen before any label is looked up, so a facet with tens
    of thousands of speakers costs one query for the names it shows."""
    items = [(value, n) for value, n in counts.items() if value]
    if dated:
        kept = heapq.nlargest(limit, items)
    else:
        kept = heapq.nsmallest(limit, items, key=lambda item: (-item[1], item[0]))
    if len(kept) == len(items):
        return dict(kept), None
    return dict(kept), {"values": len(items) - len(kept),
                        "count": sum(n for _v, n in items) - sum(n for _v, n in kept)}


def _facets(found, names, limit, labellers):
    """({name: [{"value", "label", "count"}]}, {name: what was left out}) for the result.

    `labellers`: name → function from the shown values to {value: label}."""
    facets, omitted = {}, {}
    for name in names:
        dated = name in DATE_FACETS
        shown, rest = _shown_values(found.get(name, {}), limit, dated)
        if rest:
            omitted[name] = rest
        if dated:
            facets[name] = _date_facet(shown)
        else:
            labeller = labellers.get(name)
            facets[name] = _facet_list(shown, labeller(list(shown)) if labeller and shown else None)
    return facets, omitted


def _source_names(codes):
    return dict(Source.objects.filter(code__in=codes).values_list("code", "name"))


def _speaker_names(slugs):
    return dict(Speaker.objects.filter(slug__in=slugs).values_list("slug", "name"))


def article_result(article, score, terms, stemmer, with_snippet=True):
    result = {**article_json(article), "score": round(score, 4)}
    if with_snippet:
        result["snippet"] = snippet(article.body or article.abstract, terms,
                                    length=SNIPPET_LENGTH, stemmer=stemmer)
    return result


def _articles_by_external_id(external_ids):
    rows = Article.objects.filter(external_id__in=external_ids).select_related("source", "section")
    return {a.external_id: a for a in rows}


def search_articles(q, *, filters=None, sort="relevance", page=1, per_page=20, exact=False,
                    facet_limit=FACET_LIMIT):
    backend, outcome, page, per_page, pages = _run(
        ARTICLES, q, filters, sort, page, per_page, exact, ARTICLE_FACETS
    )
    by_id = _articles_by_external_id([h.key for h in outcome.hits])
    stemmer = backend.stemmer
    results = [
        article_result(by_id[h.key], h.score, outcome.highlight, stemmer)
        for h in outcome.hits
        if h.key in by_id  # deleted since indexing: check_index reports it
    ]
    results, folded = fold_copy_results(results, by_id)
    with_stories(results, by_id)
    facet_limit = _facet_limit(facet_limit)
    facets, omitted = _facets(outcome.facets, ARTICLE_FACETS, facet_limit,
                              {"source": _source_names, "speaker": _speaker_names})
    envelope = _envelope(q, outcome, page, per_page, pages, results, facets, omitted, facet_limit)
    # `total` and the facets count every matching article, copies included; the page
    # shows each copy group once, and says how many lines it folded.
    envelope["copies_folded"] = folded
    return envelope


def fold_copy_results(results, articles):
    """(results with each copy group on one line, how many lines were folded).

    The line kept is the group's first in the results' order (articles.stories.folding);
    it gets `copies`: every other article of its group, whether this page matched it or
    not, each with `same_source` and `matched` (folded from this page). A result whose
    group has no other member here still lists its copies. `articles`: external id →
    Article of the results."""
    pk_of = {external_id: article.pk for external_id, article in articles.items()}
    groups = copy_groups([pk_of[r["external_id"]] for r in results if r["external_id"] in pk_of])
    if not groups:
        for result in results:
            result["copies"] = []
        return results, 0
    group_of = {r["external_id"]: groups[pk_of[r["external_id"]]][0] for r in results
                if pk_of.get(r["external_id"]) in groups}
    lines = fold_copies([r["external_id"] for r in results], group_of)
    by_external_id = {r["external_id"]: r for r in results}
    members = {pk for group in groups.values() for pk in group}
    rows = {a.pk: a for a in Article.objects.filter(pk__in=members).select_related("source", "section")
            .only("external_id", "title", "published", "source__name", "source__code", "section__name")}
    shaped = []
    for external_id, folded_ids in lines:
        result = by_external_id[external_id]
        own = pk_of[external_id]
        shown_source = rows[own].source.code if own in rows else result["source_code"]
        result["copies"] = [_copy_link(rows[pk], shown_source, rows[pk].external_id in folded_ids)
                            for pk in groups.get(own, []) if pk != own and pk in rows]
        shaped.append(result)
    return shaped, len(results) - len(shaped)


def with_stories(results, articles):
    """Give each result `story`: {"id", "url", "title", "article_count", "source_count"}
    of the story its article is in, or None. `articles`: external id → Article."""
    pk_of = {external_id: article.pk for external_id, article in articles.items()}
    story_of = stories_of([pk_of[r["external_id"]] for r in results if r["external_id"] in pk_of])
    stories = Story.objects.in_bulk(set(story_of.values()))
    for result in results:
        story = stories.get(story_of.get(pk_of.get(result["external_id"])))
        result["story"] = None if story is None else {
            "id": story.pk, "url": reverse("story", args=[story.pk]), "title": story.title,
            "article_count": story.article_count, "source_count": story.source_count,
        }


def _copy_link(article, shown_source, matched):
    return {**article_json(article), "same_source": article.source.code == shown_source, "matched": matched}


def ranked_article_ids(q, *, filters=None, sort="relevance", exact=False, limit=1000):
    """(the search's outcome: total, partial, notes; the first `limit` matching articles'
    external ids, best first): what the "group by story" view groups, with no facets and
    no snippets."""
    outcome = get_backend().search(parse(q or ""), kind=ARTICLES, exact=bool(exact),
                                   filters=clean_filters(filters, ARTICLES), sort=_sort(sort), page=1,
                                   per_page=max(1, int(limit)), time_limit=_time_limit(), facets=())
    return outcome, [h.key for h in outcome.hits]


def statement_result(statement, terms, stemmer, with_snippet=True, provenance=None):
    """`provenance`: the statement's echo group (articles.statements.provenance_of), which
    gives first_article and echoes."""
    article = statement.article
    result = {
        "id": statement.pk,
        "text": statement.text,
        "kind": statement.kind,
        "verb": statement.verb,
        "speaker": statement.speaker.name if statement.speaker_id else statement.speaker_mention,
        # The speaker's stable id (the slug of /speakers/<slug>/) and the title the article
        # gave them in this statement; speaker_slug is the same value, kept for old callers.
        "speaker_id": statement.speaker.slug if statement.speaker_id else "",
        "speaker_description": statement.speaker_description,
        "speaker_slug": statement.speaker.slug if statement.speaker_id else "",
        "article_external_id": article.external_id,
        "article_title": article.title,
        "published": _iso(article.published),
        "source": article.source.name,
        "url": f"{article.get_absolute_url()}#statement-{statement.pk}",
        **report_trail(statement, provenance),
    }
    if with_snippet:
        result["snippet"] = snippet(statement.text, terms, length=SNIPPET_LENGTH * 2, stemmer=stemmer)
    return result


def search_statements(q, *, filters=None, sort="relevance", page=1, per_page=20, exact=False,
                      facet_limit=FACET_LIMIT):
    backend, outcome, page, per_page, pages = _run(
        STATEMENTS, q, filters, sort, page, per_page, exact, STATEMENT_FACETS
    )
    ids = [h.key for h in outcome.hits]
    rows = Statement.objects.public().filter(pk__in=ids).select_related("article__source", "speaker")
    by_id = {s.pk: s for s in rows}
    stemmer = backend.stemmer
    trails = provenance_of(by_id.values())
    results = [statement_result(by_id[i], outcome.highlight, stemmer, provenance=trails.get(i))
               for i in ids if i in by_id]
    kind_labels = {k: str(v) for k, v in Statement._meta.get_field("kind").choices}
    facet_limit = _facet_limit(facet_limit)
    facets, omitted = _facets(outcome.facets, STATEMENT_FACETS, facet_limit, {
        "speaker": _speaker_names, "source": _source_names, "kind": lambda _values: kind_labels,
    })
    return _envelope(q, outcome, page, per_page, pages, results, facets, omitted, facet_limit)


@dataclass
class Export:
    """An export's search: how many documents matched, whether the search stopped at its
    time limit (then `total` undercounts and the rows are not all the matches), and the
    rows, best first, at most the `limit` asked for."""

    total: int
    partial: bool
    rows: Iterator[dict]


def export_results(kind, q, *, filters=None, sort="relevance", exact=False, limit=None, batch=500,
                   time_limit=None):
    """The results of a search for the CSV exports: one search with no facets, the first
    `limit` hits (None: every one), database rows fetched `batch` at a time, no snippets
    (a CSV has no use for them; they were most of an export's time). The search runs
    before this returns, so SearchUnavailable is raised, and total and partial are known,
    before the caller starts a response. `time_limit`: seconds for the search, by default
    the pages' NEWSARCHIVE_SEARCH_TIME_LIMIT."""
    backend = get_backend()
    kind = kind if kind in (ARTICLES, STATEMENTS) else ARTICLES
    wanted = limit if limit is not None else backend.doc_count(kind)
    outcome = backend.search(parse(q or ""), kind=kind, exact=bool(exact),
                             filters=clean_filters(filters, kind), sort=_sort(sort), page=1,
                             per_page=max(1, wanted),
                             time_limit=time_limit if time_limit is not None else _time_limit(),
                             facets=())
    return Export(outcome.total, outcome.partial, _export_rows(kind, outcome, max(1, int(batch))))


# Statements are exported this many at a time (at least): working out where each came from
# reads its speaker's statements around it again for every group, and for an export sorted
# by relevance, or of a much-quoted speaker, each group's neighbourhood is most of them.
EXPORT_PROVENANCE_BATCH = 5000


def _export_rows(kind, outcome, batch):
    hits = outcome.hits
    if kind != ARTICLES:
        batch = max(batch, EXPORT_PROVENANCE_BATCH)
    for start in range(0, len(hits), batch):
        chunk = hits[start: start + batch]
        if kind == ARTICLES:
            by_id = _articles_by_external_id([h.key for h in chunk])
            for hit in chunk:
                article = by_id.get(hit.key)
                if article is not None:
                    # No snippet, so no stemmer is needed.
                    yield article_result(article, hit.score, outcome.highlight, None,
                                         with_snippet=False)
        else:
            ids = [h.key for h in chunk]
            rows = Statement.objects.public().filter(pk__in=ids).select_related("article__source", "speaker")
            by_id = {s.pk: s for s in rows}
            trails = provenance_of(by_id.values())
            for pk in ids:
                if pk in by_id:
                    yield statement_result(by_id[pk], outcome.highlight, None, with_snippet=False,
                                           provenance=trails.get(pk))


def more_like_this(external_id, limit=5):
    """Articles most like this one (same result shape, snippet = opening of the body)."""
    article = Article.objects.filter(external_id=external_id).first()
    if article is None:
        return []
    backend = get_backend()
    text = "\n".join((article.title, article.abstract, article.body))
    hits = backend.more_like_this(external_id, text, limit=_positive_int(limit, 5, 50))
    by_id = _articles_by_external_id([h.key for h in hits])
    empty, stemmer = HighlightTerms(), backend.stemmer
    return [article_result(by_id[h.key], h.score, empty, stemmer) for h in hits if h.key in by_id]


def match_counts_over_time(q, filters=None, exact=False):
    """[("YYYY-MM", n)] of articles matching the query, oldest month first (the chart)."""
    counts, _ = get_backend().counts_by(parse(q or ""), "month", exact=bool(exact),
                                        filters=clean_filters(filters, ARTICLES),
                                        time_limit=_time_limit())
    return sorted((month, n) for month, n in counts.items() if month)
