"""Posting an announcement, reading it and reminding those who have not: every write here."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from inklusi.accounts.models import RoleAssignment, User
from inklusi.core import ratelimit
from inklusi.notifications import services as notifications

from .models import Receipt


def may_address(scope, region):
    """An announcement goes to people below its author: inside a region they coordinate, or
    the whole country for the national team."""
    return scope.invites_nationally if region is None else scope.invites_in_region(region.code)


def audience(announcement):
    """The role assignments the announcement reaches (the author's own excepted)."""
    roles = RoleAssignment.objects.filter(user__is_active=True).exclude(user=announcement.author_id)
    if announcement.region_id:
        code = announcement.region_id
        roles = roles.filter(Q(region__code__inside=code) | Q(library__region__code__inside=code))
    if announcement.audience_roles:
        roles = roles.filter(role__in=announcement.audience_roles)
    if announcement.cohort_year:
        roles = roles.filter(library__cohort_year=announcement.cohort_year)
    return roles.order_by("user_id", "pk")


@transaction.atomic
def post(announcement, scope):
    """Save a new announcement and address it: one receipt per person reached. Returns the
    number of people. Refused outside the author's area and past the rate limit."""
    if not may_address(scope, announcement.region):
        raise PermissionDenied
    count, period = settings.ANNOUNCEMENT_RATE
    if not ratelimit.allow(f"announce:{announcement.author_id}", count, period):
        raise ValidationError(
            _("You have posted %(count)s announcements within the hour; wait a while.")
            % {"count": count}
        )
    announcement.save()
    receipts, seen = [], set()
    for role in audience(announcement):
        if role.user_id not in seen:
            seen.add(role.user_id)
            receipts.append(
                Receipt(
                    announcement=announcement,
                    user_id=role.user_id,
                    region_id=role.region_id,
                    library_id=role.library_id,
                )
            )
    Receipt.objects.bulk_create(receipts)
    with translation.override(settings.LANGUAGE_CODE):
        notifications.notify(
            User.objects.filter(pk__in=seen),
            "announcement",
            _("Announcement: %(title)s") % {"title": announcement.title},
            announcement.get_absolute_url(),
            actor=announcement.author,
            body=Truncator(announcement.body).chars(300),
        )
    return len(receipts)


def mark_read(announcement, user):
    """Opening an announcement reads it (the first time counts)."""
    Receipt.objects.filter(announcement=announcement, user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def receipts_seen_by(announcement, scope):
    """The receipts a coordinator may follow: the people in the area they coordinate."""
    return (
        announcement.receipts.invitable_by(scope)
        .select_related("user", "region", "library")
        .order_by("user__full_name", "user__email")
    )


def remind_unread(announcement, scope, by):
    """Remind each person in the coordinator's area who has not read it yet. Returns the
    receipts reminded; refused when this coordinator reminded them within the rate period."""
    count, period = settings.REMINDER_RATE
    if not ratelimit.allow(f"remind:{announcement.pk}:{by.pk}", count, period):
        raise ValidationError(
            _("The unread were reminded a short while ago; try again in a few hours.")
        )
    unread = list(receipts_seen_by(announcement, scope).filter(read_at__isnull=True))
    Receipt.objects.filter(pk__in=[r.pk for r in unread]).update(reminded_at=timezone.now())
    with translation.override(settings.LANGUAGE_CODE):
        notifications.notify(
            [receipt.user for receipt in unread],
            "announcement",
            _('Reminder: please read "%(title)s"') % {"title": announcement.title},
            announcement.get_absolute_url(),
            actor=by,
        )
    return unread


def whatsapp_link(announcement, person, url):
    """A wa.me link with a reminder typed in, for a person who gave a WhatsApp number."""
    text = _('Hello %(name)s, please read the announcement "%(title)s" in Inklusi: %(url)s') % {
        "name": person.get_short_name(),
        "title": announcement.title,
        "url": url,
    }
    return notifications.whatsapp_link(person.phone, text)
