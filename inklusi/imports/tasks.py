from celery import shared_task

from inklusi.core.tasks import BaseTask, submit

from . import services


@shared_task(base=BaseTask)
def check(job_id):
    services.check(job_id)


@shared_task(base=BaseTask)
def run(job_id):
    services.run(job_id)


@shared_task(base=BaseTask)
def sweep():
    to_check, to_import = services.sweep()
    for job_id in to_check:
        submit(check, job_id)
    for job_id in to_import:
        submit(run, job_id)
