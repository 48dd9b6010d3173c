"""An editor's curation in the admin reaches the site at once (issue 11).

Every action is driven through the real admin (Django test client, a logged-in staff
editor, CSRF enforced), with transactions that really commit so the index work scheduled
for after the commit runs. Then the site must follow: the statements page, the JSON API,
the CSV export, the speaker facet links (200, not the 400 of a speaker that no longer
exists), and `check_index` must find the index in step with the database.
"""

import csv
import io
from datetime import datetime, timezone
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from whoosh import index as windex

from articles import indexing
from articles.models import Article, ReviewStatus, Speaker, SpeakerAlias, Statement
from articles.statements import extract_and_store
from articles.text.schema import ARTICLES, STATEMENTS
from tests.test_admin_curation import csrf_token, post_action

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-password"
# A later report that names Blinken by a second spelling of his surname alone: the
# linker cannot be sure it is the same man, so it files him as a speaker of his own.
BBC_BODY = "وقال بلنكن إن الولايات المتحدة ستواصل دعم المفاوضات بين الجانبين حتى التوصل إلى اتفاق."


@pytest.fixture
def archive(seed_article, make_article):
    """The seed article and a second outlet's report, extracted and indexed."""
    bbc = make_article("bbc-blinken-1", "بلنكن يدعو إلى مواصلة المفاوضات", BBC_BODY,
                       source=("بي بي سي عربي", "bbc-arabic"),
                       published=datetime(2023, 9, 21, 8, 0, tzinfo=timezone.utc))
    extract_and_store([bbc.pk])
    indexing.rebuild()
    assert_index_in_step()
    return seed_article


@pytest.fixture
def editor_client(django_user_model):
    """A staff editor (not a superuser) with the curation permissions, logged in through
    the login form, CSRF enforced."""
    user = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(
        content_type__app_label="articles", content_type__model__in=["statement", "speaker", "speakeralias"]))
    client = Client(enforce_csrf_checks=True)
    page = client.get(reverse("admin:login"))
    response = client.post(reverse("admin:login"), {
        "username": "editor", "password": PASSWORD, "csrfmiddlewaretoken": csrf_token(page),
        "next": reverse("admin:index"),
    })
    assert response.status_code == 302
    return client


class FormFields(HTMLParser):
    """What a browser submits for the admin's change form: every named input, select and
    textarea of the form with the given id, as they stand on the page."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, {}
        self.select = self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields[name] = attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")
        elif tag == "select" and name:
            self.select = name
            self.fields.setdefault(name, "")
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields[self.select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self.textarea = name
            self.fields[name] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data.removeprefix("\n") if not self.fields[self.textarea] else data


def change_form(client, url, form_id):
    page = client.get(url)
    assert page.status_code == 200, url
    parser = FormFields(form_id)
    parser.feed(page.content.decode())
    return parser.fields


def submit(client, url, form_id, **changes):
    data = change_form(client, url, form_id)
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


# --- what the site shows -------------------------------------------------------------------


def api_statements(client, **params):
    response = client.get("/api/statements/", {"per_page": 100, **params})
    assert response.status_code == 200, response.content.decode()[:500]
    return response.json()


def csv_statements(client, **params):
    response = client.get("/statements/export.csv", params)
    assert response.status_code == 200
    text = response.content.decode("utf-8").removeprefix("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


def public_ids():
    return set(Statement.objects.public().values_list("pk", flat=True))


def assert_site_shows_the_public_statements(client):
    """/api/statements/ and the CSV list exactly the public statements; /statements/ lists
    them by source; every speaker facet link answers 200."""
    found = api_statements(client)
    assert {r["id"] for r in found["results"]} == public_ids()
    assert found["total"] == len(public_ids())
    assert {int(row["id"]) for row in csv_statements(client)} == public_ids()
    for source in ("zat-masr", "bbc-arabic"):
        page = client.get("/statements/", {"source": source})
        assert page.status_code == 200
        html = page.content.decode()
        for statement in Statement.objects.public().filter(article__source__code=source):
            assert f"#statement-{statement.pk}" in html
    assert_speaker_facets_answer(client, found["facets"]["speaker"])
    assert_speaker_facets_answer(client, api_search(client)["facets"]["speaker"])


def api_search(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content.decode()[:500]
    return response.json()


def assert_speaker_facets_answer(client, facet):
    assert facet, "the facet lists the speakers"
    for item in facet:
        for url in ("/api/statements/", "/api/search/", "/statements/"):
            response = client.get(url, {"speaker": item["value"]})
            assert response.status_code == 200, (url, item)
        assert Speaker.objects.filter(slug=item["value"]).exists(), item


def assert_index_in_step():
    out = io.StringIO()
    call_command("check_index", stdout=out)  # raises CommandError (exit 1) when they differ
    assert "index matches the database" in out.getvalue()
    assert f"{len(public_ids())} in the database, {len(public_ids())} in the index" in out.getvalue()


def indexed_speaker_slugs():
    """Every speaker slug stored anywhere in the index, read with Whoosh directly."""
    slugs = set()
    for name, field in ((ARTICLES, "speaker"), (STATEMENTS, "speaker")):
        ix = windex.open_dir(str(indexing.index_folder()), indexname=name)
        with ix.searcher() as searcher:
            for stored in searcher.all_stored_fields():
                slugs.update(s for s in stored.get(field, "").split(",") if s)
    return slugs


# --- statements ----------------------------------------------------------------------------


def test_bulk_verify_reaches_the_index(editor_client, archive):
    chosen = list(Statement.objects.filter(kind="direct").values_list("pk", flat=True)[:3])
    response = post_action(editor_client, "statement", "mark_verified", chosen)
    assert response.status_code == 302
    assert set(Statement.objects.filter(pk__in=chosen).values_list("status", flat=True)) == {"verified"}
    assert_index_in_step()
    assert_site_shows_the_public_statements(editor_client)


def test_bulk_reject_takes_statements_off_the_site_at_once(editor_client, archive):
    rejected = Statement.objects.get(text="أرمينيا تحظى بدعم واشنطن الكامل")
    other = Statement.objects.get(text="وقف القتال على الفور")
    assert rejected.pk in {r["id"] for r in api_statements(editor_client)["results"]}

    response = post_action(editor_client, "statement", "mark_rejected", [rejected.pk, other.pk])
    assert response.status_code == 302
    assert set(Statement.objects.filter(pk__in=[rejected.pk, other.pk]).values_list("status", flat=True)) == {
        ReviewStatus.REJECTED}

    found = api_statements(editor_client, q="واشنطن")
    assert rejected.pk not in {r["id"] for r in found["results"]}
    assert found["total"] == 0
    assert rejected.pk not in {int(row["id"]) for row in csv_statements(editor_client)}
    html = editor_client.get("/statements/", {"q": "تحظى بدعم واشنطن"}).content.decode()
    assert f"#statement-{rejected.pk}" not in html
    assert_index_in_step()
    assert_site_shows_the_public_statements(editor_client)


def test_rejecting_one_statement_in_its_change_form(editor_client, archive):
    statement = Statement.objects.get(text="أرمينيا تحظى بدعم واشنطن الكامل")
    submit(editor_client, reverse("admin:articles_statement_change", args=[statement.pk]), "statement_form",
           status=ReviewStatus.REJECTED)
    assert api_statements(editor_client, q="واشنطن")["total"] == 0
    assert_index_in_step()
    assert_site_shows_the_public_statements(editor_client)


def test_editing_a_statement_in_its_change_form(editor_client, archive):
    statement = Statement.objects.get(text="أرمينيا تحظى بدعم واشنطن الكامل")
    moscow = Speaker.objects.get(name="موسكو")
    submit(editor_client, reverse("admin:articles_statement_change", args=[statement.pk]), "statement_form",
           speaker=str(moscow.pk), end=str(statement.end - len(" الكامل")))
    statement.refresh_from_db()
    assert statement.edited and statement.text == "أرمينيا تحظى بدعم واشنطن"
    [found] = api_statements(editor_client, q="تحظى بدعم واشنطن")["results"]
    assert (found["id"], found["speaker_slug"], found["text"]) == (statement.pk, moscow.slug, statement.text)
    assert_index_in_step()
    assert_site_shows_the_public_statements(editor_client)


def test_deleting_statements(editor_client, archive):
    one = Statement.objects.get(text="أرمينيا تحظى بدعم واشنطن الكامل")
    url = reverse("admin:articles_statement_delete", args=[one.pk])
    response = editor_client.post(url, {"post": "yes", "csrfmiddlewaretoken": csrf_token(editor_client.get(url))})
    assert response.status_code == 302
    assert not Statement.objects.filter(pk=one.pk).exists()
    # …and two more with the changelist's bulk delete, confirmed.
    two = list(Statement.objects.filter(kind="partial").values_list("pk", flat=True)[:2])
    response = post_action(editor_client, "statement", "delete_selected", two, {"post": "yes"})
    assert response.status_code == 302
    assert not Statement.objects.filter(pk__in=two).exists()
    assert api_statements(editor_client, q="واشنطن")["total"] == 0
    assert_index_in_step()
    assert_site_shows_the_public_statements(editor_client)


# --- speakers ------------------------------------------------------------------------------


def test_merging_speakers_in_the_admin_leaves_no_trace_of_the_merged_one(editor_client, archive):
    keep = Speaker.objects.get(name="أنتوني بلينكن")
    merged = Speaker.objects.get(name="بلنكن")
    bbc = Article.objects.get(external_id="bbc-blinken-1")
    assert merged.slug in indexed_speaker_slugs()
    # Before the merge, the second spelling finds the article that uses it first, and the
    # other spelling's through the names' skeleton (docs/search.md) after it.
    found = [r["external_id"] for r in api_search(editor_client, q="speaker:بلنكن")["results"]]
    assert found[0] == bbc.external_id and set(found) == {bbc.external_id, archive.external_id}

    confirm = post_action(editor_client, "speaker", "merge_speakers", [keep.pk, merged.pk])
    assert confirm.status_code == 200 and 'name="keep"' in confirm.content.decode()
    response = editor_client.post(reverse("admin:articles_speaker_changelist"), {
        "action": "merge_speakers", "_selected_action": [keep.pk, merged.pk], "confirm": "yes",
        "keep": keep.pk, "csrfmiddlewaretoken": csrf_token(confirm),
    })
    assert response.status_code == 302
    assert not Speaker.objects.filter(pk=merged.pk).exists()
    assert set(Statement.objects.filter(article=bbc).values_list("speaker", flat=True)) == {keep.pk}

    assert merged.slug not in indexed_speaker_slugs()
    assert editor_client.get("/api/statements/", {"speaker": merged.slug}).status_code == 400  # gone, and said so
    # The merged speaker's page leads to the person now, for good, with the reader's page number.
    old_page = editor_client.get(f"/speakers/{merged.slug}/", {"page": "2"})
    assert old_page.status_code == 301
    assert old_page["Location"] == f"{keep.get_absolute_url()}?page=2"
    # Every article quoting the kept speaker was reindexed with his new spelling.
    quoting_keep = set(Article.objects.filter(statements__speaker=keep).values_list("external_id", flat=True))
    assert quoting_keep == {archive.external_id, bbc.external_id}
    assert {r["external_id"] for r in api_search(editor_client, q="speaker:بلنكن")["results"]} == quoting_keep
    found = api_statements(editor_client, speaker=keep.slug)
    assert {r["article_external_id"] for r in found["results"]} == quoting_keep
    assert_index_in_step()
    assert_site_shows_the_public_statements(editor_client)


def test_a_page_merged_twice_leads_to_the_last_speaker_and_unknown_slugs_stay_404(client, archive):
    from articles.statements import merge_speakers

    first = Speaker.objects.get(name="بلنكن")
    middle = Speaker.objects.get(name="أنتوني بلينكن")
    last = Speaker.objects.create(name="أنتوني جون بلينكن", slug="antony-john-blinken", kind="person")
    merge_speakers(middle, first)
    merge_speakers(last, middle)
    for slug in (first.slug, middle.slug):
        response = client.get(f"/speakers/{slug}/")
        assert response.status_code == 301 and response["Location"] == last.get_absolute_url()
    assert client.get(last.get_absolute_url()).status_code == 200
    assert client.get("/speakers/no-such-speaker/").status_code == 404


def test_a_merge_of_a_speaker_another_editor_merged_meanwhile_changes_nothing(client, archive):
    """Two editors merge the same speaker at once, into two different people: the second
    merge holds the speaker as its page read it, before the first merge deleted it."""
    from articles.statements import merge_speakers

    merged = Speaker.objects.get(name="بلنكن")
    first_keep = Speaker.objects.get(name="أنتوني بلينكن")
    second_keep = Speaker.objects.create(name="بلينكن الأب", slug="blinken-senior", kind="person")
    held_by_second_editor = Speaker.objects.get(pk=merged.pk)
    merge_speakers(first_keep, merged)
    with pytest.raises(Speaker.DoesNotExist):
        merge_speakers(second_keep, held_by_second_editor)
    # The old page still leads to where the merged speaker's statements went.
    assert client.get(f"/speakers/{merged.slug}/")["Location"] == first_keep.get_absolute_url()
    assert not Statement.objects.filter(speaker=second_keep).exists()
    gone_keep = Speaker.objects.create(name="بلنكن آخر", slug="another-blinken", kind="person")
    merge_speakers(second_keep, Speaker.objects.get(pk=gone_keep.pk))
    with pytest.raises(Speaker.DoesNotExist):  # into a speaker merged away meanwhile
        merge_speakers(gone_keep, first_keep)
    assert Statement.objects.filter(speaker=first_keep).exists()


def test_two_editors_merging_two_speakers_into_each_other_at_once_get_one_merge(archive):
    import threading

    from django.db import connection

    from articles.statements import merge_speakers

    if connection.vendor == "sqlite":
        pytest.skip("the suite's SQLite database is shared-cache, in memory: a second writer fails at "
                    "once ('database table is locked') where the archive's file database waits")
    blinken = Speaker.objects.get(name="أنتوني بلينكن")
    surname = Speaker.objects.get(name="بلنكن")
    statements = Statement.objects.filter(speaker__in=[blinken, surname]).count()
    start, outcomes = threading.Barrier(2), []

    def editor(keep, merged):
        keep, merged = Speaker.objects.get(pk=keep.pk), Speaker.objects.get(pk=merged.pk)  # as the page read them
        start.wait()
        try:
            merge_speakers(keep, merged)
            outcomes.append(("merged", keep.pk))
        except Exception as error:  # noqa: BLE001 - what each editor got is the result
            outcomes.append((type(error).__name__, keep.pk))
        finally:
            connection.close()

    editors = [threading.Thread(target=editor, args=pair) for pair in [(blinken, surname), (surname, blinken)]]
    for thread in editors:
        thread.start()
    for thread in editors:
        thread.join(60)
    assert sorted(kind for kind, _ in outcomes) == ["DoesNotExist", "merged"], outcomes
    kept = next(pk for kind, pk in outcomes if kind == "merged")
    assert list(Speaker.objects.filter(pk__in=[blinken.pk, surname.pk]).values_list("pk", flat=True)) == [kept]
    assert Statement.objects.filter(speaker_id=kept).count() == statements


def test_a_merged_speakers_slug_is_never_given_to_another_speaker(editor_client, archive):
    from articles.statements import SpeakerDirectory, merge_speakers

    keep = Speaker.objects.get(name="أنتوني بلينكن")
    merged = Speaker.objects.get(name="بلنكن")
    merge_speakers(keep, merged)
    # An editor adds a speaker of that name: the admin fills the slug in from it, the merged one's.
    url = reverse("admin:articles_speaker_add")
    data = change_form(editor_client, url, "speaker_form")
    data.update(name="بلنكن", slug=merged.slug, kind="person")
    refused = editor_client.post(url, data)
    assert refused.status_code == 200 and keep.name in refused.content.decode()  # says where it leads
    assert not Speaker.objects.filter(slug=merged.slug).exists()
    # Nor does the extractor give it to a new speaker.
    assert SpeakerDirectory()._unique_slug(merged.name) != merged.slug
    assert editor_client.get(f"/speakers/{merged.slug}/")["Location"] == keep.get_absolute_url()


def test_the_merge_queue_lists_an_uncertain_speaker_with_whom_it_may_be_and_one_merge_moves_it(
        editor_client, archive):
    keep = Speaker.objects.get(name="أنتوني بلينكن")
    merged = Speaker.objects.get(name="بلنكن")
    url = reverse("admin:articles_speaker_merge_queue")
    assert url in editor_client.get(reverse("admin:articles_speaker_changelist")).content.decode()
    page = editor_client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    # the uncertain speaker, and the person he may be, in one row with a merge button
    row = html[html.index(f'value="{merged.pk}"') - 400 :]
    assert f'name="keep" value="{keep.pk}"' in row and keep.name in row

    response = editor_client.post(url, {"keep": keep.pk, "merged": merged.pk, "csrfmiddlewaretoken": csrf_token(page)})
    assert response.status_code == 302
    assert not Speaker.objects.filter(pk=merged.pk).exists()
    assert merged.slug not in indexed_speaker_slugs()
    assert_index_in_step()
    assert_site_shows_the_public_statements(editor_client)
    # the queue no longer lists him; a stale form (the speaker is gone) merges nothing, no 500
    page = editor_client.get(url)
    assert f'name="merged" value="{merged.pk}"' not in page.content.decode()
    stale = editor_client.post(url, {"keep": keep.pk, "merged": merged.pk, "csrfmiddlewaretoken": csrf_token(page)})
    assert stale.status_code == 302
    for odd in ("", "abc", "-1", "٣", "9" * 40):
        assert editor_client.post(url, {"keep": odd, "merged": keep.pk,
                                        "csrfmiddlewaretoken": csrf_token(page)}).status_code == 302
    assert Speaker.objects.filter(pk=keep.pk).exists()


@pytest.mark.parametrize("codenames", [["view_speaker"], ["view_speaker", "change_speaker"]])
def test_the_merge_queue_needs_the_rights_to_change_and_delete_speakers(django_user_model, archive, codenames):
    """Hostile testing: a user who may not delete speakers deleted one by merging it."""
    user = django_user_model.objects.create_user("reader", password=PASSWORD, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client = Client()
    client.force_login(user)
    url = reverse("admin:articles_speaker_merge_queue")
    assert client.get(url).status_code == 403
    keep, merged = Speaker.objects.get(name="أنتوني بلينكن"), Speaker.objects.get(name="بلنكن")
    assert client.post(url, {"keep": keep.pk, "merged": merged.pk}).status_code == 403
    assert Speaker.objects.filter(pk=merged.pk).exists()


def test_adding_and_deleting_an_alias(editor_client, archive):
    blinken = Speaker.objects.get(name="أنتوني بلينكن")
    # The exact spelling: under any spelling the names' skeleton finds him anyway.
    assert api_statements(editor_client, q="speaker:بلينكين", exact="1")["total"] == 0
    url = reverse("admin:articles_speakeralias_add")
    response = editor_client.post(url, {"speaker": blinken.pk, "name": "أنتوني بلينكين",
                                        "csrfmiddlewaretoken": csrf_token(editor_client.get(url))})
    assert response.status_code == 302
    quoted = set(Statement.objects.public().filter(speaker=blinken).values_list("pk", flat=True))
    assert {r["id"] for r in api_statements(editor_client, q="speaker:بلينكين", exact="1")["results"]} == quoted
    assert_index_in_step()

    alias = SpeakerAlias.objects.get(name="أنتوني بلينكين")
    url = reverse("admin:articles_speakeralias_delete", args=[alias.pk])
    response = editor_client.post(url, {"post": "yes", "csrfmiddlewaretoken": csrf_token(editor_client.get(url))})
    assert response.status_code == 302
    assert api_statements(editor_client, q="speaker:بلينكين", exact="1")["total"] == 0
    assert_index_in_step()
    assert_site_shows_the_public_statements(editor_client)


def test_renaming_a_speaker_and_their_slug(editor_client, archive):
    blinken = Speaker.objects.get(name="أنتوني بلينكن")
    old_slug = blinken.slug
    submit(editor_client, reverse("admin:articles_speaker_change", args=[blinken.pk]), "speaker_form",
           name="أنتوني جون بلينكن", slug="antony-blinken")
    assert old_slug not in indexed_speaker_slugs()
    assert "antony-blinken" in indexed_speaker_slugs()
    found = api_statements(editor_client, speaker="antony-blinken")
    assert {r["speaker"] for r in found["results"]} == {"أنتوني جون بلينكن"}
    assert found["total"] == Statement.objects.public().filter(speaker=blinken).count()
    assert api_statements(editor_client, q='speaker:"جون بلينكن"')["total"] == found["total"]
    assert_index_in_step()
    assert_site_shows_the_public_statements(editor_client)


# --- the rule behind it --------------------------------------------------------------------


@pytest.mark.django_db  # the test's own transaction keeps the on-commit work to be looked at
def test_an_update_of_fields_the_index_does_not_hold_schedules_nothing(seed_article,
                                                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        Statement.objects.update(speaker_link_confidence=0.5, reviewer_notes="checked")
        Speaker.objects.update(description="")
    assert callbacks == []
    with django_capture_on_commit_callbacks() as callbacks:
        Statement.objects.filter(kind="direct").update(status=ReviewStatus.VERIFIED)
        SpeakerAlias.objects.filter(name="موسكو").update(name="موسكو الرسمية")
    assert [work.article_ids for work in callbacks] == [{seed_article.pk}]


def test_a_rejected_statement_the_index_still_holds_is_never_shown(client, archive):
    """Between a rejection and its reindex (an index locked by a rebuild, say) the search
    layer still asks the database, whose rule wins."""
    statement = Statement.objects.get(text="أرمينيا تحظى بدعم واشنطن الكامل")
    with indexing.suspended_auto_index():
        Statement.objects.filter(pk=statement.pk).update(status=ReviewStatus.REJECTED)
    assert statement.pk not in {r["id"] for r in api_statements(client)["results"]}
    assert statement.pk not in {int(row["id"]) for row in csv_statements(client)}
    with pytest.raises(CommandError):
        call_command("check_index", stdout=io.StringIO())  # …and check_index says the index lags
    call_command("rebuild_index", stdout=io.StringIO())
    assert_index_in_step()


def test_export_statements_leaves_rejected_statements_out(archive):
    rejected = Statement.objects.get(text="أرمينيا تحظى بدعم واشنطن الكامل")
    rejected.status = ReviewStatus.REJECTED
    rejected.save()
    for fmt in ("jsonl", "csv"):
        out = io.StringIO()
        call_command("export_statements", "--format", fmt, stdout=out)
        assert "أرمينيا تحظى بدعم واشنطن الكامل" not in out.getvalue(), fmt
        assert "وقف القتال على الفور" in out.getvalue(), fmt
