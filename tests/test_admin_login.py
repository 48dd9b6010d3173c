"""Admin login throttling: wrong passwords lock one username at one address until the
cool-off passes or an operator resets it; other editors and other addresses still log in."""

from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils.timezone import now

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
ATTACKER = "203.0.113.5"
ELSEWHERE = "198.51.100.7"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", password=PASSWORD)


def log_in(username, password, address=ATTACKER, client=None, **headers):
    """One POST to the admin login form from `address`; returns (client, response)."""
    client = client or Client(REMOTE_ADDR=address, **headers)
    response = client.post(reverse("admin:login"), {
        "username": username, "password": password, "next": reverse("admin:index"),
    })
    return client, response


def logged_in(client):
    return SESSION_KEY in client.session


def guess_wrong(times, username="editor", address=ATTACKER, **headers):
    for attempt in range(times):
        log_in(username, f"wrong-{attempt}", address, **headers)


def test_twenty_wrong_passwords_then_the_right_one_is_refused(editor):
    guess_wrong(20)
    client, response = log_in("editor", PASSWORD)
    assert not logged_in(client)
    assert response.status_code == 429


def test_lockout_page_is_the_admin_in_arabic_and_says_why_and_how_long(editor, settings):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=30)
    guess_wrong(settings.AXES_FAILURE_LIMIT)
    client, response = log_in("editor", PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert 'dir="rtl"' in html and 'lang="ar"' in html
    assert "أرشيف الأخبار العربية — الإدارة" in html  # the project's admin header
    assert "محاولات الدخول بكلمة مرور خاطئة" in html
    assert "بعد 30\xa0دقيقة" in html  # Django's timeuntil, plural forms and all


def test_without_a_cool_off_the_lock_waits_for_an_operator(editor, settings):
    from axes.models import AccessAttempt

    settings.AXES_COOLOFF_TIME = None  # NEWSARCHIVE_LOGIN_COOL_OFF_MINUTES=0
    guess_wrong(settings.AXES_FAILURE_LIMIT)
    AccessAttempt.objects.update(attempt_time=now() - timedelta(days=365))
    client, response = log_in("editor", PASSWORD)
    assert response.status_code == 429 and not logged_in(client)
    assert "حتى يفتحه مسؤول الأرشيف" in response.content.decode()


def test_failures_below_the_limit_do_not_lock(editor, settings):
    guess_wrong(settings.AXES_FAILURE_LIMIT - 1)
    client, response = log_in("editor", PASSWORD)
    assert response.status_code == 302 and logged_in(client)


@pytest.mark.parametrize("command, args", [
    ("axes_reset_username", ["editor"]),
    ("axes_reset_ip_username", [ATTACKER, "editor"]),
    ("axes_reset", []),
])
def test_an_operator_reset_lets_the_editor_back_in(editor, command, args):
    guess_wrong(20)
    assert not logged_in(log_in("editor", PASSWORD)[0])
    call_command(command, *args, stdout=open("/dev/null", "w"))
    client, response = log_in("editor", PASSWORD)
    assert response.status_code == 302 and logged_in(client)


def test_the_lock_ends_after_the_cool_off(editor, settings):
    from axes.models import AccessAttempt

    guess_wrong(20)
    assert not logged_in(log_in("editor", PASSWORD)[0])
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time
                                 - settings.AXES_COOLOFF_TIME)
    client, response = log_in("editor", PASSWORD)
    assert response.status_code == 302 and logged_in(client)


def test_the_same_editor_from_another_address_is_not_locked(editor):
    guess_wrong(20)
    client, response = log_in("editor", PASSWORD, address=ELSEWHERE)
    assert response.status_code == 302 and logged_in(client)


def test_another_editor_at_the_attackers_address_is_not_locked(editor, django_user_model):
    django_user_model.objects.create_superuser("reviewer", password=PASSWORD)
    guess_wrong(20)
    client, response = log_in("reviewer", PASSWORD)
    assert response.status_code == 302 and logged_in(client)


# --- behind the TLS proxy (DJANGO_BEHIND_PROXY=1): every request comes from the proxy --


PROXY = "127.0.0.1"


@pytest.fixture
def behind_proxy(settings):
    settings.AXES_CLIENT_IP_CALLABLE = "newsarchive.login_throttle.forwarded_client_address"


def test_behind_the_proxy_each_client_address_is_locked_alone(editor, behind_proxy):
    guess_wrong(20, address=PROXY, HTTP_X_FORWARDED_FOR=ATTACKER)
    locked, _ = log_in("editor", PASSWORD, PROXY, HTTP_X_FORWARDED_FOR=ATTACKER)
    assert not logged_in(locked)
    client, response = log_in("editor", PASSWORD, PROXY, HTTP_X_FORWARDED_FOR=ELSEWHERE)
    assert response.status_code == 302 and logged_in(client)


def test_behind_the_proxy_an_address_with_its_port_is_that_address(editor, behind_proxy):
    """Hostile testing: 203.0.113.7:51234 fell back to the proxy's address, so every client
    of such a load balancer shared one counter per username."""
    guess_wrong(20, address=PROXY, HTTP_X_FORWARDED_FOR=f"{ATTACKER}:51234")
    locked, _ = log_in("editor", PASSWORD, PROXY, HTTP_X_FORWARDED_FOR=f"{ATTACKER}:40000")
    assert not logged_in(locked)
    client, response = log_in("editor", PASSWORD, PROXY, HTTP_X_FORWARDED_FOR=f"{ELSEWHERE}:51234")
    assert response.status_code == 302 and logged_in(client)


def test_behind_the_proxy_a_forged_forwarded_header_does_not_escape_the_lock(editor, behind_proxy):
    # The proxy appends the address it saw; whatever the client wrote comes before it.
    guess_wrong(20, address=PROXY, HTTP_X_FORWARDED_FOR=ATTACKER)
    client, response = log_in("editor", PASSWORD, PROXY,
                              HTTP_X_FORWARDED_FOR=f"{ELSEWHERE}, {ATTACKER}")
    assert response.status_code == 429 and not logged_in(client)


def test_behind_the_proxy_a_malformed_forwarded_header_is_not_a_500(editor, behind_proxy):
    client, response = log_in("editor", "wrong", PROXY, HTTP_X_FORWARDED_FOR="not-an-address")
    assert response.status_code == 200  # the form again, with its error
    client, response = log_in("editor", PASSWORD, PROXY, HTTP_X_FORWARDED_FOR="not-an-address")
    assert response.status_code == 302 and logged_in(client)


def test_locked_pairs_are_listed_in_the_admin_and_deleting_one_unlocks_it(editor):
    from axes.models import AccessAttempt

    guess_wrong(20)
    operator = Client()
    operator.force_login(editor)
    page = operator.get(reverse("admin:axes_accessattempt_changelist"))
    assert page.status_code == 200
    assert ATTACKER in page.content.decode()
    attempt = AccessAttempt.objects.get(username="editor", ip_address=ATTACKER)
    operator.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    client, response = log_in("editor", PASSWORD)
    assert response.status_code == 302 and logged_in(client)


# --- settings from the environment ----------------------------------------------------


def settings_in_subprocess(tmp_path, **env):
    import os
    import secrets
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = ("import django; django.setup(); from django.conf import settings as s; "
            "print(s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME, s.AXES_CLIENT_IP_CALLABLE)")
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True,
        text=True, timeout=120,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "newsarchive.settings", "DJANGO_DEBUG": "0",
             "SECRET_KEY": secrets.token_urlsafe(40),
             "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", **env},
    )


def test_limit_cool_off_and_proxy_come_from_the_environment(tmp_path):
    result = settings_in_subprocess(tmp_path, NEWSARCHIVE_LOGIN_FAILURE_LIMIT="3",
                                    NEWSARCHIVE_LOGIN_COOL_OFF_MINUTES="0", DJANGO_BEHIND_PROXY="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["3", "None", "newsarchive.login_throttle.forwarded_client_address"]
    result = settings_in_subprocess(tmp_path)
    assert result.stdout.split() == ["5", "0:30:00", "None"]


def test_a_failure_limit_below_one_refuses_to_start(tmp_path):
    result = settings_in_subprocess(tmp_path, NEWSARCHIVE_LOGIN_FAILURE_LIMIT="0")
    assert result.returncode != 0
    assert "NEWSARCHIVE_LOGIN_FAILURE_LIMIT must be at least 1" in result.stderr
