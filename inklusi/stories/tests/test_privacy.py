"""A story never shows a person's name or contact publicly: public text with a phone number,
an e-mail address, a link or the private name is refused, and the private name appears only
to the library's editors, never on the public pages, the brief or the anthology."""

import pytest
from django.urls import reverse

from inklusi.accounts.scope import Scope
from inklusi.stories.forms import StoryForm
from inklusi.stories.privacy import check_public_text

from .helpers import choose_up_to, make_story

VALID = {
    "domain": "livelihood",
    "who": "Seorang ibu penjual kue",
    "person": "Ibu Siti Aminah",
    "what_changed": "Ia kini menjual kue lewat grup WhatsApp desa.",
    "why_it_matters": "Penghasilannya naik Rp 1.500.000 sebulan sejak 2024.",
    "quote": "Sekarang pelanggan mencari saya.",
}


@pytest.mark.parametrize(
    "field,text",
    [
        ("what_changed", "Hubungi ia di 0812-3456-7890."),
        ("what_changed", "Nomornya +62 812 3456 7890"),
        ("why_it_matters", "Surelnya siti.aminah@example.id"),
        ("quote", "Ikuti saya di @siti_kue"),
        ("quote", "Lihat https://example.id/kue"),
        ("who", "Siti, penjual kue"),
        ("what_changed", "Bu AMINAH kini berjualan daring."),
    ],
)
def test_names_and_contacts_are_refused_in_public_text(people, libraries, field, text):
    form = StoryForm({**VALID, field: text}, scope=Scope(people.manager))
    assert not form.is_valid()
    assert field in form.errors


def test_titles_years_and_amounts_are_not_taken_for_names_or_numbers(people):
    form = StoryForm(VALID, scope=Scope(people.manager))
    assert form.is_valid(), form.errors
    check_public_text("Ibu itu berusia 45 tahun dan menabung Rp 2.000.000 pada 2025.", "Ibu Ani")


def test_the_reason_of_a_pick_is_checked_too(people, login, libraries):
    story = make_story(libraries.air_batu, people.manager)
    url = reverse("stories:choose", args=["16.07", story.pk])
    login(people.regency).post(url, {"reason": "Telepon 081234567890 untuk wawancara."})
    assert not story.selections.exists()


def test_the_private_name_is_shown_only_to_the_librarys_editors(people, login, libraries):
    story = make_story(libraries.air_batu, people.manager, person="Ibu Rahmawati")
    assert "Rahmawati" in login(people.manager).get(story.get_absolute_url()).text
    assert "Rahmawati" in login(people.regency).get(story.get_absolute_url()).text
    viewer_page = login(people.viewer).get(story.get_absolute_url())
    assert viewer_page.status_code == 200 and "Rahmawati" not in viewer_page.text


def test_public_pages_brief_and_anthology_never_show_the_name(people, login, libraries, client):
    story = make_story(
        libraries.air_batu, people.manager, person="Ibu Rahmawati", who="Seorang penjahit"
    )
    choose_up_to(story, ["16.07", "16", "nasional"], people)
    public = [
        reverse("public:story", args=[story.pk]),
        reverse("public:library", args=[libraries.air_batu.pk]),
        reverse("public:region", args=["16.07"]),
        reverse("public:index"),
    ]
    client.logout()
    for url in public:
        response = client.get(url)
        assert response.status_code == 200
        assert "Seorang penjahit" in response.text, url
        for private in ("Rahmawati", people.manager.email, people.manager.full_name):
            assert private not in response.text, (url, private)


def test_an_unchosen_story_is_not_public(people, libraries, client):
    story = make_story(libraries.air_batu, people.manager, who="Seorang penenun")
    assert client.get(reverse("public:story", args=[story.pk])).status_code == 404
    assert "Seorang penenun" not in client.get(reverse("public:region", args=["16.07"])).text


def test_a_coordinator_records_for_a_library_of_their_area_only(people, libraries, login):
    client = login(people.regency)
    outside = {**VALID, "library": libraries.kemang_manis.pk}
    response = client.post(reverse("stories:create"), outside)
    assert response.status_code == 200 and "library" in response.context["form"].errors
    response = client.post(reverse("stories:create"), {**VALID, "library": libraries.sukajadi.pk})
    assert response.status_code == 302
