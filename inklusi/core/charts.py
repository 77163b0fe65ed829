"""Chart geometry for SVG charts drawn on the server: a page and its PDF draw the same SVG, with
no JavaScript and nothing fetched. Used by the dashboard and the advocacy brief."""

from django.utils.formats import date_format

from .numbers import half_up

# Drawing units of a column chart: its width, the base line and the tallest column. About the
# size it is drawn at on a phone and in a third of a laptop screen, so the labels stay legible.
CHART_WIDTH, CHART_BASE, CHART_HEIGHT = 360, 110, 90


def column_chart(trend, key, width=CHART_WIDTH, base=CHART_BASE, tallest=CHART_HEIGHT):
    """Columns for `key` of each month in `trend` (dicts with "month"), with their labels'
    positions, in drawing units of `width`; each column keeps its `point`."""
    peak = max((point[key] for point in trend), default=0)
    slot = width / max(len(trend), 1)
    # Month names only where they fit: every month up to 12, then every third or sixth.
    every = 1 if len(trend) <= 12 else 3 if len(trend) <= 36 else 6
    columns = []
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
                "label": date_format(point["month"], "M") if i % every == 0 else "",
                "year": point["month"].year if point["month"].month == 1 or i == 0 else "",
                "show_value": len(trend) <= 12,
                "title": f"{date_format(point['month'], 'F Y')}: {point[key]}",
                "point": point,
            }
        )
    return {"columns": columns, "peak": peak, "width": width}


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
