"""The proposal for the funder, in Indonesian: one set of data, written as DOCX or PDF.

Cover, background (the manager's words and the library's own figures of the last twelve
months, from the monthly reports and activity records), problems and needs, activities, the
budget per funding source with totals, expected results, and the signature block.
"""

from io import BytesIO

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from inklusi.core.templatetags.inklusi import angka, rupiah
from inklusi.libraries.models import Kind
from inklusi.monitoring.figures import last_twelve_months, place_figures
from inklusi.monitoring.indicators import Place

from .models import LINE_SOURCES

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOCX_LANGUAGE = "id-ID"
# The page is A4 with 2,2 cm margins: 16,6 cm for text. Column widths in cm of each table.
NEEDS_WIDTHS = (1.0, 4.8, 5.2, 5.6)
FACTS_WIDTHS = (4.2, 12.4)
BUDGET_WIDTHS = (3.7, 3.7, 2.8, 3.0, 3.4)
SUMMARY_WIDTHS = (11.6, 5.0)
RESULTS_WIDTHS = (5.0, 5.8, 5.8)


def proposal_data(plan):
    library = plan.library
    activities = list(plan.activities.select_related("partner").prefetch_related("needs", "lines"))
    for number, activity in enumerate(activities, start=1):
        activity.number = number
        activity.partner_names = ", ".join(
            name for name in (str(activity.partner or ""), activity.other_partners) if name
        )
    labels = dict(LINE_SOURCES)
    sources = {}
    for activity in activities:
        for line in activity.lines.all():
            group = sources.setdefault(
                line.source, {"label": labels[line.source], "rows": [], "total": 0}
            )
            group["rows"].append((activity, line))
            group["total"] += line.total
    ordered = [sources[value] for value, _label in LINE_SOURCES if value in sources]
    months = last_twelve_months()
    region = library.region
    village_library = library.kind == Kind.VILLAGE
    return {
        "plan": plan,
        "library": library,
        "place": region.label_with_context,
        "town": region.name,
        "needs": list(plan.needs.all()),
        "activities": activities,
        "sources": ordered,
        "grand_total": sum(group["total"] for group in ordered),
        "figures": place_figures(Place(library=library), months),
        "months": months,
        "submission": plan.submissions.order_by("-submitted_on", "-pk").first(),
        "managers": list(library.managers()),
        "approver": _("Head of the village")
        if village_library
        else _("Head of the library office"),
        "today": timezone.localdate(),
    }


def figure_sentences(data):
    """The library's own figures as short sentences for the background."""
    figures = data["figures"]
    months = data["months"]
    period = _("From %(start)s to %(end)s") % {
        "start": date_format(months[0], "F Y"),
        "end": date_format(months[-1], "F Y"),
    }
    if not figures["reports"] and not figures["activities"]:
        return [period + ", " + _("the library has no monthly report or activity recorded yet.")]
    return [
        period + ", " + _("the library recorded:"),
        _("%(n)s visitors and %(loans)s books lent;")
        % {"n": angka(figures["visitors"]), "loans": angka(figures["loans"])},
        _("%(n)s members, %(new)s of them new;")
        % {"n": angka(figures["members"]), "new": angka(figures["new_members"])},
        _("%(n)s computer users and %(internet)s internet users;")
        % {"n": angka(figures["computer_users"]), "internet": angka(figures["internet_users"])},
        _("%(n)s community activities with %(people)s participants.")
        % {"n": angka(figures["activities"]), "people": angka(figures["participants"])},
    ]


def quantity(value):
    text = f"{value:f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:f}"
    return text.replace(".", ",")


# DOCX


def _set_language(doc, language):
    """Every run's default language (Word's spelling checker reads it), in the styles and the
    document's properties."""
    from docx.oxml.ns import qn

    for lang in doc.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), language)
        lang.set(qn("w:eastAsia"), language)
    doc.core_properties.language = language


def _repeat_header(row):
    """Word and LibreOffice repeat this row at the top of each page the table runs onto."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _set_widths(grid, widths):
    """Fixed column widths (the grid LibreOffice reads and each cell, which Word reads)."""
    from docx.shared import Cm

    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Cm(width)
    for row in grid.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)


def proposal_docx(plan, author="Inklusi"):
    """The proposal as DOCX bytes (python-docx), to be edited at the village office; its
    properties name `author` and now, its language is Indonesian."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt

    data = proposal_data(plan)
    library = data["library"]
    doc = Document()
    now = timezone.now()
    properties = doc.core_properties
    properties.author = properties.last_modified_by = author or "Inklusi"
    properties.created = properties.modified = now
    properties.revision = 1
    properties.title = _("Proposal") + f" — {library.name} {plan.year}"
    properties.subject = _("Library work plan %(year)s") % {"year": plan.year}
    properties.comments = ""
    properties.keywords = "TPBIS"
    _set_language(doc, DOCX_LANGUAGE)
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.2))
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)

    def centred(text, size=None, bold=False, space=6):
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(space)
        run = paragraph.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        return paragraph

    def table(headers, rows, widths, numeric=(), size=None):
        """A table whose header row repeats on every page, with fixed column widths; the
        `numeric` columns align right, `size` (pt) makes its text smaller."""
        grid = doc.add_table(rows=1, cols=len(headers))
        grid.style = "Table Grid"
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        _repeat_header(grid.rows[0])
        for index, (cell, text) in enumerate(zip(grid.rows[0].cells, headers, strict=True)):
            cell.text = ""
            cell.paragraphs[0].add_run(str(text)).bold = True
            if index in numeric:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for row in rows:
            cells = grid.add_row().cells
            for index, (cell, value) in enumerate(zip(cells, row, strict=True)):
                cell.text = str(value)
                if index in numeric:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if size:
            for row in grid.rows:
                for cell in row.cells:
                    for run in cell.paragraphs[0].runs:
                        run.font.size = Pt(size)
        _set_widths(grid, widths)
        return grid

    # Cover
    for _blank in range(4):
        doc.add_paragraph()
    centred(_("PROPOSAL"), 24, bold=True)
    centred(_("Library work plan %(year)s") % {"year": plan.year}, 16, bold=True, space=24)
    centred(library.name, 18, bold=True)
    centred(data["place"], 12, space=36)
    if data["submission"]:
        centred(_("Submitted to"), 11)
        centred(data["submission"].addressed_to, 13, bold=True, space=24)
    centred(_("Library Transformation Based on Social Inclusion (TPBIS) programme"), 11, space=4)
    centred(date_format(data["today"], "F Y"), 11)
    doc.paragraphs[-1].runs[-1].add_break(WD_BREAK.PAGE)

    doc.add_heading("1. " + _("Background"), level=1)
    for paragraph in (plan.background or "").split("\n\n"):
        if paragraph.strip():
            doc.add_paragraph(paragraph.strip())
    sentences = figure_sentences(data)
    doc.add_paragraph(sentences[0])
    for sentence in sentences[1:]:
        doc.add_paragraph(sentence, style="List Bullet")

    doc.add_heading("2. " + _("Problems and needs"), level=1)
    table(
        [_("No."), _("Problem"), _("What the community needs"), _("Evidence")],
        [
            (n, need.problem, need.need, f"{need.evidence} ({need.get_evidence_kind_display()})")
            for n, need in enumerate(data["needs"], start=1)
        ],
        widths=NEEDS_WIDTHS,
    )

    doc.add_heading("3. " + _("Activities"), level=1)
    for activity in data["activities"]:
        doc.add_heading(f"3.{activity.number} {activity.title}", level=2)
        if activity.description:
            doc.add_paragraph(activity.description)
        facts = [
            (_("Needs it answers"), "; ".join(str(n) for n in activity.needs.all())),
            (
                _("Target group"),
                f"{activity.target_group} ({angka(activity.target_size)} {_('people')})",
            ),
            (_("Month"), f"{activity.get_month_display()} {plan.year}"),
            (_("Person in charge"), activity.person_in_charge),
            (_("Partners"), activity.partner_names or "–"),
            (_("Budget"), rupiah(sum(line.total for line in activity.lines.all()))),
        ]
        grid = doc.add_table(rows=0, cols=2)
        grid.style = "Table Grid"
        for label, value in facts:
            cells = grid.add_row().cells
            cells[0].text, cells[1].text = label, value
            cells[0].paragraphs[0].runs[0].bold = True
        _set_widths(grid, FACTS_WIDTHS)

    doc.add_heading("4. " + _("Budget by funding source"), level=1)
    for group in data["sources"]:
        doc.add_heading(str(group["label"]), level=2)
        rows = [
            (
                activity.title,
                line.item,
                f"{quantity(line.quantity)} {line.unit}",
                rupiah(line.unit_price),
                rupiah(line.total),
            )
            for activity, line in group["rows"]
        ]
        rows.append(("", _("Subtotal"), "", "", rupiah(group["total"])))
        grid = table(
            [_("Activity"), _("Item"), _("Quantity"), _("Unit price"), _("Total")],
            rows,
            widths=BUDGET_WIDTHS,
            numeric=(2, 3, 4),
            size=9,
        )
        for cell in grid.rows[-1].cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
    doc.add_heading(_("Summary"), level=2)
    summary = [(g["label"], rupiah(g["total"])) for g in data["sources"]]
    summary.append((_("Total asked"), rupiah(data["grand_total"])))
    grid = table([_("Funding source"), _("Amount")], summary, widths=SUMMARY_WIDTHS, numeric=(1,))
    for run in (
        grid.rows[-1].cells[0].paragraphs[0].runs + grid.rows[-1].cells[1].paragraphs[0].runs
    ):
        run.bold = True

    doc.add_heading("5. " + _("Expected results"), level=1)
    results = table(
        [_("Activity"), _("Expected result"), _("How it will be measured")],
        [(a.title, a.expected_result or "–", a.measure or "–") for a in data["activities"]],
        widths=RESULTS_WIDTHS,
    )

    # The signatures never stand alone on a page: the table's last row, the place and date
    # and the signatures keep together.
    last_row = [p for cell in results.rows[-1].cells for p in cell.paragraphs]
    spacer = doc.add_paragraph()
    closing = doc.add_paragraph(f"{data['town']}, {date_format(data['today'], 'j F Y')}")
    closing.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for paragraph in (*last_row, spacer, closing):
        paragraph.paragraph_format.keep_with_next = True
    grid = doc.add_table(rows=1, cols=2)
    manager = data["managers"][0].full_name if data["managers"] else "(" + " " * 30 + ")"
    for cell, lines in zip(
        grid.rows[0].cells,
        (
            [_("Acknowledged by"), data["approver"], "", "", "", "(" + " " * 30 + ")"],
            [_("Proposed by"), _("Library manager"), "", "", "", manager],
        ),
        strict=True,
    ):
        cell.text = ""
        for index, text in enumerate(lines):
            paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.keep_with_next = index < len(lines) - 1
            paragraph.add_run(text)

    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
