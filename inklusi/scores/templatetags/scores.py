"""The KPI card's colour where people already look: `{% kpi_badge library %}` on a library's
pages, `{% kpi_colours place_code %}` on a region's dashboard. Pages below this app in the
layers show the card through these tags, so their views need not know it."""

from django import template

from inklusi.accounts.scope import Scope

from .. import quarters, services
from ..models import LibraryScore

register = template.Library()


@register.inclusion_tag("scores/_badge.html")
def kpi_badge(library):
    """The library's card of the last complete quarter (nothing when it has none)."""
    quarter = quarters.last_complete()
    card = LibraryScore.objects.filter(library=library, quarter=quarter).defer("facts").first()
    return {"card": card, "quarter_label": quarters.label(quarter)}


@register.inclusion_tag("scores/_place_colours.html", takes_context=True)
def kpi_colours(context, code):
    """The colours of the cards the user sees in the region `code` ("" for the nation)."""
    quarter = quarters.last_complete()
    cards = services.cards_in(Scope.of(context["request"].user), quarter, code)
    return {
        "counts": services.colour_counts(cards),
        "code": code,
        "quarter_label": quarters.label(quarter),
    }
