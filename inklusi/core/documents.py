"""Checking uploaded documents (signed agreements, funders' decisions): PDF only, size-limited;
handing stored private files to the readers a view has checked."""

import mimetypes
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from .images import check_image

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


def check_pdf(document, not_a_pdf_message):
    """Raise a ValidationError unless a newly uploaded `document` is a PDF (by its first bytes,
    not its name) of at most MAX_DOCUMENT_BYTES. A document already stored passes."""
    if not isinstance(document, UploadedFile):
        return document
    if document.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("This file is %(size)s; the largest accepted is %(limit)s.")
            % {"size": filesizeformat(document.size), "limit": filesizeformat(MAX_DOCUMENT_BYTES)}
        )
    document.seek(0)
    head = document.read(5)
    document.seek(0)
    if head != b"%PDF-" or not _parses_as_pdf(document):
        raise ValidationError(not_a_pdf_message)
    return document


def _parses_as_pdf(document):
    """True if pypdf reads the document's structure and at least one page: "%PDF-" and
    "%%EOF" around anything else (an HTML page) are not a PDF."""
    try:
        reader = PdfReader(document, strict=False)
        if reader.is_encrypted:
            return True  # a password-protected PDF is still a PDF; its pages are not read
        return len(reader.pages) > 0
    except (PyPdfError, ValueError, TypeError, KeyError, IndexError, AttributeError, OSError):
        return False
    finally:
        document.seek(0)


PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")


def check_pdf_or_photo(upload):
    """Check a newly uploaded attachment by its bytes: a PDF (as `check_pdf`) or a photo (as
    `core.images.check_image`), whose name says the same. Returns "pdf" or "photo"; a file
    that is not what its name claims is refused with a message."""
    name = (upload.name or "").lower()
    upload.seek(0)
    is_pdf = upload.read(5) == b"%PDF-"
    upload.seek(0)
    if name.endswith(".pdf") or is_pdf:
        message = _("This file is not a PDF, whatever its name says. Choose a PDF or a photo.")
        if not (is_pdf and name.endswith(".pdf")):
            raise ValidationError(message)
        check_pdf(upload, message)
        return "pdf"
    if not name.endswith(PHOTO_SUFFIXES):
        raise ValidationError(_("Attach a PDF or a photo (JPEG, PNG or WebP)."))
    check_image(upload)
    return "photo"


def stored_file_response(stored, *, as_attachment=False, filename="", content_type=None):
    """The response that hands out a stored file (a FileField's value) whose reader the view
    has already checked; a file missing from storage is a 404, not a 500.

    On S3 a redirect to a signed URL valid for PRIVATE_URL_SECONDS; behind nginx with
    MEDIA_ACCEL_REDIRECT (the internal location that serves MEDIA_ROOT, "/media-internal/")
    an empty response whose X-Accel-Redirect header lets nginx send the bytes; else Django
    streams them. Never cached by a shared cache."""
    filename = filename or Path(stored.name).name
    if hasattr(stored.storage, "signed_url"):
        url = stored.storage.signed_url(stored.name, settings.PRIVATE_URL_SECONDS)
        response = HttpResponseRedirect(url)
    elif settings.MEDIA_ACCEL_REDIRECT:
        if not stored.storage.exists(stored.name):
            raise Http404
        response = HttpResponse(content_type=content_type or _guess_type(filename))
        response["X-Accel-Redirect"] = settings.MEDIA_ACCEL_REDIRECT + quote(stored.name)
        response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    else:
        try:
            handle = stored.open("rb")
        except OSError as error:
            raise Http404 from error
        response = FileResponse(
            handle, as_attachment=as_attachment, filename=filename, content_type=content_type
        )
    patch_cache_control(response, private=True, max_age=0)
    return response


def _guess_type(filename):
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"
