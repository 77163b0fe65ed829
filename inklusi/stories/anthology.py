"""The yearly anthology: the nation's picks of the year with every level's reasons, as a PDF."""

import datetime

from django.conf import settings
from django.utils import translation

from inklusi.core import pdf

from .models import Level, Story

TEMPLATE = "stories/anthology.html"


def national_picks(year):
    """The stories the nation chose in `year`, by quarter, with their selections."""
    return (
        Story.objects.chosen(Level.NATION)
        .filter(quarter__gte=datetime.date(year, 1, 1), quarter__lt=datetime.date(year + 1, 1, 1))
        .select_related("library")
        .prefetch_related("selections__region")
        .order_by("quarter", "pk")
    )


def anthology_pdf(year):
    stories = list(national_picks(year))
    for story in stories:
        story.photo_uri = pdf.image_data_uri(story.photo) if story.has_consented_photo else ""
    with translation.override(settings.LANGUAGE_CODE):
        return pdf.render_pdf(TEMPLATE, {"year": year, "stories": stories})
