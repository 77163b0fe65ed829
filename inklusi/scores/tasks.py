from celery import shared_task

from inklusi.core.tasks import BaseTask

from . import services


@shared_task(base=BaseTask)
def refresh_scores():
    """Every night (CELERY_BEAT_SCHEDULE): the last complete quarter's KPI cards and the
    quarter's before, which they are compared with. Safe to run twice: a card is one row per
    library and quarter, written over."""
    return {quarter.isoformat(): n for quarter, n in services.refresh_recent().items()}
