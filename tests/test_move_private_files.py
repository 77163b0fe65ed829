"""`manage.py move_private_files` puts the files stored before private files existed (and any
a bulk change left behind) where their fields put new ones; a second run moves nothing."""

from io import StringIO

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from inklusi.activities.models import ActivityPhoto
from inklusi.activities.photos import add_photo, prepare_photo
from inklusi.core.storage import is_private
from inklusi.libraries.models import Library
from inklusi.partners.models import Agreement
from inklusi.partners.tests.helpers import AgreementFactory, PartnerFactory
from inklusi.testing.factories import ActivityFactory
from inklusi.testing.pdf import pdf_bytes
from inklusi.testing.photos import jpeg_with_gps, upload


def run(*args):
    out = StringIO()
    call_command("move_private_files", *args, stdout=out)
    return out.getvalue()


def test_old_files_move_once(libraries, people, django_capture_on_commit_callbacks):
    # As stored before: an agreement under partners/, a photo whose consent a bulk update took.
    old_pdf = default_storage.save("partners/agreements/2024/lama.pdf", ContentFile(pdf_bytes()))
    partner = PartnerFactory(libraries=[libraries.air_batu], created_by=people.regency)
    agreement = AgreementFactory(partner=partner, library=libraries.air_batu)
    Agreement.objects.filter(pk=agreement.pk).update(document=old_pdf)
    activity = ActivityFactory(library=libraries.air_batu)
    photo = add_photo(
        activity, prepare_photo(upload(jpeg_with_gps((64, 48)))), consent_to_publish=True
    )
    assert not is_private(photo.image.name)
    ActivityPhoto.objects.filter(pk=photo.pk).update(consent_to_publish=False)
    cover = default_storage.save("libraries/covers/air-batu.jpg", ContentFile(b"jpeg"))
    Library.objects.filter(pk=libraries.air_batu.pk).update(cover_photo=cover)

    assert "partners.Agreement.document: 1 to move" in run("--dry-run")
    assert default_storage.exists(old_pdf)
    with django_capture_on_commit_callbacks(execute=True):
        out = run()
    assert "partners.Agreement.document: 1 moved" in out
    assert "activities.ActivityPhoto.image: 1 moved" in out
    assert "activities.ActivityPhoto.thumbnail: 1 moved" in out
    agreement.refresh_from_db()
    photo.refresh_from_db()
    assert agreement.document.name == "private/" + old_pdf
    assert default_storage.exists(agreement.document.name) and not default_storage.exists(old_pdf)
    assert is_private(photo.image.name) and is_private(photo.thumbnail.name)
    assert Library.objects.get(pk=libraries.air_batu.pk).cover_photo.name == cover  # public
    assert "moved" not in run()
