"""A library's next steps about its activities, for `core.next_steps` (registered in apps.py):
correct what a coordinator sent back, publish the drafts."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inklusi.core.next_steps import Step

from .models import Activity, Review, Status

SHOWN = 5


def next_steps(library, scope, today):
    activities = Activity.objects.filter(library=library)
    steps = [
        Step(
            _("Correct “%(title)s”: %(comment)s") % {"title": a.title, "comment": a.review_comment},
            reverse("activities:edit", args=[a.pk]),
            urgent=True,
        )
        for a in activities.filter(review=Review.RETURNED).order_by("-reviewed_at")[:SHOWN]
    ]
    drafts = activities.filter(status=Status.DRAFT).exclude(review=Review.RETURNED).count()
    if drafts:
        text = ngettext(
            "Publish %(n)s draft activity", "Publish %(n)s draft activities", drafts
        ) % {"n": drafts}
        steps.append(Step(text, f"{reverse('activities:list')}?status=draft"))
    return steps
