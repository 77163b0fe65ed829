"""Settings for Inklusi, read from environment variables with safe defaults.

Debug is off unless DEBUG=1; outside debug a SECRET_KEY must be given.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, "1" if default else "0").lower() in ("1", "true", "yes", "on")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-debug"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "inklusi.core",
    "inklusi.regions",
    "inklusi.accounts",
    "inklusi.notifications",
    "inklusi.libraries",
    "inklusi.team",
    "inklusi.announcements",
    "inklusi.questions",
    "inklusi.comments",
    "inklusi.activities",
    "inklusi.reports",
    "inklusi.public",
    "inklusi.partners",
    "inklusi.advocacy",
    "inklusi.plans",
    "inklusi.trainings",
    "inklusi.monitoring",
    "inklusi.reminders",
    "inklusi.downloads",
    "inklusi.home",
    "inklusi.devtools",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "inklusi.core.middleware.PreferredLanguageMiddleware",
    "inklusi.core.middleware.RejectNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "inklusi.core.replica.ReplicaReadsMiddleware",
]

# Widget templates may live in the project's templates folder.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

ROOT_URLCONF = "inklusi.urls"
WSGI_APPLICATION = "inklusi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "inklusi" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "inklusi.home.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'inklusi.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        # A kept connection is checked before each request, so a database restart costs the
        # requests in flight at that moment, not the next minute of every worker.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The dashboard groups all 83,762 libraries in one query: with PostgreSQL's default 4 MB
    # the grouping spills to disk. DB_WORK_MEM="" leaves the server's setting alone.
    work_mem = os.environ.get("DB_WORK_MEM", "32MB")
    if work_mem:
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = f"-c work_mem={work_mem}"
# A read replica (docs/deploy.md, "Beyond one machine"): the dashboards and the exports read
# from it; everything else, and every write, uses "default".
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
    )
    DATABASES["replica"]["OPTIONS"] = dict(DATABASES["default"].get("OPTIONS", {}))
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["inklusi.core.replica.ReplicaRouter"]
READ_REPLICA_NAMESPACES = ("monitoring",)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home:home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "inklusi" / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [
    BASE_DIR / "inklusi" / "static",
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"),
    ("vendor/idb-keyval", BASE_DIR / "node_modules" / "idb-keyval" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))

# Media on local disk by default; set AWS_STORAGE_BUCKET_NAME (plus the usual AWS_* variables,
# AWS_S3_ENDPOINT_URL for MinIO or another S3-compatible store) to keep uploads in object storage.
# The access key and secret come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
_default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "file_overwrite": False,  # two uploads named IMG_0001.jpg stay two files
            "default_acl": None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", True),
        },
    }
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Inklusi <noreply@inklusi.local>")

# Uploaded images: the largest file accepted and the longest side kept after re-encoding.
MAX_IMAGE_UPLOAD_BYTES = int(os.environ.get("MAX_IMAGE_UPLOAD_BYTES", str(5 * 1024 * 1024)))
IMAGE_MAX_SIDE = 1600
# A monthly report is on time when filed by this day of the following month.
REPORT_DUE_DAY = int(os.environ.get("REPORT_DUE_DAY", "10"))
# A month opens for filing this many days before it ends (0: once it has ended).
REPORT_OPENS_DAYS_BEFORE_END = int(os.environ.get("REPORT_OPENS_DAYS_BEFORE_END", "0"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Map tiles for the location picker. Empty means no tiles: the map still shows the pin and the
# coordinates can always be typed, which is what a village LAN without internet gets.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors")

INVITATION_VALID_DAYS = 14

# Per-person rate limits (count, seconds): posting announcements, asking questions, and the
# "remind the unread" button of one announcement.
ANNOUNCEMENT_RATE = (10, 60 * 60)
QUESTION_RATE = (5, 60 * 60)
REMINDER_RATE = (1, 6 * 60 * 60)

# Background tasks (docs/deploy.md, "Background tasks"). With REDIS_URL the worker and the
# scheduler run as their own processes; without it every task runs in the web process that
# asked for it and nothing needs a server (the embedded demo, the tests).
REDIS_URL = os.environ.get("REDIS_URL", "")
CELERY_BROKER_URL = REDIS_URL or "memory://"
# The cache holds the rate limits, so several app workers or machines must share it: Redis when
# there is one (CACHE_URL, by default REDIS_URL), else each process's own memory (one process).
CACHE_URL = os.environ.get("CACHE_URL", REDIS_URL)
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "inklusi",
        }
    }
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_STORE_EAGER_RESULT = False
CELERY_TASK_IGNORE_RESULT = True  # a task's outcome is written in the database, never fetched
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True  # a worker killed mid-task leaves the task for another worker
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A web request asking for a task waits at most this long for Redis before giving up (the
# periodic sweep sends what was left behind).
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TIMEZONE = TIME_ZONE
# The schedule, in one place. Each job is safe to run twice or in two schedulers at once.
CELERY_BEAT_SCHEDULE = {
    "notifications-sweep": {
        "task": "inklusi.notifications.tasks.sweep",
        "schedule": 300.0,
    },
    "notifications-daily-digest": {
        "task": "inklusi.notifications.tasks.send_daily_digests",
        "schedule": crontab(hour=6, minute=30),
    },
    "reminders": {
        "task": "inklusi.reminders.tasks.send_due_reminders",
        "schedule": crontab(minute="*/15"),
    },
    "downloads-clean": {
        "task": "inklusi.downloads.tasks.clean",
        "schedule": 600.0,
    },
    "reminders-monthly-digest": {
        "task": "inklusi.reminders.tasks.send_monthly_digests",
        "schedule": crontab(day_of_month=REPORT_DUE_DAY + 1, hour=7, minute=0),
    },
}
# A notification e-mail is tried this many times, waiting 1, 2, 4, ... minutes (at most an
# hour) between tries, before it shows on the national admin's failures page.
NOTIFICATION_EMAIL_ATTEMPTS = int(os.environ.get("NOTIFICATION_EMAIL_ATTEMPTS", "6"))
# An e-mail still "sending" after this many minutes was lost with its worker: send it again.
NOTIFICATION_SENDING_TIMEOUT_MINUTES = 15
# An overdue monthly report goes to the regency coordinator this many days after its due date.
REPORT_ESCALATION_DAYS = int(os.environ.get("REPORT_ESCALATION_DAYS", "7"))
# Slow exports are written here, outside MEDIA_ROOT, and served only through a scope check.
EXPORTS_ROOT = Path(os.environ.get("EXPORTS_ROOT", BASE_DIR / "var" / "exports"))

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG and SITE_URL.startswith("https"))
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY") else None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# Let Django serve uploads itself (small single-machine installs only).
SERVE_MEDIA = env_bool("SERVE_MEDIA")
