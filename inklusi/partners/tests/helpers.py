"""Factories for partners and their records, and the forms' POST data."""

import datetime

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from inklusi.partners.models import (
    Agreement,
    AgreementKind,
    Contribution,
    ContributionKind,
    Partner,
    PartnerKind,
)
from inklusi.testing.pdf import pdf_bytes


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Mitra Uji {n}")
    kind = PartnerKind.COMPANY

    @factory.post_generation
    def libraries(self, create, extracted, **kwargs):
        if create and extracted:
            self.libraries.add(*extracted)


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    kind = ContributionKind.CASH
    description = "Dana CSR"
    value = 1_000_000
    given_on = factory.LazyFunction(lambda: days(-10))


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    kind = AgreementKind.MOU
    title = factory.Sequence(lambda n: f"MoU {n}")
    starts_on = factory.LazyFunction(lambda: days(-100))
    ends_on = factory.LazyFunction(lambda: days(300))


def pdf_file(name="mou.pdf", size=None):
    body = pdf_bytes(padding=size or 0)
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def partner_data(**changes):
    """What the partner form posts: no contacts unless given."""
    data = {
        "name": "Koperasi Sinar Harapan",
        "kind": PartnerKind.COMMUNITY,
        "sector": "Simpan pinjam",
        "region": "",
        "library": "",
        "address": "",
        "website": "",
        "notes": "",
        "contacts-TOTAL_FORMS": 1,
        "contacts-INITIAL_FORMS": 0,
        "contacts-MIN_NUM_FORMS": 0,
        "contacts-MAX_NUM_FORMS": 1000,
        "contacts-0-name": "",
        "contacts-0-position": "",
        "contacts-0-phone": "",
        "contacts-0-email": "",
    }
    data.update(changes)
    return data


def messages_of(response):
    return [str(m) for m in response.context["messages"]]
