"""Certificates: the printed PDF with a QR code to the public page that confirms it."""

import segno
from django.utils import translation

from inklusi.core.pdf import pdf_response

# Certificates are Indonesian documents, whatever language the person printing reads.
CERTIFICATE_LANGUAGE = "id"


def qr_data_uri(url, scale=4):
    """An SVG QR code of `url` as a data: URI (printed offline, shown without a request)."""
    return segno.make(url, error="m").svg_data_uri(scale=scale, border=2)


def printed_link(link):
    """The verification address as printed: without "https://", which nobody types."""
    return link.split("://", 1)[-1]


def certificate_response(request, certificate):
    registration = certificate.registration
    link = request.build_absolute_uri(certificate.get_absolute_url())
    context = {
        "certificate": certificate,
        "registration": registration,
        "training": registration.training,
        "sessions": registration.training.sessions.all(),
        "link": link,
        "printed_link": printed_link(link),
        "qr": qr_data_uri(link),
    }
    with translation.override(CERTIFICATE_LANGUAGE):
        return pdf_response(
            "trainings/certificate.html",
            context,
            request,
            f"sertifikat-{certificate.number}.pdf",
        )
