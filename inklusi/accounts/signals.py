"""After login the interface speaks the user's own language (`User.language`)."""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import translation

# The request attribute that tells `remember_language` which language to keep in the cookie.
LANGUAGE_ATTRIBUTE = "inklusi_language"


@receiver(user_logged_in, dispatch_uid="inklusi.accounts.use_the_users_language")
def use_the_users_language(sender, request, user, **kwargs):
    language = getattr(user, "language", "")
    if request is None or language not in dict(settings.LANGUAGES):
        return
    translation.activate(language)
    request.LANGUAGE_CODE = language
    setattr(request, LANGUAGE_ATTRIBUTE, language)


def remember_language(request, response):
    """Put the language chosen during this request into the language cookie."""
    language = getattr(request, LANGUAGE_ATTRIBUTE, None)
    if language:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 3600,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response


class LanguageCookieMiddleware:
    """Optional: sets the cookie for every login (admin login too). Place after
    AuthenticationMiddleware. The accounts views set it themselves without it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return remember_language(request, self.get_response(request))
