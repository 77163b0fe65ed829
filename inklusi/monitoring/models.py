"""Summary tables of the monitoring dashboard, kept up to date as reports and activities change.

Two grains, each at two places:

- per library and month (`LibraryMonth`, `LibraryMonthCategory`): what one library's monthly
  report and published activities add up to, written from the raw rows by `summaries.refresh`
  whenever one of them is saved or deleted;
- per region and month (`RegionMonth`, `RegionMonthCategory`) for the nation (code ""),
  provinces, regencies and districts: the sum of the library rows below, changed by the same
  difference in the same transaction.

And the libraries themselves, counted per province, regency and district by status and
joining month (`RegionLibraryCount`, kept by `library_counts` from `CountedLibrary`, each
library as last counted), so that the nation's page does not count 83,762 libraries.

A village is small enough to add up from its libraries' rows. `summaries.check` compares every
table with a fresh aggregate of the raw data; `summaries.rebuild` writes them all again.
"""

import datetime

from django.db import models

from inklusi.regions.fields import RegionCodeField

# Figures taken from the monthly report (one report per library and month, so 0 or 1 row).
REPORT_FIGURES = (
    "reports",
    "reports_on_time",
    "visitors_female",
    "visitors_male",
    "new_members",
    "total_members",
    "loans",
)
# Figures added up from the month's published activities.
ACTIVITY_FIGURES = (
    "activities",
    "participants_female",
    "participants_male",
    "participants_children",
    "participants_youth",
    "participants_adults",
    "participants_elderly",
    "participants_disability",
    "participants_low_income",
    "participants_out_of_school",
)
# `fell`: 1 when the month's visitors fell below half the average of the reports of the three
# months before (see summaries.FELL_RULE).
MONTH_FIGURES = REPORT_FIGURES + ACTIVITY_FIGURES + ("fell",)
CATEGORY_FIGURES = ("activities", "participants")


def _figure():
    return models.BigIntegerField(default=0, db_default=0)


class MonthFigures(models.Model):
    """The columns of MONTH_FIGURES."""

    reports = _figure()
    reports_on_time = _figure()
    visitors_female = _figure()
    visitors_male = _figure()
    new_members = _figure()
    total_members = _figure()
    loans = _figure()
    activities = _figure()
    participants_female = _figure()
    participants_male = _figure()
    participants_children = _figure()
    participants_youth = _figure()
    participants_adults = _figure()
    participants_elderly = _figure()
    participants_disability = _figure()
    participants_low_income = _figure()
    participants_out_of_school = _figure()
    fell = _figure()

    class Meta:
        abstract = True


class CategoryFigures(models.Model):
    """The columns of CATEGORY_FIGURES, for one activity category."""

    category = models.ForeignKey(
        "activities.Category", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    activities = _figure()
    participants = _figure()

    class Meta:
        abstract = True


def region_month_index(name):
    """The index of a place's rows over some months: region_code with varchar_pattern_ops on
    PostgreSQL, whose LIKE '16.07.%' (the `inside` lookup) it serves, then the month."""
    return models.Index(
        fields=["region_code", "month"], opclasses=["varchar_pattern_ops", "date_ops"], name=name
    )


class LibraryMonthBase(models.Model):
    """Keyed by library and month. The library is a plain reference, not a cascading foreign
    key: a deleted library's rows go to zero (and away) through the same refresh as any
    deleted report, so the region totals lose exactly what they had."""

    library = models.ForeignKey(
        "libraries.Library", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    month = models.DateField()
    # Months since year 0 (year × 12 + month − 1): month arithmetic that every database does.
    month_index = models.PositiveIntegerField()
    # The library's region when the row was written (moved when the library moves).
    region_code = RegionCodeField()

    class Meta:
        abstract = True

    def __str__(self):
        return f"library {self.library_id}, {self.month:%Y-%m}"


class RegionMonthBase(models.Model):
    # "" is the nation; otherwise a province, regency or district code.
    region_code = models.CharField(max_length=13)
    month = models.DateField()

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.region_code or 'Indonesia'}, {self.month:%Y-%m}"


class LibraryMonth(LibraryMonthBase, MonthFigures):
    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["library", "month"], name="one_library_month"),
        ]
        indexes = [
            models.Index(fields=["library", "month_index"]),
            # In the order of the dashboard's "fell sharply" list: its first rows of a month
            # come from the index, with no sort of the month's rows.
            models.Index(
                fields=["month", "fell", "region_code", "library"], name="library_month_fell"
            ),
            region_month_index("library_month_region"),
        ]


class LibraryMonthCategory(LibraryMonthBase, CategoryFigures):
    class Meta:
        indexes = [region_month_index("library_category_region")]
        constraints = [
            models.UniqueConstraint(
                fields=["library", "month", "category"], name="one_library_month_category"
            ),
        ]


class RegionMonth(RegionMonthBase, MonthFigures):
    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["region_code", "month"], name="one_region_month"),
        ]


class RegionMonthCategory(RegionMonthBase, CategoryFigures):
    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["region_code", "month", "category"], name="one_region_month_category"
            ),
        ]


# Stands for "no joining date" in `joined_month`, before every real month: a library without
# one counts from the first month a page reads, as if it had always been in.
JOINED_UNKNOWN = datetime.date.min


class LibraryCountFigures(models.Model):
    """How many libraries, and the sums that place their centre on the map (latitude and
    longitude in millionths of a degree, so that sums are exact on every database)."""

    libraries = models.BigIntegerField(default=0)
    located = models.BigIntegerField(default=0)
    latitude_sum = models.BigIntegerField(default=0)
    longitude_sum = models.BigIntegerField(default=0)

    class Meta:
        abstract = True


class CountedLibrary(LibraryCountFigures):
    """One library as the region counts (`RegionLibraryCount`) last counted it: `refresh`
    compares it with the library now and adds the difference to the regions above. A plain
    reference, like the month rows: a deleted library's row leaves with its counts."""

    library = models.OneToOneField(
        "libraries.Library",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        primary_key=True,
    )
    region_code = RegionCodeField()
    status = models.CharField(max_length=20)
    joined_month = models.DateField()

    def __str__(self):
        return f"library {self.library_id} counted in {self.region_code}"


class RegionLibraryCount(LibraryCountFigures):
    """The libraries of a province, regency or district by status and joining month: what
    the dashboard of the level above counts per row, without reading every library."""

    region_code = RegionCodeField()
    # The region's level (1 province, 2 regency, 3 district): a page reads one level.
    level = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=20)
    joined_month = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["region_code", "status", "joined_month"], name="one_region_count"
            ),
        ]
        indexes = [
            models.Index(
                fields=["level", "region_code"],
                opclasses=["int2_ops", "varchar_pattern_ops"],
                name="region_count_level",
            )
        ]

    def __str__(self):
        return f"{self.region_code}, {self.status}, {self.joined_month:%Y-%m}"
