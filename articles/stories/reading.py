"""What the reading room shows of stories and copies (the Django edge of the pages).

    story_page(story)            the story page and /api/stories/<id>/: articles by outlet
                                 and day, who each outlet quoted, the statements several
                                 outlets carried and those only one did
    story_links(article)         the article page: its story's other outlets, its copies
    copy_groups(article_ids)     search results: the copy group of each article
    stories_of(article_ids)      the "group by story" view: each article's story

Statements are Statement.objects.public() as they are now, so an editor's rejection takes
a statement off the story page on the next view. An outlet's second filing of one article
(a copy from the same outlet) repeats its original's statements: they are counted once,
from the original. A copy carried by another outlet counts for that outlet: it did carry
the words.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from articles.models import Article, ArticleCopy, Statement, StoryMembership
from articles.quotes.echoes import Reported, echo_groups
from articles.quotes.speakers import is_unnamed_source

# Bound parameters per IN (…): SQLite's limit is 999 on old builds.
SQL_CHUNK = 900
# What the article page lists of its story's other outlets; the story page has the rest.
OTHER_OUTLETS_SHOWN = 8
OTHER_ARTICLES_PER_OUTLET = 3
ARTICLE_FIELDS = ("id", "external_id", "title", "published", "source__name", "source__code",
                  "source_id", "section__name", "section_id")


def parse_story_id(value):
    """The story id in a URL as an int, or None when it cannot name a story (letters, a
    sign, a NUL, more digits than a database integer holds)."""
    if not value or not value.isascii() or not value.isdigit() or len(value) > 19:
        return None
    number = int(value)
    return number if 0 < number < 2**63 else None


def _chunks(values):
    values = list(values)
    for start in range(0, len(values), SQL_CHUNK):
        yield values[start:start + SQL_CHUNK]


# --- copies -------------------------------------------------------------------------


def copy_groups(article_ids):
    """{article pk: [pks of its copy group, first published first]} for those of
    `article_ids` that are in a copy group (an original and its copies)."""
    original_of = {}
    for chunk in _chunks(article_ids):
        rows = ArticleCopy.objects.filter(article_id__in=chunk).values_list("article_id", "original_id")
        original_of.update(rows)
        for pk in ArticleCopy.objects.filter(original_id__in=chunk).values_list("original_id", flat=True):
            original_of.setdefault(pk, pk)
    originals = set(original_of.values())
    members = defaultdict(set)
    for chunk in _chunks(originals):
        for article_id, original_id in ArticleCopy.objects.filter(original_id__in=chunk).values_list(
                "article_id", "original_id"):
            members[original_id].update((article_id, original_id))
    order = {}
    for chunk in _chunks({pk for group in members.values() for pk in group}):
        order.update({pk: (published is None, published or datetime.min.replace(tzinfo=timezone.utc), pk)
                      for pk, published in Article.objects.filter(pk__in=chunk).values_list("pk", "published")})
    groups = {original: sorted(pks, key=order.get) for original, pks in members.items()}
    return {pk: groups[original] for pk, original in original_of.items() if original in groups}


# --- stories ------------------------------------------------------------------------


def stories_of(article_ids):
    """{article pk: story pk} for those of `article_ids` in a story."""
    found = {}
    for chunk in _chunks(article_ids):
        found.update(StoryMembership.objects.filter(article_id__in=chunk).values_list("article_id", "story_id"))
    return found


def story_links(article):
    """(story, [(source name, source code, [articles])] of the story's other outlets, the
    article's copies) for the article page; (None, [], copies) when it is in no story."""
    copies = _copies_of(article)
    membership = StoryMembership.objects.filter(article=article).select_related("story").first()
    if membership is None:
        return None, [], copies
    story = membership.story
    others = (Article.objects.filter(story_membership__story=story).exclude(source_id=article.source_id)
              .select_related("source").only(*ARTICLE_FIELDS[:4], "source__name", "source__code", "source_id")
              .order_by("published", "pk"))
    by_outlet = {}
    for other in others:
        listed = by_outlet.setdefault(other.source_id, (other.source.name, other.source.code, []))[2]
        if len(listed) < OTHER_ARTICLES_PER_OUTLET:
            listed.append(other)
    return story, list(by_outlet.values())[:OTHER_OUTLETS_SHOWN], copies


def _copies_of(article):
    group = copy_groups([article.pk]).get(article.pk, [])
    others = [pk for pk in group if pk != article.pk]
    if not others:
        return []
    rows = {a.pk: a for a in Article.objects.filter(pk__in=others).select_related("source", "section")
            .only(*ARTICLE_FIELDS[:4], "source__name", "source__code", "source_id", "section__name", "section_id")}
    result = [rows[pk] for pk in others if pk in rows]
    for other in result:
        other.same_source = other.source_id == article.source_id
        other.is_original = other.pk == group[0]
    return result


@dataclass
class Outlet:
    name: str
    code: str
    articles: list = field(default_factory=list)


@dataclass
class StoryPage:
    story: object
    articles: list  # Article rows, first published first, each with `copy_original` (an Article or None)
    outlets: list  # Outlet, in the order of their first article
    days: list  # the dates that have articles, in order
    grid: list  # [(Outlet, [[articles of that day] for each day])]
    speakers: list  # matrix rows: {"speaker", "cells": [{"count", "first"} per outlet], "total"}
    several: list  # statements carried by two or more outlets: [{"speaker", "carriers"}]
    single: list  # the other statements, each with its article
    statement_count: int


def story_page(story):
    """Everything the story page and its API show (see the module's docstring)."""
    articles = list(Article.objects.filter(story_membership__story=story).select_related("source", "section")
                    .only(*ARTICLE_FIELDS).order_by("published", "pk"))
    by_pk = {a.pk: a for a in articles}
    copy_rows = ArticleCopy.objects.filter(article_id__in=list(by_pk)).values_list("article_id", "original_id")
    repeats = set()  # an outlet's second filing: its statements are its original's
    for article in articles:
        article.copy_original = None
        # Reversed once per article, not once per statement line: the big stories' pages
        # spent most of their time in reverse().
        article.url = article.get_absolute_url()
    for article_id, original_id in copy_rows:
        copy, original = by_pk[article_id], by_pk.get(original_id)
        copy.copy_original = original
        if original is not None and original.source_id == copy.source_id:
            repeats.add(article_id)

    outlets = {}
    for article in articles:
        outlets.setdefault(article.source_id, Outlet(article.source.name, article.source.code)).articles.append(article)
    outlet_list = list(outlets.values())
    days = sorted({timezone.localtime(a.published).date() for a in articles if a.published})
    grid = []
    for outlet in outlet_list:
        cells = [[a for a in outlet.articles if a.published and timezone.localtime(a.published).date() == day]
                 for day in days]
        grid.append((outlet, cells))

    statements = list(
        Statement.objects.public().filter(article_id__in=[pk for pk in by_pk if pk not in repeats])
        .select_related("speaker").only("id", "text", "kind", "article_id", "start", "speaker_mention",
                                         "speaker__name", "speaker__slug", "speaker_id")
        .order_by("article_id", "start"))
    speaker_urls = {}
    for statement in statements:
        statement.story_article = by_pk[statement.article_id]
        statement.place = f"{statement.story_article.url}#statement-{statement.pk}"
        if statement.speaker_id:
            if statement.speaker_id not in speaker_urls:
                speaker_urls[statement.speaker_id] = statement.speaker.get_absolute_url()
            statement.speaker.url = speaker_urls[statement.speaker_id]
    statements.sort(key=lambda s: (s.story_article.published is None, s.story_article.published or 0,
                                   s.story_article.pk, s.start))
    several, in_several = _carried_by_several(statements)
    single = [s for s in statements if s.pk not in in_several]
    return StoryPage(
        story=story, articles=articles, outlets=outlet_list, days=days, grid=grid,
        speakers=_quote_matrix(statements, outlet_list), several=several, single=single,
        statement_count=len(statements),
    )


def _carried_by_several(statements):
    """The echo groups (articles.quotes.echoes) among the story's statements whose articles
    are from two outlets or more: [{"speaker", "carriers": [Statement]}], earliest first."""
    by_pk = {s.pk: s for s in statements}
    reported = [Reported(s.pk, s.speaker_id, s.story_article.external_id, s.story_article.published, s.text)
                for s in statements]
    several, in_several = [], set()
    for group in echo_groups(reported):
        statements_of_group = [by_pk[r.key] for r in group]
        if len({s.story_article.source_id for s in statements_of_group}) < 2:
            continue
        # An article that quotes the words twice carries them once: its first quote.
        carriers, seen = [], set()
        for statement in statements_of_group:
            if statement.article_id not in seen:
                seen.add(statement.article_id)
                carriers.append(statement)
        several.append({"speaker": carriers[0].speaker, "carriers": carriers})
        in_several.update(s.pk for s in statements_of_group)
    several.sort(key=lambda g: (-len({s.story_article.source_id for s in g["carriers"]}),
                                g["carriers"][0].story_article.published or 0, g["carriers"][0].pk))
    return several, in_several


def _quote_matrix(statements, outlets):
    """Rows of speakers (named ones: "a source" or "the statement" names no one) with one
    cell per outlet: how many statements that outlet quoted, and the first of them."""
    column = {outlet.code: n for n, outlet in enumerate(outlets)}
    rows, unnamed = {}, {}
    for statement in statements:
        speaker = statement.speaker
        if speaker is None:
            continue
        if speaker.pk not in unnamed:
            unnamed[speaker.pk] = is_unnamed_source(speaker.name)
        if unnamed[speaker.pk]:
            continue
        row = rows.setdefault(speaker.pk, {"speaker": speaker, "cells": [{"count": 0, "first": None} for _ in outlets]})
        cell = row["cells"][column[statement.story_article.source.code]]
        cell["count"] += 1
        if cell["first"] is None:
            cell["first"] = statement
    for row in rows.values():
        row["total"] = sum(c["count"] for c in row["cells"])
        row["outlets"] = sum(1 for c in row["cells"] if c["count"])
    return sorted(rows.values(), key=lambda r: (-r["outlets"], -r["total"], r["speaker"].name))


# --- JSON ---------------------------------------------------------------------------


def _iso(value):
    return value.isoformat() if value else None


def article_json(article):
    return {
        "external_id": article.external_id,
        "title": article.title,
        "url": article.get_absolute_url(),
        "published": _iso(article.published),
        "source": article.source.name,
        "source_code": article.source.code,
        "section": article.section.name if article.section_id else "",
    }


def statement_json(statement):
    article = statement.story_article
    return {
        "id": statement.pk,
        "text": statement.text,
        "kind": statement.kind,
        "speaker": statement.speaker.name if statement.speaker_id else statement.speaker_mention,
        "speaker_id": statement.speaker.slug if statement.speaker_id else "",
        "article_external_id": article.external_id,
        "source_code": article.source.code,
        "published": _iso(article.published),
        "url": statement.place,
    }


def story_json(page, url):
    """/api/stories/<id>/: the story page as data."""
    story = page.story
    return {
        "id": story.pk,
        "title": story.title,
        "url": url,
        "first_published": _iso(story.first_published),
        "last_published": _iso(story.last_published),
        "article_count": len(page.articles),
        "outlets": [{"source": o.name, "source_code": o.code, "articles": len(o.articles)} for o in page.outlets],
        "articles": [{**article_json(a), "copy_of": a.copy_original.external_id if a.copy_original else None}
                     for a in page.articles],
        "quoted": [
            {"speaker": row["speaker"].name, "speaker_id": row["speaker"].slug,
             "by_outlet": {o.code: cell["count"] for o, cell in zip(page.outlets, row["cells"]) if cell["count"]}}
            for row in page.speakers
        ],
        "carried_by_several": [
            {"speaker": group["speaker"].name if group["speaker"] else "",
             "speaker_id": group["speaker"].slug if group["speaker"] else "",
             "statements": [statement_json(s) for s in group["carriers"]]}
            for group in page.several
        ],
        "carried_by_one": [statement_json(s) for s in page.single],
    }


