"""What every background task shares: the base class and the one way to ask for a task.

Tasks are `shared_task(base=BaseTask)` functions in each app's `tasks.py`; their arguments are
primary keys, never model instances. A task must be safe to run twice: the queue delivers at
least once (a worker killed mid-task, `acks_late`), and the periodic sweeps send again what a
broker outage left behind.
"""

import logging

from celery import Task
from django.db import transaction

logger = logging.getLogger(__name__)


class BaseTask(Task):
    """Logs a task's final failure with its arguments, so the worker's log says what was lost."""

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        logger.error("Task %s%r failed: %s", self.name, tuple(args), exc, exc_info=einfo)


def submit(task, *args, countdown=None):
    """Queues `task(*args)`, or runs it here and now without a broker (REDIS_URL unset).

    Celery's own eager `apply_async` still takes a producer from kombu's connection pool;
    `apply` does not, so in-process mode and the tests never open a broker connection.
    """
    if task.app.conf.task_always_eager:
        return task.apply(args=args)
    return task.apply_async(args=args, countdown=countdown)


def enqueue(task, *args, countdown=None):
    """Ask for `task(*args)` once the current transaction commits; never raise.

    The worker must see the rows the request wrote, hence `on_commit`. When the broker is
    unreachable the request still succeeds: the caller's rows stay in their waiting state and
    the periodic sweep picks them up, so an outage never turns a page into an error.
    """

    def publish():
        try:
            submit(task, *args, countdown=countdown)
        except Exception:  # kombu and redis raise many kinds; none may reach the user
            logger.warning("Could not queue %s%r; the sweep will retry it", task.name, args)

    transaction.on_commit(publish)
