"""What the API answers (read serializers) and what it takes (write serializers).

The write serializers only describe the request for the schema: the data itself is checked by
the web's own forms (`ActivityForm`, `ReportForm`), so the API refuses exactly what the forms
refuse, with the same messages (views.py, `run_form`)."""

from rest_framework import serializers

from inklusi.activities.forms import ActivityForm
from inklusi.activities.models import Activity, ActivityPhoto
from inklusi.libraries.models import Library
from inklusi.monitoring.indicators import INDICATORS
from inklusi.regions.models import Region
from inklusi.reports.forms import ReportForm
from inklusi.reports.models import MonthlyReport
from inklusi.trainings.models import Training

ACTIVITY_FIELDS = ActivityForm.Meta.fields
REPORT_FIELDS = ReportForm.Meta.fields


class RegionSerializer(serializers.ModelSerializer):
    parent = serializers.CharField(source="parent_id", allow_null=True, read_only=True)

    class Meta:
        model = Region
        fields = ["code", "name", "level", "parent"]


class LibrarySerializer(serializers.ModelSerializer):
    region = serializers.CharField(source="region_id", read_only=True)

    class Meta:
        model = Library
        fields = [
            "id",
            "name",
            "kind",
            "region",
            "address",
            "latitude",
            "longitude",
            "npp",
            "status",
            "cohort_year",
            "joined_on",
            "last_activity_on",
            "website",
        ]


class PhotoSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActivityPhoto
        fields = ["id", "caption", "consent_to_publish"]


class ActivitySerializer(serializers.ModelSerializer):
    photos = PhotoSerializer(many=True, read_only=True)
    participants_total = serializers.IntegerField(read_only=True)

    class Meta:
        model = Activity
        fields = [
            "id",
            *ACTIVITY_FIELDS,
            "participants_total",
            "status",
            "published_at",
            "review",
            "review_comment",
            "created_at",
            "updated_at",
            "photos",
        ]


class ActivityWriteSerializer(serializers.ModelSerializer):
    """An activity as the form takes it; `photos` are new photos (multipart), all with
    `photos_consent` or all without; `publish` publishes it, else it is saved as a draft."""

    photos = serializers.ListField(child=serializers.ImageField(), required=False)
    photos_consent = serializers.BooleanField(required=False)
    publish = serializers.BooleanField(required=False)

    class Meta:
        model = Activity
        fields = [*ACTIVITY_FIELDS, "photos", "photos_consent", "publish"]


class ReportSerializer(serializers.ModelSerializer):
    visitors_total = serializers.IntegerField(read_only=True)

    class Meta:
        model = MonthlyReport
        fields = [
            "id",
            *REPORT_FIELDS,
            "visitors_total",
            "unusual_confirmed",
            "submitted_at",
            "filed_on_time",
            "updated_at",
        ]


class ReportWriteSerializer(serializers.ModelSerializer):
    """A month's report as the form takes it (`month` as 2026-03; library and month only
    for a new report). Figures far above the library's usual need `confirm`."""

    month = serializers.RegexField(r"^\d{4}-\d{2}$")
    confirm = serializers.BooleanField(required=False)

    class Meta:
        model = MonthlyReport
        fields = [*REPORT_FIELDS, "confirm"]
        validators = []


class TrainingSerializer(serializers.ModelSerializer):
    organiser = serializers.IntegerField(source="organiser_id", read_only=True)

    class Meta:
        model = Training
        fields = [
            "id",
            "title",
            "organiser",
            "description",
            "goals",
            "mode",
            "starts_on",
            "ends_on",
            "venue",
            "quota",
            "registration_closes_on",
        ]


class PlaceSerializer(serializers.Serializer):
    region = serializers.CharField(allow_null=True)
    library = serializers.IntegerField(allow_null=True)
    name = serializers.CharField()


class PeriodSerializer(serializers.Serializer):
    first = serializers.CharField(help_text="The first month, as 2026-03.")
    last = serializers.CharField(help_text="The last month, as 2026-05.")
    kind = serializers.CharField()
    label = serializers.CharField()


class IndicatorSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    definition = serializers.CharField()
    unit = serializers.ChoiceField(choices=["count", "percent", "decimal"])
    value = serializers.FloatField(allow_null=True)
    previous = serializers.FloatField(allow_null=True)


class IndicatorsSerializer(serializers.Serializer):
    place = PlaceSerializer()
    period = PeriodSerializer()
    previous_period = PeriodSerializer()
    indicators = IndicatorSerializer(many=True)
    expected_reports = serializers.IntegerField()
    libraries_by_status = serializers.DictField(child=serializers.IntegerField())


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


INDICATOR_KEYS = [indicator.key for indicator in INDICATORS]
