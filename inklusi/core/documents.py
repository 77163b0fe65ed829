"""Checking uploaded documents (signed agreements, funders' decisions): PDF only, size-limited."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

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
    if head != b"%PDF-":
        raise ValidationError(not_a_pdf_message)
    return document


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


def stored_file_response(stored, **kwargs):
    """A FileResponse of a stored file (a FileField's value) whose reader the view has already
    checked; a file missing from storage is a 404, not a 500. kwargs go to FileResponse."""
    try:
        handle = stored.open("rb")
    except OSError as error:
        raise Http404 from error
    return FileResponse(handle, **kwargs)
