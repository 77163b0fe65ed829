"""The Celery application: e-mails, reminders, digests and slow exports run here.

Settings are Django's, prefixed `CELERY_` (see `settings.py`, "Background tasks"). Without
`REDIS_URL` every task runs in the calling process (the embedded demo and the tests need no
server); the periodic schedule is `CELERY_BEAT_SCHEDULE`. How to run the worker and the
scheduler: docs/deploy.md, "Background tasks".
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inklusi.settings")

app = Celery("inklusi")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# The default in every thread too: runserver and threaded workers handle requests in threads,
# where Celery would otherwise fall back to an unconfigured app that is not eager.
app.set_default()
