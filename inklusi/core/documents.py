"""Checking uploaded documents (signed agreements, funders' decisions): PDF only, size-limited."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

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
