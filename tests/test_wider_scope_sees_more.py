"""A wider scope sees at least what a narrower one inside it sees, on every named page.

`PAGES` lists every named URL of the project: how to fill its arguments from the shared data
set (`inklusi.testing.world`) for a record inside Banyuasin and one in Palembang, or why the
page is not about a scope. A new page fails `test_every_named_page_is_listed` until it joins.

For each page, whenever a narrower persona gets it (2xx, or a redirect that is not to the login
page), each wider persona around it (`CHAINS`) gets no 403 or 404: national admin ⊇ Sumatera
Selatan province coordinator ⊇ Banyuasin regency coordinator ⊇ the Air Batu library manager;
the regency coordinator ⊇ the Banyuasin read-only viewer; the province coordinator ⊇ the
Banyuasin facilitator and charlie, who coordinates Palembang. (A national scope once got lost
when OR'd, and the national admin got 404 on pages their own lists linked to.) People outside
the place get 404. PDFs are not printed here (`quick_pdfs`): access is checked before printing.
"""

from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from inklusi.testing.world import CHAINS

PERSONAS = ["admin", "province", "regency", "facilitator", "manager", "viewer", "charlie"]
# Who lies outside each place's records.
OUTSIDERS = {"in": ["charlie"], "out": ["regency", "facilitator", "manager", "viewer"]}


@dataclass
class Page:
    """A page of the logged-in app. `variants` give, for a place's records (`at`), the URL's
    arguments (a list) or (arguments, query); none for a page without arguments.
    `outsider` is what people outside the place get (None: the page is not about a place)."""

    variants: list = field(default_factory=list)
    outsider: int | None = 404


@dataclass
class PostOnly:
    """An action: a GET answers 405 (its POSTs are tested in each app's tests)."""

    args: object = None


@dataclass
class Own:
    """A participant's own page: only the person registered gets it, everyone else 404."""

    variants: list


@dataclass
class Exempt:
    reason: str


def pk(name):
    return lambda at: [getattr(at, name).pk]


def pks(*names):
    return lambda at: [getattr(at, name).pk for name in names]


def code(at):
    return [at.region.code]


def constant(*args):
    return lambda at: list(args)


def for_library(at):
    return [], {"library": at.library.pk}


THREADS = [
    lambda at: ["kegiatan", at.activity.pk],
    lambda at: ["laporan", at.report.pk],
    lambda at: ["rencana", at.plan.pk],
    lambda at: ["perjanjian", at.agreement.pk],
    lambda at: ["bimtek", at.training.pk],
]

PUBLIC = Exempt("public page: anonymous visitors see it, it shows only published records")
OWN_ACCOUNT = Exempt("about the user's own account: login, logout, password, language")
TOKEN = Exempt("reached by a secret token in an e-mailed link, not by scope")

PAGES = {
    "home:home": Page(),
    "home:health": Exempt("health check for the load balancer"),
    "home:manifest": Exempt("the installable app's manifest: no records"),
    "home:service_worker": Exempt("the service worker's script: no records"),
    "home:outbox": Exempt("filled on the phone from the user's own records"),
    "set_language": OWN_ACCOUNT,
    # accounts
    "accounts:login": OWN_ACCOUNT,
    "accounts:logout": OWN_ACCOUNT,
    "accounts:profile": Page(),
    "accounts:set_language": PostOnly(),
    "accounts:password_change": OWN_ACCOUNT,
    "accounts:password_reset": OWN_ACCOUNT,
    "accounts:password_reset_done": OWN_ACCOUNT,
    "accounts:password_reset_confirm": TOKEN,
    "accounts:password_reset_complete": OWN_ACCOUNT,
    "team:team": Page(),
    "team:invite": Page(),
    "team:revoke_role": PostOnly(pk("role")),
    "team:cancel_invitation": PostOnly(pk("invitation")),
    "team:accept_invitation": TOKEN,
    # regions
    "regions:index": Page(),
    "regions:search": Exempt("region names are public (the type-ahead of anonymous forms)"),
    # Every region page opens to everyone; it lists only the libraries in their scope.
    "regions:detail": Page([code], outsider=200),
    # libraries
    "libraries:list": Page(),
    "libraries:export": Page([constant("csv")], outsider=None),
    "libraries:search": Page([lambda at: ([], {"q": at.library.name[:12]})], outsider=None),
    "libraries:create": Page(),
    "libraries:detail": Page([pk("library")]),
    "libraries:edit": Page([pk("library")]),
    # activities
    "activities:list": Page(),
    "activities:export": Page([constant("csv")], outsider=None),
    "activities:create": Page([for_library]),
    "activities:detail": Page([pk("activity")]),
    "activities:edit": Page([pk("activity")]),
    "activities:photo": Page([pks("activity", "photo")]),
    "activities:thumbnail": Page([pks("activity", "photo")]),
    "activities:publish": PostOnly(pk("activity")),
    "activities:unpublish": PostOnly(pk("activity")),
    "activities:delete": PostOnly(pk("activity")),
    "activities:verify": PostOnly(pk("activity")),
    "activities:send_back": PostOnly(pk("activity")),
    # surveys
    "surveys:answer": Exempt("a participant's survey, reached by its token: no login, no scope"),
    "surveys:follow_up": TOKEN,
    "surveys:manage": Page([pk("activity")]),
    "surveys:poster": Page([pk("activity")]),
    "surveys:paper": Page([pk("activity")]),
    "surveys:close": PostOnly(pk("activity")),
    # reports
    "reports:list": Page(),
    "reports:export": Page([constant("csv")], outsider=None),
    "reports:create": Page([for_library]),
    "reports:detail": Page([pk("report")]),
    "reports:edit": Page([pk("report")]),
    "reports:compliance": Page(),
    "reports:compliance_export": Page([constant("csv")], outsider=None),
    # public pages
    "public:index": PUBLIC,
    "public:atom": PUBLIC,
    "public:rss": PUBLIC,
    "public:library": PUBLIC,
    "public:activity": PUBLIC,
    "public:region": PUBLIC,
    "public:region_atom": PUBLIC,
    "public:region_rss": PUBLIC,
    "public:story": PUBLIC,
    "public:story_photo": PUBLIC,
    # partners
    "partners:list": Page(),
    "partners:create": Page(),
    "overview:index": Page(),
    "overview:export": Page([constant("mitra", "csv")], outsider=None),
    "partners:agreements_ending": Page(),
    "partners:agreement_edit": Page([pk("agreement"), pk("agreement_for_all")]),
    "partners:agreement_document": Page([pk("agreement")]),
    "partners:contribution_edit": Page([pk("contribution")]),
    "partners:detail": Page([pk("partner"), pk("regional_partner")]),
    "partners:edit": Page([pk("partner"), pk("regional_partner")]),
    "partners:add_library": PostOnly(pk("partner")),
    "partners:remove_library": PostOnly(pks("partner", "library")),
    "partners:contribution_create": Page([pk("partner")]),
    "partners:agreement_create": Page([pk("partner"), pk("regional_partner")]),
    # advocacy
    "advocacy:list": Page(),
    "advocacy:create": Page(),
    "advocacy:detail": Page([pk("meeting"), pk("region_meeting")]),
    "advocacy:edit": Page([pk("meeting"), pk("region_meeting")]),
    "advocacy:follow_up": PostOnly(pk("meeting")),
    "advocacy:brief_library_form": Page([pk("library")]),
    "advocacy:brief_library": Page([pk("library")]),
    "advocacy:brief_region_form": Page([code]),
    "advocacy:brief_region": Page([code]),
    # plans
    "plans:list": Page(),
    "plans:create": Page([for_library]),
    "plans:funding": Page(),
    "plans:funding_export": Page([constant("csv")], outsider=None),
    "plans:detail": Page([pk("plan"), pk("submitted")]),
    "plans:edit": Page([pk("plan")]),
    "plans:need_create": Page([pk("plan")]),
    "plans:need_edit": Page([pks("plan", "need")]),
    "plans:activity_create": Page([pk("plan")]),
    "plans:activity_edit": Page([pks("plan", "plan_activity")]),
    "plans:line_create": Page([pks("plan", "plan_activity")]),
    "plans:line_edit": Page([pks("plan", "plan_activity", "line")]),
    "plans:realisation": Page([pks("submitted", "submitted_activity")]),
    "plans:delete": PostOnly(lambda at: [at.plan.pk, "need", at.need.pk]),
    "plans:submit_for_review": PostOnly(pk("plan")),
    "plans:withdraw": PostOnly(pk("plan")),
    "plans:review": PostOnly(pk("plan")),
    "plans:comment": PostOnly(pk("plan")),
    "plans:submit_to_funder": Page([pk("submitted")]),
    "plans:decision": Page([pks("submitted", "decided_line")]),
    "plans:decision_document": Page([pks("submitted", "decided_line")]),
    "plans:proposal": Page([lambda at: [at.plan.pk, "pdf"]]),
    # trainings
    "trainings:list": Page(),
    "trainings:create": Page(),
    "trainings:commitments": Page(),
    "trainings:register": TOKEN,
    "trainings:verify": Exempt("public: anyone checks a certificate by its unguessable number"),
    "trainings:detail": Page([pk("training")]),
    "trainings:edit": Page([pk("training")]),
    "trainings:calendar": Page([pk("training")]),
    "trainings:session_create": Page([pk("training")]),
    "trainings:questions": Page([pk("training")]),
    "trainings:participants": Page([pk("training")]),
    "trainings:participant_add": Page([pk("training")]),
    "trainings:export": Page([lambda at: [at.training.pk, "csv"]]),
    "trainings:invite_audience": PostOnly(pk("training")),
    "trainings:issue_certificates": PostOnly(pk("training")),
    "trainings:results": Page([pk("training")]),
    "trainings:check_in": Own([pk("training")]),
    "trainings:test": Own([lambda at: [at.training.pk, "awal"]]),
    "trainings:evaluation": Own([pk("training")]),
    "trainings:commitment": Own([pk("training")]),
    "trainings:my_certificate": Own([pk("training")]),
    "trainings:session_edit": Page([pk("session")]),
    "trainings:session_delete": PostOnly(pk("session")),
    "trainings:material_add": PostOnly(pk("session")),
    "trainings:screen": Page([pk("session")]),
    "trainings:session_attendance": Page([pk("session")]),
    "trainings:material": Page([pk("material")]),
    "trainings:material_delete": PostOnly(pk("material")),
    "trainings:question_edit": Page([pk("question")]),
    "trainings:question_delete": PostOnly(pk("question")),
    "trainings:participant_certificate": Page([pk("registration")]),
    # KPI cards and the regency's IPLM workbook
    "scores:index": Page(),
    "scores:nation": Page(),
    "scores:region": Page([code]),
    "scores:library": Page([pk("library")]),
    "iplm:regency": Page([code]),
    # monitoring
    "monitoring:index": Page(),
    "monitoring:nation": Page(),
    "monitoring:nation_export": Page([constant("pdf")], outsider=None),
    "monitoring:region": Page([code]),
    "monitoring:region_export": Page([lambda at: [at.region.code, "pdf"]]),
    "monitoring:library": Page([pk("library")]),
    "monitoring:library_export": Page([lambda at: [at.library.pk, "pdf"]]),
    # announcements
    "announcements:list": Page(),
    "announcements:create": Page(),
    "announcements:detail": Page([pk("announcement")]),
    "announcements:attachment": Page([pk("announcement")]),
    "announcements:receipts": Page([pk("announcement")]),
    "announcements:remind": PostOnly(pk("announcement")),
    # questions
    "questions:list": Page(),
    "questions:create": Page(),
    "questions:faq": Page(),
    "questions:detail": Page([pk("asked")]),
    "questions:photo": Page([pk("asked")]),
    "questions:answer": PostOnly(pk("asked")),
    "questions:set_faq": PostOnly(pk("asked")),
    # stories
    "stories:list": Page(),
    "stories:create": Page(),
    "stories:detail": Page([pk("story")]),
    "stories:edit": Page([pk("story")]),
    "stories:photo": Page([pk("story")]),
    "stories:withdraw_consent": PostOnly(pk("story")),
    "stories:selection": Page([code]),
    "stories:choose": PostOnly(lambda at: [at.region.code, at.story.pk]),
    "stories:take_back": PostOnly(lambda at: [at.region.code, at.story.pk]),
    "stories:anthology": Page([constant(2026)], outsider=None),
    # comments: a thread on each kind of record that has one
    "comments:thread": Page(THREADS),
    "comments:people": Page([lambda at: (["kegiatan", at.activity.pk], {"q": "example"})]),
    # notifications: each person's own; the failures page is the national admin's
    "notifications:inbox": Page(),
    "notifications:badge": Page(),
    "notifications:settings": Page(),
    "notifications:open": Exempt("one's own notification: only its recipient (404 to others)"),
    "notifications:mark_all_read": PostOnly(),
    "notifications:unsubscribe": TOKEN,
    "notifications:failures": Page(),
    # downloads: asked for from a dashboard, then the asker's own
    "downloads:create": PostOnly(),
    "downloads:detail": Exempt("one's own download: only who asked for it (404 to others)"),
    "downloads:fetch": Exempt("one's own download, re-checked against the scope when fetched"),
    "imports:index": Exempt("one's own uploads"),
    "imports:template": Exempt("an empty template: no records"),
    "imports:detail": Exempt("one's own upload: only who uploaded it (404 to others)"),
    "imports:start": Exempt("starts one's own upload (POST): only who uploaded it (404 to others)"),
    # the API (with the session here; tokens in tests/test_api_permission_matrix.py)
    "api:tokens": Page(),
    "api:revoke_token": Exempt("one's own token: 404 to anyone else (api/tests/test_tokens.py)"),
    "rest:region-list": Page(),
    "rest:region-detail": Page([code], outsider=200),
    "rest:library-list": Page(),
    "rest:library-detail": Page([pk("library")]),
    "rest:activity-list": Page(),
    "rest:activity-detail": Page([pk("activity")]),
    "rest:report-list": Page(),
    "rest:report-detail": Page([pk("report")]),
    "rest:training-list": Page(),
    "rest:training-detail": Page([pk("training")]),
    "rest:indicators": Page([lambda at: ([], {"region": at.region.code}), for_library]),
    "rest:schema": Exempt("the API's description: no records"),
    "rest:docs": Exempt("the API's browsable description: no records"),
    "opendata:csv": PUBLIC,
    "opendata:json": PUBLIC,
    # who did what: the two-factor steps of one's own log-in, the audit trail
    "accounts:two_factor": OWN_ACCOUNT,
    "accounts:two_factor_setup": OWN_ACCOUNT,
    "audit:search": Page(),
    "audit:record": Page(
        [
            lambda at: ["libraries.library", at.library.pk],
            lambda at: ["activities.activity", at.activity.pk],
            lambda at: ["plans.plan", at.plan.pk],
            lambda at: ["partners.agreement", at.agreement.pk],
            lambda at: ["trainings.training", at.training.pk],
        ]
    ),
}
# Namespaces whose pages are not the app's own.
EXEMPT_NAMESPACES = {
    "admin": "Django's admin: for staff only (test_admin_is_for_national_admins_only)"
}


def named_urls(resolver=None, namespace=""):
    """Every named URL pattern, "namespace:name", nested namespaces included."""
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            prefix = f"{namespace}:{inner}" if namespace and inner else namespace or inner
            names |= named_urls(pattern, prefix)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names


def test_every_named_page_is_listed():
    """A new page must say here how its records are reached (or why it is not about scope)."""
    names = {n for n in named_urls() if n.split(":")[0] not in EXEMPT_NAMESPACES}
    assert sorted(names - PAGES.keys()) == [], "add these pages to PAGES"
    assert sorted(PAGES.keys() - names) == [], "these pages no longer exist"


def url_of(name, variant, at):
    found = variant(at) if variant else []
    args, query = found if isinstance(found, tuple) else (found, {})
    return reverse(name, args=args), query


def gets_page(response):
    """A page the persona may use: a success, or a redirect that is not to the login page."""
    if 200 <= response.status_code < 300:
        return True
    if 300 <= response.status_code < 400:
        return not response["Location"].startswith(reverse("accounts:login"))
    return False


def answers(clients, name, variant, at):
    url, query = url_of(name, variant, at)
    return {who: clients[who].get(url, query) for who in PERSONAS}


def cases(kind):
    return sorted(name for name, spec in PAGES.items() if isinstance(spec, kind))


@pytest.mark.parametrize("name", cases(Page))
def test_wider_scope_is_never_refused_what_a_narrower_one_gets(
    world, persona_clients, quick_pdfs, db, name
):
    page = PAGES[name]
    places = list(world.at) if page.variants else ["in"]  # no arguments: one page for all
    for variant in page.variants or [None]:
        got = {place: answers(persona_clients, name, variant, world.at[place]) for place in places}
        for place in places:
            where = f"{name} {url_of(name, variant, world.at[place])} ({place})"
            for wider, narrower in CHAINS:
                if gets_page(got[place][narrower]):
                    assert got[place][wider].status_code not in (403, 404), (
                        f"{where}: {narrower} gets {got[place][narrower].status_code}, "
                        f"{wider} gets {got[place][wider].status_code}"
                    )
            if page.variants and page.outsider is not None:
                home = "out" if place == "in" else "in"
                for who in OUTSIDERS[place]:
                    expected = {page.outsider}
                    if got[home][who].status_code == 403:
                        expected.add(403)  # a role that never allows the page, anywhere
                    assert got[place][who].status_code in expected, f"{where}: {who}"


@pytest.mark.parametrize("name", cases(Own))
def test_own_pages_are_for_the_participant_only(world, persona_clients, quick_pdfs, db, name):
    for place, at in world.at.items():
        for variant in PAGES[name].variants:
            url, query = url_of(name, variant, at)
            assert gets_page(persona_clients[f"participant-{place}"].get(url, query)), url
            for who in PERSONAS:
                if getattr(world.people, who) != at.participant:
                    assert persona_clients[who].get(url, query).status_code == 404, (url, who)


@pytest.mark.parametrize("name", cases(PostOnly))
def test_actions_refuse_a_get(world, persona_clients, db, name):
    url, query = url_of(name, PAGES[name].args, world.at["in"])
    assert persona_clients["admin"].get(url, query).status_code == 405


# An outsider's POST to each app's edit page changes nothing: (URL name, record, field).
CHANGED = "Diubah lewat URL"
OUTSIDER_EDITS = [
    ("libraries:edit", "library", "name"),
    ("activities:edit", "activity", "title"),
    ("reports:edit", "report", "notes"),
    ("plans:edit", "plan", "background"),
    ("partners:edit", "partner", "name"),
    ("partners:agreement_edit", "agreement", "title"),
    ("partners:contribution_edit", "contribution", "description"),
    ("advocacy:edit", "meeting", "topic"),
    ("trainings:edit", "training", "title"),
    ("trainings:session_edit", "session", "topic"),
    ("stories:edit", "story", "who"),
]


@pytest.mark.parametrize("name,record,field_name", OUTSIDER_EDITS)
@pytest.mark.parametrize("who,place", [("charlie", "in"), ("regency", "out"), ("viewer", "in")])
def test_outsider_post_changes_nothing(
    world, persona_clients, db, name, record, field_name, who, place
):
    obj = getattr(world.at[place], record)
    before = getattr(obj, field_name)
    response = persona_clients[who].post(reverse(name, args=[obj.pk]), {field_name: CHANGED})
    assert response.status_code == 404
    obj.refresh_from_db()
    assert getattr(obj, field_name) == before


@pytest.mark.parametrize(
    "name,record",
    [
        ("team:revoke_role", "role"),
        ("team:cancel_invitation", "invitation"),
        ("activities:delete", "activity"),
        ("trainings:session_delete", "session"),
        ("partners:remove_library", "partner"),
    ],
)
def test_outsider_post_removes_nothing(world, persona_clients, db, name, record):
    at = world.at["in"]
    obj = getattr(at, record)
    args = [obj.pk, at.library.pk] if name == "partners:remove_library" else [obj.pk]
    assert persona_clients["charlie"].post(reverse(name, args=args)).status_code == 404
    assert type(obj).objects.filter(pk=obj.pk).exists()
    assert at.partner.libraries.filter(pk=at.library.pk).exists()
