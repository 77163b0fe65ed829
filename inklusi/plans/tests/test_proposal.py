"""The proposal: DOCX that python-docx opens, PDF whose text can be read, both in Indonesian."""

import datetime
from decimal import Decimal
from io import BytesIO

import pytest
from django.utils import timezone
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from pypdf import PdfReader

from inklusi.core.funding import FundingSource
from inklusi.plans.models import BudgetLine, State
from inklusi.testing.factories import ActivityFactory, MonthlyReportFactory
from inklusi.testing.pdf import text_outside_page

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


def docx_of(response):
    assert response.status_code == 200
    return Document(BytesIO(response.content))


def test_docx_tables_have_set_widths_and_a_repeated_header(people, login, plan):
    document = docx_of(login(people.manager).get(url("proposal", plan.pk, "docx")))
    budget = next(t for t in document.tables if len(t.columns) == 5)
    widths = [column.width for column in budget.columns]
    assert len(set(widths)) > 1  # not all equal: money columns are wide enough
    assert widths[4] >= Cm(3.4)
    assert budget.autofit is False
    assert [cell.width for cell in budget.rows[1].cells] == widths
    for table in document.tables:
        if len(table.columns) > 2:  # needs, budget lines, results
            header = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
            assert header is not None and header.get(qn("w:val")) == "true"
    money = [c.text for r in budget.rows for c in r.cells if c.text.startswith("Rp")]
    assert "Rp2.250.000" in money


def test_docx_is_indonesian_and_names_its_author_and_today(people, login, plan):
    before = timezone.now().replace(microsecond=0)
    document = docx_of(login(people.manager).get(url("proposal", plan.pk, "docx")))
    properties = document.core_properties
    assert properties.author == people.manager.full_name
    assert properties.last_modified_by == people.manager.full_name
    assert properties.created >= before - datetime.timedelta(seconds=1)
    assert properties.modified == properties.created
    assert properties.language == "id-ID"
    assert "python-docx" not in (properties.comments or "")
    languages = {lang.get(qn("w:val")) for lang in document.styles.element.iter(qn("w:lang"))}
    assert languages == {"id-ID"}


def test_pdf_text_stays_inside_the_page_even_with_large_sums(people, login, plan):
    activity = plan.activities.first()
    BudgetLine.objects.create(
        activity=activity,
        item="Rak buku dan komputer untuk ruang baca anak",
        quantity=Decimal("12"),
        unit="unit",
        unit_price=99_999_999,
        source=FundingSource.VILLAGE,
    )
    response = login(people.manager).get(url("proposal", plan.pk, "pdf"))
    # Nothing beyond the right margin (18 mm): the bold subtotal stays in the table.
    assert text_outside_page(response.content, margin_mm=17, edge_mm=5) == []
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert "Rp1.202.249.988" in text  # the subtotal: 12 × 99.999.999 + 2.250.000


def test_the_signatures_never_stand_alone_on_a_page(people, login, plan):
    """Whatever the length of the text before them, the signatures share their page with the
    last rows of the table they close."""
    client = login(people.manager)
    sentence = "Perpustakaan desa melayani warga dari tiga dusun setiap hari kerja. " * 6
    for paragraphs in range(0, 28, 2):
        plan.background = "\n\n".join([sentence] * paragraphs)
        plan.save()
        reader = PdfReader(BytesIO(client.get(url("proposal", plan.pk, "pdf")).content))
        pages = [page.extract_text() for page in reader.pages]
        (signed,) = [text for text in pages if "Diusulkan oleh" in text]
        assert "Pelatihan internet" in signed, paragraphs
