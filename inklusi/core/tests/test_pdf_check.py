"""An uploaded "PDF" is read as a PDF (pypdf), not recognised by its first and last bytes."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from inklusi.core.documents import check_pdf, check_pdf_or_photo
from inklusi.testing.pdf import pdf_bytes

NOT_A_PDF = "not a PDF"


def pdf_upload(content, name="surat.pdf"):
    return SimpleUploadedFile(name, content, "application/pdf")


def test_a_real_pdf_passes():
    upload = pdf_upload(pdf_bytes())
    assert check_pdf(upload, NOT_A_PDF) is upload
    assert upload.tell() == 0  # ready to be saved from the start
    assert check_pdf_or_photo(pdf_upload(pdf_bytes())) == "pdf"


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.7\n<html><body><script>alert(1)</script></body></html>\n%%EOF\n",
        b"%PDF-1.4\n% nothing inside\n%%EOF",
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
        pdf_bytes()[:200],  # cut short
        b"%PDF-",
    ],
)
def test_bytes_that_only_look_like_a_pdf_are_refused(content):
    with pytest.raises(ValidationError) as error:
        check_pdf(pdf_upload(content), NOT_A_PDF)
    assert error.value.messages == [NOT_A_PDF]
    with pytest.raises(ValidationError):
        check_pdf_or_photo(pdf_upload(content))
