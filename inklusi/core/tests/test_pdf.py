"""Printing templates to PDF: the text is real text, and nothing outside is fetched."""

import base64
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import RequestFactory
from PIL import Image
from pypdf import PdfReader

from inklusi.core.pdf import image_data_uri, pdf_response, render_pdf

TEMPLATE = """<!doctype html><html><body><p>{{ title }}</p>
{% for src in images %}<img src="{{ src }}" style="width: 2cm">{% endfor %}</body></html>"""


@pytest.fixture
def template(tmp_path, settings):
    (tmp_path / "uji.html").write_text(TEMPLATE)
    settings.TEMPLATES = [
        {"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [tmp_path]}
    ]
    return "uji.html"


def png_bytes():
    out = BytesIO()
    Image.new("RGB", (20, 20), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def images_in(pdf):
    return {image.name for page in PdfReader(BytesIO(pdf)).pages for image in page.images}


def test_render_pdf_gives_extractable_text(template):
    pdf = render_pdf(template, {"title": "Perpustakaan Desa Air Batu: Rp1.500.000"})
    assert pdf.startswith(b"%PDF-")
    text = PdfReader(BytesIO(pdf)).pages[0].extract_text()
    assert "Perpustakaan Desa Air Batu: Rp1.500.000" in text


def test_pdf_response_is_a_download(template):
    request = RequestFactory().get("/")
    response = pdf_response(template, {"title": "x"}, request, "brief.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="brief.pdf"'
    inline = pdf_response(template, {"title": "x"}, request, "brief.pdf", inline=True)
    assert inline["Content-Disposition"].startswith("inline;")


def test_data_uris_are_embedded_and_files_and_urls_are_not(template, tmp_path):
    png = tmp_path / "merah.png"
    png.write_bytes(png_bytes())
    data_uri = "data:image/png;base64," + base64.b64encode(png_bytes()).decode()
    assert len(images_in(render_pdf(template, {"images": [data_uri]}))) == 1
    outside = [png.as_uri(), "http://127.0.0.1:9/foto.png", "/etc/passwd"]
    assert images_in(render_pdf(template, {"images": outside})) == set()


def test_image_data_uri_reads_from_storage():
    name = default_storage.save("uji/merah.png", ContentFile(png_bytes()))
    uri = image_data_uri(default_storage.open(name))
    assert uri.startswith("data:image/png;base64,")
    assert base64.b64decode(uri.split(",", 1)[1]) == png_bytes()


def test_image_data_uri_of_nothing_or_a_missing_file():
    assert image_data_uri(None) == ""

    class Missing:
        name = "uji/tidak-ada.jpg"

        def __bool__(self):
            return True

        @property
        def size(self):
            raise FileNotFoundError(self.name)

    assert image_data_uri(Missing()) == ""
