"""Certificate eligibility, the PDF, and the public verification page."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from inklusi.testing.pdf import text_outside_page, text_runs
from inklusi.trainings import services
from inklusi.trainings.models import Attendance, Certificate

from .helpers import add_questions, add_session, make_training, messages_of, register


@pytest.fixture
def training(libraries):
    training = make_training(libraries.banyuasin, min_attendance=75)
    for hours in (6, 4, 2):
        add_session(training, -timedelta(hours=hours), minutes=60)
    add_session(training, -timedelta(minutes=10))
    add_questions(training, 2)
    return training


@pytest.fixture
def registration(training, people, libraries):
    return register(training, people.manager, libraries.air_batu)


def attend(registration, count):
    for session in registration.training.sessions.all()[:count]:
        Attendance.objects.create(registration=registration, session=session, method="code")


def post_test(registration):
    services.submit_test(registration, "post", {})


def test_eligibility_rule(training, registration):
    attend(registration, 2)
    post_test(registration)
    assert not services.is_eligible(registration)  # 50% < 75%
    assert services.issue_certificate(registration) is None
    attend_more = training.sessions.all()[2]
    Attendance.objects.create(registration=registration, session=attend_more, method="manual")
    assert services.is_eligible(registration)  # 75%


def test_post_test_required_or_not(training, registration):
    attend(registration, 4)
    assert not services.is_eligible(registration)
    training.post_test_required = False
    training.save()
    registration.training = training
    assert services.is_eligible(registration)


def test_a_participant_downloads_their_certificate(people, login, training, registration):
    attend(registration, 4)
    post_test(registration)
    client = login(people.manager)
    response = client.get(reverse("trainings:my_certificate", args=[training.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    certificate = Certificate.objects.get()
    text = PdfReader(BytesIO(response.content)).pages[0].extract_text()
    assert people.manager.full_name in text
    assert certificate.number in text
    assert certificate.get_absolute_url() in text.replace("\n", "")
    assert text_outside_page(response.content) == []
    # The address is printed short, on one line, and is a link to the verification page.
    printed = f"testserver{certificate.get_absolute_url()}"
    assert any(run[1].strip() == printed for run in text_runs(response.content))
    assert "http://testserver" not in text
    page = PdfReader(BytesIO(response.content)).pages[0]
    links = [a.get_object()["/A"]["/URI"] for a in page["/Annots"]]
    assert f"http://{printed}" in links
    # Asking again gives the same certificate.
    client.get(reverse("trainings:my_certificate", args=[training.pk]))
    assert Certificate.objects.count() == 1


def test_not_eligible_gets_a_message(people, login, training, registration):
    attend(registration, 1)
    response = login(people.manager).get(
        reverse("trainings:my_certificate", args=[training.pk]), follow=True
    )
    assert "A certificate needs 75% attendance and the post-test." in messages_of(response)
    assert not Certificate.objects.exists()


def test_numbers_are_random_and_unguessable(training, registration, people, libraries):
    attend(registration, 4)
    post_test(registration)
    other = register(training, people.regency, libraries.banyuasin)
    attend(other, 4)
    post_test(other)
    first, second = services.issue_certificate(registration), services.issue_certificate(other)
    assert first.number != second.number
    assert len(first.number.replace("-", "")) == 16


def test_verification_page_is_public_and_says_little(client, training, registration, people):
    attend(registration, 4)
    post_test(registration)
    certificate = services.issue_certificate(registration)
    response = client.get(certificate.get_absolute_url())
    assert response.status_code == 200
    assert "This certificate is genuine." in response.text
    assert people.manager.full_name in response.text
    assert "Bimtek SPP &amp; TIK" in response.text
    assert people.manager.email not in response.text
    assert "Air Batu" not in response.text  # not even the library
    assert training.meeting_passcode not in response.text
    lower = client.get(reverse("trainings:verify", args=[certificate.number.lower()]))
    assert lower.status_code == 200


@pytest.mark.parametrize(
    "number", ["AAAA-AAAA-AAAA-AAAA", "1", "x" * 300, "%00", "' OR 1=1", "ÄÄÄÄ-AAAA-AAAA-AAAA"]
)
def test_a_forged_number_is_404_with_a_clear_message(client, db, number):
    response = client.get(reverse("trainings:verify", args=[number]))
    assert response.status_code == 404
    assert "No certificate has this number." in response.text


def test_a_nul_in_the_number_never_500(client, db):
    response = client.get(reverse("trainings:verify", args=["AAAA-AAAA-AAAA-AAA\x00"]))
    assert response.status_code in (400, 404)


def test_organiser_issues_and_downloads_certificates(people, login, training, registration):
    attend(registration, 4)
    post_test(registration)
    client = login(people.regency)
    page = client.get(reverse("trainings:participants", args=[training.pk]))
    assert "1 participant met the rule" in page.text
    client.post(reverse("trainings:issue_certificates", args=[training.pk]))
    assert Certificate.objects.count() == 1
    url = reverse("trainings:participant_certificate", args=[registration.pk])
    assert client.get(url).status_code == 200
    assert login(people.charlie).get(url).status_code == 404
    assert (
        login(people.charlie)
        .post(reverse("trainings:issue_certificates", args=[training.pk]))
        .status_code
        == 404
    )
    assert (
        client.get(reverse("trainings:issue_certificates", args=[training.pk])).status_code == 405
    )
