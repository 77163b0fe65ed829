"""A database that is restarting gives a 'try again' page (503), any other failure the 500 page."""

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import path


def lost_database(request):
    raise OperationalError("server closed the connection unexpectedly")


def bug(request):
    raise ValueError("a bug")


urlpatterns = [path("lost/", lost_database), path("bug/", bug)]
handler500 = "inklusi.home.views.server_error"
pytestmark = pytest.mark.urls(__name__)


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


def test_a_lost_database_asks_to_try_again(visitor):
    response = visitor.get("/lost/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert b"Sebentar lagi" in response.content
    assert b'http-equiv="refresh"' in response.content


def test_a_lost_database_after_a_form_says_nothing_was_saved(visitor):
    response = visitor.post("/lost/")
    assert response.status_code == 503
    assert b"belum tersimpan" in response.content
    assert b'http-equiv="refresh"' not in response.content


def test_any_other_failure_is_the_500_page(visitor):
    response = visitor.get("/bug/")
    assert response.status_code == 500
    assert b"Maaf" in response.content
