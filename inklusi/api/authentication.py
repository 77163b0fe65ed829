"""The API's ways in: a personal access token (`Authorization: Bearer ink_…`) or the browser's
session (with its CSRF check on writes, as DRF's SessionAuthentication does)."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, permissions

from .services import find_token

SAFE = ("GET", "HEAD", "OPTIONS")


class TokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                _("Write the header as: Authorization: Bearer <token>.")
            )
        try:
            raw = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("The token is not valid.")) from None
        token = find_token(raw)
        if token is None:
            raise exceptions.AuthenticationFailed(
                _("The token is not valid, has expired or was revoked.")
            )
        # A program sends no language cookie: messages come in the owner's chosen language.
        translation.activate(token.user.language or settings.LANGUAGE_CODE)
        return token.user, token

    def authenticate_header(self, request):
        return self.keyword


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = TokenAuthentication
    name = "token"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": str(_("A personal access token.")),
        }


class ReadOnlyToken(permissions.BasePermission):
    """A token made for reading only cannot write, whatever its owner may do."""

    message = _("This token may only read.")

    def has_permission(self, request, view):
        token = request.auth
        return request.method in SAFE or not getattr(token, "read_only", False)
