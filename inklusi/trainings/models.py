"""Technical-guidance trainings (*Bimtek*): the event and its sessions, who registered, who
came, what they scored, what they thought of it, what they will do next, and their certificate.

Times are stored as aware datetimes (UTC in the database) and shown in the event's own time
zone (WIB, WITA or WIT), whatever zone the reader's server or phone is in.
"""

import secrets
from datetime import datetime, timedelta
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from inklusi.core.auditing import part_of
from inklusi.core.scoping import ScopedQuerySet, ScopePaths
from inklusi.core.storage import PRIVATE_PREFIX
from inklusi.libraries.models import Kind as LibraryKind

# Check-in opens this long before a session starts; after start + grace a check-in is late.
CHECK_IN_OPENS_BEFORE = timedelta(minutes=30)
LATE_AFTER = timedelta(minutes=15)
# Check-in codes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G, so a code read off a screen is typed right.
CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
CODE_LENGTH = 6
# The post-test, evaluation and commitment stay open this long after the last day.
FOLLOW_UP_DAYS = 14


class Zone(models.TextChoices):
    WIB = "Asia/Jakarta", _("WIB (Western Indonesia, UTC+7)")
    WITA = "Asia/Makassar", _("WITA (Central Indonesia, UTC+8)")
    WIT = "Asia/Jayapura", _("WIT (Eastern Indonesia, UTC+9)")


ZONE_ABBREVIATIONS = {Zone.WIB: "WIB", Zone.WITA: "WITA", Zone.WIT: "WIT"}


class Mode(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("Hybrid (in person and online)")


def new_token():
    return secrets.token_urlsafe(24)


def new_check_in_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_certificate_number():
    """16 random characters (80 bits) in four groups: unguessable, readable aloud."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def ancestors_of(code):
    """`16.07.10.1002` → 16, 16.07, 16.07.10, 16.07.10.1002."""
    parts = code.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


class Training(models.Model):
    title = models.CharField(_("title"), max_length=200)
    organiser = models.ForeignKey(
        "libraries.Library",
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        related_name="trainings",
        help_text=_("The provincial or regency/city library office running the training."),
    )
    description = models.TextField(_("description"), blank=True)
    goals = models.TextField(_("goals"), blank=True)
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices, default=Mode.ONLINE)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    time_zone = models.CharField(
        _("time zone"), max_length=40, choices=Zone.choices, default=Zone.WIB
    )
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    meeting_url = models.URLField(
        _("meeting link"),
        max_length=500,
        blank=True,
        help_text=_("Zoom, Google Meet, Jitsi or any link. Only registered participants see it."),
    )
    meeting_passcode = models.CharField(_("meeting passcode"), max_length=50, blank=True)
    quota = models.PositiveIntegerField(
        _("quota"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_closes_on = models.DateField(
        _("registration deadline"), help_text=_("Registration closes at the end of this day.")
    )
    audience_regions = models.ManyToManyField(
        "regions.Region",
        verbose_name=_("invited regions"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty to invite every region."),
    )
    audience_kinds = models.JSONField(
        _("invited kinds of library"),
        default=list,
        blank=True,
        help_text=_("Leave empty to invite every kind of library."),
    )
    min_attendance = models.PositiveSmallIntegerField(
        _("minimum attendance for a certificate (%)"),
        default=75,
        validators=[MaxValueValidator(100)],
    )
    post_test_required = models.BooleanField(_("a certificate needs the post-test"), default=True)
    invite_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    # Run by the organiser's office: its editors manage the training. Who *sees* a training is
    # wider (trainings above one's region, one's own registrations): `services.visible_trainings`.
    scope_paths = ScopePaths(regions=("organiser__region",), library="organiser")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("trainings:detail", args=[self.pk])

    @property
    def zone(self):
        return ZoneInfo(self.time_zone)

    @property
    def zone_abbreviation(self):
        return ZONE_ABBREVIATIONS.get(self.time_zone, self.time_zone)

    def local(self, moment):
        return timezone.localtime(moment, self.zone)

    def at(self, day, time):
        """The aware datetime of a wall-clock time on a day, in the event's time zone."""
        return datetime.combine(day, time, tzinfo=self.zone)

    def today(self):
        return timezone.localtime(timezone.now(), self.zone).date()

    @property
    def is_online(self):
        return self.mode in (Mode.ONLINE, Mode.HYBRID)

    @property
    def registration_open(self):
        return self.today() <= self.registration_closes_on

    @property
    def places_left(self):
        if self.quota is None:
            return None
        return max(self.quota - self.registrations.count(), 0)

    def audience_kind_labels(self):
        return [LibraryKind(kind).label for kind in self.audience_kinds if kind in LibraryKind]

    def invites(self, library):
        """Whether the audience rule lets someone from `library` register."""
        if self.audience_kinds and (library is None or library.kind not in self.audience_kinds):
            return False
        codes = [region.code for region in self.audience_regions.all()]
        if codes:
            return library is not None and any(
                code in codes for code in ancestors_of(library.region_id)
            )
        return True

    def follow_up_open(self, now=None):
        """The post-test, evaluation and commitment open when the last session starts."""
        now = now or timezone.now()
        last = self.sessions.order_by("-starts_at").first()
        closes = self.at(self.ends_on, datetime.min.time()) + timedelta(days=FOLLOW_UP_DAYS + 1)
        return last is not None and last.starts_at <= now < closes

    def pre_test_open(self, now=None):
        """The pre-test is answered before the first session ends."""
        now = now or timezone.now()
        first = self.sessions.order_by("starts_at").first()
        return first is None or now < first.ends_at


class Session(models.Model):
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="sessions")
    topic = models.CharField(_("topic"), max_length=200)
    trainer = models.CharField(_("trainer or speaker"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    check_in_code = models.CharField(max_length=CODE_LENGTH, unique=True, editable=False)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return self.topic

    def save(self, *args, **kwargs):
        if not self.check_in_code:
            code = new_check_in_code()
            while Session.objects.filter(check_in_code=code).exists():
                code = new_check_in_code()
            self.check_in_code = code
        super().save(*args, **kwargs)

    @property
    def local_start(self):
        return self.training.local(self.starts_at)

    @property
    def local_end(self):
        return self.training.local(self.ends_at)

    @property
    def day(self):
        return self.local_start.date()

    def day_label(self):
        return date_format(self.local_start, "l, j F Y")

    def time_label(self):
        """ "09.00–12.00 WIB", in the event's time zone."""
        start, end = self.local_start, self.local_end
        return f"{start:%H.%M}–{end:%H.%M} {self.training.zone_abbreviation}"

    def check_in_label(self):
        """ "08.30–12.00 WIB": when the code is accepted."""
        opens = self.training.local(self.check_in_opens)
        return f"{opens:%H.%M}–{self.local_end:%H.%M} {self.training.zone_abbreviation}"

    @property
    def check_in_opens(self):
        return self.starts_at - CHECK_IN_OPENS_BEFORE

    @property
    def late_after(self):
        return self.starts_at + LATE_AFTER

    def check_in_is_open(self, now=None):
        now = now or timezone.now()
        return self.check_in_opens <= now <= self.ends_at


def material_path(instance, filename):
    return (
        f"{PRIVATE_PREFIX}bimtek/{instance.session.training_id}/{secrets.token_hex(8)}/{filename}"
    )

    def get_additional_data(self):
        """Its audit entries show in the training's history (inklusi.core.auditing)."""
        return part_of(Training, self.training_id)


class Material(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=material_path, blank=True, max_length=300)
    url = models.URLField(_("or a link"), max_length=500, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self):
        return self.title

    @property
    def href(self):
        """A file is downloaded through the checked view, never straight from /media/."""
        return reverse("trainings:material", args=[self.pk]) if self.file else self.url

    @property
    def file_name(self):
        return PurePosixPath(self.file.name).name if self.file else ""

    def get_additional_data(self):
        """Its audit entries show in the training's history (inklusi.core.auditing)."""
        return part_of(Training, self.session.training_id)


class Registration(models.Model):
    """One participant of one training. Every participant has an account: they log in to
    check in, answer the tests and download their certificate."""

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bimtek_registrations"
    )
    library = models.ForeignKey(
        "libraries.Library",
        verbose_name=_("library"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    registered_at = models.DateTimeField(_("registered at"), default=timezone.now)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    commitment = models.TextField(_("action commitment"), blank=True)
    committed_at = models.DateTimeField(null=True, blank=True)

    # A participant's library: its coordinators follow the participant's commitments.
    scope_paths = ScopePaths(regions=("library__region",), library="library")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["user__full_name", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["training", "user"], name="one_registration_per_user")
        ]

    def __str__(self):
        return f"{self.user} · {self.training}"

    def get_additional_data(self):
        """Its audit entries show in the training's history (inklusi.core.auditing)."""
        return part_of(Training, self.training_id)


class AttendanceMethod(models.TextChoices):
    CODE = "code", _("Code")
    MANUAL = "manual", _("Marked by the trainer")


class Attendance(models.Model):
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="attendances"
    )
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendances")
    checked_in_at = models.DateTimeField(default=timezone.now)
    late = models.BooleanField(_("late"), default=False)
    method = models.CharField(max_length=10, choices=AttendanceMethod.choices)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "session"], name="one_check_in_per_session"
            )
        ]

    def __str__(self):
        return f"{self.registration} · {self.session}"

    def time_label(self):
        training = self.session.training
        return f"{training.local(self.checked_in_at):%H.%M} {training.zone_abbreviation}"

    def get_additional_data(self):
        """Its audit entries show in the training's history (inklusi.core.auditing)."""
        return part_of(Training, self.session.training_id)


class Question(models.Model):
    """A multiple-choice question, asked in both the pre-test and the post-test."""

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("number"), default=0)
    text = models.TextField(_("question"))
    options = models.JSONField(_("answers"), default=list)
    correct = models.PositiveSmallIntegerField(_("correct answer"))

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text[:60]


class TestKind(models.TextChoices):
    PRE = "pre", _("Pre-test")
    POST = "post", _("Post-test")


class AnswerSheet(models.Model):
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="answer_sheets"
    )
    kind = models.CharField(max_length=4, choices=TestKind.choices)
    answers = models.JSONField(default=dict)  # question id (text) → chosen option index
    score = models.PositiveSmallIntegerField(validators=[MaxValueValidator(100)])
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("answer sheet")
        verbose_name_plural = _("answer sheets")
        constraints = [
            models.UniqueConstraint(fields=["registration", "kind"], name="one_sheet_per_test")
        ]

    def __str__(self):
        return f"{self.registration} · {self.get_kind_display()}"


RATING = [MinValueValidator(1), MaxValueValidator(5)]


class Evaluation(models.Model):
    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="evaluation"
    )
    comments = models.TextField(_("comments and suggestions"), blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    def __str__(self):
        return str(self.registration)


class SessionRating(models.Model):
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="ratings")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="ratings")
    content = models.PositiveSmallIntegerField(_("session"), validators=RATING)
    trainer = models.PositiveSmallIntegerField(_("trainer"), validators=RATING)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "session"], name="one_rating_per_session")
        ]

    def __str__(self):
        return f"{self.session}: {self.content}/{self.trainer}"


class Certificate(models.Model):
    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="certificate"
    )
    number = models.CharField(max_length=19, unique=True, default=new_certificate_number)
    issued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        """The public verification page."""
        return reverse("trainings:verify", args=[self.number])

    def get_additional_data(self):
        """Its audit entries show in the training's history (inklusi.core.auditing)."""
        return part_of(Training, self.registration.training_id)
