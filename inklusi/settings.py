"""Settings for Inklusi, read from environment variables with safe defaults.

Debug is off unless DEBUG=1; outside debug a SECRET_KEY must be given.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

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
    "csp",
    # Who did what (docs/architecture.md, "Who did what"): the audit trail, login limits and
    # two-factor sign-in.
    "auditlog",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "inklusi.core",
    "inklusi.regions",
    "inklusi.accounts",
    "inklusi.audit",
    "inklusi.notifications",
    "inklusi.libraries",
    "inklusi.team",
    "inklusi.announcements",
    "inklusi.questions",
    "inklusi.comments",
    "inklusi.activities",
    "inklusi.reports",
    "inklusi.surveys",
    "inklusi.public",
    "inklusi.partners",
    "inklusi.advocacy",
    "inklusi.stories",
    "inklusi.plans",
    "inklusi.trainings",
    "inklusi.scores",
    "inklusi.monitoring",
    "inklusi.reminders",
    "inklusi.downloads",
    "inklusi.api",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "inklusi.imports",
    "inklusi.home",
    "inklusi.devtools",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "inklusi.core.middleware.PreferredLanguageMiddleware",
    "inklusi.core.middleware.RejectNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "inklusi.accounts.twofactor.RequireTwoFactorMiddleware",
    "inklusi.core.middleware.AuditlogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "inklusi.core.replica.ReplicaReadsMiddleware",
    "axes.middleware.AxesMiddleware",
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
    # Session settings for the planner; each variable set to "" leaves the server's own.
    # work_mem: the exports group thousands of rows, which PostgreSQL's default 4 MB spills
    # to disk. random_page_cost: the database is on SSD or in memory (PostgreSQL's default 4
    # is for spinning disks and makes it scan whole tables where an index reads a few rows).
    session_settings = {
        "work_mem": os.environ.get("DB_WORK_MEM", "32MB"),
        "random_page_cost": os.environ.get("DB_RANDOM_PAGE_COST", "1.1"),
    }
    options = " ".join(f"-c {name}={value}" for name, value in session_settings.items() if value)
    if options:
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = options
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
# Axes first: it refuses a locked-out account or address before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
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
# Names under private/ are never served by address (inklusi/core/storage.py).
_default_storage = {"BACKEND": "inklusi.core.storage.MediaStorage"}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    _default_storage = {
        "BACKEND": "inklusi.core.storage_s3.S3MediaStorage",
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
# A private file goes out through a checked view: on S3 as a signed URL valid this long; behind
# nginx, with MEDIA_ACCEL_REDIRECT="/media-internal/", by nginx's internal location of that name
# (deploy/nginx.conf.example); else streamed by Django.
PRIVATE_URL_SECONDS = int(os.environ.get("PRIVATE_URL_SECONDS", "60"))
MEDIA_ACCEL_REDIRECT = os.environ.get("MEDIA_ACCEL_REDIRECT", "")
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
# Answers to one survey per network address in ten minutes (a class on one Wi-Fi fits).
SURVEY_RATE = (60, 10 * 60)
# New activities and reports reach the public pages within this many seconds (they are kept in
# the cache between); what leaves them goes at once (inklusi.core.public_cache).
PUBLIC_PAGES_LAG_SECONDS = int(os.environ.get("PUBLIC_PAGES_LAG_SECONDS", "30"))

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
    # Sessions read from the shared cache (one query fewer per request), written through to
    # the database. Never with per-process caches: a log-out in one worker would not reach
    # another's copy.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
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
    "scores-nightly": {
        "task": "inklusi.scores.tasks.refresh_scores",
        "schedule": crontab(hour=1, minute=30),
    },
    "surveys-follow-ups": {
        "task": "inklusi.surveys.tasks.sweep_follow_ups",
        "schedule": crontab(hour=8, minute=0),
    },
    "imports-sweep": {
        "task": "inklusi.imports.tasks.sweep",
        "schedule": 300.0,
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
# Spreadsheet imports: the largest file and the most rows accepted in one upload.
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", str(10 * 1024 * 1024)))
IMPORT_MAX_ROWS = int(os.environ.get("IMPORT_MAX_ROWS", "20000"))

# Served over https (SITE_URL says so, outside debug): secure cookies, HSTS, http sent to https.
# Each can be set on its own; docs/deploy.md lists the production values, which pass
# `manage.py check --deploy` (tests/test_deploy_check.py).
HTTPS = not DEBUG and SITE_URL.startswith("https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY") else None
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
# /healthz answers the load balancer's plain-http probe.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 365 * 24 * 3600 if HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy (django-csp): scripts and styles only from our own static files, no
# inline script, style attribute or eval (htmx's eval is off in base.html). Images also from
# data: URIs (Leaflet), the map tiles' host and the object store that serves public photos.


def _origin(url):
    """The scheme and host of a URL ("https://tile.openstreetmap.org"; Leaflet's {s} becomes
    *), or "" for none."""
    parts = urlsplit(url or "")
    if not (parts.scheme and parts.netloc):
        return ""
    return f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"


_csp_images = ["'self'", "data:"]
_csp_images += [
    origin
    for origin in (
        _origin(MAP_TILE_URL),
        _origin(os.environ.get("AWS_S3_ENDPOINT_URL", "")),
        f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}"
        if os.environ.get("AWS_S3_CUSTOM_DOMAIN")
        else "",
        f"https://{os.environ['AWS_STORAGE_BUCKET_NAME']}.s3.amazonaws.com"
        if os.environ.get("AWS_STORAGE_BUCKET_NAME") and not os.environ.get("AWS_S3_ENDPOINT_URL")
        else "",
    )
    if origin
]
_csp_images += env_list("CSP_IMG_SRC")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": _csp_images,
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # django-axes tells each failed log-in at INFO; its lockouts are warnings.
    "loggers": {"axes": {"level": "WARNING"}},
}

# Let Django serve uploads itself (small single-machine installs only).
SERVE_MEDIA = env_bool("SERVE_MEDIA")

# The REST API (docs/api.md): personal access tokens or the session, cursor pages, the schema
# by drf-spectacular, its browsable docs from the sidecar package (served as static files).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "inklusi.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "inklusi.api.authentication.ReadOnlyToken",
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Inklusi API",
    "DESCRIPTION": "Libraries, activities, monthly reports, trainings and indicators of the "
    "library transformation programme. See docs/api.md.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
}
# Who did what. The audit trail (django-auditlog): every record people change, with who, when,
# from which address and the fields before and after. Timestamps that change on every save and
# secrets are left out.
_AUDIT_SKIP = ["updated_at", "password", "last_login", "token", "invite_token", "key_hash"]
AUDITLOG_INCLUDE_TRACKING_MODELS = [
    {"model": label, "exclude_fields": _AUDIT_SKIP}
    for label in (
        "accounts.user",
        "accounts.roleassignment",
        "accounts.invitation",
        "libraries.library",
        "libraries.assistance",
        "announcements.announcement",
        "questions.question",
        "comments.comment",
        "activities.activity",
        "activities.activityphoto",
        "reports.monthlyreport",
        "partners.partner",
        "partners.partnercontact",
        "partners.agreement",
        "partners.contribution",
        "advocacy.advocacymeeting",
        "plans.plan",
        "plans.need",
        "plans.planactivity",
        "plans.budgetline",
        "plans.submission",
        "trainings.training",
        "trainings.session",
        "trainings.material",
        "trainings.registration",
        "trainings.attendance",
        "trainings.certificate",
        "stories.story",
        "stories.selection",
        "api.apitoken",
    )
]
AUDITLOG_STORE_JSON_CHANGES = True
AUDITLOG_DISABLE_REMOTE_ADDR = False
# Login limits (django-axes): 10 wrong passwords for one account, or from one address, lock
# that account or address for 30 minutes; a right password resets the count. A national admin
# unlocks earlier in the admin ("Access attempts") or with `manage.py axes_reset_username`.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "inklusi.accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "inklusi.core.middleware.client_address"  # right behind nginx too
AXES_USERNAME_FORM_FIELD = "username"  # the log-in form's field, which holds the e-mail
AXES_USERNAME_CALLABLE = "inklusi.accounts.views.login_username"
AXES_VERBOSE = False
# Password reset requests: per e-mail address and per network address, (count, seconds).
PASSWORD_RESET_RATE_PER_EMAIL = (3, 60 * 60)
PASSWORD_RESET_RATE_PER_ADDRESS = (20, 60 * 60)
# Two-factor sign-in (django-otp, TOTP) for national admins; the issuer names the app.
OTP_TOTP_ISSUER = "Inklusi"
