import pytest
from django.db import connection

from inklusi.libraries.models import Library
from inklusi.regions.models import Region
from inklusi.testing.factories import make_region


def codes(queryset):
    return sorted(queryset.values_list("code", flat=True))


@pytest.fixture
def lookalikes(regions):
    """Made-up codes that share a textual prefix with 16.07 without lying below it."""
    for code in ["16.070", "16.071.01", "16.07-1", "16.07/", "16.0", "16.06.99"]:
        Region.objects.create(code=code, name=code, level=2, search_text=code)


def test_it_matches_the_code_and_everything_below_it(regions):
    assert codes(Region.objects.filter(code__inside="16.07")) == [
        "16.07",
        "16.07.10",
        "16.07.10.1002",
        "16.07.10.1004",
    ]
    assert codes(Region.objects.inside("16.07.10.1004")) == ["16.07.10.1004"]
    assert len(codes(Region.objects.inside("16"))) == 8


def test_it_does_not_match_codes_that_only_share_a_prefix(regions, lookalikes):
    assert codes(Region.objects.filter(code__inside="16.07")) == [
        "16.07",
        "16.07.10",
        "16.07.10.1002",
        "16.07.10.1004",
    ]
    assert "16.070" not in codes(Region.objects.inside("16.0"))
    assert codes(Region.objects.inside("16.0")) == ["16.0"]


def test_it_matches_nothing_for_an_unknown_code(regions):
    assert not Region.objects.inside("99").exists()
    assert not Region.objects.inside("").exists()


def test_it_works_through_a_foreign_key_without_a_join(libraries):
    found = Library.objects.filter(region__code__inside="16.07")

    assert sorted(found.values_list("name", flat=True)) == [
        "Perpustakaan Daerah Banyuasin",
        "Perpustakaan Desa Air Batu",
        "Perpustakaan Desa Sukajadi",
    ]
    assert "JOIN" not in str(found.query)


def test_an_index_serves_it(db):
    province = make_region("16", "Sumatera Selatan")
    Region.objects.bulk_create(
        Region(code=f"16.{r:02}", name=f"R{r}", level=2, parent=province, search_text="r")
        for r in range(1, 100)
    )
    Region.objects.bulk_create(
        Region(
            code=f"16.{r:02}.{d:02}", name=f"D{d}", level=3, parent_id=f"16.{r:02}", search_text="d"
        )
        for r in range(1, 100)
        for d in range(1, 40)
    )
    query = Region.objects.filter(code__inside="16.07").values("code")
    assert len(query) == 40

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE regions_region")
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
    plan = query.explain()

    if connection.vendor == "postgresql":
        assert "Seq Scan" not in plan
        assert "regions_region_code" in plan or "regions_region_pkey" in plan
    else:
        # SQLite: the range is searched in the primary key's index, not scanned.
        assert "SEARCH regions_region USING" in plan
        assert "INDEX sqlite_autoindex_regions_region_1" in plan or "PRIMARY KEY" in plan
