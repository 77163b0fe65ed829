"""The rules of the outcome surveys and every write of them.

- `survey_for(activity)`: every activity has one survey, made when first asked for.
- `submit(...)`: one answer = one insert and one summary update. It is idempotent: a retried
  POST (same submission key) returns the answer it made, and a phone that answers again
  (same device key) gets its first answer back, so it counts once.
- `answer_follow_up(contact, applied)`: the follow-up answer; the contact is deleted at once.
- `sweep_follow_ups(today)`: the scheduled task's work: e-mails the follow-ups whose window
  opened and deletes the contacts whose window closed.
- `enter_paper_form`, `close`, `reopen`: the library's editors only.
"""

import datetime
import hashlib
import uuid
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from inklusi.core import public_cache

from . import summaries
from .models import OUTCOMES, FollowUpContact, Response, Source, Survey

FOLLOW_UP_OPENS_DAYS = 30
FOLLOW_UP_CLOSES_DAYS = 90


def survey_for(activity):
    survey, _created = Survey.objects.get_or_create(activity=activity)
    return survey


def device_key(survey, cookie):
    """The stored form of a phone's survey cookie: a hash, per survey."""
    if not cookie:
        return ""
    return hashlib.sha256(f"{survey.token}:{cookie}".encode()).hexdigest()


def new_key():
    return uuid.uuid4().hex


def _existing(survey, submission_key, device):
    found = Response.objects.filter(submission_key=submission_key).first()
    if found is None and device:
        found = Response.objects.filter(survey=survey, device=device).first()
    return found


def submit(survey, answers, *, submission_key, device="", contact=None, entered_by=None):
    """(response, created). `answers` holds the OUTCOMES, "next_step" and "livelihood";
    `contact` is None or {"whatsapp": ..., "email": ...} given with consent."""
    found = _existing(survey, submission_key, device)
    if found is not None:
        return found, False
    try:
        with transaction.atomic():
            response = Response.objects.create(
                survey=survey,
                submission_key=submission_key,
                device=device,
                source=Source.PAPER if entered_by else Source.ONLINE,
                entered_by=entered_by,
                **{name: answers[name] for name in OUTCOMES},
                next_step=answers.get("next_step", ""),
                livelihood=answers.get("livelihood", ""),
            )
            summaries.add(response)
            public_cache.changed()  # the public pages show the outcomes
            if contact and (contact.get("whatsapp") or contact.get("email")):
                today = timezone.localdate()
                FollowUpContact.objects.create(
                    response=response,
                    whatsapp=contact.get("whatsapp", ""),
                    email=contact.get("email", ""),
                    consent_at=timezone.now(),
                    opens_on=today + datetime.timedelta(days=FOLLOW_UP_OPENS_DAYS),
                    closes_on=today + datetime.timedelta(days=FOLLOW_UP_CLOSES_DAYS),
                )
    except IntegrityError:  # the same phone or key, at the same moment
        found = _existing(survey, submission_key, device)
        if found is None:
            raise
        return found, False
    return response, True


def enter_paper_form(survey, user, scope, answers, contact=None):
    if not scope.edits_library(survey.activity.library):
        raise PermissionDenied
    return submit(survey, answers, submission_key=new_key(), contact=contact, entered_by=user)[0]


def close(survey, scope):
    if not scope.edits_library(survey.activity.library):
        raise PermissionDenied
    Survey.objects.filter(pk=survey.pk, closed_at__isnull=True).update(closed_at=timezone.now())


def reopen(survey, scope):
    if not scope.edits_library(survey.activity.library):
        raise PermissionDenied
    Survey.objects.filter(pk=survey.pk).update(closed_at=None)


def follow_up_is_open(contact, today=None):
    today = today or timezone.localdate()
    return contact.opens_on <= today <= contact.closes_on


def answer_follow_up(contact, applied):
    """Record "did you apply it?" and delete the contact. False when it was answered
    already (a second tap) or its window is not open."""
    with transaction.atomic():
        response = (
            Response.objects.select_for_update()
            .select_related("survey__activity__library")
            .get(pk=contact.response_id)
        )
        if response.applied is not None:
            FollowUpContact.objects.filter(pk=contact.pk).delete()
            return False
        response.applied = bool(applied)
        response.followed_up_at = timezone.now()
        response.save(update_fields=["applied", "followed_up_at"])
        summaries.add(response, figures={"followups": 1, "applied": int(response.applied)})
        FollowUpContact.objects.filter(pk=contact.pk).delete()
    return True


def follow_up_url(contact):
    return settings.SITE_URL + reverse("surveys:follow_up", args=[contact.token])


def follow_up_text(contact):
    activity = contact.response.survey.activity
    return _(
        "Hello! Some weeks ago you joined “%(title)s” at %(library)s. Did you put what you "
        "learned into practice? One question: %(url)s"
    ) % {"title": activity.title, "library": activity.library.name, "url": follow_up_url(contact)}


def whatsapp_follow_up_link(contact):
    return f"https://wa.me/{contact.whatsapp}?text={quote(follow_up_text(contact))}"


def due_whatsapp_follow_ups(activity, today=None):
    """The WhatsApp follow-ups of an activity whose window is open (the manager sends them)."""
    today = today or timezone.localdate()
    return (
        FollowUpContact.objects.filter(
            response__survey__activity=activity, opens_on__lte=today, closes_on__gte=today
        )
        .exclude(whatsapp="")
        .select_related("response__survey__activity__library")
    )


def sweep_follow_ups(today=None):
    """Delete contacts whose window closed; e-mail the invitations whose window opened.
    Safe to run twice: an invitation is claimed by a conditional UPDATE before it is sent."""
    today = today or timezone.localdate()
    deleted, _kinds = FollowUpContact.objects.filter(closes_on__lt=today).delete()
    sent = 0
    due = FollowUpContact.objects.filter(
        opens_on__lte=today, closes_on__gte=today, invited_at__isnull=True
    ).exclude(email="")
    for contact in due.select_related("response__survey__activity__library"):
        claimed = FollowUpContact.objects.filter(pk=contact.pk, invited_at__isnull=True).update(
            invited_at=timezone.now()
        )
        if not claimed:
            continue
        send_mail(
            _("One question about what you learned at the library"),
            render_to_string("surveys/follow_up_email.txt", {"text": follow_up_text(contact)}),
            None,
            [contact.email],
        )
        sent += 1
    return {"deleted": deleted, "sent": sent}


def public_url(survey):
    return settings.SITE_URL + reverse("surveys:answer", args=[survey.token])


def whatsapp_text(survey):
    activity = survey.activity
    return _(
        "Thank you for joining “%(title)s” at %(library)s! Please tell us in one minute what "
        "you took away (no name asked): %(url)s"
    ) % {"title": activity.title, "library": activity.library.name, "url": public_url(survey)}


def whatsapp_share_link(survey):
    return f"https://wa.me/?text={quote(whatsapp_text(survey))}"
