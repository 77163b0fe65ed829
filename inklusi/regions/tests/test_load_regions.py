import csv
import gzip

import pytest
from django.core.management import CommandError, call_command

from inklusi.regions.loading import FILES, RegionDataError, load_regions
from inklusi.regions.models import Level, Region

SMALL = {
    "provinces": [("16", "Sumatera Selatan")],
    "regencies": [("16.07", "Kabupaten Banyuasin")],
    "districts": [("16.07.10", "Talang Kelapa")],
    "villages": [("16.07.10.1002", "Air Batu"), ("16.07.10.1004", "Sukajadi")],
}


def write_lists(folder, lists):
    """The four .csv.gz files the loader reads, from {file: [(code, name), ...]}."""
    folder.mkdir(exist_ok=True)
    for name in FILES:
        with gzip.open(folder / f"{name}.csv.gz", "wt", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["code", "name"])
            writer.writerows(lists.get(name, []))
    return folder


@pytest.mark.django_db
def test_it_loads_the_whole_country_with_parents_and_levels(capsys):
    call_command("load_regions")

    counts = {level: Region.objects.filter(level=level).count() for level in Level}
    assert counts == {
        Level.PROVINCE: 38,
        Level.REGENCY: 514,
        Level.DISTRICT: 7_285,
        Level.VILLAGE: 83_762,
    }
    assert "83,762 villages" in capsys.readouterr().out
    village = Region.objects.get(code="16.07.10.1002")
    assert (village.name, village.level, village.parent_id) == ("Air Batu", 4, "16.07.10")
    assert village.search_text.startswith("air batu | talang kelapa | ")
    assert Region.objects.get(code="16").parent is None
    # Every region below a province hangs from the region its code starts with.
    assert not Region.objects.filter(level__gt=1, parent__isnull=True).exists()
    assert Region.objects.filter(parent__level=Level.DISTRICT).count() == 83_762

    # A second run changes nothing.
    call_command("load_regions")
    assert Region.objects.count() == 38 + 514 + 7_285 + 83_762


@pytest.mark.django_db
def test_running_it_again_refreshes_renamed_regions(tmp_path):
    data = write_lists(tmp_path / "v1", SMALL)
    assert load_regions(data) == {"provinces": 1, "regencies": 1, "districts": 1, "villages": 2}

    renamed = dict(SMALL, districts=[("16.07.10", "Talang Kelapa Baru")])
    counts = load_regions(write_lists(tmp_path / "v2", renamed))

    assert counts == {"provinces": 1, "regencies": 1, "districts": 1, "villages": 2}
    assert Region.objects.count() == 5
    assert Region.objects.get(code="16.07.10").name == "Talang Kelapa Baru"
    # The villages below it are found by the new name too.
    assert Region.objects.get(code="16.07.10.1002").search_text == (
        "air batu | talang kelapa baru | kabupaten banyuasin | sumatera selatan"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "villages",
    [
        [("16.07.10.1002", "Air Batu"), ("16.07.10.203", "Kode Pendek")],
        [("16.07.10.1002", "Air Batu"), ("16.07.09.2001", "Tanpa Kecamatan")],
        [("16.07.10.1002", "Air Batu"), ("16.07.10.2005", "")],
        [("16.07.10", "Kecamatan di Daftar Desa")],
    ],
    ids=["malformed code", "no parent", "no name", "wrong level"],
)
def test_a_malformed_file_loads_nothing(tmp_path, villages):
    data = write_lists(tmp_path, dict(SMALL, villages=villages))

    with pytest.raises(RegionDataError):
        load_regions(data)

    assert not Region.objects.exists()


@pytest.mark.django_db
def test_the_command_reports_a_malformed_file(tmp_path):
    data = write_lists(tmp_path, SMALL)
    with gzip.open(data / "villages.csv.gz", "wt", encoding="utf-8") as fh:
        fh.write("kode,nama\n16.07.10.1002,Air Batu\n")

    with pytest.raises(CommandError, match="Nothing loaded"):
        call_command("load_regions", data_dir=data)

    assert not Region.objects.exists()
