"""Outcome surveys of community activities, their answers and their summary tables.

Every activity has one `Survey` (an unguessable token for the public page `/s/<token>/`).
A participant answers once per phone (`Response`: the four outcomes on a 5-point scale, what
they will do next, for livelihood activities whether they earned or saved money or started a
business); a manager may type in paper forms. A participant who wants the follow-up (30–90
days later: "did you apply it?") leaves a WhatsApp number or an e-mail with consent in a
`FollowUpContact`, a separate table that is deleted when the follow-up is answered or its
window closes. No names are asked anywhere.

`SurveyMonth` (per library and the activity's month) and `SurveyRegionMonth` (the nation "",
provinces, regencies, districts) hold the counts the dashboard, the brief and the public
pages read (`summaries.py` keeps them; `results.py` reads them).
"""

import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from inklusi.core.scoping import ScopedQuerySet, ScopePaths
from inklusi.regions.fields import RegionCodeField

OUTCOMES = ("knowledge", "confidence", "application", "awareness")
# A 4 or 5 on the 5-point scale counts as agreeing.
AGREE_FROM = 4


def new_token():
    return secrets.token_urlsafe(12)


class SurveyQuerySet(ScopedQuerySet):
    pass


class Survey(models.Model):
    activity = models.OneToOneField(
        "activities.Activity", on_delete=models.CASCADE, related_name="survey"
    )
    token = models.CharField(max_length=32, unique=True, default=new_token)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    scope_paths = ScopePaths(regions=("activity__library__region",), library="activity__library")
    objects = SurveyQuerySet.as_manager()

    class Meta:
        verbose_name = _("outcome survey")
        verbose_name_plural = _("outcome surveys")

    def __str__(self):
        return f"survey of activity {self.activity_id}"

    @property
    def is_open(self):
        return self.closed_at is None


class Scale(models.IntegerChoices):
    DISAGREE_STRONGLY = 1, _("Strongly disagree")
    DISAGREE = 2, _("Disagree")
    NEUTRAL = 3, _("Neither agree nor disagree")
    AGREE = 4, _("Agree")
    AGREE_STRONGLY = 5, _("Strongly agree")


class Livelihood(models.TextChoices):
    NO = "no", _("Not (yet)")
    MONEY = "money", _("Earned or saved money")
    BUSINESS = "business", _("Started a business")


class Source(models.TextChoices):
    ONLINE = "online", _("On a phone")
    PAPER = "paper", _("Paper form")


def _scale(label):
    return models.PositiveSmallIntegerField(
        label, choices=Scale.choices, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


class ResponseQuerySet(ScopedQuerySet):
    pass


class Response(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.ONLINE)
    knowledge = _scale(_("I learned something new"))
    confidence = _scale(_("I feel more confident"))
    application = _scale(_("I will use what I learned"))
    awareness = _scale(_("I know more about what the library offers"))
    next_step = models.TextField(_("What will you do next?"), max_length=500, blank=True)
    livelihood = models.CharField(
        _("Since then, did you earn or save money or start a business?"),
        max_length=10,
        choices=Livelihood.choices,
        blank=True,
    )
    # A hash of the phone's survey cookie (online answers): one phone counts once per survey.
    device = models.CharField(max_length=64, blank=True)
    # The form's one-time key: a retried POST finds the answer it already made.
    submission_key = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    entered_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The follow-up answer ("did you apply it?"), None until answered.
    applied = models.BooleanField(_("I applied what I learned"), null=True, blank=True)
    followed_up_at = models.DateTimeField(null=True, blank=True)

    scope_paths = ScopePaths(
        regions=("survey__activity__library__region",), library="survey__activity__library"
    )
    objects = ResponseQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "device"],
                condition=~models.Q(device=""),
                name="one_response_per_phone",
            ),
        ]

    def __str__(self):
        return f"response {self.pk} to survey {self.survey_id}"

    def agrees(self, outcome):
        return getattr(self, outcome) >= AGREE_FROM


class FollowUpContact(models.Model):
    """How to reach one participant for the follow-up: kept apart from the answers, with the
    consent, and deleted when the follow-up is answered or its window closes."""

    response = models.OneToOneField(Response, on_delete=models.CASCADE, related_name="contact")
    token = models.CharField(max_length=32, unique=True, default=new_token)
    whatsapp = models.CharField(_("WhatsApp number"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    consent_at = models.DateTimeField()
    # The window: from 30 to 90 days after the answer.
    opens_on = models.DateField()
    closes_on = models.DateField()
    invited_at = models.DateTimeField(null=True, blank=True)

    scope_paths = ScopePaths(
        regions=("response__survey__activity__library__region",),
        library="response__survey__activity__library",
    )
    objects = ScopedQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["opens_on"]), models.Index(fields=["closes_on"])]

    def __str__(self):
        return f"follow-up contact of response {self.response_id}"


# The figures of the summary tables, each a count of responses.
SURVEY_FIGURES = (
    "responses",
    *(f"{outcome}_agree" for outcome in OUTCOMES),
    "livelihood_asked",
    "livelihood_yes",
    "followups",
    "applied",
)


def _figure():
    return models.BigIntegerField(default=0, db_default=0)


class SurveyFigures(models.Model):
    responses = _figure()
    knowledge_agree = _figure()
    confidence_agree = _figure()
    application_agree = _figure()
    awareness_agree = _figure()
    livelihood_asked = _figure()
    livelihood_yes = _figure()
    followups = _figure()
    applied = _figure()

    class Meta:
        abstract = True


class SurveyMonth(SurveyFigures):
    """A library's responses to the surveys of its activities of one month."""

    library = models.ForeignKey(
        "libraries.Library", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    month = models.DateField()
    region_code = RegionCodeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["library", "month"], name="one_survey_library_month")
        ]
        indexes = [
            models.Index(
                fields=["region_code", "month"],
                opclasses=["varchar_pattern_ops", "date_ops"],
                name="survey_month_region",
            ),
            # The nation's latest libraries with answers (`results.place_quotes`), read
            # backwards from the index.
            models.Index(fields=["month", "library"], name="survey_month_latest"),
        ]

    def __str__(self):
        return f"survey figures of library {self.library_id}, {self.month:%Y-%m}"


class SurveyRegionMonth(SurveyFigures):
    region_code = models.CharField(max_length=13)
    month = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["region_code", "month"], name="one_survey_region_month")
        ]

    def __str__(self):
        return f"survey figures of {self.region_code or 'Indonesia'}, {self.month:%Y-%m}"
