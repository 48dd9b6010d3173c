"""Stories in the database: group_stories, export_stories, grouping after an import batch,
stable ids and editors' corrections (tests/data/stories, two days of the ANT corpus)."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article, ArticleCopy, Story, StoryMembership
from articles.stories import store

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "data" / "stories" / "ant-2018-06-17-18.jsonl.gz"
OSAKA = ["SK-technology-925-20180618", "AL-internationalNews-1668-20180618", "FR-internationalNews-1876-20180618"]
GUATEMALA = "AL-internationalNews-1671-20180618"
COLOMBIA = ["FR-internationalNews-1875-20180618", "BB-internationalNews-665-20180618"]
GAZA_DRONES = ["FR-internationalNews-1867-20180617", "FR-middleEast-638-20180617"]


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def imported():
    run("import_articles", "--no-process", "--no-progress", str(SAMPLE))
    return {a.external_id: a for a in Article.objects.all()}


def story_id(external_id):
    return StoryMembership.objects.filter(article__external_id=external_id).values_list("story_id", flat=True).first()


def test_group_stories_all_prints_one_summary_and_stores_stories_and_copies(imported):
    out = run("group_stories", "--all", "--no-progress")
    assert out.startswith("grouped all 325 articles in ")
    assert len(out.strip().splitlines()) == 1
    osaka = {story_id(e) for e in OSAKA}
    assert len(osaka) == 1 and None not in osaka
    assert story_id(GUATEMALA) not in osaka
    story = Story.objects.get(pk=osaka.pop())
    assert story.source_count == 3 and story.article_count >= 3
    copy = ArticleCopy.objects.get(article__external_id=GAZA_DRONES[1])
    assert copy.original.external_id == GAZA_DRONES[0] and copy.same_source


def test_the_article_page_data_links_each_copy_to_the_other(imported):
    run("group_stories", "--all", "--no-progress")
    original, copy = (imported[e] for e in GAZA_DRONES)
    assert [a.external_id for a in store.copies_of(original)] == [GAZA_DRONES[1]]
    assert [a.external_id for a in store.copies_of(copy)] == [GAZA_DRONES[0]]
    assert store.copies_of(imported[GUATEMALA]) == []
    assert store.story_of(original) == store.story_of(copy)


def test_regrouping_everything_again_keeps_every_story_id(imported):
    run("group_stories", "--all", "--no-progress")
    before = dict(StoryMembership.objects.values_list("article_id", "story_id"))
    out = run("group_stories", "--all", "--no-progress")
    assert dict(StoryMembership.objects.values_list("article_id", "story_id")) == before
    assert "(new 0, kept " in out and "removed 0)" in out


def test_a_later_batch_joins_the_existing_story_and_keeps_its_id(tmp_path):
    lines = SAMPLE.read_bytes()
    import gzip

    records = gzip.decompress(lines).decode("utf-8").splitlines()
    late = [r for r in records if json.loads(r)["id"] == OSAKA[2]]
    early = tmp_path / "early.jsonl"
    early.write_text("\n".join(r for r in records if r not in late) + "\n", encoding="utf-8")
    run("import_articles", "--no-process", "--no-progress", str(early))
    run("group_stories", "--all", "--no-progress")
    osaka = story_id(OSAKA[1])
    assert story_id(OSAKA[2]) is None

    # An import with processing groups each batch as it commits (articles.pipeline).
    batch = tmp_path / "late.jsonl"
    batch.write_text(late[0] + "\n", encoding="utf-8")
    run("import_articles", "--no-progress", str(batch))
    assert story_id(OSAKA[2]) == osaka
    assert story_id(OSAKA[0]) == osaka


def test_group_stories_without_all_groups_what_changed_since_the_last_run(imported):
    run("group_stories", "--all", "--no-progress")
    osaka = story_id(OSAKA[0])
    Article.objects.filter(external_id=OSAKA[1]).update(title=imported[OSAKA[1]].title + " ")
    Article.objects.get(external_id=OSAKA[1]).save()  # bumps `updated`
    out = run("group_stories", "--no-progress")
    assert out.startswith("grouped 1 changed articles in ")
    assert story_id(OSAKA[1]) == osaka


def test_editors_split_survives_regrouping(imported):
    run("group_stories", "--all", "--no-progress")
    colombia = story_id(COLOMBIA[0])
    assert story_id(COLOMBIA[1]) == colombia
    new = store.split_story([imported[COLOMBIA[1]]])
    run("group_stories", "--all", "--no-progress")
    assert story_id(COLOMBIA[1]) == new.pk
    assert story_id(COLOMBIA[0]) == colombia


def test_editors_merge_and_move_survive_regrouping(imported):
    run("group_stories", "--all", "--no-progress")
    osaka, guatemala = Story.objects.get(pk=story_id(OSAKA[0])), Story.objects.get(pk=story_id(GUATEMALA))
    kept = store.merge_stories([guatemala, osaka])
    assert kept.pk == min(osaka.pk, guatemala.pk)
    moved = store.move_article(imported[COLOMBIA[0]], None)
    run("group_stories", "--all", "--no-progress")
    assert story_id(GUATEMALA) == story_id(OSAKA[0]) == kept.pk
    assert not Story.objects.filter(pk=max(osaka.pk, guatemala.pk)).exists()
    assert story_id(COLOMBIA[0]) == moved.pk
    assert story_id(COLOMBIA[1]) != moved.pk


def test_export_stories_jsonl_and_csv(imported):
    run("group_stories", "--all", "--no-progress")
    rows = [json.loads(line) for line in run("export_stories").splitlines()]
    assert len(rows) == Story.objects.count()
    osaka = next(r for r in rows if r["story"] == story_id(OSAKA[0]))
    assert set(OSAKA) <= set(osaka["articles"])
    assert set(osaka["sources"]) == {"skynews", "alarabia", "france24"}
    assert osaka["first"] <= osaka["last"] and osaka["title"]
    table = list(csv.reader(io.StringIO(run("export_stories", "--format", "csv"))))
    assert table[0] == ["story", "title", "articles", "sources", "first", "last"]
    row = next(r for r in table[1:] if r[0] == str(osaka["story"]))
    assert row[2].split() == osaka["articles"]


def test_a_line_separator_in_a_title_does_not_cut_a_jsonl_record(imported):
    """json leaves U+2028 raw; Python's splitlines() ends a line there."""
    run("group_stories", "--all", "--no-progress")
    Story.objects.filter(pk=story_id(OSAKA[0])).update(title="زلزال\u2028أوساكا\u2029")
    lines = run("export_stories").splitlines()
    assert len(lines) == Story.objects.count()
    titles = {json.loads(line)["story"]: json.loads(line)["title"] for line in lines}
    assert titles[story_id(OSAKA[0])] == "زلزال\u2028أوساكا\u2029"


def test_undated_and_empty_articles_are_grouped_without_error(imported):
    """An article without a date is in no story; a title-only one is compared by its title."""
    source = imported[OSAKA[0]].source
    undated = Article.objects.create(external_id="undated-1", title=imported[OSAKA[0]].title, body=imported[OSAKA[0]].body,
                               source=source, content_hash="0" * 64)
    empty = Article.objects.create(external_id="empty-1", title="زلزال قوي يضرب اليابان", body="", source=source,
                             published=imported[OSAKA[0]].published, content_hash="1" * 64)
    out = run("group_stories", "--all", "--no-progress")
    assert out.startswith("grouped all 326 articles in ")
    assert story_id(undated.external_id) is None
    assert not ArticleCopy.objects.filter(article=empty).exists()
    assert story_id(OSAKA[1]) == story_id(OSAKA[2])


class _StoppedAfterOneStory(Exception):
    """An export stopped half way: the operator's Ctrl-C, a lost database connection."""


def test_an_export_stopped_half_way_leaves_no_file_that_looks_complete(imported, tmp_path):
    from articles.management.commands.export_stories import Command

    class Interrupted(Command):
        def rows(self):
            rows = super().rows()
            yield next(rows)
            raise _StoppedAfterOneStory

    run("group_stories", "--all", "--no-progress")
    target = tmp_path / "stories.csv"
    run("export_stories", "--format", "csv", "--output", str(target))
    complete = target.read_bytes()
    assert complete.count(b"\n") == Story.objects.count() + 1
    for path in (target, tmp_path / "new.jsonl"):
        with pytest.raises(_StoppedAfterOneStory):
            call_command(Interrupted(), "--output", str(path), stderr=io.StringIO())
    assert target.read_bytes() == complete  # the last complete export, not a shorter one
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stories.csv"]  # nothing half-written


def test_export_stories_into_a_missing_folder_is_a_clear_error(imported, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="folder does not exist"):
        run("export_stories", "--output", str(tmp_path / "missing" / "stories.jsonl"))
    assert list(tmp_path.iterdir()) == []


def test_export_stories_csv_cells_cannot_run_as_formulas(imported):
    """A title, an external id and a source code may each start with = + - @."""
    run("group_stories", "--all", "--no-progress")
    osaka = Story.objects.get(pk=story_id(OSAKA[0]))
    first = Article.objects.filter(story_membership__story=osaka).order_by("published", "external_id").first()
    Story.objects.filter(pk=osaka.pk).update(title='=HYPERLINK("http://x","y")')
    Article.objects.filter(pk=first.pk).update(external_id="=1+2")
    first.source.code = "-2+3"
    first.source.save()
    table = list(csv.reader(io.StringIO(run("export_stories", "--format", "csv"))))
    row = next(r for r in table[1:] if r[0] == str(osaka.pk))
    assert row[1] == "'=HYPERLINK(\"http://x\",\"y\")"
    assert row[2].startswith("'=1+2 ") and row[3].startswith("'-2+3")
    for cell in (c for r in table for c in r):
        assert not cell.startswith(("=", "+", "-", "@"))


def test_an_undated_article_an_editor_put_in_a_story_stays_there_after_regrouping(imported):
    """The grouping reads only dated articles; an editor's placing of an undated one must
    survive both kinds of run all the same."""
    run("group_stories", "--all", "--no-progress")
    osaka = Story.objects.get(pk=story_id(OSAKA[0]))
    first = imported[OSAKA[0]]
    undated = Article.objects.create(external_id="undated-1", title=first.title, body=first.body,
                                     source=first.source, content_hash="0" * 64)
    store.move_article(undated, osaka)
    articles_before = Story.objects.get(pk=osaka.pk).article_count
    out = run("group_stories", "--all", "--no-progress")
    assert "removed 0)" in out
    assert story_id(undated.external_id) == osaka.pk == story_id(OSAKA[0])
    assert StoryMembership.objects.get(article=undated).pinned
    assert Story.objects.get(pk=osaka.pk).article_count == articles_before
    Article.objects.get(external_id=OSAKA[1]).save()  # changed: the next run regroups its neighbourhood
    run("group_stories", "--no-progress")
    assert story_id(undated.external_id) == osaka.pk == story_id(OSAKA[1])


@pytest.mark.parametrize("everything", [True, False])
def test_an_editors_split_made_while_the_articles_are_grouped_survives_that_run(imported, monkeypatch, everything):
    """group_stories reads the articles and groups them before it writes; an editor who
    splits a story meanwhile must find the split still there when the run is done."""
    run("group_stories", "--all", "--no-progress")
    colombia = story_id(COLOMBIA[0])
    assert story_id(COLOMBIA[1]) == colombia
    grouping, split = store.group_corpus, []

    def editor_splits_during_grouping(corpus, pinned=None, **rules):
        if not split:
            split.append(store.split_story([imported[COLOMBIA[1]]]))
        return grouping(corpus, pinned, **rules)

    monkeypatch.setattr(store, "group_corpus", editor_splits_during_grouping)
    if everything:
        run("group_stories", "--all", "--no-progress")
    else:
        Article.objects.get(external_id=COLOMBIA[0]).save()
        run("group_stories", "--no-progress")
    assert story_id(COLOMBIA[1]) == split[0].pk
    assert story_id(COLOMBIA[0]) == colombia


def test_a_batch_whose_grouping_failed_is_grouped_by_the_next_group_stories(tmp_path, monkeypatch):
    """A later batch grouped fine must not hide an earlier failed one from group_stories
    (nor articles imported with --no-process before it)."""
    import gzip

    from articles import pipeline

    records = gzip.decompress(SAMPLE.read_bytes()).decode("utf-8").splitlines()
    osaka = [r for r in records if json.loads(r)["id"] in OSAKA[:2]]
    later = []  # the Colombia reports, as if a month later: out of the Osaka batch's reach
    for record in records:
        item = json.loads(record)
        if item["id"] in COLOMBIA:
            later.append(json.dumps({**item, "published": item["published"].replace("2018-06-", "2018-07-")}))
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(osaka) + "\n", encoding="utf-8")
    second.write_text("\n".join(later) + "\n", encoding="utf-8")

    def grouping_fails(article_ids):
        raise RuntimeError("database went away")

    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "regroup_articles", grouping_fails)
        run("import_articles", "--no-progress", str(first))
    assert story_id(OSAKA[0]) is None
    run("import_articles", "--no-progress", str(second))
    assert story_id(COLOMBIA[0]) == story_id(COLOMBIA[1]) is not None

    run("group_stories", "--no-progress")
    assert story_id(OSAKA[0]) == story_id(OSAKA[1]) is not None


def test_export_stories_onto_a_folder_is_a_clear_error_before_any_work(imported, tmp_path):
    from django.core.management.base import CommandError

    run("group_stories", "--all", "--no-progress")
    (tmp_path / "stories").mkdir()
    with pytest.raises(CommandError, match="is a folder"):
        run("export_stories", "--output", str(tmp_path / "stories"))
    assert [p.name for p in tmp_path.iterdir()] == ["stories"]


class _StoppedWhileWriting(Exception):
    """group_stories --all killed, or its connection lost, half way through the writing."""


def test_a_run_stopped_while_writing_leaves_the_last_stories_and_the_next_run_finishes(imported, monkeypatch):
    from articles.models import GroupingRun

    run("group_stories", "--all", "--no-progress")
    before = dict(StoryMembership.objects.values_list("article_id", "story_id"))
    copies = ArticleCopy.objects.count()
    Article.objects.get(external_id=OSAKA[1]).save()

    def stopped(*args):
        raise _StoppedWhileWriting  # the memberships are already rewritten by now

    with monkeypatch.context() as patch:
        patch.setattr(store, "_write_copies", stopped)
        with pytest.raises(_StoppedWhileWriting):
            run("group_stories", "--all", "--no-progress")
    assert dict(StoryMembership.objects.values_list("article_id", "story_id")) == before
    assert ArticleCopy.objects.count() == copies and GroupingRun.objects.count() == 1
    assert run("group_stories", "--no-progress").startswith("grouped 1 changed articles in ")
    assert dict(StoryMembership.objects.values_list("article_id", "story_id")) == before


def test_an_article_whose_date_was_taken_away_leaves_its_story_without_all(imported):
    """Undated articles are in no story: the run without --all must agree with --all."""
    run("group_stories", "--all", "--no-progress")
    osaka = story_id(OSAKA[0])
    articles_before = Story.objects.get(pk=osaka).article_count
    article = Article.objects.get(external_id=OSAKA[1])
    article.published = None
    article.save()
    run("group_stories", "--no-progress")
    assert story_id(OSAKA[1]) is None
    assert story_id(OSAKA[0]) == story_id(OSAKA[2]) == osaka
    assert Story.objects.get(pk=osaka).article_count == articles_before - 1


def test_undated_articles_an_editor_put_in_a_story_do_not_cost_it_its_id(imported):
    """Only the articles the grouping reads count towards keeping a story's id: as many
    undated articles put in a story as it has dated ones must not renumber it."""
    run("group_stories", "--all", "--no-progress")
    osaka = Story.objects.get(pk=story_id(OSAKA[0]))
    first = imported[OSAKA[0]]
    for n in range(osaka.article_count):
        undated = Article.objects.create(external_id=f"undated-{n}", title=first.title, body=first.body,
                                         source=first.source, content_hash=f"{n:064d}")
        store.move_article(undated, osaka)
    run("group_stories", "--all", "--no-progress")
    assert story_id(OSAKA[0]) == story_id("undated-0") == osaka.pk


def _biggest_story():
    story = Story.objects.order_by("-article_count", "pk").first()
    members = list(Article.objects.filter(story_membership__story=story).order_by("published", "pk"))
    return story, members


def _assert_story_follows_its_articles(story_pk, gone_title):
    story = Story.objects.get(pk=story_pk)
    members = list(Article.objects.filter(story_membership__story=story).order_by("published", "pk"))
    assert story.title != gone_title and story.title in {a.title for a in members}
    assert story.first_published == members[0].published
    assert story.last_published == max(a.published for a in members)
    assert story.article_count == len(members)
    assert story.source_count == len({a.source_id for a in members})


def test_deleting_the_article_a_story_is_titled_after_gives_it_a_title_its_articles_carry(imported):
    run("group_stories", "--all", "--no-progress")
    story, members = _biggest_story()
    assert len(members) >= 3
    titled_after = next(a for a in members if a.title == story.title)
    first, last = members[0], members[-1]
    # The first, the last and the one it is titled after: dates and title must all follow.
    Article.objects.filter(pk__in={titled_after.pk, first.pk, last.pk}).delete()
    _assert_story_follows_its_articles(story.pk, titled_after.title)
    assert run("export_stories").count(f'"title": {json.dumps(titled_after.title, ensure_ascii=False)}') == 0


def test_moving_out_the_article_a_story_is_titled_after_gives_it_another_title(imported):
    run("group_stories", "--all", "--no-progress")
    story, members = _biggest_story()
    titled_after = next(a for a in members if a.title == story.title)
    store.move_article(titled_after, None)
    _assert_story_follows_its_articles(story.pk, titled_after.title)
    store.split_story([a for a in members if a.pk != titled_after.pk][:1])
    _assert_story_follows_its_articles(story.pk, titled_after.title)


def test_an_editors_title_survives_regrouping_and_moves_until_unpinned(imported):
    run("group_stories", "--all", "--no-progress")
    story, members = _biggest_story()
    grouping_title = story.title
    store.set_story_title(story, "عنوان كتبه محرر")
    for args in (("group_stories", "--all", "--no-progress"), ("group_stories", "--no-progress")):
        Article.objects.get(pk=members[0].pk).save()  # changed: the run without --all regroups it
        run(*args)
        assert Story.objects.get(pk=story.pk).title == "عنوان كتبه محرر"
    store.move_article(next(a for a in members if a.title == grouping_title), None)
    assert Story.objects.get(pk=story.pk).title == "عنوان كتبه محرر"
    store.set_story_title(story, None)
    story.refresh_from_db()
    assert not story.title_pinned and story.title in {a.title for a in members}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_grouping_committed_while_stories_are_exported_lists_each_story_and_article_once(imported):
    """Another connection regroups (renumbering stories) after the export's first query:
    the export must show the stories either as they were or as they are, never a mix."""
    import threading

    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite's in-memory test database locks a table a reader has open: no second writer")
    run("group_stories", "--all", "--no-progress")
    before = [json.loads(line) for line in run("export_stories").splitlines()]

    def regroup_elsewhere():
        # Every story renumbered: the articles leave their stories and come back under new ids.
        try:
            Story.objects.all().delete()
            run("group_stories", "--all", "--no-progress")
        finally:
            from django.db import connection as own

            own.close()

    fired = []

    def grouping_commits_meanwhile(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if not fired and "storymembership" in sql.lower():
            fired.append(True)
            thread = threading.Thread(target=regroup_elsewhere)
            thread.start()
            thread.join()
        return result

    with connection.execute_wrapper(grouping_commits_meanwhile):
        rows = [json.loads(line) for line in run("export_stories").splitlines()]
    after = [json.loads(line) for line in run("export_stories").splitlines()]
    assert fired
    assert [r["story"] for r in before] != [r["story"] for r in after]
    listed = [a for r in rows for a in r["articles"]]
    assert len(listed) == len(set(listed)) and len({r["story"] for r in rows}) == len(rows)
    assert rows in (before, after)
