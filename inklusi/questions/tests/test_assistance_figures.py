import datetime

from django.urls import reverse
from django.utils import timezone

from inklusi.core.months import add_months, first_of_month
from inklusi.questions.figures import assistance
from inklusi.questions.models import Question

from .helpers import ask


def test_open_questions_and_median_hours_per_regency(people, libraries):
    now = timezone.now()
    for hours in (2, 4, 9):
        question = ask(people.manager, libraries.air_batu)
        Question.objects.filter(pk=question.pk).update(
            asked_at=now - datetime.timedelta(hours=hours + 1),
            answered_at=now - datetime.timedelta(hours=1),
        )
    ask(people.manager, libraries.air_batu)  # still open
    ask(people.manager, libraries.kemang_manis)  # Palembang, open
    month = first_of_month(timezone.localdate())
    since = add_months(month, -1)  # the hours above may fall in last month
    rows = {row.region.code: row for row in assistance("16", first=since, last=month)}
    assert set(rows) == {"16.07", "16.71"}
    banyuasin = rows["16.07"]
    assert (banyuasin.open, banyuasin.asked, banyuasin.answered) == (1, 4, 3)
    assert round(banyuasin.median_hours, 3) == 4
    assert rows["16.71"].median_hours is None
    assert [row.region.code for row in assistance("16.07", first=since, last=month)] == ["16.07"]


def test_the_dashboard_shows_them(people, libraries, login):
    ask(people.manager, libraries.air_batu)
    response = login(people.province).get(reverse("monitoring:region", args=["16"]))
    assert 'id="assistance-heading"' in response.text
    assert "Kabupaten Banyuasin" in response.text.split('id="assistance-heading"')[1]
