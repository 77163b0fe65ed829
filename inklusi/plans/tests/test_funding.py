"""The funding overview: asked, approved and spent by source and regency, within the scope."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from inklusi.plans import queries
from inklusi.plans.models import State

from .helpers import make_plan, move_to, url


@pytest.fixture
def plans(libraries, people):
    decided = move_to(make_plan(libraries.air_batu, year=2026), State.DECIDED, people)
    make_plan(libraries.sukajadi, year=2026)  # a draft: not asked yet
    palembang = make_plan(libraries.kemang_manis, year=2026)
    palembang.state = State.SUBMITTED
    palembang.save()
    return decided, palembang


def test_it_works(people, login, plans):
    response = login(people.province).get(url("funding") + "?year=2026")
    assert response.status_code == 200
    assert response.context["totals"] == {
        "asked": 2 * 3_450_253,
        "approved": 3_450_253,
        "spent": 0,
    }
    regencies = {row["code"]: row["asked"] for row in response.context["regencies"]}
    assert regencies == {"16.07": 3_450_253, "16.71": 3_450_253}
    sources = {row["label"]: row["asked"] for row in response.context["sources"]}
    assert len(sources) == 3


def test_it_checks_scope(people, login, plans):
    response = login(people.regency).get(url("funding") + "?year=2026")
    assert [row["code"] for row in response.context["regencies"]] == ["16.07"]
    response = login(people.charlie).get(url("funding") + "?year=2026")
    assert response.context["totals"]["approved"] == 0


def test_managers_have_no_overview(people, login):
    assert login(people.manager).get(url("funding")).status_code == 403
    assert login(people.manager).get(url("funding_export", "xlsx")).status_code == 403


def test_viewer_reads_it(people, login, plans):
    assert login(people.viewer).get(url("funding") + "?year=2026").status_code == 200


def test_xlsx_export(people, login, plans):
    response = login(people.province).get(url("funding_export", "xlsx") + "?year=2026")
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Year", "Regency code", "Regency/city", "Funding source")
    assert sum(row[4] for row in rows[1:]) == 2 * 3_450_253
    assert {row[1] for row in rows[1:]} == {"16.07", "16.71"}
    assert sheet.title == "Funding"
    money = [cell for row in sheet.iter_rows(min_row=2, min_col=5, max_col=7) for cell in row]
    assert money and all(cell.number_format == '"Rp"#,##0' for cell in money)


def test_odd_years_fall_back_to_this_year(people, login, plans):
    client = login(people.province)
    for year in ("abc", "99999999999999999999", "-1"):
        assert client.get(url("funding") + f"?year={year}").status_code == 200
    assert client.get(url("funding_export", "xlsx") + "?year=abc").status_code == 200
    assert client.get(url("funding_export", "pdf")).status_code == 404


def test_wrong_method_is_405(people, login):
    assert login(people.province).post(url("funding")).status_code == 405


def test_home_page_queries(people, libraries):
    plan = move_to(make_plan(libraries.air_batu), State.IN_REVIEW, people)
    from inklusi.accounts.scope import Scope

    assert list(queries.awaiting_review(Scope.of(people.regency))) == [plan]
    assert list(queries.awaiting_review(Scope.of(people.manager))) == []
    assert list(queries.awaiting_review(Scope.of(people.charlie))) == []
    move_to(plan, State.SUBMITTED, people)
    assert list(queries.decisions_pending(Scope.of(people.manager))) == [plan]
    assert list(queries.decisions_pending(Scope.of(people.viewer))) == []
