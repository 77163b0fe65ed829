"""Gunicorn settings for Inklusi in production.

Run from the project folder:  .venv/bin/gunicorn -c deploy/gunicorn.conf.py
Each value can be changed with an environment variable (GUNICORN_BIND, GUNICORN_WORKERS, ...)
so that the systemd unit, not this file, carries what differs between machines.
"""

import multiprocessing
import os


def _int(name, default):
    return int(os.environ.get(name, default))


wsgi_app = "inklusi.wsgi:application"

# nginx on the same machine talks to this address; on a machine behind a separate load
# balancer, bind to the private address (e.g. 10.0.0.5:8000) instead.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Synchronous workers: pages are short database-bound requests and nginx buffers slow
# clients (village phones on 3G), so a worker is never held by a slow connection.
# The usual rule, two per core plus one; every worker holds its own database connection.
workers = _int("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"

# A request taking longer than this is killed and logged (an XLSX export of a whole province
# is the slowest page). graceful_timeout lets running requests finish on restart/reload.
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = 5

# Recycle workers now and then so that a slow memory leak never builds up; not too often: a
# new worker spends about 2 s of CPU loading the app (at 1,000 requests, a busy 2-core machine
# restarted a worker every 20 s).
max_requests = _int("GUNICORN_MAX_REQUESTS", 10000)
max_requests_jitter = 1000

# Logs to stdout/stderr: systemd's journal (journalctl -u inklusi) collects them.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Client address as nginx passes it, request, status, size, and the time taken in ms.
access_log_format = '%({x-forwarded-for}i)s %(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'

# Trust X-Forwarded-* only from nginx on this machine (add the load balancer's address here
# when one sits in front).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Heartbeat files in memory, not on a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Gunicorn's control socket would be created under the service user's home; not needed.
control_socket_disable = True

proc_name = "inklusi"
