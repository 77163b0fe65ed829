"""Each role against each scope and each view: the access rule seen from outside.

Air Batu and Sukajadi are village libraries in Banyuasin (16.07); Tiga-puluh-lima Ilir is in
Palembang (16.71, charlie's area); Medan lies in another province.
"""

import pytest
from django.urls import reverse

ALL = ["admin", "province", "regency", "facilitator", "manager", "viewer", "charlie", "nobody"]

# Who may open each library's detail page (others get 404).
SEES = {
    "air_batu": {"admin", "province", "regency", "facilitator", "manager", "viewer"},
    "sukajadi": {"admin", "province", "regency", "facilitator", "viewer"},
    "banyuasin": {"admin", "province", "regency", "facilitator", "viewer"},
    "kemang_manis": {"admin", "province", "charlie"},
    "medan": {"admin"},
}
# Who may open its edit page (others get 404).
EDITS = {
    "air_batu": {"admin", "province", "regency", "facilitator", "manager"},
    "sukajadi": {"admin", "province", "regency", "facilitator"},
    "banyuasin": {"admin", "province", "regency", "facilitator"},
    "kemang_manis": {"admin", "province", "charlie"},
    "medan": {"admin"},
}
CREATES = {"admin", "province", "regency", "facilitator", "charlie"}
INVITES = {"admin", "province", "regency", "charlie"}


def cases(table):
    return [(who, lib, who in table[lib]) for lib in table for who in ALL]


@pytest.mark.parametrize("who,lib,allowed", cases(SEES))
def test_library_detail_follows_scope(people, libraries, login, who, lib, allowed):
    library = getattr(libraries, lib)
    response = login(getattr(people, who)).get(reverse("libraries:detail", args=[library.pk]))
    assert response.status_code == (200 if allowed else 404)


@pytest.mark.parametrize("who,lib,allowed", cases(EDITS))
def test_library_edit_page_follows_scope(people, libraries, login, who, lib, allowed):
    library = getattr(libraries, lib)
    response = login(getattr(people, who)).get(reverse("libraries:edit", args=[library.pk]))
    assert response.status_code == (200 if allowed else 404)


@pytest.mark.parametrize("who,lib,allowed", cases(EDITS))
def test_library_edit_post_follows_scope(people, libraries, login, who, lib, allowed):
    library = getattr(libraries, lib)
    url = reverse("libraries:edit", args=[library.pk])
    response = login(getattr(people, who)).post(url, {"name": "Diubah lewat URL"})
    library.refresh_from_db()
    if allowed:
        assert response.status_code in (200, 302)
    else:
        assert response.status_code == 404
        assert library.name != "Diubah lewat URL"


@pytest.mark.parametrize("who", ALL)
def test_library_list_shows_only_scope(people, libraries, login, who):
    response = login(getattr(people, who)).get(reverse("libraries:list"))
    shown = {lib for lib in SEES if getattr(libraries, lib).name in response.text}
    assert shown == {lib for lib in SEES if who in SEES[lib]}


@pytest.mark.parametrize("who", ALL)
def test_library_export_holds_only_scope(people, libraries, login, who):
    response = login(getattr(people, who)).get(reverse("libraries:export", args=["csv"]))
    text = b"".join(response.streaming_content).decode("utf-8")
    shown = {lib for lib in SEES if getattr(libraries, lib).name in text}
    assert shown == {lib for lib in SEES if who in SEES[lib]}


@pytest.mark.parametrize("who", ALL)
def test_region_page_lists_only_scope(people, libraries, login, who):
    response = login(getattr(people, who)).get(reverse("regions:detail", args=["16"]))
    assert response.status_code == 200
    shown = {lib for lib in SEES if getattr(libraries, lib).name in response.text}
    assert shown == {lib for lib in SEES if who in SEES[lib]} - {"medan"}


@pytest.mark.parametrize("who", ALL)
def test_create_library_needs_a_regional_editing_role(people, login, who):
    response = login(getattr(people, who)).get(reverse("libraries:create"))
    assert response.status_code == (200 if who in CREATES else 403)


@pytest.mark.parametrize("who", ALL)
def test_team_and_invite_need_a_coordinating_role(people, login, who):
    client = login(getattr(people, who))
    expected = 200 if who in INVITES else 403
    assert client.get(reverse("team:team")).status_code == expected
    assert client.get(reverse("team:invite")).status_code == expected


@pytest.mark.parametrize("who", ALL)
def test_admin_is_for_national_admins_only(people, login, who):
    response = login(getattr(people, who)).get("/admin/")
    assert response.status_code == (200 if who == "admin" else 302)


@pytest.mark.parametrize(
    "name,args",
    [
        ("home:home", []),
        ("libraries:list", []),
        ("libraries:create", []),
        ("regions:index", []),
        ("accounts:profile", []),
        ("team:team", []),
    ],
)
def test_pages_need_login(client, db, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
