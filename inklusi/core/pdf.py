"""Templates printed to PDF with WeasyPrint: briefs, printable reports.

Nothing is fetched while printing: styles are written in the template and images go in as
data: URIs (`image_data_uri`), so a PDF looks the same offline, with any file storage, and no
text typed by a user can make the server open a URL or a local file.
"""

import base64
import logging
import mimetypes

from django.http import HttpResponse
from django.template.loader import render_to_string

# WeasyPrint reports each step at INFO; the root logger would print them all.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

# The largest image embedded whole; a bigger one is left out rather than slow the printing.
MAX_EMBEDDED_IMAGE_BYTES = 3 * 1024 * 1024


def render_pdf(template_name, context, request=None):
    """The PDF bytes of a template rendered with `context`."""
    # Imported here: loading WeasyPrint (Pango, fonts) is slow and only printing needs it.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string(template_name, context, request)
    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, base_url="", url_fetcher=fetcher).write_pdf()


def pdf_response(template_name, context, request, filename, inline=False):
    """An HTTP response with the PDF; `filename` without directories, ending in .pdf."""
    response = HttpResponse(render_pdf(template_name, context, request), "application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def image_data_uri(field_file):
    """A stored image (an ImageField's file) as a data: URI, or "" if it cannot be read."""
    if not field_file:
        return ""
    try:
        if field_file.size > MAX_EMBEDDED_IMAGE_BYTES:
            return ""
        with field_file.open("rb") as handle:
            data = handle.read()
    except Exception:  # a missing file, or whatever error the storage backend raises
        return ""
    kind = mimetypes.guess_type(field_file.name)[0] or "image/jpeg"
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
