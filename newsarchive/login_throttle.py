"""Admin login throttling: the two project-specific pieces django-axes calls.

The rules themselves (what is counted, the limit, the cool-off) are settings; see
newsarchive/settings.py and README "Admin logins".
"""

import ipaddress

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils import timezone


def forwarded_client_address(request):
    """The client's address behind the project's one TLS proxy (DJANGO_BEHIND_PROXY).

    The proxy appends the address it saw to X-Forwarded-For, so only the last entry is
    trustworthy: anything before it the client may have written itself.
    """
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    last = _without_port(forwarded.rsplit(",", 1)[-1].strip())
    try:
        return str(ipaddress.ip_address(last))
    except ValueError:
        # No header or not an address: a misconfigured proxy. Count the peer rather than
        # store a value the database's address column would refuse.
        return request.META.get("REMOTE_ADDR")


def locked_out_page(request, original_response=None, credentials=None):
    """The admin's own page, in Arabic, saying why the login was refused and for how long."""
    cool_off = settings.AXES_COOLOFF_TIME
    refused_at = timezone.now()
    context = {
        **admin.site.each_context(request),
        "title": "أُوقف الدخول مؤقتًا",
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        # This refused attempt counts too, so the cool-off starts again from now.
        "refused_at": refused_at,
        "retry_at": refused_at + cool_off if cool_off else None,
    }
    return render(request, "admin/locked_out.html", context, status=429)


def _without_port(entry):
    """Some load balancers write the client's port too: 203.0.113.7:51234, [2001:db8::1]:443."""
    if entry.startswith("["):
        return entry[1:].split("]", 1)[0]
    if entry.count(":") == 1:
        return entry.split(":", 1)[0]
    return entry
