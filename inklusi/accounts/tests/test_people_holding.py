"""Who holds a role over a place: the people the reminders (and announcements) reach."""

from inklusi.accounts.models import Role, people_holding, region_and_above


def test_region_and_above():
    assert region_and_above("16.07.10.1002") == ["16", "16.07", "16.07.10", "16.07.10.1002"]
    assert region_and_above("16") == ["16"]


def test_coordinators_over_a_village_are_its_regencys_and_provinces(people):
    coordinators = [Role.PROVINCE_COORDINATOR, Role.REGENCY_COORDINATOR]
    assert set(people_holding(coordinators, "16.07.10.1002")) == {people.province, people.regency}
    assert list(people_holding([Role.REGENCY_COORDINATOR], "16.07")) == [people.regency]
    assert list(people_holding([Role.REGENCY_COORDINATOR], "16.71.01.1001")) == [people.charlie]
    assert list(people_holding(coordinators, "12.71")) == []


def test_inactive_people_and_other_roles_are_left_out(people):
    people.regency.is_active = False
    people.regency.save()
    assert list(people_holding([Role.REGENCY_COORDINATOR], "16.07")) == []
    assert list(people_holding([Role.FACILITATOR], "16.07.10")) == [people.facilitator]
