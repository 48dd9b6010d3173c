"""Cross-cutting HTTP behaviour: security headers, a clear page when the database is down,
and a plain 400 for a query string with too many parameters."""

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.defaults import bad_request


class SecurityHeadersMiddleware:
    """Adds the Content-Security-Policy header (Django 5.2 has no built-in CSP)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy
        return response


class DatabaseUnavailableMiddleware:
    """A database that cannot be reached gives a 503 page in Arabic, not a traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)) or (
            type(exception) is DatabaseError
        ):
            html = render_to_string("503.html", {"reason": "database"})
            response = HttpResponse(html, status=503)
            response["Retry-After"] = "30"
            return response
        return None


class TooManyParametersMiddleware:
    """More query parameters than DATA_UPLOAD_MAX_NUMBER_FIELDS: a 400, in both modes.

    Django raises TooManyFieldsSent when request.GET is first read. Without DEBUG that
    becomes a 400; with DEBUG the technical error page reads request.GET again to show
    it, raises the same error inside the error handler, and the answer is a 500 after a
    long traceback render (Django ticket #35673). The parameters are read once here,
    before any view, so both modes give the same plain 400 at once.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request.GET
        except TooManyFieldsSent as error:
            return bad_request(request, error)
        return self.get_response(request)
