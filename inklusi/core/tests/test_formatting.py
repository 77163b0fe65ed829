from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation


def render(text, **context):
    return Template("{% load inklusi %}" + text).render(Context(context))


def test_numbers_and_rupiah_the_indonesian_way():
    with translation.override("id"):
        assert render("{{ n|angka }}", n=1234567) == "1.234.567"
        assert render("{{ n|rupiah }}", n=1500000) == "Rp1.500.000"
        assert render("{{ n|rupiah }}", n=2499.6) == "Rp2.500"
        assert render("{{ n|angka }}", n=None) == "–"


def test_english_keeps_its_own_separators():
    with translation.override("en"):
        assert render("{{ n|angka }}", n=1234567) == "1,234,567"


def test_dates_in_indonesian():
    from datetime import date

    with translation.override("id"):
        assert render('{{ d|date:"j F Y" }}', d=date(2020, 7, 21)) == "21 Juli 2020"


def test_query_with_replaces_one_parameter():
    request = RequestFactory().get("/perpustakaan/?status=beneficiary&page=2")
    out = render("{% query_with page=3 %}", request=request)
    assert out == "status=beneficiary&amp;page=3"


def test_json_data_writes_what_json_script_writes():
    from django.utils.html import json_script

    value = [{"name": "<b>A & B</b> </script>", "lat": -2.5, "n": 3}, None, "'\""]
    assert render('{{ v|json_data:"pts" }}', v=value) == json_script(value, "pts")
