from django.db import migrations

# The programme's categories of community activity (slug, Indonesian, English).
CATEGORIES = [
    ("literacy", "Literasi dan gemar membaca", "Literacy and reading"),
    ("digital", "Literasi digital dan TIK", "Digital literacy and ICT"),
    ("economy", "Keterampilan ekonomi dan kewirausahaan", "Economic skills and entrepreneurship"),
    ("agriculture", "Pertanian, peternakan dan perikanan", "Agriculture and fisheries"),
    ("health", "Kesehatan", "Health"),
    ("culture", "Seni dan budaya", "Arts and culture"),
    ("children", "Anak dan pendidikan", "Children and education"),
    ("other", "Lainnya", "Other"),
]


def add_categories(apps, schema_editor):
    Category = apps.get_model("activities", "Category")
    for position, (slug, name_id, name_en) in enumerate(CATEGORIES):
        Category.objects.update_or_create(
            slug=slug, defaults={"name_id": name_id, "name_en": name_en, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_initial")]

    operations = [migrations.RunPython(add_categories, migrations.RunPython.noop)]
