"""Every kind of record people change leaves an audit entry when it is created, changed and
deleted, with the fields before and after; bulk writes through `record_created`."""

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse

from inklusi.api.services import create_token
from inklusi.comments.models import Comment
from inklusi.core.auditing import record_created
from inklusi.partners.models import PartnerContact
from inklusi.plans.models import Submission
from inklusi.stories.models import Level, Selection
from inklusi.trainings import services as training_services
from inklusi.trainings.models import Attendance

ACTION = LogEntry.Action


def _entries(instance, action):
    return LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(type(instance)),
        object_pk=str(instance.pk),
        action=action,
    )


def _samples(world):
    """One saved record of each registered kind, from the world and a few made here."""
    at = world.at["in"]
    found = {}
    for value in [*vars(at).values(), *vars(world.people).values()]:
        if isinstance(value, models.Model):
            found.setdefault(value._meta.label_lower, value)
    found["accounts.user"] = world.people.manager
    found.setdefault(
        "partners.partnercontact",
        PartnerContact.objects.create(partner=at.partner, name="Ibu Sari", position="Direktur"),
    )
    found.setdefault(
        "comments.comment",
        Comment.objects.create(
            content_type=ContentType.objects.get_for_model(at.activity),
            object_id=at.activity.pk,
            author=world.people.regency,
            body="Bagus sekali",
        ),
    )
    found.setdefault(
        "plans.submission",
        Submission.objects.create(plan=at.submitted, forum="musrenbang", submitted_on="2026-01-10"),
    )
    found.setdefault(
        "trainings.attendance",
        Attendance.objects.create(registration=at.registration, session=at.session),
    )
    found.setdefault(
        "stories.selection",
        Selection.objects.create(
            story=at.story,
            level=Level.NATION,
            reason="Paling bermakna",
            chosen_by=world.people.admin,
        ),
    )
    found.setdefault(
        "api.apitoken", create_token(world.people.manager, "Power BI", days=30, read_only=True)[0]
    )
    return found


def _text_field(model):
    """A plain text field the test may change."""
    for field in model._meta.concrete_fields:
        if (
            isinstance(field, (models.CharField, models.TextField))
            and not field.choices
            and not field.unique
            and field.name not in ("password", "token", "invite_token", "email")
            and not isinstance(field, models.FileField)
            and field.editable
        ):
            return field
    return None


REGISTERED = sorted(m._meta.label_lower for m in auditlog.get_models())


def test_the_people_facing_records_are_registered():
    for label in (
        "libraries.library",
        "accounts.roleassignment",
        "activities.activity",
        "reports.monthlyreport",
        "plans.plan",
        "partners.partner",
        "partners.agreement",
        "partners.contribution",
        "advocacy.advocacymeeting",
        "trainings.training",
        "trainings.registration",
        "trainings.certificate",
    ):
        assert label in REGISTERED


@pytest.mark.parametrize("label", REGISTERED)
def test_create_change_and_delete_are_audited(world, db, label):
    record = _samples(world)[label]
    assert _entries(record, ACTION.CREATE).exists(), "its creation was recorded"

    field = _text_field(type(record))
    if field is not None:
        before = getattr(record, field.attname)
        after = "Diubah untuk audit"[: field.max_length or 100]
        setattr(record, field.attname, after)
        record.save()
        entry = _entries(record, ACTION.UPDATE).latest("timestamp")
        assert entry.changes[field.name] == [str(before) if before is not None else "None", after]

    record_copy = type(record).objects.get(pk=record.pk)
    record_copy.delete()
    assert _entries(record, ACTION.DELETE).exists(), "its deletion was recorded"


def test_an_edit_through_a_page_records_who_and_from_where(world, db, client):
    people = world.people
    client.force_login(people.manager)
    response = client.post(
        reverse("accounts:profile"),
        {"full_name": "Pengelola Baru", "phone": "", "language": "id"},
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 302
    entry = _entries(people.manager, ACTION.UPDATE).get()
    assert entry.actor == people.manager
    assert entry.remote_addr == "203.0.113.7"
    assert entry.changes["full_name"][1] == "Pengelola Baru"


def test_record_created_writes_the_entries_of_a_bulk_insert_at_once(
    world, db, django_assert_max_num_queries
):
    at = world.at["in"]
    session = at.session
    Attendance.objects.filter(session=session).delete()
    rows = Attendance.objects.bulk_create(
        [Attendance(registration=at.registration, session=session)]
    )
    with set_actor(world.people.regency, remote_addr="198.51.100.2"):
        with django_assert_max_num_queries(3):
            written = record_created(rows)
    assert len(written) == 1
    entry = _entries(rows[0], ACTION.CREATE).get()
    assert entry.actor == world.people.regency
    assert entry.remote_addr == "198.51.100.2"
    assert entry.additional_data == {"parent": f"trainings.training:{at.training.pk}"}
    assert record_created([]) == []


def test_marking_attendance_in_bulk_is_audited(world, db):
    at = world.at["in"]
    Attendance.objects.filter(session=at.session).delete()
    training_services.mark_attendance(at.session, [at.registration.pk], by=world.people.regency)
    attendance = Attendance.objects.get(session=at.session, registration=at.registration)
    assert _entries(attendance, ACTION.CREATE).count() == 1


def test_an_answer_taken_with_update_is_audited_with_who_answered(world, db):
    from inklusi.accounts.scope import Scope
    from inklusi.questions import services as question_services

    asked = world.at["in"].asked
    regency = world.people.regency
    with set_actor(regency, remote_addr="198.51.100.3"):
        question_services.answer(asked, Scope.of(regency), regency, "Isi lewat menu Laporan.")
    entry = _entries(asked, ACTION.UPDATE).get()
    assert entry.actor == regency
    assert entry.remote_addr == "198.51.100.3"
    assert entry.changes["answer"] == ["", "Isi lewat menu Laporan."]
