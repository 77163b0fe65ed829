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
        ("notifications:inbox", []),
        ("notifications:failures", []),
        ("downloads:detail", [1]),
        ("imports:index", []),
        ("imports:detail", [1]),
        ("audit:search", []),
        ("home:outbox", []),
    ],
)
def test_pages_need_login(client, db, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


# Every app's pages against each persona, on the shared data set (`inklusi.testing.world`):
# the records of the Air Batu library, the Banyuasin library office's training and the
# Banyuasin regency. The expected status of each persona is given in the order of ALL:
#                    admin province regency facilitator manager viewer charlie nobody
OPEN = "200 200 200 200 200 200 200 200"  # a list or export: each sees their own rows
SEEN = "200 200 200 200 200 200 404 404"  # a record of Air Batu: its region and its manager
EDITED = "200 200 200 200 200 404 404 404"  # the viewer only reads
CREATED = "200 200 200 200 200 403 200 403"  # any editing role creates in its own area
REGIONAL = "200 200 200 200 403 200 200 403"  # overviews of a region, not for one library
RUN_BY_OFFICE = "200 200 200 200 404 404 404 404"  # run by the Banyuasin office's editors
COORDINATED = "200 200 200 403 403 403 404 403"  # followed by the coordinators above it
REGISTRY = "200 200 200 200 404 403 200 403"  # the registry, by those who add libraries


def record_pages(app, record):
    """The list, detail, edit and create pages of an app about one kind of record."""
    args = lambda at: [getattr(at, record).pk]  # noqa: E731
    return [
        ("list", f"{app}:list", None, OPEN),
        ("detail", f"{app}:detail", args, SEEN),
        ("edit", f"{app}:edit", args, EDITED),
        ("create", f"{app}:create", None, CREATED),
    ]


APP_PAGES = {
    "activities": [
        *record_pages("activities", "activity"),
        ("export", "activities:export", lambda at: ["csv"], OPEN),
        ("photo", "activities:photo", lambda at: [at.activity.pk, at.photo.pk], SEEN),
        ("thumbnail", "activities:thumbnail", lambda at: [at.activity.pk, at.photo.pk], SEEN),
    ],
    "reports": [
        *record_pages("reports", "report")[:3],
        # The manager's last month is filed and this month not open yet: to that report.
        ("create", "reports:create", None, "200 200 200 200 302 403 200 403"),
        ("export", "reports:export", lambda at: ["csv"], OPEN),
        ("compliance", "reports:compliance", None, OPEN),
    ],
    "plans": [
        *record_pages("plans", "plan"),
        ("export", "plans:proposal", lambda at: [at.plan.pk, "pdf"], SEEN),
        ("funding export", "plans:funding_export", lambda at: ["csv"], REGIONAL),
    ],
    "partners": [
        *record_pages("partners", "partner"),
        ("export", "overview:export", lambda at: ["mitra", "csv"], REGIONAL),
        ("agreement", "partners:agreement_edit", lambda at: [at.agreement.pk], EDITED),
        ("agreement document", "partners:agreement_document", lambda at: [at.agreement.pk], SEEN),
        ("contribution", "partners:contribution_edit", lambda at: [at.contribution.pk], EDITED),
    ],
    "advocacy": [
        # The log is the library side's working notes: not for read-only viewers, who may
        # be the counterpart; they get the brief.
        ("list", "advocacy:list", None, "200 200 200 200 200 403 200 403"),
        ("detail", "advocacy:detail", lambda at: [at.meeting.pk], EDITED),
        *record_pages("advocacy", "meeting")[2:],
        ("export", "advocacy:brief_library", lambda at: [at.library.pk], SEEN),
    ],
    "trainings": [
        ("list", "trainings:list", None, OPEN),
        ("detail", "trainings:detail", lambda at: [at.training.pk], SEEN),
        ("edit", "trainings:edit", lambda at: [at.training.pk], RUN_BY_OFFICE),
        ("create", "trainings:create", None, "200 200 200 200 403 403 200 403"),
        ("export", "trainings:export", lambda at: [at.training.pk, "csv"], RUN_BY_OFFICE),
        ("calendar", "trainings:calendar", lambda at: [at.training.pk], SEEN),
    ],
    "monitoring": [
        # Straight to one's own place; a user without a role has none.
        ("list", "monitoring:index", None, "302 302 302 302 302 302 302 403"),
        ("detail", "monitoring:library", lambda at: [at.library.pk], SEEN),
        ("region", "monitoring:region", lambda at: ["16.07"], "200 200 200 200 404 200 404 404"),
        ("export", "monitoring:library_export", lambda at: [at.library.pk, "pdf"], SEEN),
    ],
    "scores": [
        # Straight to one's own place (the manager to the library's card).
        ("list", "scores:index", None, "302 302 302 302 302 302 302 403"),
        ("detail", "scores:library", lambda at: [at.library.pk], SEEN),
        ("region", "scores:region", lambda at: ["16.07"], "200 200 200 200 404 200 404 404"),
        ("nation", "scores:nation", None, "200 404 404 404 404 404 404 404"),
        ("export", "iplm:regency", lambda at: ["16.07"], "200 200 200 200 404 200 404 404"),
    ],
    "announcements": [
        ("list", "announcements:list", None, OPEN),
        ("create", "announcements:create", None, "200 200 200 403 403 403 200 403"),
        # Addressed to everyone in Banyuasin, by its coordinator; the province is above.
        ("detail", "announcements:detail", lambda at: [at.announcement.pk], SEEN),
        ("attachment", "announcements:attachment", lambda at: [at.announcement.pk], SEEN),
        ("receipts", "announcements:receipts", lambda at: [at.announcement.pk], COORDINATED),
    ],
    "questions": [
        ("list", "questions:list", None, OPEN),
        ("create", "questions:create", None, CREATED),
        ("detail", "questions:detail", lambda at: [at.asked.pk], SEEN),
        ("photo", "questions:photo", lambda at: [at.asked.pk], SEEN),
        ("faq", "questions:faq", None, "200 200 200 200 200 200 200 403"),
    ],
    "stories": [
        *record_pages("stories", "story"),
        ("photo", "stories:photo", lambda at: [at.story.pk], SEEN),
        # Choosing for Banyuasin: its coordinators and those above; a facilitator never.
        ("selection", "stories:selection", lambda at: ["16.07"], COORDINATED),
        ("nation", "stories:selection", lambda at: ["nasional"], "200 403 403 403 403 403 403 403"),
        ("export", "stories:anthology", lambda at: [2026], "200 200 200 200 200 200 200 403"),
    ],
    "comments": [
        ("activity", "comments:thread", lambda at: ["kegiatan", at.activity.pk], SEEN),
        ("report", "comments:thread", lambda at: ["laporan", at.report.pk], SEEN),
        ("plan", "comments:thread", lambda at: ["rencana", at.plan.pk], SEEN),
        ("agreement", "comments:thread", lambda at: ["perjanjian", at.agreement.pk], SEEN),
        ("training", "comments:thread", lambda at: ["bimtek", at.training.pk], SEEN),
        ("people", "comments:people", lambda at: ["kegiatan", at.activity.pk], SEEN),
    ],
    "surveys": [
        ("detail", "surveys:manage", lambda at: [at.activity.pk], SEEN),
        ("edit", "surveys:paper", lambda at: [at.activity.pk], EDITED),
        ("export", "surveys:poster", lambda at: [at.activity.pk], SEEN),
    ],
    "notifications": [
        ("list", "notifications:inbox", None, OPEN),  # each their own
        ("settings", "notifications:settings", None, OPEN),
        ("failures", "notifications:failures", None, "200 403 403 403 403 403 403 403"),
    ],
    "imports": [
        # Each their own uploads; the registry is imported by those who add libraries.
        ("list", "imports:index", None, CREATED),
        ("template", "imports:template", lambda at: ["laporan"], CREATED),
        ("registry template", "imports:template", lambda at: ["perpustakaan"], REGISTRY),
    ],
    "audit": [
        (
            "library history",
            "audit:record",
            lambda at: ["libraries.library", at.library.pk],
            EDITED,
        ),
        ("plan history", "audit:record", lambda at: ["plans.plan", at.plan.pk], EDITED),
        (
            "report history",
            "audit:record",
            lambda at: ["reports.monthlyreport", at.report.pk],
            EDITED,
        ),
        (
            "training history",
            "audit:record",
            lambda at: ["trainings.training", at.training.pk],
            RUN_BY_OFFICE,
        ),
        (
            "person history",
            "audit:record",
            lambda at: ["accounts.user", at.participant.pk],
            "200 404 404 404 404 404 404 404",
        ),
        ("search", "audit:search", None, "200 403 403 403 403 403 403 403"),
    ],
    # The outbox is filled on the phone from the user's own records: the page is the same.
    "offline": [("outbox", "home:outbox", None, OPEN)],
}


@pytest.mark.parametrize(
    "name,args,expected",
    [
        pytest.param(name, args, expected, id=f"{app}-{action}")
        for app, pages in APP_PAGES.items()
        for action, name, args, expected in pages
    ],
)
def test_each_app_page_follows_scope(world, persona_clients, quick_pdfs, db, name, args, expected):
    url = reverse(name, args=args(world.at["in"]) if args else [])
    got = " ".join(str(persona_clients[who].get(url).status_code) for who in ALL)
    assert got == expected


# Lists and exports hold a Banyuasin record for those who see it, and only for them.
LISTED = [
    ("activities:export", ["csv"], lambda at: at.activity.title),
    ("reports:list", [], lambda at: at.library.name),
    ("plans:list", [], lambda at: at.library.name),
    ("partners:list", [], lambda at: at.partner.name),
    ("advocacy:list", [], lambda at: at.meeting.topic),
    ("trainings:commitments", [], lambda at: at.registration.commitment),
    ("announcements:list", [], lambda at: at.announcement.title),
    ("questions:list", [], lambda at: at.library.name),
    ("stories:list", [], lambda at: at.story.who),
]


@pytest.mark.parametrize("name,args,shown", LISTED)
def test_each_app_list_holds_only_the_scope(world, persona_clients, db, name, args, shown):
    text = shown(world.at["in"])
    holding = set()
    for who in ALL:
        response = persona_clients[who].get(reverse(name, args=args))
        content = response.getvalue() if response.streaming else response.content
        if text in content.decode():
            holding.add(who)
    assert holding == SEES["air_batu"] - ({"viewer"} if name == "advocacy:list" else set())
