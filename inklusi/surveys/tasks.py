from celery import shared_task

from inklusi.core.tasks import BaseTask

from . import services


@shared_task(base=BaseTask)
def sweep_follow_ups():
    """Daily: e-mail the follow-ups that are due, delete the contacts whose window closed."""
    return services.sweep_follow_ups()
