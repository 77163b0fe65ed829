from celery import shared_task

from inklusi.core.tasks import BaseTask

from . import digest, services


@shared_task(base=BaseTask)
def send_due_reminders():
    """Every quarter of an hour (CELERY_BEAT_SCHEDULE): sends what is due and not yet sent."""
    return services.send(services.due_reminders())


@shared_task(base=BaseTask)
def send_monthly_digests():
    """The day after reports are due: each coordinator's area, last month."""
    return services.send(digest.digest_reminders())
