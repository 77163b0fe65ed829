"""The REST API (/api/v1/): read the regions, libraries, activities, monthly reports,
trainings and the dashboard's indicators; write activities and monthly reports.

Every row comes through the same scoped querysets as the web pages (outside the user's scope
is 404), and every write through the same forms and services as the web forms."""

import copy
import json

from django.core.exceptions import ValidationError as DjangoValidationError
from django.forms.models import model_to_dict
from django.http import Http404, QueryDict
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, pagination, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from inklusi.accounts.scope import Scope
from inklusi.activities import services as activity_services
from inklusi.activities.forms import ActivityForm
from inklusi.activities.models import Activity
from inklusi.libraries.models import Library
from inklusi.monitoring.indicators import INDICATORS, Place, dashboard
from inklusi.monitoring.periods import PeriodError, parse_period
from inklusi.regions.models import Region
from inklusi.reports import services as report_services
from inklusi.reports.forms import ReportForm
from inklusi.reports.models import MonthlyReport
from inklusi.trainings.services import visible_trainings

from . import serializers as s
from .filters import CODE_PATTERN, ListFilters, apply_filters

# A refused request says why: {"detail": "..."}, or for wrong fields and parameters
# {"field": ["what is wrong", ...]}.
ERRORS = {
    400: OpenApiTypes.OBJECT,
    401: s.ErrorSerializer,
    403: s.ErrorSerializer,
    404: s.ErrorSerializer,
}
REGION = OpenApiParameter(
    "region",
    str,
    description="Region code: the rows inside it (16, 16.07, 16.07.10).",
    pattern=CODE_PATTERN,
)
LIBRARY = OpenApiParameter("library", int, description="A library's id.")
MONTH = OpenApiParameter("month", str, description="A month, as 2026-03.", pattern=r"^\d{4}-\d{2}$")


class Cursor(pagination.CursorPagination):
    page_size = 50
    page_size_query_param = "limit"
    max_page_size = 200
    ordering = "-pk"


class ConditionalGet:
    """ETags on every successful read: a client that sends `If-None-Match` with the ETag it
    has gets 304 Not Modified while the answer has not changed."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ["Authorization", "Cookie"])
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.render()
        set_response_etag(response)
        response["Cache-Control"] = "private, no-cache"
        return get_conditional_response(request, etag=response["ETag"], response=response)


class ScopedViewSet(ConditionalGet, viewsets.GenericViewSet):
    pagination_class = Cursor

    @property
    def scope(self):
        return Scope.of(self.request.user)

    def get_object(self):
        pk = self.kwargs["pk"]
        if not str(pk).isdigit() or int(pk) > 2**31 - 1:
            raise Http404
        return self.get_queryset().get_for(self.scope, int(pk), for_edit=self.for_edit)

    @property
    def for_edit(self):
        return self.request.method not in ("GET", "HEAD", "OPTIONS")


def run_form(form):
    """The form's cleaned state, or a 400 carrying its errors (the web's messages)."""
    if not form.is_valid():
        errors = {("non_field_errors" if k == "__all__" else k): v for k, v in form.errors.items()}
        raise ValidationError(errors)
    return form


def form_data(data):
    """The request's data as a form reads it. JSON values become the text a browser would
    send (a form field expects text: a number or an object where a date belongs must be
    refused, not crash it); a body that is not a JSON object is refused."""
    if isinstance(data, QueryDict):
        return data
    if not isinstance(data, dict):
        raise ValidationError({"non_field_errors": [_("Send the fields as a JSON object.")]})
    found = QueryDict(mutable=True)
    for name, value in data.items():
        values = value if isinstance(value, list) else [value]
        found.setlist(name, [_as_text(v) for v in values])
    return found


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return str(value)


def merged(instance, fields, data):
    """The form data of a partial change: the stored values, then the sent ones on top."""
    merged_data = QueryDict(mutable=True)
    for name, value in model_to_dict(instance, fields=fields).items():
        merged_data[name] = "" if value is None else value
    for name in data:
        merged_data.setlist(name, data.getlist(name))
    return merged_data


def _as_validation_error(error):
    return ValidationError({"non_field_errors": error.messages})


def described(read, listed, one, parameters=(), write=None, create="", change=""):
    """The OpenAPI description of a viewset: its list (with filter `parameters`) and one item
    answered with `read`; with `write`, also its create and partial update, whose body is
    `write` as JSON or multipart form data (photos)."""
    actions = {
        "list": extend_schema(
            summary=listed, parameters=list(parameters), responses={200: read, **ERRORS}
        ),
        "retrieve": extend_schema(summary=one, responses={200: read, **ERRORS}),
    }
    if write is not None:
        body = {"multipart/form-data": write, "application/json": write}
        actions["create"] = extend_schema(
            summary=create, request=body, responses={201: read, **ERRORS}
        )
        actions["partial_update"] = extend_schema(
            summary=change, request=body, responses={200: read, **ERRORS}
        )
    return extend_schema_view(**actions)


@described(s.RegionSerializer, "Regions (names and codes, all public)", "One region", [REGION])
class RegionViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = s.RegionSerializer
    lookup_value_regex = r"[0-9.]+"
    pagination_class = type("RegionCursor", (Cursor,), {"ordering": "code"})

    def get_queryset(self):
        # Region names and codes are public, as on the web's region pages.
        regions = Region.objects.all()
        if self.action == "list":
            regions = apply_filters(self.request.query_params, regions, region_path="code")
        return regions

    def get_object(self):
        region = self.get_queryset().filter(code=self.kwargs["pk"]).first()
        if region is None:
            raise Http404
        return region


@described(s.LibrarySerializer, "Libraries you see", "One library", [REGION])
class LibraryViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = s.LibrarySerializer

    def get_queryset(self):
        libraries = Library.objects.all()
        if self.action == "list":
            libraries = apply_filters(
                self.request.query_params,
                libraries.visible_to(self.scope),
                region_path="region__code",
            )
        return libraries


class WriteThroughForms:
    """Create (POST) and change (PATCH) through the web's form and service."""

    parser_classes = [MultiPartParser, FormParser, JSONParser]

    def create(self, request):
        scope = Scope.requiring(request.user, "can_edit")
        saved = self.save_form(self.new_form(request, scope), request)
        return Response(self.serializer_class(saved).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        stored = self.get_object()
        data = merged(stored, self.form_class.Meta.fields, form_data(request.data))
        saved = self.save_form(self.edit_form(request, stored, data), request)
        return Response(self.serializer_class(saved).data)


@described(
    s.ActivitySerializer,
    "Activities you see",
    "One activity",
    [REGION, LIBRARY, MONTH],
    write=s.ActivityWriteSerializer,
    create="Record an activity (with photos: multipart/form-data)",
    change="Change an activity (only the fields sent)",
)
class ActivityViewSet(
    WriteThroughForms, ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin
):
    serializer_class = s.ActivitySerializer
    form_class = ActivityForm
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        activities = Activity.objects.select_related("category").prefetch_related("photos")
        if self.action == "list":
            activities = apply_filters(
                self.request.query_params,
                activities.visible_to(self.scope),
                region_path="library__region__code",
                library_path="library_id",
                month_path="starts_on",
            )
        return activities

    def new_form(self, request, scope):
        return ActivityForm(form_data(request.data), request.FILES, scope=scope)

    def edit_form(self, request, stored, data):
        return ActivityForm(data, request.FILES, instance=copy.copy(stored), scope=self.scope)

    def save_form(self, form, request):
        run_form(form)
        publish = form.data.get("publish", "").lower() in ("1", "true", "on", "yes")
        try:
            activity = activity_services.save_activity(
                form.instance,
                request.user,
                publish=publish,
                photos=form.prepared_photos,
                consent=form.cleaned_data["photos_consent"],
            )
        except DjangoValidationError as error:
            raise _as_validation_error(error) from error
        return self.get_queryset().get(pk=activity.pk)


@described(
    s.ReportSerializer,
    "Monthly reports you see",
    "One monthly report",
    [REGION, LIBRARY, MONTH],
    write=s.ReportWriteSerializer,
    create="File a monthly report",
    change="Change a monthly report's figures (library and month stay)",
)
class ReportViewSet(
    WriteThroughForms, ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin
):
    serializer_class = s.ReportSerializer
    form_class = ReportForm
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        reports = MonthlyReport.objects.all()
        if self.action == "list":
            reports = apply_filters(
                self.request.query_params,
                reports.visible_to(self.scope),
                region_path="library__region__code",
                library_path="library_id",
                month_path="month",
            )
        return reports

    def new_form(self, request, scope):
        return ReportForm(form_data(request.data), libraries=Library.objects.editable_by(scope))

    def edit_form(self, request, stored, data):
        return ReportForm(data, instance=stored)

    def save_form(self, form, request):
        run_form(form)
        if form.needs_confirmation():
            raise ValidationError(
                {
                    "confirm": [
                        _(
                            "These figures are far above the library's usual: %(figures)s. "
                            "Send confirm=true if they are correct."
                        )
                        % {
                            "figures": ", ".join(
                                f"{label} {value}" for label, value, _u in form.unusual_figures
                            )
                        }
                    ]
                }
            )
        report = form.instance
        try:
            if report.pk is None:
                report_services.file_report(report, request.user)
            else:
                report_services.update_report(report, request.user)
        except DjangoValidationError as error:
            raise _as_validation_error(error) from error
        return report


@described(s.TrainingSerializer, "Trainings (Bimtek) you see", "One training", [REGION, MONTH])
class TrainingViewSet(ScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = s.TrainingSerializer

    def get_queryset(self):
        trainings = visible_trainings(self.request.user)
        if self.action == "list":
            trainings = apply_filters(
                self.request.query_params,
                trainings,
                region_path="organiser__region__code",
                month_path="starts_on",
            )
        return trainings

    def get_object(self):
        pk = self.kwargs["pk"]
        found = (
            self.get_queryset().filter(pk=int(pk)).first()
            if pk.isdigit() and int(pk) < 2**31
            else None
        )
        if found is None:
            raise Http404
        return found


def _month(day):
    return f"{day:%Y-%m}"


def _period(period):
    return {
        "first": _month(period.first),
        "last": _month(period.last),
        "kind": period.kind,
        "label": str(period.label),
    }


class IndicatorView(ConditionalGet, APIView):
    """The dashboard's indicators of a place (the nation, a region or a library) over a
    period, as the dashboard computes them, with the period before for comparison."""

    @extend_schema(
        summary="Dashboard indicators of a place and period",
        parameters=[
            OpenApiParameter(
                "region",
                str,
                description="A region code (16.07); none: the nation.",
                pattern=CODE_PATTERN,
            ),
            LIBRARY,
            OpenApiParameter("period", str, enum=["month", "quarter", "year", "range"]),
            OpenApiParameter(
                "at", str, description="2026-03 (month), 2026-Q1 (quarter), 2026 (year)."
            ),
            OpenApiParameter("from", str, description="First month of a range, as 2026-01."),
            OpenApiParameter("to", str, description="Last month of a range, as 2026-06."),
        ],
        responses={200: s.IndicatorsSerializer, **ERRORS},
    )
    def get(self, request):
        place = self.place(request)
        try:
            period = parse_period(request.query_params)
        except PeriodError as error:
            raise ValidationError({"period": [str(error)]}) from error
        board = dashboard(place, period)
        return Response(
            {
                "place": {
                    "region": place.region.code if place.region else None,
                    "library": place.library.pk if place.library else None,
                    "name": str(place.name),
                },
                "period": _period(board.period),
                "previous_period": _period(board.previous),
                "indicators": [
                    {
                        "key": indicator.key,
                        "label": str(indicator.label),
                        "definition": str(indicator.definition),
                        "unit": indicator.unit,
                        "value": board.figures[indicator.key],
                        "previous": None
                        if indicator.as_of_today
                        else board.previous_figures[indicator.key],
                    }
                    for indicator in INDICATORS
                ],
                "expected_reports": board.figures["expected_reports"],
                "libraries_by_status": board.figures["by_status"],
            }
        )

    def place(self, request):
        form = ListFilters(request.query_params)
        if not form.is_valid():
            raise ValidationError(form.errors)
        scope = Scope.of(request.user)
        code, library = form.cleaned_data["region"], form.cleaned_data["library"]
        if library:
            return Place(library=Library.objects.select_related("region").get_for(scope, library))
        if code:
            region = Region.objects.filter(code=code).first()
            if region is None or not scope.sees_region(code):
                raise Http404
            return Place(region=region)
        if not scope.is_national:
            raise Http404
        return Place()
