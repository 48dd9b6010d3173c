"""Admin and write actions need a login and a CSRF token; deploy checks pass; headers are set."""

import os
import secrets
import subprocess
import time
import sys

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article, Source
from tests.conftest import ROOT

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    source = Source.objects.create(name="بي بي سي", code="bbc")
    return Article.objects.create(
        external_id="sec-1", title="عنوان", body="نص المقال.", source=source, content_hash="0" * 64
    )


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", password="a-long-test-password")


def production_env(tmp_path):
    env = dict(os.environ)
    env.update(
        SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_DEBUG="0",
        ALLOWED_HOSTS="archive.example.org",
        DJANGO_HSTS_PRELOAD="1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        NEWSARCHIVE_INDEX_DIR=str(tmp_path / "index"),
        DJANGO_SETTINGS_MODULE="newsarchive.settings",
    )
    return env


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=production_env(tmp_path), capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_secret_key(tmp_path):
    env = production_env(tmp_path)
    del env["SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_security_headers_on_pages(client, article):
    for url in [reverse("home"), reverse("article", args=[article.external_id])]:
        response = client.get(url)
        assert response.status_code == 200
        csp = response["Content-Security-Policy"]
        directives = dict(
            (part.strip().split(" ", 1) + [""])[:2] for part in csp.split(";") if part.strip()
        )
        script_src = directives.get("script-src", directives.get("default-src", ""))
        assert "'self'" in script_src
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        assert directives.get("object-src") == "'none'"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"


def test_csp_also_on_error_pages(client):
    response = client.get("/articles/does-not-exist/")
    assert response.status_code == 404
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_hsts_only_when_configured(settings, article):
    # SecurityMiddleware reads its settings when the handler is built: a new Client each time.
    settings.SECURE_HSTS_SECONDS = 0
    assert "Strict-Transport-Security" not in Client().get(reverse("home"), secure=True)
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    client = Client()
    hsts = client.get(reverse("home"), secure=True)["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts
    # Never over plain HTTP, where a browser would ignore it anyway.
    assert "Strict-Transport-Security" not in client.get(reverse("home"))


def test_no_template_has_inline_script_or_handlers():
    # The CSP forbids inline script, so an inline <script> or on*= handler would be dead code
    # at best; none may exist.
    import re

    offenders = []
    for path in (ROOT / "templates").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<script\b([^>]*)>", text, re.I):
            if "src=" not in match.group(1):
                offenders.append(f"{path.name}: inline <script>")
        if re.search(r"\son[a-z]+\s*=", text, re.I):
            offenders.append(f"{path.name}: on*= handler")
        if re.search(r"javascript:", text, re.I):
            offenders.append(f"{path.name}: javascript: URL")
    assert offenders == []


def test_admin_pages_require_login(client, article):
    for url in [
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:articles_statement_changelist"),
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("admin:login")), url


def test_anonymous_post_to_admin_changes_nothing(client, article):
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = client.post(url, {"title": "مخترق", "body": "x"})
    assert response.status_code in (302, 403)
    article.refresh_from_db()
    assert article.title == "عنوان"


def test_admin_write_without_csrf_token_is_refused(editor, article):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    url = reverse("admin:articles_source_change", args=[article.source.pk])
    response = client.post(url, {"name": "مخترق", "code": "bbc", "site_url": ""})
    assert response.status_code == 403
    article.source.refresh_from_db()
    assert article.source.name == "بي بي سي"


def test_admin_write_with_csrf_token_works(editor, article):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    url = reverse("admin:articles_source_change", args=[article.source.pk])
    page = client.get(url)
    token = page.cookies["csrftoken"].value
    response = client.post(
        url, {"name": "بي بي سي عربي", "code": "bbc", "site_url": "", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    article.source.refresh_from_db()
    assert article.source.name == "بي بي سي عربي"


def test_login_form_needs_csrf(editor):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("admin:login"), {"username": "editor", "password": "a-long-test-password"}
    )
    assert response.status_code == 403


def test_public_pages_refuse_cross_site_posts(article):
    # No public view is csrf_exempt: a forged POST is refused before any view code runs.
    client = Client(enforce_csrf_checks=True)
    for url in [reverse("home"), reverse("search"), reverse("statements"),
                reverse("article", args=[article.external_id])]:
        assert client.post(url, {"q": "x"}).status_code == 403, url


def test_session_and_csrf_cookies_are_secure_in_production(tmp_path):
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY,"
        " s.SECURE_SSL_REDIRECT, s.DEBUG, s.SECURE_HSTS_SECONDS > 0)"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT, env=production_env(tmp_path), capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "True", "True", "False", "True"]


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize("url", ["/search/", "/statements/", "/api/search/", "/statements/export.csv",
                                 "/search/feed/", "/articles/sec-1/", "/"])
def test_too_many_query_parameters_is_a_quick_400_in_both_modes(settings, article, debug, url):
    # With DEBUG on, Django's error page read the parameters again and failed with a 500.
    settings.DEBUG = debug
    too_many = "&".join(f"p{n}=1" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    started = time.perf_counter()
    response = Client().get(f"{url}?{too_many}")
    assert response.status_code == 400
    assert time.perf_counter() - started < 2
    assert "script-src 'self'" in response["Content-Security-Policy"]
