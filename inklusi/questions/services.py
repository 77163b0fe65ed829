"""Asking, answering (the first answer takes the question) and the FAQ: every write here."""

from copy import copy

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from inklusi.accounts.models import Role, people_holding
from inklusi.core import ratelimit
from inklusi.core.auditing import record_updated
from inklusi.notifications import services as notifications

from .models import Question

# Who a question goes to: the people assisting the library's regency.
ANSWERING_ROLES = (Role.FACILITATOR, Role.REGENCY_COORDINATOR)


def ask(question):
    """Save a manager's question; refused past the rate limit."""
    count, period = settings.QUESTION_RATE
    if not ratelimit.allow(f"ask:{question.asked_by_id}", count, period):
        raise ValidationError(
            _("You have asked %(count)s questions within the hour; wait for the answers.")
            % {"count": count}
        )
    question.save()
    with translation.override(settings.LANGUAGE_CODE):
        notifications.notify(
            answerers(question),
            "question",
            _("Question from %(library)s") % {"library": question.library.name},
            question.get_absolute_url(),
            actor=question.asked_by,
            body=Truncator(question.text).chars(300),
        )
    return question


def answerers(question):
    """The facilitators and coordinators of the question's regency (or of its district, for a
    facilitator working there): the people it goes to."""
    return people_holding(ANSWERING_ROLES, question.library.region_id)


def answer(question, scope, by, text):
    """Record the first answer. A reviewer of the library's region may answer; whoever comes
    second (two facilitators at once) gets a message naming who answered first, and nothing
    is overwritten: the update only happens while the question is still open."""
    if not scope.can_review(question.library):
        raise PermissionDenied
    before = copy(question)
    taken = Question.objects.filter(pk=question.pk, answered_at__isnull=True).update(
        answer=text, answered_by=by, answered_at=timezone.now()
    )
    question.refresh_from_db()
    if not taken:
        raise ValidationError(
            _("%(name)s answered this question first.") % {"name": question.answered_by}
        )
    record_updated(before, question)
    with translation.override(settings.LANGUAGE_CODE):
        notifications.notify(
            [question.asked_by],
            "answer",
            _("Your question was answered by %(name)s") % {"name": by},
            question.get_absolute_url(),
            actor=by,
            body=Truncator(text).chars(300),
        )
    return question


def set_faq(question, scope, in_faq):
    """Put an answered question in the programme's FAQ (or take it out)."""
    if not scope.can_review(question.library):
        raise PermissionDenied
    if not question.is_answered:
        raise ValidationError(_("Only an answered question can go into the FAQ."))
    question.is_faq = in_faq
    question.save(update_fields=["is_faq"])


def faq(words=""):
    """The FAQ, open to everyone in the programme: the question and its answer only."""
    found = Question.objects.filter(is_faq=True).answered()
    return (found.search(words) if words else found).order_by("-answered_at")
