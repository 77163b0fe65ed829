"""The yearly anthology gathers the nation's picks with every level's reasons; the advocacy
brief carries the place's chosen stories."""

from io import BytesIO

from django.urls import reverse
from pypdf import PdfReader

from inklusi.testing.pdf import text_outside_page
from inklusi.testing.photos import jpeg_with_gps, upload

from .helpers import choose_up_to, make_story


def pdf_text(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert text_outside_page(response.content, margin_mm=12, edge_mm=5) == []
    reader = PdfReader(BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages), reader


def test_the_anthology_holds_the_nations_picks_with_their_reasons(people, libraries, login):
    national = make_story(
        libraries.air_batu,
        people.manager,
        who="Seorang penjual kue",
        person="Ibu Rahmawati",
        photo=upload(jpeg_with_gps((64, 48)), name="kue.jpg"),
        photo_consent=True,
    )
    choose_up_to(national, ["16.07", "16", "nasional"], people, reason="Alasan terpilih")
    provincial = make_story(libraries.kemang_manis, people.charlie, who="Seorang kader posyandu")
    choose_up_to(provincial, ["16.71", "16"], people)
    text, reader = pdf_text(login(people.viewer).get(reverse("stories:anthology", args=[2026])))
    assert "Seorang penjual kue" in text
    for code in ("16.07", "16", "nasional"):
        assert f"Alasan terpilih ({code})" in text
    assert "Seorang kader posyandu" not in text  # the province's pick only
    assert "Rahmawati" not in text
    assert len(reader.pages) == 2  # the opening page and one story
    assert reader.pages[1].images  # the consented photo


def test_an_empty_year_says_so(people, login):
    text, _ = pdf_text(login(people.admin).get(reverse("stories:anthology", args=[2031])))
    assert "Tidak ada cerita" in text


def test_the_brief_carries_the_places_chosen_stories(people, libraries, login):
    story = make_story(libraries.air_batu, people.manager, who="Seorang petani karet")
    unchosen = make_story(libraries.air_batu, people.manager, who="Seorang nelayan sungai")
    choose_up_to(story, ["16.07"], people, reason="Bermakna")
    response = login(people.regency).get(reverse("advocacy:brief_region", args=["16.07"]))
    text, _ = pdf_text(response)
    assert "Seorang petani karet" in text and "Bermakna (16.07)" in text
    assert unchosen.who not in text
