"""Notification e-mails: one per notification, the daily digest, and the sweep that sends
again what a mail-server or broker outage, or a killed worker, left behind."""

from celery import shared_task
from django.db.models import Q

from inklusi.core.tasks import BaseTask, submit

from . import services

# Celery's own retries wait in the broker; the rows' `email_next_try_at` says the same, so the
# sweep finds them if the broker forgets (and in-process mode, which has no broker, relies on it).
MAX_CELERY_RETRIES = 10


def _retry_later(task, outcome):
    if outcome.retry_in is not None and not task.request.is_eager:
        raise task.retry(countdown=outcome.retry_in.total_seconds(), max_retries=MAX_CELERY_RETRIES)


@shared_task(base=BaseTask, bind=True)
def send_email(self, notification_id):
    outcome = services.deliver(Q(pk=notification_id), digest=False)
    _retry_later(self, outcome)
    return outcome.sent


@shared_task(base=BaseTask, bind=True)
def send_digest(self, user_id):
    outcome = services.deliver(Q(recipient_id=user_id), digest=True)
    _retry_later(self, outcome)
    return outcome.sent


@shared_task(base=BaseTask)
def send_daily_digests():
    for user_id in services.digest_recipients():
        submit(send_digest, user_id)


@shared_task(base=BaseTask)
def sweep():
    singles, digests = services.due_for_sweep()
    for notification_id in singles:
        submit(send_email, notification_id)
    for user_id in digests:
        submit(send_digest, user_id)
