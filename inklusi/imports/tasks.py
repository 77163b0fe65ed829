from celery import shared_task

from inklusi.core.tasks import BaseTask

from . import services


@shared_task(base=BaseTask)
def check(job_id):
    services.check(job_id)


@shared_task(base=BaseTask)
def run(job_id):
    services.run(job_id)
