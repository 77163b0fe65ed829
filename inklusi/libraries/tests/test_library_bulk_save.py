"""`save_libraries`: many at once (the import); a library that changes status, region or
joining date has its summaries written again, as with `save_library`."""

import pytest

from inklusi.libraries.models import Library, Status
from inklusi.libraries.services import save_libraries
from inklusi.monitoring import summaries
from inklusi.testing.factories import MonthlyReportFactory

pytestmark = pytest.mark.django_db


def test_new_and_changed_libraries_are_saved_and_the_summaries_follow(libraries):
    MonthlyReportFactory(library=libraries.sukajadi)
    libraries.sukajadi.status = Status.BENEFICIARY  # its report now counts as filed
    new = Library(name="Perpustakaan Baru", region=libraries.regions["16.07.10.1002"])
    save_libraries([libraries.sukajadi, new], ["status"])
    assert Library.objects.get(pk=libraries.sukajadi.pk).status == Status.BENEFICIARY
    assert Library.objects.filter(name="Perpustakaan Baru").exists()
    assert set(summaries.check().values()) == {(0, 0)}
