"""Recording the funder's decision on a budget line, with its document; and the realisation."""

import pytest

from inklusi.plans.models import BudgetLine, Decision, State
from inklusi.testing.factories import ActivityFactory
from inklusi.testing.pdf import pdf_bytes
from inklusi.testing.photos import upload

from .helpers import make_plan, messages_of, move_to, url


@pytest.fixture
def plan(libraries, people, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return move_to(make_plan(libraries.air_batu, people.manager), State.SUBMITTED, people)


@pytest.fixture
def line(plan):
    return BudgetLine.objects.get(item="Buku cerita")


def data(**changes):
    fields = {
        "decision": "approved",
        "approved_amount": "2.000.000",
        "decision_reference": "Berita Acara Musdes No. 3/2025",
        "decided_on": "2025-11-01",
        "decision_note": "",
    }
    fields.update(changes)
    return fields


def pdf(size=100):
    return upload(pdf_bytes(padding=size), name="berita-acara.pdf")


def test_it_works(people, login, plan, line):
    client = login(people.manager)
    assert client.get(url("decision", plan.pk, line.pk)).status_code == 200
    response = client.post(url("decision", plan.pk, line.pk), data(decision_document=pdf()))
    assert response.status_code == 302
    line.refresh_from_db()
    assert (line.decision, line.approved_amount) == (Decision.APPROVED, 2_000_000)
    assert line.decided_by == people.manager
    document = client.get(url("decision_document", plan.pk, line.pk))
    assert document.status_code == 200
    assert b"".join(document.streaming_content).startswith(b"%PDF-")
    assert login(people.charlie).get(url("decision_document", plan.pk, line.pk)).status_code == 404


def test_rejection(people, login, plan, line):
    login(people.manager).post(url("decision", plan.pk, line.pk), data(decision="rejected"))
    line.refresh_from_db()
    assert (line.decision, line.approved_amount) == (Decision.REJECTED, 0)


def test_more_than_asked_without_a_reason_is_refused(people, login, plan, line):
    response = login(people.manager).post(
        url("decision", plan.pk, line.pk), data(approved_amount="3.000.000")
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("decision_note")
    line.refresh_from_db()
    assert line.decision == Decision.PENDING
    response = login(people.manager).post(
        url("decision", plan.pk, line.pk),
        data(approved_amount="3.000.000", decision_note="Tambahan dari ADD."),
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    "changes,field",
    [
        ({"decision": "maybe"}, "decision"),
        ({"approved_amount": "-1"}, "approved_amount"),
        ({"approved_amount": ""}, "approved_amount"),
        ({"decision_reference": ""}, "decision_reference"),
        ({"decided_on": "2999-01-01"}, "decided_on"),
        ({"decided_on": "kemarin"}, "decided_on"),
    ],
)
def test_bad_decisions_are_form_errors(people, login, plan, line, changes, field):
    response = login(people.manager).post(url("decision", plan.pk, line.pk), data(**changes))
    assert response.status_code == 200
    assert response.context["form"].has_error(field)
    line.refresh_from_db()
    assert line.decision == Decision.PENDING


def test_a_document_must_be_a_pdf_of_limited_size(people, login, plan, line, settings):
    client = login(people.manager)
    not_pdf = upload(b"GIF89a not a pdf", name="scan.pdf")
    response = client.post(url("decision", plan.pk, line.pk), data(decision_document=not_pdf))
    assert response.context["form"].has_error("decision_document")
    assert "choose the document again" in " ".join(messages_of(response))
    big = pdf(size=11 * 1024 * 1024)
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = None
    response = client.post(url("decision", plan.pk, line.pk), data(decision_document=big))
    assert response.context["form"].has_error("decision_document")
    line.refresh_from_db()
    assert line.decision == Decision.PENDING


def test_decisions_wait_for_the_submission(people, login, libraries):
    draft = make_plan(libraries.sukajadi)
    line = draft.lines().first()
    response = login(people.regency).post(url("decision", draft.pk, line.pk), data(), follow=True)
    assert "once the plan is with the funder" in " ".join(messages_of(response))
    line.refresh_from_db()
    assert line.decision == Decision.PENDING


def test_realisation(people, login, plan, libraries):
    for line in plan.lines():
        login(people.manager).post(
            url("decision", plan.pk, line.pk), data(approved_amount=str(line.total))
        )
    activity = plan.activities.get(title="Kelas membaca")
    record = ActivityFactory(library=libraries.air_batu)
    books = BudgetLine.objects.get(item="Buku cerita")
    client = login(people.manager)
    assert client.get(url("realisation", plan.pk, activity.pk)).status_code == 200
    response = client.post(
        url("realisation", plan.pk, activity.pk),
        {"held": "yes", "activity": record.pk, f"spent_{books.pk}": "2.100.000", "note": "Lancar"},
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.held, activity.activity) == (True, record)
    assert plan.totals()["spent"] == 2_100_000


def test_realisation_refuses_another_librarys_activity(people, login, plan, libraries):
    activity = plan.activities.get(title="Kelas membaca")
    elsewhere = ActivityFactory(library=libraries.sukajadi)
    response = login(people.manager).post(
        url("realisation", plan.pk, activity.pk), {"held": "yes", "activity": elsewhere.pk}
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("activity")


def test_it_checks_scope(people, login, plan, line):
    client = login(people.charlie)
    assert client.post(url("decision", plan.pk, line.pk), data()).status_code == 404
    activity = plan.activities.first()
    assert client.get(url("realisation", plan.pk, activity.pk)).status_code == 404


def test_read_only_viewer_cannot_decide(people, login, plan, line):
    assert login(people.viewer).post(url("decision", plan.pk, line.pk), data()).status_code == 404
    line.refresh_from_db()
    assert line.decision == Decision.PENDING


def test_bad_id_is_404(people, login, plan):
    client = login(people.admin)
    assert client.get(url("decision", plan.pk, 987654)).status_code == 404
    assert client.get(url("decision_document", plan.pk, 987654)).status_code == 404
    assert client.get(url("realisation", plan.pk, 987654)).status_code == 404


def test_wrong_method_is_405(people, login, plan, line):
    assert login(people.manager).put(url("decision", plan.pk, line.pk)).status_code == 405
