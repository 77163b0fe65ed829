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


def test_ancestors_come_from_the_parents_loaded_or_one_query(regions, django_assert_num_queries):
    from inklusi.regions.models import Region

    expected = ["16", "16.07", "16.07.10"]
    village = Region.objects.get(code="16.07.10.1002")
    with django_assert_num_queries(1):
        assert [region.code for region in village.ancestors()] == expected
    loaded = Region.objects.select_related("parent__parent__parent").get(code="16.07.10.1002")
    with django_assert_num_queries(0):
        assert [region.code for region in loaded.ancestors()] == expected
        assert loaded.label_with_context.endswith("Talang Kelapa, Kabupaten Banyuasin")
    province = Region.objects.select_related("parent").get(code="16")
    with django_assert_num_queries(0):
        assert province.ancestors() == []
