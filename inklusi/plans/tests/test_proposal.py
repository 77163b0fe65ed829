"""The proposal: DOCX that python-docx opens, PDF whose text can be read, both in Indonesian."""

from io import BytesIO

import pytest
from docx import Document
from pypdf import PdfReader

from inklusi.plans.models import State
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory

from .helpers import make_plan, move_to, url


@pytest.fixture
def plan(libraries, people):
    plan = make_plan(libraries.air_batu, people.manager)
    plan.background = "Perpustakaan desa melayani 3 dusun."
    plan.save()
    MonthlyReportFactory(library=libraries.air_batu, visitors_female=1200, visitors_male=34)
    ActivityFactory(library=libraries.air_batu)
    return move_to(plan, State.SUBMITTED, people)


def test_docx_opens_with_python_docx(people, login, plan):
    response = login(people.manager).get(url("proposal", plan.pk, "docx"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    document = Document(BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "PROPOSAL" in text
    assert "Perpustakaan Desa Air Batu" in text
    assert "Pemerintah Desa Air Batu" in text  # submitted to
    assert "Perpustakaan desa melayani 3 dusun." in text
    assert "1.234" in text  # the library's own visitors, in Indonesian
    assert "Minat baca anak rendah" in cells
    assert "Rp2.250.000" in cells  # 50 × 45.000
    assert "Rp253" in cells  # 2,5 × 101 = 252,5 → 253
    assert "Rp3.450.253" in cells  # total asked


def test_pdf_text_is_extractable(people, login, plan):
    response = login(people.manager).get(url("proposal", plan.pk, "pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Perpustakaan Desa Air Batu" in text
    assert "Minat baca anak rendah" in text
    assert "Rp3.450.253" in text
    assert "Honor narasumber" in text


def test_a_draft_can_be_printed_too(people, login, libraries):
    draft = make_plan(libraries.sukajadi)
    response = login(people.regency).get(url("proposal", draft.pk, "pdf"))
    assert response.status_code == 200


def test_it_checks_scope(people, login, plan):
    assert login(people.charlie).get(url("proposal", plan.pk, "pdf")).status_code == 404
    assert login(people.charlie).get(url("proposal", plan.pk, "docx")).status_code == 404


def test_unknown_format_is_404(people, login, plan):
    assert login(people.manager).get(url("proposal", plan.pk, "odt")).status_code == 404


def test_wrong_method_is_405(people, login, plan):
    assert login(people.manager).post(url("proposal", plan.pk, "pdf")).status_code == 405
