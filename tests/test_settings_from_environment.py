"""Configuration comes from the environment, with safe defaults."""

import os
import subprocess
import sys

CHECK = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'])"
)


def run_settings(check=CHECK, **env):
    """Load the real settings in a fresh interpreter with only these variables set."""
    clean = {
        k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "DATABASE_URL")
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="inklusi.settings")
    return subprocess.run([sys.executable, "-c", check], env=clean, capture_output=True, text=True)


def test_secret_key_is_required_outside_debug():
    result = run_settings()
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_debug_is_off_unless_asked():
    result = run_settings(SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("False ['127.0.0.1', 'localhost'] django.db.backends.sqlite3")


def test_database_and_hosts_come_from_the_environment():
    result = run_settings(
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="inklusi.example.id",
        DATABASE_URL="postgres://u:p@db.example:5432/inklusi",
    )
    assert result.returncode == 0, result.stderr
    assert "['inklusi.example.id'] django.db.backends.postgresql" in result.stdout


def test_media_goes_to_s3_compatible_storage_when_a_bucket_is_named():
    check = (
        "import django; django.setup(); from django.conf import settings as s; "
        "o = s.STORAGES['default']; print(o['BACKEND'], o['OPTIONS']['bucket_name'], "
        "o['OPTIONS']['endpoint_url'], o['OPTIONS']['file_overwrite'])"
    )
    result = run_settings(
        check,
        SECRET_KEY="x" * 50,
        AWS_STORAGE_BUCKET_NAME="inklusi-media",
        AWS_S3_ENDPOINT_URL="https://minio.example.id",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "inklusi.core.storage_s3.S3MediaStorage",
        "inklusi-media",
        "https://minio.example.id",
        "False",
    ]


def test_sessions_are_read_through_the_cache_only_when_it_is_shared():
    check = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_ENGINE, s.CACHES['default']['BACKEND'])"
    )
    shared = run_settings(check, SECRET_KEY="x" * 50, REDIS_URL="redis://127.0.0.1:6379/0")
    assert shared.stdout.split() == [
        "django.contrib.sessions.backends.cached_db",
        "django.core.cache.backends.redis.RedisCache",
    ]
    # A cache in each process's memory: a log-out in one worker would not reach the others.
    own = run_settings(check, SECRET_KEY="x" * 50)
    assert own.stdout.split()[0] == "django.contrib.sessions.backends.db"
