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
