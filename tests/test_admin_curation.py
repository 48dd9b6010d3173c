"""Editors curate statements in the admin: verify/reject, hand edits, speaker merges (CSRF on)."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article, Source, Speaker, SpeakerAlias, Statement
from articles.statements import extract_and_store

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", password=PASSWORD)


@pytest.fixture
def csrf_client(editor):
    """A browser-like client: CSRF enforced, logged in through the login form."""
    client = Client(enforce_csrf_checks=True)
    login_url = reverse("admin:login")
    page = client.get(login_url)
    response = client.post(login_url, {
        "username": "editor", "password": PASSWORD, "csrfmiddlewaretoken": csrf_token(page),
        "next": reverse("admin:index"),
    })
    assert response.status_code == 302
    return client



def csrf_token(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1)


def post_action(client, model, action, ids, extra=None):
    url = reverse(f"admin:articles_{model}_changelist")
    page = client.get(url)
    data = {"action": action, "_selected_action": [str(i) for i in ids], "csrfmiddlewaretoken": csrf_token(page)}
    data.update(extra or {})
    return client.post(url, data)


def test_statement_list_shows_columns_and_filters(csrf_client, seed_article):
    other_source = Source.objects.create(name="فرانس 24", code="france24")
    other = Article.objects.create(external_id="fr-1", title="باريس", source=other_source, content_hash="z" * 64,
                                   body="وقال الرئيس الفرنسي إيمانويل ماكرون إن أوروبا يجب أن تتحرك فورا.")
    extract_and_store([other.pk])
    html = csrf_client.get(reverse("admin:articles_statement_changelist")).content.decode()
    assert "وقف القتال على الفور" in html
    assert "أنطونيو جوتيريش" in html
    for filter_param in ("status__exact", "kind__exact", "article__source__id__exact"):
        assert filter_param in html
    partial = csrf_client.get(reverse("admin:articles_statement_changelist") + "?kind__exact=partial").content.decode()
    assert "وقف القتال على الفور" in partial
    assert "نحو 100 قتلوا" not in partial
    by_source = csrf_client.get(
        reverse("admin:articles_statement_changelist") + f"?article__source__id__exact={other_source.pk}"
    ).content.decode()
    assert "أوروبا يجب أن تتحرك فورا" in by_source
    assert "وقف القتال على الفور" not in by_source


def test_bulk_verify_and_reject(csrf_client, seed_article):
    direct = Statement.objects.filter(kind="direct")
    partial = Statement.objects.filter(kind="partial")
    response = post_action(csrf_client, "statement", "mark_verified", direct.values_list("pk", flat=True))
    assert response.status_code == 302
    post_action(csrf_client, "statement", "mark_rejected", partial.values_list("pk", flat=True))
    assert set(Statement.objects.filter(kind="direct").values_list("status", flat=True)) == {"verified"}
    assert set(Statement.objects.filter(kind="partial").values_list("status", flat=True)) == {"rejected"}
    assert Statement.objects.filter(status="unreviewed").count() == 15 - direct.count() - partial.count()


def test_post_without_csrf_token_is_refused(csrf_client, seed_article):
    st = Statement.objects.first()
    response = csrf_client.post(reverse("admin:articles_statement_changelist"),
                                {"action": "mark_verified", "_selected_action": [st.pk]})
    assert response.status_code == 403
    st.refresh_from_db()
    assert st.status == "unreviewed"


def test_editing_speaker_or_span_marks_statement_edited(csrf_client, seed_article):
    st = Statement.objects.get(text="أرمينيا تحظى بدعم واشنطن الكامل")
    url = reverse("admin:articles_statement_change", args=[st.pk])
    page = csrf_client.get(url)
    moscow = Speaker.objects.get(name="موسكو")
    data = {
        "csrfmiddlewaretoken": csrf_token(page), "article": st.article_id, "speaker": moscow.pk,
        "speaker_mention": st.speaker_mention, "speaker_link_confidence": st.speaker_link_confidence,
        "text": st.text, "kind": st.kind, "verb": st.verb, "channel": st.channel,
        "start": st.start, "end": st.end - 7, "confidence": st.confidence, "status": st.status,
        "reviewer_notes": "", "mention_start": st.mention_start or "", "mention_end": st.mention_end or "",
    }
    response = csrf_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    st.refresh_from_db()
    assert st.edited
    assert st.speaker == moscow
    assert st.text == "أرمينيا تحظى بدعم واشنطن"
    # Re-extraction keeps the editor's version.
    extract_and_store([seed_article.pk])
    st.refresh_from_db()
    assert st.speaker == moscow and st.text == "أرمينيا تحظى بدعم واشنطن"


def test_span_outside_the_body_is_a_form_error_not_a_500(csrf_client, seed_article):
    st = Statement.objects.first()
    url = reverse("admin:articles_statement_change", args=[st.pk])
    page = csrf_client.get(url)
    data = {
        "csrfmiddlewaretoken": csrf_token(page), "article": st.article_id, "speaker": st.speaker_id,
        "speaker_mention": st.speaker_mention, "speaker_link_confidence": 1, "text": st.text,
        "kind": st.kind, "verb": st.verb, "channel": "", "start": st.start,
        "end": len(seed_article.body) + 50, "confidence": 0.5, "status": "unreviewed",
        "reviewer_notes": "", "mention_start": "", "mention_end": "",
    }
    response = csrf_client.post(url, data)
    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    st.refresh_from_db()
    assert not st.edited


def test_merge_shows_both_speakers_then_moves_everything(csrf_client, seed_article):
    keep = Speaker.objects.get(name="روبن فاردانيان")
    other = Speaker.objects.create(name="فاردانيان روبن", slug="vardanyan-2", kind="person")
    SpeakerAlias.objects.create(speaker=other, name="فاردانيان روبن")
    SpeakerAlias.objects.create(speaker=other, name="ر. فاردانيان")
    moved = Statement.objects.filter(kind="reported", speaker=keep).first()
    moved.speaker = other
    moved.save()

    confirm = post_action(csrf_client, "speaker", "merge_speakers", [keep.pk, other.pk])
    assert confirm.status_code == 200
    html = confirm.content.decode()
    assert "روبن فاردانيان" in html and "فاردانيان روبن" in html and "ر. فاردانيان" in html
    assert 'name="keep"' in html

    response = csrf_client.post(reverse("admin:articles_speaker_changelist"), {
        "action": "merge_speakers", "_selected_action": [keep.pk, other.pk], "confirm": "yes",
        "keep": keep.pk, "csrfmiddlewaretoken": csrf_token(confirm),
    })
    assert response.status_code == 302
    assert not Speaker.objects.filter(pk=other.pk).exists()
    assert keep.statements.count() == 2
    aliases = set(keep.aliases.values_list("name", flat=True))
    assert {"روبن فاردانيان", "فاردانيان روبن", "ر. فاردانيان"} <= aliases
    normalized = list(SpeakerAlias.objects.values_list("normalized", flat=True))
    assert len(normalized) == len(set(normalized))


def test_merge_needs_exactly_two(csrf_client, seed_article):
    ids = Speaker.objects.values_list("pk", flat=True)[:3]
    count = Speaker.objects.count()
    response = post_action(csrf_client, "speaker", "merge_speakers", ids)
    assert response.status_code == 302
    assert Speaker.objects.count() == count


def test_alias_owned_by_another_speaker_is_a_form_error(csrf_client, seed_article):
    moscow = Speaker.objects.get(name="موسكو")
    url = reverse("admin:articles_speakeralias_add")
    page = csrf_client.get(url)
    response = csrf_client.post(url, {
        "csrfmiddlewaretoken": csrf_token(page), "speaker": moscow.pk, "name": "انتوني بلينكن",
    })
    assert response.status_code == 200
    assert "أنتوني بلينكن" in response.content.decode()
    assert not SpeakerAlias.objects.filter(speaker=moscow, name="انتوني بلينكن").exists()
