"""Editors correct stories in the admin: the pages load, and split, merge and move work
and pin what they place (the grouping then keeps it: tests/test_stories_commands.py)."""

import io
from pathlib import Path

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.management import call_command
from django.urls import reverse

from articles.models import ArticleCopy, Story, StoryMembership

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "data" / "stories" / "ant-2018-06-17-18.jsonl.gz"
OSAKA = ["SK-technology-925-20180618", "AL-internationalNews-1668-20180618", "FR-internationalNews-1876-20180618"]
GUATEMALA = "AL-internationalNews-1671-20180618"


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", password="a-long-test-password")
    client.force_login(user)
    return client


@pytest.fixture
def grouped():
    for command in (["import_articles", "--no-process", "--no-progress", str(SAMPLE)],
                    ["group_stories", "--all", "--no-progress"]):
        call_command(*command, stdout=io.StringIO(), stderr=io.StringIO())


def membership(external_id):
    return StoryMembership.objects.select_related("story").get(article__external_id=external_id)


@pytest.mark.parametrize("model", [Story, StoryMembership, ArticleCopy])
def test_story_pages_load(editor_client, grouped, model):
    opts = model._meta
    changelist = editor_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert changelist.status_code == 200
    first = model.objects.first()
    change = editor_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk]))
    assert change.status_code == 200


def test_split_action_takes_the_selected_articles_out_and_pins_both_parts(editor_client, grouped):
    old = membership(OSAKA[2]).story
    url = reverse("admin:articles_storymembership_changelist")
    response = editor_client.post(url, {"action": "split_off", ACTION_CHECKBOX_NAME: [membership(OSAKA[2]).pk]})
    assert response.status_code == 302
    moved = membership(OSAKA[2])
    assert moved.story_id != old.pk and moved.pinned
    assert membership(OSAKA[1]).story_id == old.pk and membership(OSAKA[1]).pinned
    assert Story.objects.get(pk=old.pk).article_count == old.article_count - 1


def test_split_refuses_articles_of_two_stories(editor_client, grouped):
    ids = [membership(OSAKA[0]).pk, membership(GUATEMALA).pk]
    before = dict(StoryMembership.objects.values_list("pk", "story_id"))
    editor_client.post(reverse("admin:articles_storymembership_changelist"),
                       {"action": "split_off", ACTION_CHECKBOX_NAME: ids})
    assert dict(StoryMembership.objects.values_list("pk", "story_id")) == before


def test_merge_action_joins_stories_into_the_oldest(editor_client, grouped):
    a, b = membership(OSAKA[0]).story, membership(GUATEMALA).story
    response = editor_client.post(reverse("admin:articles_story_changelist"),
                                  {"action": "merge_selected_stories", ACTION_CHECKBOX_NAME: [a.pk, b.pk]})
    assert response.status_code == 302
    keep = min(a.pk, b.pk)
    assert membership(GUATEMALA).story_id == membership(OSAKA[0]).story_id == keep
    assert not Story.objects.filter(pk=max(a.pk, b.pk)).exists()
    assert Story.objects.get(pk=keep).article_count == a.article_count + b.article_count


def test_changing_a_membership_moves_and_pins_the_article(editor_client, grouped):
    target = membership(GUATEMALA).story
    m = membership(OSAKA[2])
    url = reverse("admin:articles_storymembership_change", args=[m.pk])
    response = editor_client.post(url, {"article": m.article_id, "story": target.pk})
    assert response.status_code == 302
    moved = membership(OSAKA[2])
    assert moved.story_id == target.pk and moved.pinned
    assert Story.objects.get(pk=target.pk).article_count == target.article_count + 1


def test_merging_a_story_into_itself_is_refused_and_pins_nothing(grouped):
    from articles.stories import store

    story = membership(OSAKA[0]).story
    with pytest.raises(ValueError, match="two stories"):
        store.merge_stories([story, Story.objects.get(pk=story.pk)])
    assert not StoryMembership.objects.filter(story=story, pinned=True).exists()


def story_form(story, **fields):
    """The story's change form as the admin page posts it (its read-only inline included)."""
    members = list(StoryMembership.objects.filter(story=story).order_by("pk"))
    data = {"title": story.title, "memberships-TOTAL_FORMS": len(members), "memberships-INITIAL_FORMS": len(members),
            "memberships-MIN_NUM_FORMS": 0, "memberships-MAX_NUM_FORMS": 1000}
    if story.title_pinned:
        data["title_pinned"] = "on"
    for n, m in enumerate(members):
        data[f"memberships-{n}-id"] = m.pk
        data[f"memberships-{n}-story"] = story.pk
    data.update(fields)
    return {k: v for k, v in data.items() if v is not None}


def test_an_editor_sets_a_story_title_in_the_admin_and_regrouping_keeps_it(editor_client, grouped):
    story = membership(OSAKA[0]).story
    url = reverse("admin:articles_story_change", args=[story.pk])
    response = editor_client.post(url, story_form(story, title="قمة أوساكا: زلزال يضرب غرب اليابان"))
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.title == "قمة أوساكا: زلزال يضرب غرب اليابان" and story.title_pinned
    call_command("group_stories", "--all", "--no-progress", stdout=io.StringIO(), stderr=io.StringIO())
    assert membership(OSAKA[0]).story.title == "قمة أوساكا: زلزال يضرب غرب اليابان"

    # Unpinned, the story takes one of its articles' titles again.
    response = editor_client.post(url, story_form(story, title_pinned=None) | {"title": story.title})
    story.refresh_from_db()
    assert not story.title_pinned
    assert story.title in set(StoryMembership.objects.filter(story=story).values_list("article__title", flat=True))


def test_an_empty_story_title_is_refused_with_a_message(editor_client, grouped):
    story = membership(OSAKA[0]).story
    url = reverse("admin:articles_story_change", args=[story.pk])
    response = editor_client.post(url, story_form(story, title=""))
    assert response.status_code == 200 and response.context["errors"]
    story.refresh_from_db()
    assert story.title and not story.title_pinned


def test_deleting_a_membership_in_the_admin_recounts_its_story(editor_client, grouped):
    story = membership(OSAKA[0]).story
    gone = StoryMembership.objects.filter(story=story, article__title=story.title).first()
    url = reverse("admin:articles_storymembership_changelist")
    response = editor_client.post(url, {"action": "delete_selected", ACTION_CHECKBOX_NAME: [gone.pk], "post": "yes"})
    assert response.status_code == 302
    after = Story.objects.get(pk=story.pk)
    titles = set(StoryMembership.objects.filter(story=story).values_list("article__title", flat=True))
    assert after.article_count == story.article_count - 1
    assert after.title in titles
