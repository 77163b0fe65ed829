"""An ask can name the work-plan budget line it is for: one of the subject library's lines."""

from django.urls import reverse

from inklusi.advocacy.models import AdvocacyMeeting
from inklusi.plans.models import BudgetLine
from inklusi.plans.tests.helpers import make_plan

from .helpers import meeting_data

URL = reverse("advocacy:create")


def test_the_ask_links_a_line_of_the_librarys_plan(people, login, libraries):
    line = BudgetLine.objects.filter(activity__plan=make_plan(libraries.air_batu)).first()
    data = meeting_data(region="", library=libraries.air_batu.pk, budget_line=line.pk)
    response = login(people.regency).post(URL, data)
    assert response.status_code == 302
    meeting = AdvocacyMeeting.objects.get()
    assert meeting.budget_line == line
    page = login(people.regency).get(meeting.get_absolute_url()).content.decode()
    assert line.activity.plan.get_absolute_url() in page


def test_a_meeting_about_a_region_may_name_a_line_of_a_library_inside_it(people, login, libraries):
    line = BudgetLine.objects.filter(activity__plan=make_plan(libraries.air_batu)).first()
    response = login(people.regency).post(URL, meeting_data(budget_line=line.pk))  # 16.07
    assert response.status_code == 302


def test_a_line_of_another_library_is_refused(people, login, libraries):
    line = BudgetLine.objects.filter(activity__plan=make_plan(libraries.sukajadi)).first()
    data = meeting_data(region="", library=libraries.air_batu.pk, budget_line=line.pk)
    response = login(people.regency).post(URL, data)
    assert response.context["form"].has_error("budget_line")
    assert not AdvocacyMeeting.objects.exists()


def test_lines_outside_the_users_area_are_not_offered(people, login, libraries):
    make_plan(libraries.air_batu)
    form = login(people.charlie).get(URL).context["form"]
    assert list(form.fields["budget_line"].queryset) == []
    form = login(people.manager).get(URL).context["form"]
    assert form.fields["budget_line"].queryset.count() == BudgetLine.objects.count()
