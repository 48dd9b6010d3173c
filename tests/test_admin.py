"""Every admin page an editor uses loads, in Arabic and right to left."""

import pytest
from django.urls import reverse

from articles.models import Article, Section, Source, Speaker, SpeakerAlias, Statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", password="a-long-test-password")
    client.force_login(user)
    return client


@pytest.fixture
def article(seed_text):
    source = Source.objects.create(name="ذات مصر", code="zat-masr")
    section = Section.objects.create(name="العالم", slug="العالم")
    body = "وقال فاردانيان إن نحو 100 قتلوا."
    art = Article.objects.create(
        external_id="test-1", title="قره باخ", body=body, source=source, section=section,
        content_hash="x" * 64,
    )
    speaker = Speaker.objects.create(name="روبن فاردانيان", slug="روبن-فاردانيان", kind="person")
    SpeakerAlias.objects.create(speaker=speaker, name="فاردانيان")
    Statement.objects.create(
        article=art, speaker=speaker, text=body[16:], kind="reported", verb="قال",
        start=16, end=len(body),
    )
    return art


@pytest.mark.parametrize("model", [Article, Source, Section, Speaker, SpeakerAlias, Statement])
def test_changelist_and_change_pages_load(editor_client, article, model):
    opts = model._meta
    response = editor_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert response.status_code == 200
    obj = model.objects.first()
    response = editor_client.get(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    )
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()


def test_admin_is_in_arabic(editor_client, article):
    html = editor_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert 'lang="ar"' in html
    assert "المقالات" in html
    assert "قره باخ" in html


def test_admin_requires_login(client):
    response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response.url


def test_article_search_in_admin(editor_client, article):
    html = editor_client.get(reverse("admin:articles_article_changelist"), {"q": "test-1"}).content.decode()
    assert "قره باخ" in html


def test_a_fresh_clone_can_create_its_default_database(tmp_path):
    """`make run` on a new machine: no var/ folder yet, no DATABASE_URL."""
    import os
    import shutil
    import subprocess
    import sys

    from tests.conftest import ROOT

    clone = tmp_path / "clone"
    shutil.copytree(ROOT, clone, ignore=shutil.ignore_patterns(".venv", "var", ".git", "test-artifacts"))
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["DJANGO_DEBUG"] = "1"
    done = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=clone, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (clone / "var" / "newsarchive.sqlite3").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("slug, ok", [("-neg", False), ("_x", False), ("=cmd", False), ("دونالد-ترامب", True), ("a-1", True)])
def test_a_speaker_slug_opens_with_a_letter_or_digit(slug, ok):
    """Hostile testing: the admin took the slug -neg; CSV exports then wrote speaker_id
    '-neg (the formula guard), which no longer matched the slug in URLs and ?speaker=."""
    from django.core.exceptions import ValidationError

    from articles.models import Speaker

    speaker = Speaker(name="اسم", slug=slug, kind="person")
    if ok:
        speaker.full_clean()
    else:
        with pytest.raises(ValidationError):
            speaker.full_clean()
