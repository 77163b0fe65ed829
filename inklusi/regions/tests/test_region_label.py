from django.utils import translation


def test_labels_say_the_kind_once(regions):
    with translation.override("id"):
        assert regions["16"].label == "Provinsi Sumatera Selatan"
        assert regions["16.07"].label == "Kabupaten Banyuasin"
        assert regions["16.71"].label == "Kota Palembang"
        assert regions["16.07.10"].label == "Kecamatan Talang Kelapa"
        assert regions["16.07.10.1002"].label == "Kelurahan Air Batu"  # 1xxx: kelurahan


def test_role_scope_label_uses_the_region_label(people):
    with translation.override("id"):
        assert people.regency.roles.get().scope_label == "Kabupaten Banyuasin"
