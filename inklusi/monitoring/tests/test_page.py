"""What the dashboard page writes beforehand (monitoring/page.py): figures the Indonesian way
(English with its own separators), links as reverse() gives them, WhatsApp greetings."""

from django.urls import reverse
from django.utils import translation

from inklusi.core.numbers import NumberStyle
from inklusi.libraries.models import Library
from inklusi.monitoring.page import Links, change_text, figure_text, outcome_cells, whatsapp_href
from inklusi.surveys.results import Outcomes


def test_figures_in_indonesian_and_english():
    with translation.override("id"):
        assert figure_text(1234567) == "1.234.567"
        assert figure_text(12.5, "percent") == "12,5%"
        assert figure_text(1.005, "decimal") == "1,01"
        assert figure_text(None, "percent") == "–"
        assert change_text({"change": -1234, "percent": 12.5}, "count") == "−1.234 (−13%)"
    with translation.override("en"):
        numbers = NumberStyle.active()
        assert figure_text(1234567, "count", numbers) == "1,234,567"
        assert figure_text(12.5, "percent", numbers) == "12.5%"
        assert change_text({"change": 0, "percent": None}, "count", numbers) == "±0"


def test_links_are_the_ones_reverse_gives():
    query = "period=month&at=2026-10"
    links = Links(query)
    assert links.library(42) == f"{reverse('monitoring:library', args=[42])}?{query}"
    assert links.region("16.07") == f"{reverse('monitoring:region', args=['16.07'])}?{query}"
    assert links.point({"region": "16", "lat": 0}) == links.region("16")
    assert links.point({"library": 7, "lat": 0}) == links.library(7)


def test_the_whatsapp_greeting_names_the_library_as_it_is_written():
    library = Library(name="Taman Baca A&B", whatsapp="6281234567890")
    with translation.override("en"):
        href = whatsapp_href(library)
    assert href.startswith("https://wa.me/6281234567890?text=Hello%2C%20this%20is")
    assert "A%26B." in href  # not "A&amp;B"
    assert whatsapp_href(Library(name="Tanpa Nomor")) == ""


def test_outcome_cells():
    figures = {"responses": 1200, "knowledge_agree": 600, "confidence_agree": 0}
    figures |= {"application_agree": 1199, "awareness_agree": 1, "followups": 0}
    with translation.override("id"):
        cells = outcome_cells(Outcomes(figures), NumberStyle.active())
    assert cells == (
        '<td class="num">1.200</td><td class="num">50%</td><td class="num">0%</td>'
        '<td class="num">100%</td><td class="num">0%</td><td class="num">–</td>'
    )
