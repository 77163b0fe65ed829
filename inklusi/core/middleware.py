from auditlog import middleware as auditlog_middleware
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.defaults import bad_request


class PreferredLanguageMiddleware:
    """Indonesian unless the person chose English (language switch or profile: both set the
    language cookie). The browser's Accept-Language is not used: many phones here are set to
    English although their owners read Indonesian."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.languages:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        return response


class RejectNulMiddleware:
    """A NUL character in the address or its query answers 400 at once: PostgreSQL refuses
    such text, so a view would otherwise fail with a 500. (Form fields refuse NUL themselves.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        values = [request.path, *(v for _, vs in request.GET.lists() for v in vs)]
        if any("\x00" in value for value in values):
            return bad_request(request, SuspiciousOperation("NUL in the request"))
        return self.get_response(request)


def client_address(request):
    """The visitor's address. Behind the proxy (BEHIND_PROXY=1) it is the last address of
    X-Forwarded-For, the one nginx added (`$proxy_add_x_forwarded_for`); earlier ones come from
    the client and may be made up. Log-in limits and the audit trail use it."""
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR")


class AuditlogMiddleware(auditlog_middleware.AuditlogMiddleware):
    """django-auditlog's middleware (who and from where, for every audit entry), taking the
    address the same way as the log-in limits."""

    @staticmethod
    def _get_remote_addr(request):
        return client_address(request)
