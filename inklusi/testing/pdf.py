"""Reading back where a PDF puts its text, for tests that nothing is printed off the page."""

from io import BytesIO

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ContentStream

# 1 mm in PDF points.
MM = 72 / 25.4


def _page_groups(reader, page):
    """pypdf's layout extraction of one page (each BT…ET line with the x where it starts and
    ends, from the fonts' glyph widths), without the shift to the left that its text layout
    applies. y may count from the top or the bottom; the page check is symmetric."""
    from pypdf._text_extraction._layout_mode import _fixed_width_page as layout
    from pypdf._text_extraction._layout_mode._text_state_manager import TextStateManager

    contents = page.get_contents()
    if contents is None:
        return []
    operations = iter(ContentStream(contents, reader, "bytes").operations)
    fonts = page._layout_mode_fonts()
    state = TextStateManager()
    groups = []
    for operands, operator in operations:
        if operator in (b"BT", b"q"):
            end = b"ET" if operator == b"BT" else b"Q"
            found, _shows = layout.recurse_to_target_op(operations, state, end, fonts, False)
            groups.extend(found)
        elif operator == b"Tf":
            layout.set_font_operation(state, fonts, operands)
        else:
            state.set_state_param(operator, operands)
    return groups


def text_runs(content):
    """(page number, text, left, right, y, page box) of every line of text in the PDF."""
    reader = PdfReader(BytesIO(content))
    runs = []
    for number, page in enumerate(reader.pages, start=1):
        for group in _page_groups(reader, page):
            if group["text"].strip():
                runs.append(
                    (
                        number,
                        group["text"],
                        group["tx"],
                        group["displaced_tx"],
                        group["ty"],
                        page.mediabox,
                    )
                )
    return runs


def text_outside_page(content, margin_mm=5, edge_mm=None):
    """The runs of text that start or end outside the page's box less `margin_mm` on the
    left and right and `edge_mm` (as much by default) at the top and bottom, where running
    heads and page numbers may stand: printed there, text is cut off or runs past the
    paper's edge or the page's margin."""
    margin = margin_mm * MM
    edge = (margin_mm if edge_mm is None else edge_mm) * MM
    outside = []
    for number, text, left, right, y, box in text_runs(content):
        inside = (
            float(box.left) + margin <= left
            and right <= float(box.right) - margin + 0.5
            and float(box.bottom) + edge <= y <= float(box.top) - edge
        )
        if not inside:
            outside.append((number, text, round(left), round(right), round(y)))
    return outside


def pdf_bytes(padding=0):
    """A real one-page PDF (core.documents parses uploads), `padding` bytes longer."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = BytesIO()
    writer.write(out)
    return out.getvalue() + (b"%" + b"0" * padding + b"\n" if padding else b"")
