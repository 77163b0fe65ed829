"""Writing the test questions; the participant list in Excel, grouped by regency."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from inklusi.testing.factories import LibraryFactory, UserFactory
from inklusi.trainings.models import Question

from .helpers import add_questions, make_training, register


@pytest.fixture
def training(libraries):
    return make_training(libraries.banyuasin)


def test_add_and_edit_a_question(people, login, training):
    url = reverse("trainings:questions", args=[training.pk])
    client = login(people.regency)
    assert client.get(url).status_code == 200
    data = {
        "text": "Apa itu TPBIS?",
        "options_text": "Program\n\nGedung\nBuku\n",
        "correct_number": "1",
    }
    assert client.post(url, data).status_code == 302
    question = Question.objects.get()
    assert (question.options, question.correct) == (["Program", "Gedung", "Buku"], 0)
    edit = reverse("trainings:question_edit", args=[question.pk])
    assert "Gedung" in client.get(edit).text
    client.post(edit, data | {"correct_number": "3"})
    question.refresh_from_db()
    assert question.correct == 2


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"options_text": "Hanya satu"}, "options_text"),
        ({"options_text": "\n".join("abcdefg")}, "options_text"),
        ({"correct_number": "4"}, "correct_number"),
        ({"correct_number": "0"}, "correct_number"),
        ({"correct_number": "x"}, "correct_number"),
        ({"text": ""}, "text"),
    ],
)
def test_bad_questions(people, login, training, changes, field):
    data = {"text": "Apa?", "options_text": "A\nB\nC", "correct_number": "1"} | changes
    response = login(people.regency).post(reverse("trainings:questions", args=[training.pk]), data)
    assert response.status_code == 200
    assert response.context["form"].has_error(field)
    assert not Question.objects.exists()


def test_questions_check_scope(people, login, training):
    (question,) = add_questions(training, 1)
    client = login(people.charlie)
    assert client.get(reverse("trainings:questions", args=[training.pk])).status_code == 404
    assert client.post(reverse("trainings:question_delete", args=[question.pk])).status_code == 404
    assert (
        login(people.viewer).get(reverse("trainings:question_edit", args=[question.pk])).status_code
        == 404
    )
    assert (
        login(people.regency)
        .get(reverse("trainings:question_delete", args=[question.pk]))
        .status_code
        == 405
    )
    assert (
        login(people.regency)
        .post(reverse("trainings:question_delete", args=[question.pk]))
        .status_code
        == 302
    )
    assert not Question.objects.exists()


def test_export_grouped_by_regency(people, login, libraries, regions, training):
    palembang = LibraryFactory(
        name="Perpustakaan Kota Palembang", kind="regency", region=regions["16.71"]
    )
    register(training, UserFactory(full_name="Zainal Palembang"), palembang)
    register(training, people.manager, libraries.air_batu)
    register(training, UserFactory(full_name="Ani Banyuasin"), libraries.sukajadi)
    response = login(people.regency).get(reverse("trainings:export", args=[training.pk, "xlsx"]))
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Regency/city", "Library", "Name")
    assert [row[0] for row in rows[1:]] == [
        "Kabupaten Banyuasin",
        "Kabupaten Banyuasin",
        "Kota Palembang",
    ]
    assert {rows[1][2], rows[2][2]} == {people.manager.full_name, "Ani Banyuasin"}


def test_export_checks_scope_and_format(people, login, training):
    assert (
        login(people.charlie)
        .get(reverse("trainings:export", args=[training.pk, "xlsx"]))
        .status_code
        == 404
    )
    assert (
        login(people.regency)
        .get(reverse("trainings:export", args=[training.pk, "pdf"]))
        .status_code
        == 404
    )
    csv = login(people.regency).get(reverse("trainings:export", args=[training.pk, "csv"]))
    assert csv.status_code == 200


def test_invite_the_audience_by_e_mail(people, login, libraries, regions, training, mailoutbox):
    training.audience_regions.set([regions["16.07"]])
    UserFactory(email="medan@example.id", role=("library_manager", libraries.medan))
    response = login(people.regency).post(reverse("trainings:invite_audience", args=[training.pk]))
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [["pengelola@example.id"]]
    assert training.invite_token in mailoutbox[0].body
    assert (
        login(people.charlie)
        .post(reverse("trainings:invite_audience", args=[training.pk]))
        .status_code
        == 404
    )
