"""The stories' Django edge: articles in, stories and copies out.

    regroup_all()               every dated article; rewrites the term frequencies
    regroup_articles(ids)       after an import batch: those articles and their neighbourhood
    story_of(article), copies_of(article)   what the article page shows

Incremental grouping loads the articles published within MAX_GAP of the changed ones (no
report further away can be linked to them), plus every article of a story any of them is
in, and groups that set again exactly as `--all` would group it; the stable-id matching (articles.stories.identity) then keeps
the stories' ids. Articles without a publication date are in no story.
"""

from datetime import datetime, time, timedelta
from datetime import timezone as dt_timezone

from django.db import connection, transaction
from django.utils import timezone

from articles.models import Article, ArticleCopy, Story, StoryMembership, StoryTerm
from articles.stories.grouping import MAX_GAP, Corpus, group_corpus
from articles.stories.terms import Document, Vocabulary

LOAD_FIELDS = ("pk", "source__code", "published", "title", "abstract", "body")
SQL_CHUNK = 900  # SQLite's bound-parameter limit is 999 on old builds
GROUPING_LOCK = 0x5707  # any constant key of pg_advisory_xact_lock, the grouping's own


def _documents(queryset, progress=None):
    """Documents streamed from the database (the grouping keeps no text)."""
    for pk, source, published, title, abstract, body in queryset.values_list(*LOAD_FIELDS).iterator(chunk_size=2000):
        if progress:
            progress(1)
        yield Document(pk, source, published, title, f"{abstract}\n{body}" if abstract else body)


def stored_vocabulary():
    """The term frequencies written by the last `--all`, or None before the first."""
    df = dict(StoryTerm.objects.values_list("term", "documents").iterator(chunk_size=10000))
    if not df:
        return None
    return Vocabulary(df, Article.objects.exclude(published=None).count())


def save_vocabulary(vocabulary):
    """Stores the counts of terms used by two articles or more (a term used once counts as
    unseen, which gives it the same weight)."""
    StoryTerm.objects.all().delete()
    StoryTerm.objects.bulk_create(
        (StoryTerm(term=term[:100], documents=n) for term, n in vocabulary.df.items() if n >= 2), batch_size=2000
    )


def regroup_all(progress=None):
    """Groups every dated article again. Returns the summary (see `apply_groups`).

    Only the writing is one transaction: on SQLite a transaction holds the write lock from
    its start, and an importer must not wait for the whole grouping."""
    dated = Article.objects.exclude(published=None)
    corpus = Corpus(_documents(dated, progress))
    pinned = _pins(StoryMembership.objects)
    groups, copies = group_corpus(corpus, pinned)
    with transaction.atomic():
        _one_grouping_at_a_time()
        groups, copies = _grouped_with_current_pins(corpus, pinned, (groups, copies), StoryMembership.objects)
        save_vocabulary(corpus.vocabulary)
        return apply_groups(groups, copies, set(corpus.keys), everything=True)


def regroup_articles(article_ids):
    """Groups new or changed articles with their neighbourhood (after an import batch)."""
    article_ids = list(article_ids)
    changed = Article.objects.filter(pk__in=article_ids)
    # The dates of one batch may be far apart (an import sorted by outlet): load around each.
    days = sorted({p.date() for p in changed.exclude(published=None).values_list("published", flat=True)})
    # An article whose date was taken away leaves its story, as with --all (the grouping
    # reads dated articles only): its membership is among those written back.
    undated_members = set(StoryMembership.objects.filter(article__in=changed.filter(published=None))
                          .values_list("article_id", flat=True))
    if not days and not undated_members:
        return {"stories": 0, "new": 0, "kept": 0, "removed": 0, "articles": 0, "copies": 0}
    window = timedelta(seconds=MAX_GAP)
    near = Article.objects.none()
    for start, end in _day_ranges(days, window):
        near = near | Article.objects.filter(published__gte=start, published__lte=end)
    loaded_ids = set(near.values_list("pk", flat=True)) | undated_members
    touched_stories = set()
    ids = list(loaded_ids)
    for start in range(0, len(ids), SQL_CHUNK):
        touched_stories.update(
            StoryMembership.objects.filter(article_id__in=ids[start:start + SQL_CHUNK]).values_list("story_id", flat=True)
        )
    loaded_ids.update(
        StoryMembership.objects.filter(story_id__in=touched_stories).values_list("article_id", flat=True)
    )
    documents = _documents_by_ids(loaded_ids)
    vocabulary = stored_vocabulary()
    loaded_memberships = _in(StoryMembership.objects, "article_id", loaded_ids)
    pinned = _pins(loaded_memberships)
    corpus = Corpus(documents, vocabulary)
    groups, copies = group_corpus(corpus, pinned)
    with transaction.atomic():
        _one_grouping_at_a_time()
        groups, copies = _grouped_with_current_pins(corpus, pinned, (groups, copies), loaded_memberships)
        return apply_groups(groups, copies, loaded_ids, copy_scope=set(article_ids))


def _pins(memberships):
    return dict(memberships.filter(pinned=True).values_list("article_id", "story_id"))


def _grouped_with_current_pins(corpus, pinned, grouped, memberships):
    """The grouping for the editors' pins as they are now, under the writers' lock: an
    editor who corrected a story while the articles were being grouped is not overwritten
    (the grouping runs again with the new pins)."""
    current = _pins(memberships)
    return grouped if current == pinned else group_corpus(corpus, current)


def _one_grouping_at_a_time():
    """Writers of stories take turns: a transaction-scoped lock on PostgreSQL (two
    importers' batches may share a neighbourhood, an editor may correct a story while a
    run writes); SQLite serializes writers by itself."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [GROUPING_LOCK])


def _day_ranges(days, window):
    """Merged [first day − window, last day + 1 day + window] ranges around the days."""
    ranges = []
    for day in days:
        start = datetime.combine(day, time.min, tzinfo=dt_timezone.utc) - window
        end = start + window + timedelta(days=1) + window
        if ranges and start <= ranges[-1][1]:
            ranges[-1][1] = max(ranges[-1][1], end)
        else:
            ranges.append([start, end])
    return ranges


def _documents_by_ids(ids):
    ids = list(ids)
    for start in range(0, len(ids), SQL_CHUNK):
        yield from _documents(Article.objects.filter(pk__in=ids[start:start + SQL_CHUNK]).exclude(published=None))


@transaction.atomic
def apply_groups(groups, copies, loaded_ids, copy_scope=None, everything=False):
    """Writes the groups over the stories of the loaded articles, keeping ids by overlap.

    Articles loaded but in no group leave their story (unless an editor pinned them);
    a story left without articles is deleted. Copies are rewritten for the loaded
    articles (for `copy_scope` and their copy groups only, when given).
    Returns {"stories", "new", "kept", "removed", "articles", "copies"}.
    """
    from articles.stories.identity import match_story_ids

    _one_grouping_at_a_time()
    memberships = StoryMembership.objects.all() if everything else _in(StoryMembership.objects, "article_id", loaded_ids)
    current = dict(memberships.values_list("article_id", "story_id"))
    pinned_ids = set(memberships.filter(pinned=True).values_list("article_id", flat=True))
    before = set(current.values())
    # An editor may have placed an article the grouping does not read (an undated one):
    # it stays where they put it, and does not count towards which group keeps the id.
    grouped = {key for group in groups for key in group}
    left_pinned = [key for key in pinned_ids if key not in grouped]
    held_by_pins = {current[key] for key in left_pinned}
    story_ids = match_story_ids(groups, {key: story for key, story in current.items() if key not in left_pinned})

    meta = {pk: (title, published, source) for pk, title, published, source in
            _rows(loaded_ids, ("pk", "title", "published", "source_id"), everything)}
    now = timezone.now()
    stories = []  # (Story, members), the new ones without a pk yet
    for group, story_id in zip(groups, story_ids):
        members = [key for key in group if key in meta]
        dates = [meta[key][1] for key in members]
        story = Story(
            pk=story_id, title=meta[group.central][0] if group.central in meta else meta[members[0]][0],
            first_published=min(dates), last_published=max(dates), article_count=len(members),
            source_count=len({meta[key][2] for key in members}), updated=now,
        )
        stories.append((story, members))
    kept_stories = [story for story, _m in stories if story.pk is not None]
    new_stories = [story for story, _m in stories if story.pk is None]
    # A title an editor wrote survives the re-grouping, as their moves do (editors write
    # few titles: all of them are read).
    editors_titles = dict(Story.objects.filter(title_pinned=True).values_list("pk", "title"))
    for story in kept_stories:
        story.title = editors_titles.get(story.pk, story.title)
    Story.objects.bulk_update(
        kept_stories, ["title", "first_published", "last_published", "article_count", "source_count", "updated"],
        batch_size=500,
    )
    for story in new_stories:
        story.created = now
    # bulk_create sets the new primary keys on PostgreSQL and SQLite 3.35+.
    Story.objects.bulk_create(new_stories, batch_size=500)
    kept, new = len(kept_stories), len(new_stories)
    rows = [
        StoryMembership(article_id=key, story_id=story.pk, pinned=key in pinned_ids)
        for story, members in stories for key in members
    ]
    final_ids = [story.pk for story, _m in stories]

    memberships.exclude(article_id__in=left_pinned).delete()
    StoryMembership.objects.bulk_create(rows, batch_size=2000)
    refresh_stories(held_by_pins)
    removed_ids = before - set(final_ids) - held_by_pins
    Story.objects.filter(pk__in=removed_ids, memberships=None).delete()
    if everything:
        # Stories whose articles were all deleted since: no membership names them.
        Story.objects.filter(memberships=None).delete()

    copies_written = _write_copies(copies, loaded_ids, copy_scope, everything)
    return {"stories": len(final_ids), "new": new, "kept": kept, "removed": len(removed_ids),
            "articles": len(rows), "copies": copies_written}


def _write_copies(copies, loaded_ids, scope, everything):
    if scope is not None:
        copies = [group for group in copies if scope.intersection(group)]
        touched = set(scope).union(*copies) if copies else set(scope)
    else:
        touched = loaded_ids
    if everything:
        ArticleCopy.objects.all().delete()
    else:
        _in(ArticleCopy.objects, "article_id", touched).delete()
        _in(ArticleCopy.objects, "original_id", touched).delete()
    keys = {key for group in copies for key in group}
    source_of = dict(_rows(keys, ("pk", "source_id"), False))
    rows = [
        ArticleCopy(article_id=key, original_id=group[0], same_source=source_of[key] == source_of[group[0]])
        for group in copies for key in group[1:]
    ]
    ArticleCopy.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _in(manager, field, ids):
    ids = list(ids)
    if len(ids) <= SQL_CHUNK:
        return manager.filter(**{f"{field}__in": ids})
    # A subquery instead of thousands of parameters.
    return manager.filter(**{f"{field}__in": Article.objects.filter(pk__in=_id_query(ids)).values("pk")})


def _id_query(ids):
    query = Article.objects.none()
    for start in range(0, len(ids), SQL_CHUNK):
        query = query | Article.objects.filter(pk__in=ids[start:start + SQL_CHUNK])
    return query.values("pk")


def _rows(ids, fields, everything):
    if everything:
        return Article.objects.values_list(*fields).iterator(chunk_size=5000)
    ids = list(ids)
    found = []
    for start in range(0, len(ids), SQL_CHUNK):
        found.extend(Article.objects.filter(pk__in=ids[start:start + SQL_CHUNK]).values_list(*fields))
    return found


# --- what the article page shows ------------------------------------------------------


def story_of(article):
    """The article's story, or None."""
    membership = StoryMembership.objects.filter(article=article).select_related("story").first()
    return membership.story if membership else None


def copies_of(article):
    """The other articles of the article's copy group (its original and the original's
    other copies), first published first, each with `same_source` set."""
    original_id = ArticleCopy.objects.filter(article=article).values_list("original_id", flat=True).first()
    original_id = original_id or article.pk
    copy_ids = list(ArticleCopy.objects.filter(original_id=original_id).values_list("article_id", flat=True))
    if not copy_ids:
        return []
    others = Article.objects.filter(pk__in=[original_id, *copy_ids]).exclude(pk=article.pk).select_related("source", "section")
    result = sorted(others, key=lambda a: (a.published is None, a.published, a.pk))
    for other in result:
        other.same_source = other.source_id == article.source_id
    return result


# --- editors' corrections (the admin calls these) --------------------------------------
#
# A correction pins the articles it places: re-grouping keeps pinned articles of one story
# together and never joins pinned articles of two stories (articles.stories.grouping).


@transaction.atomic
def move_article(article, story):
    """Puts the article in `story` (None: a new story of its own), pinned there. The
    articles left in its old story are pinned too: the editor took this one out of them,
    and re-grouping must not put it back with them."""
    _one_grouping_at_a_time()
    old = story_of(article)
    if story is None:
        story = Story.objects.create(title=article.title)
    StoryMembership.objects.update_or_create(article=article, defaults={"story": story, "pinned": True})
    if old and old.pk != story.pk:
        StoryMembership.objects.filter(story=old).update(pinned=True)
    refresh_stories([story.pk] + ([old.pk] if old else []))
    return story


@transaction.atomic
def split_story(articles):
    """Takes `articles` (all of one story) out into a new story. Both parts are pinned, so
    re-grouping cannot join them again. Returns the new story."""
    _one_grouping_at_a_time()
    articles = list(articles)
    stories = set(StoryMembership.objects.filter(article__in=articles).values_list("story_id", flat=True))
    if len(stories) != 1:
        raise ValueError("the articles to split off must all be in one story")
    old_id = stories.pop()
    new = Story.objects.create(title=articles[0].title)
    StoryMembership.objects.filter(article__in=articles).update(story=new, pinned=True)
    StoryMembership.objects.filter(story_id=old_id).update(pinned=True)
    refresh_stories([old_id, new.pk])
    return new


@transaction.atomic
def merge_stories(stories):
    """Joins the stories into the oldest (smallest id), every article pinned. Returns it."""
    stories = sorted({story.pk: story for story in stories}.values(), key=lambda s: s.pk)
    if len(stories) < 2:
        raise ValueError("merging needs two stories or more")
    _one_grouping_at_a_time()
    keep = stories[0]
    StoryMembership.objects.filter(story__in=stories).update(story=keep, pinned=True)
    refresh_stories([s.pk for s in stories])
    return keep


@transaction.atomic
def set_story_title(story, title):
    """An editor's title for the story, pinned: re-grouping keeps it. `title=None` unpins
    it, and the story takes its articles' title again."""
    _one_grouping_at_a_time()
    if title is None:
        Story.objects.filter(pk=story.pk).update(title_pinned=False)
        # The editor's words are no member's title: refresh_stories replaces them.
        refresh_stories([story.pk])
    else:
        Story.objects.filter(pk=story.pk).update(title=title, title_pinned=True)
    story.refresh_from_db()
    return story


def refresh_stories(story_ids):
    """Recounts the stories' title, dates and counts from their members, at once (after a
    move, a split, a merge or a deletion); deletes the stories left empty.

    The title stays while one of the members still carries it (the grouping chose that
    member as the most central); once that member has left or been deleted the story
    takes its first published member's title, never a title no member has. A title an
    editor pinned is left as it is."""
    for story in Story.objects.filter(pk__in=story_ids):
        members = list(Article.objects.filter(story_membership__story=story).order_by("published", "pk")
                       .values_list("title", "published", "source_id"))
        if not members:
            story.delete()
            continue
        dates = [m[1] for m in members if m[1] is not None]
        story.first_published = min(dates) if dates else None
        story.last_published = max(dates) if dates else None
        story.article_count = len(members)
        story.source_count = len({m[2] for m in members})
        if not story.title_pinned and story.title not in {m[0] for m in members}:
            story.title = members[0][0]
        story.save()
