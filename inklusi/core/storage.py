"""Where uploads live, and which of them anyone may fetch by address.

One media storage holds every upload. A file whose name starts with `private/` (on disk
MEDIA_ROOT/private/, on S3 the `private/` prefix of the bucket) is never served by address:
`/media/private/...` answers 404 (Django's `SERVE_MEDIA` view and the nginx example), and the
storage refuses to give it a URL, so a template cannot print one. Such a file goes out only
through a view that checked the reader (`core.documents.stored_file_response`): streamed by
Django, handed to nginx with `X-Accel-Redirect` (`MEDIA_ACCEL_REDIRECT`), or, on S3, a signed
URL valid for `PRIVATE_URL_SECONDS`.

Public by address: library photos and the consented photos of published activities. Every
other upload is private from the start (its `upload_to` begins with PRIVATE_PREFIX); an
activity's photos move between the two as it is published, unpublished or sent back and as
consent is given or withdrawn (`set_private`).
"""

import posixpath

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.http import Http404
from django.views.static import serve

PRIVATE_PREFIX = "private/"


class PrivateFileError(ValueError):
    """A private file has no public address: link to the view that checks its reader."""


def is_private(name):
    return (name or "").startswith(PRIVATE_PREFIX)


class PrivateAware:
    """Mixed into a storage backend: no URL for a private name."""

    def url(self, name, *args, **kwargs):
        if is_private(name):
            raise PrivateFileError(name)
        return super().url(name, *args, **kwargs)


class MediaStorage(PrivateAware, FileSystemStorage):
    """Local disk (MEDIA_ROOT). On S3: `storage_s3.S3MediaStorage`."""


def set_private(fieldfile, private):
    """Move a stored file to the private prefix or out of it (same storage), and point the
    field at the new name; the caller saves the row. The old file is deleted once the
    transaction commits (a rollback leaves the row pointing at it). Returns True if it moved."""
    name = fieldfile.name
    if not name or is_private(name) == private:
        return False
    storage = fieldfile.storage
    target = PRIVATE_PREFIX + name if private else name.removeprefix(PRIVATE_PREFIX)
    try:
        with storage.open(name, "rb") as handle:
            fieldfile.name = storage.save(target, handle)
    except FileNotFoundError:
        return False
    transaction.on_commit(lambda: storage.delete(name))
    return True


def serve_public_media(request, path):
    """Django serving MEDIA_ROOT itself (DEBUG or SERVE_MEDIA): never a private file."""
    clean = posixpath.normpath(path).lstrip("/")
    if is_private(clean + "/"):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
