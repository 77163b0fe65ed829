"""Chart geometry for SVG charts drawn on the server: a page and its PDF draw the same SVG, with
no JavaScript and nothing fetched. Used by the dashboard and the advocacy brief."""

from functools import lru_cache

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .numbers import NumberStyle, half_up

# Drawing units of a column chart: its width, the base line and the tallest column. About the
# size it is drawn at on a phone and in a third of a laptop screen, so the labels stay legible.
CHART_WIDTH, CHART_BASE, CHART_HEIGHT = 360, 110, 90


@lru_cache(maxsize=1024)
def _month_text(month, format, language):
    """date_format(month, format) in `language` (the active one, part of the key): a page
    draws three charts of up to 60 months, and each date_format costs about 0.04 ms."""
    return date_format(month, format)


def column_chart(trend, key, width=CHART_WIDTH, base=CHART_BASE, tallest=CHART_HEIGHT):
    """Columns for `key` of each month in `trend` (dicts with "month"), with their labels'
    positions, in drawing units of `width`; each column keeps its `point`."""
    peak = max((point[key] for point in trend), default=0)
    slot = width / max(len(trend), 1)
    # Month names only where they fit: every month up to 12, then every third or sixth.
    every = 1 if len(trend) <= 12 else 3 if len(trend) <= 36 else 6
    columns, language = [], get_language()
    for i, point in enumerate(trend):
        height = round(tallest * point[key] / peak, 1) if peak else 0
        columns.append(
            {
                "value": point[key],
                "x": round(i * slot + slot * 0.15, 1),
                "width": round(slot * 0.7, 1),
                "middle": round(i * slot + slot / 2, 1),
                "top": round(base - height, 1),
                "label_y": round(base - height - 3, 1),
                "height": height,
                "label": _month_text(point["month"], "M", language) if i % every == 0 else "",
                "year": point["month"].year if point["month"].month == 1 or i == 0 else "",
                "show_value": len(trend) <= 12,
                "title": f"{_month_text(point['month'], 'F Y', language)}: {point[key]}",
                "point": point,
            }
        )
    return {"columns": columns, "peak": peak, "width": width}


def column_chart_svg(chart, title, colour="#198754"):
    """A column_chart() drawn as SVG in a <figure> captioned `title`: each column with its
    month and year below, its value above (up to 12 columns) and both in its tooltip.
    Written in Python, as a template would spend a few milliseconds on its 150 tags; the
    geometry is numbers the chart computed, written as Python writes them ("12.5")."""
    numbers = NumberStyle.active()
    title, colour = escape(title), escape(colour)
    width = chart["width"]
    parts = [
        f'<figure class="chart">\n<figcaption>{title}</figcaption>\n'
        f'<svg viewBox="0 0 {width} 140" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-label="{title}">\n'
        f'  <line x1="0" y1="110" x2="{width}" y2="110" stroke="#9ca3af" stroke-width=".6"/>\n'
    ]
    for c in chart["columns"]:
        parts.append(
            f'  <rect x="{c["x"]}" y="{c["top"]}" width="{c["width"]}" height="{c["height"]}" '
            f'fill="{colour}"><title>{escape(c["title"])}</title></rect>\n'
        )
        if c["show_value"] and c["value"]:
            parts.append(
                f'  <text x="{c["middle"]}" y="{c["label_y"]}" font-size="8" '
                f'text-anchor="middle" fill="#374151">{numbers.grouped(c["value"])}</text>\n'
            )
        if c["label"]:
            parts.append(
                f'  <text x="{c["middle"]}" y="123" font-size="10" text-anchor="middle" '
                f'fill="#4b5563">{escape(c["label"])}</text>\n'
            )
        if c["year"]:
            parts.append(
                f'  <text x="{c["middle"]}" y="135" font-size="9" text-anchor="middle" '
                f'fill="#6b7280">{c["year"]}</text>\n'
            )
    parts.append("</svg>\n</figure>")
    return mark_safe("".join(parts))


def bar_list(items, total=None):
    """[(label, value)] as bars whose widths are percentages of the largest value; each
    share is of `total` (by default, of the values added up)."""
    peak = max((value for _label, value in items), default=0)
    if not peak:
        return []
    if total is None:
        total = sum(value for _label, value in items)
    return [
        {
            "label": label,
            "value": value,
            "width": round(100 * value / peak, 1),
            "share": int(half_up(100 * value / total, 0)) if total else 0,
        }
        for label, value in items
    ]
