"""Notifying people: the inbox row, the e-mail (each or daily), unsubscribing, WhatsApp links.

Other apps call `notify(...)`; everything else here serves the inbox, the e-mail tasks and
the national admin's failures page.
"""

from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import quote

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from inklusi.core.phones import normalize_whatsapp
from inklusi.core.tasks import enqueue

from . import kinds
from .models import Delivery, EmailSettings, EmailState, Notification

UNSUBSCRIBE_SALT = "inklusi.notifications.unsubscribe"
KEEP_READ_DAYS = 365


def notify(recipients, kind, title, url, *, actor=None, body="", data=None):
    """Tell each recipient: a row in their inbox and, unless they switched the kind off, an
    e-mail now or in tomorrow's daily digest. Returns the new notifications.

    `recipients` is any iterable of users (duplicates, inactive people and the actor
    themselves are left out); `url` is a path on this site (`/kegiatan/12/`); `title` (at
    most 200 characters) and `body` are stored as given, so pass them in the recipient's
    language (Indonesian unless `user.language` says otherwise). The e-mails go once the
    current transaction commits, through the task queue; a mail server or broker that is
    down loses nothing (see `deliver`).
    """
    kinds.label(kind)  # an unknown kind fails loudly, here, not in a worker
    people = {user.pk: user for user in recipients if user.is_active}
    if actor is not None:
        people.pop(actor.pk, None)
    if not people:
        return []
    email_settings = {s.user_id: s for s in EmailSettings.objects.filter(user_id__in=people)}
    rows = []
    for pk, user in people.items():
        preference = email_settings.get(pk) or EmailSettings(user=user)
        emailed = bool(user.email) and preference.wants(kind)
        rows.append(
            Notification(
                recipient=user,
                kind=kind,
                title=title[:200],
                body=body,
                url=url,
                actor=actor,
                data=data or {},
                email=EmailState.WAITING if emailed else EmailState.NONE,
                in_daily_digest=emailed and preference.delivery == Delivery.DAILY,
            )
        )
    created = Notification.objects.bulk_create(rows)
    from . import tasks  # the tasks module imports this one

    for notification in created:
        if notification.email == EmailState.WAITING and not notification.in_daily_digest:
            enqueue(tasks.send_email, notification.pk)
    return created


def unread_count(user):
    return Notification.objects.for_user(user).unread().count()


def mark_read(user, notification=None):
    """Marks one of the user's notifications read, or all of them."""
    rows = Notification.objects.for_user(user).unread()
    if notification is not None:
        rows = rows.filter(pk=notification.pk)
    return rows.update(read_at=timezone.now())


def whatsapp_link(phone, text):
    """A wa.me link that opens a chat with `phone` with `text` typed in, or "" if the number
    is missing or not an Indonesian mobile number."""
    try:
        number = normalize_whatsapp(phone)
    except ValidationError:
        return ""
    return f"https://wa.me/{number}?text={quote(text)}" if number else ""


def absolute(url):
    return settings.SITE_URL + url if url.startswith("/") else url


# Settings and unsubscribing -----------------------------------------------------------------


def settings_of(user):
    return EmailSettings.objects.filter(user=user).first() or EmailSettings(user=user)


def save_settings(user, delivery, muted_kinds):
    unknown = set(muted_kinds) - set(kinds.KINDS)
    if unknown:
        raise ValidationError(f"Unknown kinds: {sorted(unknown)}")
    EmailSettings.objects.update_or_create(
        user=user, defaults={"delivery": delivery, "muted_kinds": sorted(muted_kinds)}
    )
    Notification.objects.for_user(user).filter(email=EmailState.WAITING).filter(
        kind__in=muted_kinds
    ).update(email=EmailState.NONE)


def unsubscribe_token(user, kind):
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    """(user id, kind) from a token, or None when it was not made by us."""
    try:
        value = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or value.get("k") not in kinds.KINDS:
        return None
    return value.get("u"), value["k"]


@transaction.atomic
def unsubscribe(user, kind):
    """No more e-mail of this kind for this person (the inbox still gets it)."""
    preference, _created = EmailSettings.objects.select_for_update().get_or_create(user=user)
    if kind not in preference.muted_kinds:
        preference.muted_kinds = sorted([*preference.muted_kinds, kind])
        preference.save(update_fields=["muted_kinds"])
    Notification.objects.for_user(user).filter(email=EmailState.WAITING, kind=kind).update(
        email=EmailState.NONE
    )


def unsubscribe_url(user, kind):
    return absolute(reverse("notifications:unsubscribe", args=[unsubscribe_token(user, kind)]))


# Sending ------------------------------------------------------------------------------------


@dataclass
class Outcome:
    """What one delivery did: sent, nothing to do, or failed (retry after `retry_in`)."""

    sent: int = 0
    retry_in: timedelta | None = None
    gave_up: bool = False


def backoff(attempts):
    """1, 2, 4, 8, ... minutes after the 1st, 2nd, 3rd, ... failed try; at most an hour."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


def deliver(which, *, digest):
    """Send the waiting e-mail(s) `which` selects (a Q): one message for one notification,
    or one daily digest for several of one person. Safe to call twice, or from two workers
    at once: the rows are claimed by one conditional UPDATE (waiting → sending) before the
    mail server is asked, and whoever claims nothing does nothing.
    """
    now = timezone.now()
    due = Q(email_next_try_at__isnull=True) | Q(email_next_try_at__lte=now)
    claimed = (
        Notification.objects.filter(which, due, email=EmailState.WAITING, in_daily_digest=digest)
        .order_by()
        .update(
            email=EmailState.SENDING,
            email_claimed_at=now,
            email_attempts=F("email_attempts") + 1,
        )
    )
    if not claimed:
        return Outcome()
    batch = Notification.objects.filter(which, email=EmailState.SENDING, email_claimed_at=now)
    rows = list(batch.select_related("recipient", "actor").order_by("created_at", "pk"))
    if not rows:
        return Outcome()
    recipient = rows[0].recipient
    preference = settings_of(recipient)
    wanted = [n for n in rows if preference.wants(n.kind) and recipient.email]
    unwanted = [n.pk for n in rows if n not in wanted]
    if unwanted:
        Notification.objects.filter(pk__in=unwanted).update(email=EmailState.NONE)
    if not wanted:
        return Outcome()
    ids = [n.pk for n in wanted]
    try:
        message(recipient, wanted, digest=digest).send()
    except Exception as error:  # SMTP, socket and TLS errors alike: the row keeps the reason
        attempts = max(n.email_attempts for n in wanted)
        reason = f"{type(error).__name__}: {error}"[:500]
        if attempts >= settings.NOTIFICATION_EMAIL_ATTEMPTS:
            Notification.objects.filter(pk__in=ids).update(
                email=EmailState.FAILED, email_error=reason
            )
            return Outcome(gave_up=True)
        wait = backoff(attempts)
        Notification.objects.filter(pk__in=ids).update(
            email=EmailState.WAITING, email_error=reason, email_next_try_at=now + wait
        )
        return Outcome(retry_in=wait)
    Notification.objects.filter(pk__in=ids, email=EmailState.SENDING).update(
        email=EmailState.SENT, email_sent_at=timezone.now(), email_error=""
    )
    return Outcome(sent=len(ids))


def message(recipient, notifications, *, digest):
    """The e-mail: in the recipient's language, with a one-click unsubscribe (RFC 8058) for
    the kind of a single notification, or a link to the settings page for a digest."""
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        first = notifications[0]
        if digest:
            unsubscribe_link = absolute(reverse("notifications:settings"))
            subject = translation.gettext("Inklusi: %(count)s new notifications") % {
                "count": len(notifications)
            }
        else:
            unsubscribe_link = unsubscribe_url(recipient, first.kind)
            subject = f"Inklusi: {first.title}"
        context = {
            "recipient": recipient,
            "notifications": notifications,
            "digest": digest,
            "unsubscribe_link": unsubscribe_link,
            "settings_link": absolute(reverse("notifications:settings")),
            "site_url": settings.SITE_URL,
        }
        text = render_to_string("notifications/email.txt", context)
        files = [f for n in notifications for f in kinds.attachments(n)]
    headers = {}
    if not digest:
        headers = {
            "List-Unsubscribe": f"<{unsubscribe_link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    email = EmailMultiAlternatives(
        subject=subject.replace("\n", " ")[:200],
        body=text,
        to=[recipient.email],
        headers=headers,
    )
    for filename, content, mimetype in files:
        email.attach(filename, content, mimetype)
    return email


def due_for_sweep(now=None):
    """Deletes read notifications older than `KEEP_READ_DAYS`, puts back what was lost and lists
    what to send again: rows stuck "sending" longer than
    `NOTIFICATION_SENDING_TIMEOUT_MINUTES` (their worker died) go back to waiting; returns
    (ids of single e-mails due, ids of people whose failed digest is due)."""
    now = now or timezone.now()
    # Personal data kept no longer than needed: read notifications go after a year.
    Notification.objects.filter(
        read_at__isnull=False, created_at__lt=now - timedelta(days=KEEP_READ_DAYS)
    ).delete()
    stuck_since = now - timedelta(minutes=settings.NOTIFICATION_SENDING_TIMEOUT_MINUTES)
    Notification.objects.filter(email=EmailState.SENDING, email_claimed_at__lt=stuck_since).update(
        email=EmailState.WAITING, email_next_try_at=None
    )
    waiting = Notification.objects.filter(email=EmailState.WAITING).filter(
        Q(email_next_try_at__isnull=True) | Q(email_next_try_at__lte=now)
    )
    # A single e-mail waiting a minute without a next try was never queued (broker down).
    singles = waiting.filter(in_daily_digest=False).filter(
        Q(email_next_try_at__isnull=False) | Q(created_at__lt=now - timedelta(minutes=1))
    )
    retried_digests = waiting.filter(in_daily_digest=True, email_next_try_at__isnull=False)
    return (
        list(singles.values_list("pk", flat=True)[:1000]),
        sorted(set(retried_digests.values_list("recipient_id", flat=True))),
    )


def digest_recipients():
    """People with notifications waiting for their daily digest."""
    waiting = Notification.objects.filter(email=EmailState.WAITING, in_daily_digest=True)
    return sorted(set(waiting.values_list("recipient_id", flat=True)))


def failures():
    return Notification.objects.filter(email=EmailState.FAILED)


def send_again(ids=None):
    """The national admin's "try again": failed e-mails wait once more, with fresh attempts."""
    rows = failures() if ids is None else failures().filter(pk__in=ids)
    pks = list(rows.values_list("pk", flat=True))
    Notification.objects.filter(pk__in=pks).update(
        email=EmailState.WAITING, email_attempts=0, email_next_try_at=None
    )
    from . import tasks

    for row in Notification.objects.filter(pk__in=pks).values("pk", "in_daily_digest", "recipient"):
        if row["in_daily_digest"]:
            enqueue(tasks.send_digest, row["recipient"])
        else:
            enqueue(tasks.send_email, row["pk"])
    return len(pks)
