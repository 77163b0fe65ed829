"""Settings for the test suite: the real ones, made fast and self-contained."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key")

from inklusi.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "inklusi.core.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="inklusi-test-media-")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MAP_TILE_URL = ""  # tests never call an outside host
LANGUAGE_CODE = "id"
STATIC_ROOT = tempfile.mkdtemp(prefix="inklusi-test-static-")
# Tasks run in the test's own process and never reach a broker, whatever the environment says.
CELERY_BROKER_URL = "memory://"
CELERY_TASK_ALWAYS_EAGER = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EXPORTS_ROOT = Path(tempfile.mkdtemp(prefix="inklusi-test-exports-"))
