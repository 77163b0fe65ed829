"""Making, using and revoking access tokens. The raw token exists only in the answer to
`create_token`; afterwards only its hash is known."""

import datetime
import secrets

from django.utils import timezone

from .models import SHOWN_LENGTH, TOKEN_PREFIX, ApiToken, hash_token

# `last_used_at` is written at most this often, so reading through the API does not write
# on every request.
LAST_USED_STEP = datetime.timedelta(minutes=5)


def create_token(user, name, *, days, read_only):
    """(token, raw): the stored token and the text to show once."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name,
        key_hash=hash_token(raw),
        shown=raw[: len(TOKEN_PREFIX) + SHOWN_LENGTH],
        read_only=read_only,
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    return token, raw


def find_token(raw):
    """The usable token whose text is `raw`, or None; notes when it was used."""
    if not raw or not raw.startswith(TOKEN_PREFIX) or len(raw) > 200:
        return None
    token = ApiToken.objects.usable().select_related("user").filter(key_hash=hash_token(raw))
    token = token.first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_STEP:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def revoke_token(token):
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
