"""The page-weight measure counts the page and every stylesheet and script it links."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from inklusi.devtools.pageweight import page_weight


def test_it_counts_html_css_and_js(people, login):
    weight = page_weight(login(people.regency), reverse("libraries:create"))
    names = [name for name, _, _ in weight.parts]
    assert names[0] == reverse("libraries:create")
    assert "/static/css/app.css" in names
    assert "/static/vendor/leaflet/leaflet.js" in names
    assert weight.compressed < weight.raw


def test_a_page_that_does_not_answer_200_is_an_error(client, db):
    with pytest.raises(RuntimeError):
        page_weight(client, reverse("libraries:list"))  # redirects to the login


def test_the_command_prints_the_total(people, capsys):
    call_command("measure_page_weight", "/perpustakaan/", "--as", people.regency.email)
    assert "total (raw, gzip)" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("measure_page_weight", "/perpustakaan/", "--as", "nobody@nowhere.id")
