from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import MinValueValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from inklusi.core.widgets import DATE_INPUT, CheckedFileInput
from inklusi.libraries.forms import LibraryChoiceField
from inklusi.libraries.models import Kind as LibraryKind
from inklusi.libraries.models import Library
from inklusi.regions.models import Level, Region

from .models import Material, Mode, Question, Session, Training
from .services import ORGANISER_KINDS

TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
MAX_MATERIAL_BYTES = 20 * 1024 * 1024
# Accepted material files and how each begins (Office files are ZIP archives).
MATERIAL_TYPES = {
    "pdf": (b"%PDF-",),
    "pptx": (b"PK\x03\x04",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "odp": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "ppt": (b"\xd0\xcf\x11\xe0",),
    "doc": (b"\xd0\xcf\x11\xe0",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG",),
}
MAX_OPTIONS = 6


def audience_regions(scope):
    """The provinces and regencies/cities a user may invite: those inside their area."""
    regions = Region.objects.filter(level__lte=Level.REGENCY)
    if scope.is_national:
        return regions.filter(level=Level.PROVINCE)
    return regions.editable_by(scope).order_by("code")


class TrainingForm(forms.ModelForm):
    audience_kinds = forms.MultipleChoiceField(
        label=_("Invited kinds of library"),
        choices=LibraryKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty to invite every kind of library."),
    )

    class Meta:
        model = Training
        fields = [
            "title",
            "organiser",
            "description",
            "goals",
            "mode",
            "starts_on",
            "ends_on",
            "time_zone",
            "venue",
            "meeting_url",
            "meeting_passcode",
            "quota",
            "registration_closes_on",
            "audience_regions",
            "audience_kinds",
            "min_attendance",
            "post_test_required",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "goals": forms.Textarea(attrs={"rows": 4}),
            "starts_on": DATE_INPUT,
            "ends_on": DATE_INPUT,
            "registration_closes_on": DATE_INPUT,
            "quota": forms.NumberInput(attrs={"inputmode": "numeric", "min": 1}),
            "min_attendance": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
            "meeting_passcode": forms.TextInput(attrs={"autocomplete": "off"}),
            "audience_regions": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.old_zone = self.instance.time_zone if self.instance.pk else None
        self.fields["organiser"].queryset = (
            Library.objects.editable_by(scope)
            .filter(kind__in=ORGANISER_KINDS)
            .select_related("region")
            .order_by("region_id", "name")
        )
        self.fields["organiser"].error_messages["invalid_choice"] = _(
            "Pick a provincial or regency/city library office of your own area."
        )
        self.fields["audience_regions"].queryset = audience_regions(scope)
        self.fields["quota"].validators.append(MinValueValidator(1))

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        closes = data.get("registration_closes_on")
        if closes and ends and closes > ends:
            self.add_error("registration_closes_on", _("Registration must close by the last day."))
        mode = data.get("mode")
        if mode in (Mode.ONLINE, Mode.HYBRID) and not data.get("meeting_url"):
            self.add_error("meeting_url", _("An online training needs its meeting link."))
        if mode in (Mode.IN_PERSON, Mode.HYBRID) and not data.get("venue"):
            self.add_error("venue", _("A training in person needs its venue."))
        return data

    def save(self, commit=True):
        training = super().save(commit)
        if self.old_zone and self.old_zone != training.time_zone:
            # The zone was picked wrong: keep the sessions' wall-clock times, not the instants.
            old = Training(time_zone=self.old_zone)
            for session in training.sessions.all():
                start, end = old.local(session.starts_at), old.local(session.ends_at)
                session.starts_at = training.at(start.date(), start.time())
                session.ends_at = training.at(end.date(), end.time())
                session.save(update_fields=["starts_at", "ends_at"])
        return training


class SessionForm(forms.ModelForm):
    day = forms.DateField(label=_("Day"), widget=DATE_INPUT)
    start = forms.TimeField(label=_("Starts"), widget=TIME_INPUT)
    end = forms.TimeField(label=_("Ends"), widget=TIME_INPUT)

    class Meta:
        model = Session
        fields = ["topic", "trainer"]

    def __init__(self, *args, training, **kwargs):
        super().__init__(*args, **kwargs)
        self.training = training
        self.fields["start"].help_text = training.get_time_zone_display()
        if self.instance.pk:
            start, end = self.instance.local_start, self.instance.local_end
            self.initial.update({"day": start.date(), "start": start.time(), "end": end.time()})
        else:
            self.initial.setdefault("day", training.starts_on)
        self.fields["day"].widget.attrs.update(
            {"min": training.starts_on.isoformat(), "max": training.ends_on.isoformat()}
        )

    def clean(self):
        data = super().clean()
        day, start, end = data.get("day"), data.get("start"), data.get("end")
        training = self.training
        if day and not training.starts_on <= day <= training.ends_on:
            self.add_error("day", _("Pick a day of the training."))
        if start and end and end <= start:
            self.add_error("end", _("The session must end after it starts."))
        if day and start and end and not self.errors:
            self.instance.training = training
            self.instance.starts_at = training.at(day, start)
            self.instance.ends_at = training.at(day, end)
        return data


class MaterialForm(forms.ModelForm):
    class Meta:
        model = Material
        fields = ["title", "file", "url"]
        widgets = {
            "file": CheckedFileInput(
                attrs={"accept": ",".join(f".{ext}" for ext in MATERIAL_TYPES)}
            )
        }

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            if upload.size > MAX_MATERIAL_BYTES:
                raise ValidationError(
                    _("This file is %(size)s; the largest accepted is %(limit)s.")
                    % {
                        "size": filesizeformat(upload.size),
                        "limit": filesizeformat(MAX_MATERIAL_BYTES),
                    }
                )
            extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
            upload.seek(0)
            head = upload.read(8)
            upload.seek(0)
            if extension not in MATERIAL_TYPES or not head.startswith(MATERIAL_TYPES[extension]):
                raise ValidationError(
                    _("Upload a PDF, a presentation, a document, a spreadsheet or a picture.")
                )
        return upload

    def clean(self):
        data = super().clean()
        if not self.errors and bool(data.get("file")) == bool(data.get("url")):
            raise ValidationError(_("Give either a file or a link."))
        return data


class QuestionForm(forms.ModelForm):
    options_text = forms.CharField(
        label=_("Answers"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One answer per line, two to six answers."),
    )
    correct_number = forms.IntegerField(
        label=_("Number of the correct answer"),
        min_value=1,
        max_value=MAX_OPTIONS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    class Meta:
        model = Question
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["options_text"] = "\n".join(self.instance.options)
            self.initial["correct_number"] = self.instance.correct + 1

    def clean(self):
        data = super().clean()
        options = [line.strip() for line in data.get("options_text", "").splitlines()]
        options = [option[:300] for option in options if option]
        if "options_text" in data and not 2 <= len(options) <= MAX_OPTIONS:
            self.add_error("options_text", _("Write two to six answers, one per line."))
        number = data.get("correct_number")
        if number and options and number > len(options):
            self.add_error("correct_number", _("There is no answer with this number."))
        self.instance.options = options
        if number:
            self.instance.correct = number - 1
        return data


class RegisterSelfForm(forms.Form):
    library = forms.ModelChoiceField(
        label=_("Your library"), queryset=Library.objects.none(), empty_label=None
    )

    def __init__(self, *args, libraries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["library"].queryset = libraries
        if not libraries.exists():
            del self.fields["library"]


class RegisterPersonForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"))
    library = LibraryChoiceField(
        label=_("Library"),
        queryset=Library.objects.none(),
        error_messages={"invalid_choice": _("Pick a library inside your own area from the list.")},
    )

    def __init__(self, *args, libraries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["library"].queryset = libraries

    def clean_email(self):
        return self.cleaned_data["email"].lower()


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Session code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "class": "bimtek-code-input",
            }
        ),
        help_text=_("The six characters on the trainer's screen."),
    )


class TestForm(forms.Form):
    """One group of radio buttons per question."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for number, question in enumerate(self.questions, start=1):
            self.fields[f"q{question.pk}"] = forms.TypedChoiceField(
                label=f"{number}. {question.text}",
                choices=list(enumerate(question.options)),
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer.")},
            )

    def answers(self):
        return {str(q.pk): self.cleaned_data[f"q{q.pk}"] for q in self.questions}


RATINGS = [(n, str(n)) for n in range(1, 6)]


class EvaluationForm(forms.Form):
    comments = forms.CharField(
        label=_("Comments and suggestions"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.sessions = list(sessions)
        for session in self.sessions:
            for part, label in (("content", _("The session")), ("trainer", _("The trainer"))):
                self.fields[f"{part}{session.pk}"] = forms.TypedChoiceField(
                    label=label,
                    choices=RATINGS,
                    coerce=int,
                    widget=forms.RadioSelect(attrs={"class": "bimtek-stars"}),
                    error_messages={"required": _("Give a rating from 1 to 5.")},
                )
        self.order_fields([name for name in self.fields if name != "comments"] + ["comments"])

    def session_fields(self):
        return [
            (session, self[f"content{session.pk}"], self[f"trainer{session.pk}"])
            for session in self.sessions
        ]

    def ratings(self):
        """(session, content rating, trainer rating) for each session, once valid."""
        data = self.cleaned_data
        return [
            (session, data[f"content{session.pk}"], data[f"trainer{session.pk}"])
            for session in self.sessions
        ]


class CommitmentForm(forms.Form):
    commitment = forms.CharField(
        label=_("What will you do in your library after this training?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example: run a class on using WhatsApp for village businesses in August."),
    )
