"""Every select opens on the same placeholder, "— pilih —": not Django's "---------" on some
forms and a bare "—" on others. Set once, in the select option's template."""

import re

import pytest
from django.urls import reverse

from inklusi.plans.tests.helpers import make_plan


def empty_options(page):
    return re.findall(r'<option value=""[^>]*>([^<]*)</option>', page)


@pytest.fixture
def pages(people, libraries):
    plan = make_plan(libraries.air_batu, people.manager)
    activity = plan.activities.first()
    return {
        "need": reverse("plans:need_create", args=[plan.pk]),
        "budget line": reverse("plans:line_create", args=[plan.pk, activity.pk]),
        "advocacy": reverse("advocacy:create"),
        "partner": reverse("partners:create"),
        "training": reverse("trainings:create"),
        "activity": reverse("activities:create"),
    }


PAGES = ["need", "budget line", "advocacy", "partner", "training", "activity"]


@pytest.mark.parametrize("page", PAGES)
def test_every_form_opens_its_selects_on_the_same_placeholder(people, login, pages, page):
    html = login(people.regency).get(pages[page]).content.decode()
    labels = empty_options(html)
    assert labels, "the page has a select with an empty choice"
    assert set(labels) == {"— pilih —"}


def test_a_filter_keeps_the_name_of_its_empty_choice(people, login):
    html = login(people.regency).get(reverse("activities:list")).content.decode()
    assert "Semua" in empty_options(html)
