"""Each role gets the menu of its work, from the one table in `home/menu.py`."""

import pytest
from django.urls import reverse

from inklusi.home.menu import MENU

EVERY = [entry.key for entry in MENU]
COORDINATOR = [key for key in EVERY if key not in ("my_library", "audit", "admin")]
MENUS = {
    "admin": [key for key in EVERY if key != "my_library"],
    "province": COORDINATOR,
    "regency": COORDINATOR,
    # A facilitator coaches a region but invites nobody.
    "facilitator": [key for key in COORDINATOR if key != "team"],
    # The manager's own work: their library, its activities, reports, plan and trainings, and
    # what the programme tells them and answers.
    "manager": [
        "home",
        "announcements",
        "questions",
        "monitoring",
        "my_library",
        "activities",
        "reports",
        "plans",
        "stories",
        "trainings",
        "profile",
    ],
    # Bappeda reads outcomes: figures, libraries, activities, reports, plans; no advocacy log.
    "viewer": [
        "home",
        "announcements",
        "questions",
        "monitoring",
        "libraries",
        "activities",
        "reports",
        "plans",
        "stories",
        "regions",
        "profile",
    ],
    # Without a role there is nothing to open yet but the home page, which says so.
    "nobody": ["home", "profile"],
}


@pytest.mark.parametrize("who", MENUS)
def test_each_role_gets_the_menu_of_its_work(people, libraries, login, who):
    response = login(getattr(people, who)).get(reverse("home:home"))
    assert [item["key"] for item in response.context["menu"]] == MENUS[who]


def test_the_page_draws_the_menu_and_marks_where_you_are(people, libraries, login):
    response = login(people.manager).get(reverse("reports:list"))
    nav = response.content.decode().split('id="mainnav"')[1].split("</nav>")[0]
    assert nav.count("<a ") == len(MENUS["manager"])
    assert f'href="{reverse("libraries:detail", args=[libraries.air_batu.pk])}"' in nav
    assert f'<a href="{reverse("reports:list")}" aria-current="page">' in nav
    for hidden in ("partners:list", "advocacy:list", "regions:index"):
        assert f'href="{reverse(hidden)}"' not in nav


def test_every_entry_opens_for_the_roles_that_see_it(people, libraries, login):
    for who in MENUS:
        client = login(getattr(people, who))
        for item in client.get(reverse("home:home")).context["menu"]:
            assert client.get(item["url"]).status_code in (200, 302), (who, item["key"])
