from celery import shared_task

from inklusi.core.tasks import BaseTask, submit

from . import services


@shared_task(base=BaseTask)
def prepare(download_id):
    services.prepare(download_id)


@shared_task(base=BaseTask)
def clean():
    for download_id in services.clean():
        submit(prepare, download_id)
