import logging
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage, send_mail
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from inklusi.accounts.scope import Scope
from inklusi.core.exports import FORMATS, table_response
from inklusi.libraries.models import Library

from . import services
from .certificates import certificate_response, qr_data_uri
from .exports import participant_table
from .forms import (
    CheckInForm,
    CommitmentForm,
    EvaluationForm,
    MaterialForm,
    QuestionForm,
    RegisterPersonForm,
    RegisterSelfForm,
    SessionForm,
    TestForm,
    TrainingForm,
)
from .ics import training_calendar
from .models import (
    Certificate,
    Evaluation,
    Material,
    Question,
    Registration,
    Session,
    SessionRating,
    TestKind,
    Training,
)

logger = logging.getLogger(__name__)

# Test kinds in URLs: /tes/awal/ and /tes/akhir/.
TEST_SLUGS = {"awal": TestKind.PRE, "akhir": TestKind.POST}
CERTIFICATE_NUMBER = re.compile(r"^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$")


# Fetching, within the rules ---------------------------------------------------------------


def managed_training(request, pk):
    trainings = services.managed_trainings(request.user).select_related("organiser__region")
    return get_object_or_404(trainings, pk=pk)


def managed_session(request, pk):
    sessions = Session.objects.filter(
        training__in=services.managed_trainings(request.user)
    ).select_related("training")
    return get_object_or_404(sessions, pk=pk)


def visible_training(request, pk):
    trainings = services.visible_trainings(request.user).select_related("organiser__region")
    return get_object_or_404(trainings, pk=pk)


def my_registration(request, pk):
    """The user's own registration for training `pk`; 404 if they are not registered."""
    registrations = Registration.objects.filter(user=request.user).select_related(
        "training", "library"
    )
    return get_object_or_404(registrations, training_id=pk)


def _invite_link(request, training):
    return request.build_absolute_uri(reverse("trainings:register", args=[training.invite_token]))


# Events -----------------------------------------------------------------------------------


@login_required
@require_safe
def training_list(request):
    user = request.user
    mine = (
        Registration.objects.filter(user=user)
        .select_related("training")
        .order_by("-training__starts_on")
    )
    managed = services.managed_trainings(user).select_related("organiser").order_by("-starts_on")
    libraries = list(services.libraries_of(user))
    registered = {r.training_id for r in mine}
    open_to_me = [
        t
        for t in services.visible_trainings(user)
        .filter(registration_closes_on__gte=timezone.localdate())
        .exclude(pk__in=registered)
        .prefetch_related("audience_regions")
        .order_by("starts_on")
        if t.registration_open and any(t.invites(library) for library in libraries)
    ]
    return render(
        request,
        "trainings/list.html",
        {
            "mine": mine,
            "managed": managed[:50],
            "open_to_me": open_to_me,
            "can_create": _organiser_libraries(request).exists(),
        },
    )


def _organiser_libraries(request):
    return Library.objects.editable_by(Scope.of(request.user)).filter(
        kind__in=services.ORGANISER_KINDS
    )


@login_required
@require_http_methods(["GET", "POST"])
def training_create(request):
    if not _organiser_libraries(request).exists():
        raise PermissionDenied
    return _training_form(request, Training(created_by=request.user))


@login_required
@require_http_methods(["GET", "POST"])
def training_edit(request, pk):
    return _training_form(request, managed_training(request, pk))


def _training_form(request, training):
    scope = Scope.of(request.user)
    saved_title = training.title
    form = TrainingForm(request.POST or None, instance=training, scope=scope)
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                training = form.save()
            messages.success(request, _("The training was saved."))
            return redirect(training)
        messages.error(request, _("Some fields need attention; nothing was saved yet."))
    return render(
        request,
        "trainings/form.html",
        {"form": form, "training": training if training.pk else None, "title": saved_title},
    )


@login_required
@require_safe
def training_detail(request, pk):
    training = visible_training(request, pk)
    registration = services.registration_of(request.user, training)
    can_manage = services.can_manage(request.user, training)
    sessions = training.sessions.prefetch_related("materials")
    context = {
        "training": training,
        "registration": registration,
        "can_manage": can_manage,
        "sessions": sessions,
        "now": timezone.now(),
        "registered_count": training.registrations.count(),
        "question_count": training.questions.count(),
    }
    if registration:
        context.update(
            {
                "attended": set(registration.attendances.values_list("session_id", flat=True)),
                "sheets": {s.kind: s for s in registration.answer_sheets.all()},
                "evaluated": Evaluation.objects.filter(registration=registration).exists(),
                "certificate": Certificate.objects.filter(registration=registration).first(),
                "eligible": services.is_eligible(registration),
                "pre_test_open": training.pre_test_open(),
                "follow_up_open": training.follow_up_open(),
                "check_in_open": any(s.check_in_is_open() for s in sessions),
            }
        )
    if can_manage:
        context["invite_link"] = _invite_link(request, training)
    return render(request, "trainings/detail.html", context)


@login_required
@require_safe
def training_calendar_file(request, pk):
    training = visible_training(request, pk)
    registration = services.registration_of(request.user, training)
    full = registration is not None or services.can_manage(request.user, training)
    link = request.build_absolute_uri(training.get_absolute_url())
    response = HttpResponse(
        training_calendar(training, link, with_meeting=full), "text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="bimtek-{training.pk}.ics"'
    return response


# Sessions and materials -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def session_create(request, pk):
    training = managed_training(request, pk)
    return _session_form(request, training, Session(training=training))


@login_required
@require_http_methods(["GET", "POST"])
def session_edit(request, pk):
    session = managed_session(request, pk)
    return _session_form(request, session.training, session)


def _session_form(request, training, session):
    form = SessionForm(request.POST or None, instance=session, training=training)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The session was saved."))
        return redirect(training.get_absolute_url() + "#agenda")
    material_form = MaterialForm() if session.pk else None
    return render(
        request,
        "trainings/session_form.html",
        {"form": form, "training": training, "session": session, "material_form": material_form},
    )


@login_required
@require_POST
def session_delete(request, pk):
    session = managed_session(request, pk)
    session.delete()
    messages.success(request, _("The session “%(topic)s” was deleted.") % {"topic": session})
    return redirect(session.training.get_absolute_url() + "#agenda")


@login_required
@require_POST
def material_add(request, pk):
    session = managed_session(request, pk)
    form = MaterialForm(request.POST, request.FILES, instance=Material(session=session))
    if form.is_valid():
        form.save()
        messages.success(request, _("The material was added."))
        return redirect("trainings:session_edit", session.pk)
    return render(
        request,
        "trainings/session_form.html",
        {
            "form": SessionForm(instance=session, training=session.training),
            "training": session.training,
            "session": session,
            "material_form": form,
        },
    )


@login_required
@require_safe
def material_download(request, pk):
    """A material's file, for the training's participants and those who run it."""
    material = get_object_or_404(
        Material.objects.filter(session__training__in=services.visible_trainings(request.user))
        .exclude(file="")
        .select_related("session__training"),
        pk=pk,
    )
    training = material.session.training
    if services.registration_of(request.user, training) is None and not services.can_manage(
        request.user, training
    ):
        raise Http404
    try:
        handle = material.file.open("rb")
    except OSError as error:
        raise Http404 from error
    return FileResponse(handle, as_attachment=True, filename=material.file_name)


@login_required
@require_POST
def material_delete(request, pk):
    material = get_object_or_404(
        Material.objects.filter(
            session__training__in=services.managed_trainings(request.user)
        ).select_related("session"),
        pk=pk,
    )
    material.file.delete(save=False)
    material.delete()
    messages.success(request, _("The material was removed."))
    return redirect("trainings:session_edit", material.session_id)


# Questions of the pre- and post-test ------------------------------------------------------


def managed_question(request, pk):
    questions = Question.objects.filter(
        training__in=services.managed_trainings(request.user)
    ).select_related("training")
    return get_object_or_404(questions, pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def questions(request, pk):
    """The question list, with a form to add one at the bottom."""
    training = managed_training(request, pk)
    question = Question(training=training, position=training.questions.count() + 1)
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The question was added."))
        return redirect("trainings:questions", training.pk)
    return render(
        request,
        "trainings/questions.html",
        {"training": training, "questions": training.questions.all(), "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request, pk):
    question = managed_question(request, pk)
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The question was saved."))
        return redirect("trainings:questions", question.training_id)
    return render(
        request,
        "trainings/question_form.html",
        {"training": question.training, "question": question, "form": form},
    )


@login_required
@require_POST
def question_delete(request, pk):
    question = managed_question(request, pk)
    question.delete()
    messages.success(request, _("The question was deleted."))
    return redirect("trainings:questions", question.training_id)


# Registration -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def register(request, token):
    """The invitation link: a logged-in person registers themselves (the login page brings
    them back here)."""
    training = get_object_or_404(
        Training.objects.select_related("organiser__region"), invite_token=token[:64]
    )
    registration = services.registration_of(request.user, training)
    form = RegisterSelfForm(request.POST or None, libraries=services.libraries_of(request.user))
    if registration is None and request.method == "POST" and form.is_valid():
        library = form.cleaned_data.get("library")
        try:
            registration = services.register(training, request.user, library, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            _confirm(request, registration)
            return redirect(training)
    elif registration is not None and request.method == "POST":
        messages.info(request, _("You are already registered for this training."))
        return redirect(training)
    return render(
        request,
        "trainings/register.html",
        {
            "training": training,
            "form": form,
            "registration": registration,
            "sessions": training.sessions.all(),
        },
    )


def _confirm(request, registration, new_account=False):
    """Say the registration is done, and whether the confirmation e-mail went out."""
    try:
        send_confirmation(request, registration, new_account)
    except OSError:  # smtplib.SMTPException is an OSError
        logger.exception("Could not send the Bimtek confirmation to %s", registration.user.email)
        messages.warning(
            request,
            _(
                "%(name)s is registered, but the confirmation e-mail could not be sent. "
                "The calendar file can be downloaded from the training page."
            )
            % {"name": registration.user},
        )
    else:
        messages.success(
            request,
            _("%(name)s is registered. A confirmation was sent to %(email)s.")
            % {"name": registration.user, "email": registration.user.email},
        )


def send_confirmation(request, registration, new_account=False):
    training, user = registration.training, registration.user
    link = request.build_absolute_uri(training.get_absolute_url())
    set_password = ""
    if new_account:  # made by the coordinator just now: its owner sets a password first
        set_password = request.build_absolute_uri(
            reverse(
                "accounts:password_reset_confirm",
                args=[
                    urlsafe_base64_encode(force_bytes(user.pk)),
                    default_token_generator.make_token(user),
                ],
            )
        )
    context = {
        "registration": registration,
        "training": training,
        "sessions": training.sessions.all(),
        "link": link,
        "set_password": set_password,
    }
    with translation.override(user.language):
        message = EmailMessage(
            _("Registered: %(title)s") % {"title": training.title},
            render_to_string("trainings/confirmation_email.txt", context, request=request),
            None,
            [user.email],
        )
        message.attach(
            f"bimtek-{training.pk}.ics",
            training_calendar(training, link, with_meeting=True),
            "text/calendar",
        )
        message.send()


@login_required
@require_safe
def participants(request, pk):
    training = managed_training(request, pk)
    return _participants_page(
        request, training, RegisterPersonForm(libraries=Library.objects.none())
    )


def _participants_page(request, training, form):
    rows = services.participant_rows(training)
    return render(
        request,
        "trainings/participants.html",
        {
            "training": training,
            "rows": rows,
            "form": form,
            "invite_link": _invite_link(request, training),
            "eligible_without_certificate": sum(
                1 for row in rows if row.eligible and not hasattr(row.registration, "certificate")
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def participant_add(request, pk):
    """A coordinator registers a person by name, e-mail and library; a person without an
    account gets one (no role), with a link to set their password in the confirmation."""
    training = managed_training(request, pk)
    libraries = Library.objects.visible_to(Scope.of(request.user)).select_related("region")
    form = RegisterPersonForm(request.POST or None, libraries=libraries)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                user, new = services.participant_account(data["email"], data["full_name"])
                registration = services.register(training, user, data["library"], by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            _confirm(request, registration, new_account=new)
            return redirect("trainings:participants", training.pk)
    return render(request, "trainings/participant_form.html", {"training": training, "form": form})


@login_required
@require_safe
def participants_export(request, pk, fmt):
    if fmt not in FORMATS:
        raise Http404
    training = managed_training(request, pk)
    headers, rows = participant_table(services.participant_rows(training))
    return table_response(fmt, f"peserta-bimtek-{training.pk}", headers, rows, _("Participants"))


@login_required
@require_POST
def invite_audience(request, pk):
    """E-mail the invitation link to the managers of every invited library not registered yet."""
    training = managed_training(request, pk)
    recipients = services.audience_managers(training)
    link = _invite_link(request, training)
    sent = 0
    for user in recipients:
        with translation.override(user.language):
            body = render_to_string(
                "trainings/invitation_email.txt",
                {"training": training, "link": link, "user": user},
                request=request,
            )
            try:
                send_mail(
                    _("Invitation: %(title)s") % {"title": training.title}, body, None, [user.email]
                )
            except OSError:
                logger.exception("Could not send the Bimtek invitation to %s", user.email)
                continue
        sent += 1
    if recipients and sent < len(recipients):
        messages.warning(
            request,
            _("The invitation reached %(sent)s of %(total)s people; try the rest again later.")
            % {"sent": sent, "total": len(recipients)},
        )
    else:
        messages.success(
            request,
            ngettext(
                "The invitation was sent to %(sent)s library manager.",
                "The invitation was sent to %(sent)s library managers.",
                sent,
            )
            % {"sent": sent},
        )
    return redirect("trainings:participants", training.pk)


# Attendance -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def check_in(request, pk):
    registration = my_registration(request, pk)
    training = registration.training
    form = CheckInForm(request.POST or None, initial={"code": request.GET.get("kode", "")[:20]})
    if request.method == "POST" and form.is_valid():
        try:
            attendance, created = services.check_in(registration, form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error)
        else:
            when = attendance.time_label()
            topic = attendance.session.topic
            if not created:
                messages.info(
                    request,
                    _("You had already checked in to “%(topic)s” at %(time)s.")
                    % {"topic": topic, "time": when},
                )
            elif attendance.late:
                messages.warning(
                    request,
                    _("You checked in to “%(topic)s” at %(time)s: late.")
                    % {"topic": topic, "time": when},
                )
            else:
                messages.success(
                    request,
                    _("You checked in to “%(topic)s” at %(time)s.")
                    % {"topic": topic, "time": when},
                )
            return redirect(training)
    return render(request, "trainings/check_in.html", {"training": training, "form": form})


@login_required
@require_safe
def session_screen(request, pk):
    """What the trainer shows on the projector or shares on Zoom: the code and a QR code."""
    session = managed_session(request, pk)
    link = request.build_absolute_uri(
        reverse("trainings:check_in", args=[session.training_id]) + f"?kode={session.check_in_code}"
    )
    return render(
        request,
        "trainings/screen.html",
        {
            "session": session,
            "training": session.training,
            "link": link,
            "qr": qr_data_uri(link, scale=8),
            "present": session.attendances.count(),
            "registered": session.training.registrations.count(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_attendance(request, pk):
    """The trainer ticks who attended (for those who could not check in themselves)."""
    session = managed_session(request, pk)
    if request.method == "POST":
        ids = [int(v) for v in request.POST.getlist("present") if v.isdigit() and len(v) < 12]
        services.mark_attendance(session, ids, request.user)
        messages.success(request, _("The attendance was saved."))
        return redirect("trainings:session_attendance", session.pk)
    attendances = {a.registration_id: a for a in session.attendances.all()}
    registrations = session.training.registrations.select_related("user", "library")
    return render(
        request,
        "trainings/attendance.html",
        {
            "session": session,
            "training": session.training,
            "people": [(r, attendances.get(r.pk)) for r in registrations],
        },
    )


@login_required
@require_safe
def results(request, pk):
    training = managed_training(request, pk)
    rows = services.participant_rows(training)
    sessions = training.sessions.count()
    evaluations = Evaluation.objects.filter(registration__training=training).exclude(comments="")
    return render(
        request,
        "trainings/results.html",
        {
            "training": training,
            "rows": rows,
            "session_rows": services.session_rows(training),
            "regency_rows": services.regency_rows(rows, sessions),
            "tests": services.test_summary(rows),
            "comments": evaluations.order_by("-submitted_at")[:50],
            "overall": services.percent(sum(r.attended for r in rows), len(rows) * sessions),
        },
    )


# Tests, evaluation, commitment ------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def take_test(request, pk, kind):
    if kind not in TEST_SLUGS:
        raise Http404
    kind = TEST_SLUGS[kind]
    registration = my_registration(request, pk)
    training = registration.training
    if registration.answer_sheets.filter(kind=kind).exists():
        messages.info(request, _("You already submitted this test; only your first answers count."))
        return redirect(training)
    is_open = training.pre_test_open() if kind == TestKind.PRE else training.follow_up_open()
    if not is_open:
        messages.error(
            request,
            _("The pre-test closed when the first session ended.")
            if kind == TestKind.PRE
            else _("The post-test opens when the last session starts."),
        )
        return redirect(training)
    questions = training.questions.all()
    form = TestForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            sheet = services.submit_test(registration, kind, form.answers())
        except ValidationError as error:
            messages.info(request, error.messages[0])
        else:
            messages.success(
                request,
                _("Your answers were saved. Your score: %(score)s.") % {"score": sheet.score},
            )
        return redirect(training)
    return render(
        request,
        "trainings/test.html",
        {"training": training, "form": form, "kind": TestKind(kind), "questions": questions},
    )


@login_required
@require_http_methods(["GET", "POST"])
def evaluation(request, pk):
    registration = my_registration(request, pk)
    training = registration.training
    if Evaluation.objects.filter(registration=registration).exists():
        messages.info(request, _("You already sent your evaluation. Thank you!"))
        return redirect(training)
    if not training.follow_up_open():
        messages.error(request, _("The evaluation opens when the last session starts."))
        return redirect(training)
    form = EvaluationForm(request.POST or None, sessions=training.sessions.all())
    if request.method == "POST" and form.is_valid():
        if _save_evaluation(registration, form):
            messages.success(request, _("Thank you for your evaluation."))
        else:
            messages.info(request, _("You already sent your evaluation. Thank you!"))
        return redirect(training)
    return render(request, "trainings/evaluation.html", {"training": training, "form": form})


def _save_evaluation(registration, form):
    with transaction.atomic():
        evaluation, created = Evaluation.objects.get_or_create(
            registration=registration, defaults={"comments": form.cleaned_data["comments"]}
        )
        if created:
            SessionRating.objects.bulk_create(
                SessionRating(
                    evaluation=evaluation,
                    session=session,
                    content=form.cleaned_data[f"content{session.pk}"],
                    trainer=form.cleaned_data[f"trainer{session.pk}"],
                )
                for session in form.sessions
            )
    return created


@login_required
@require_http_methods(["GET", "POST"])
def commitment(request, pk):
    registration = my_registration(request, pk)
    training = registration.training
    if not training.follow_up_open():
        messages.error(request, _("The action commitment opens when the last session starts."))
        return redirect(training)
    form = CommitmentForm(request.POST or None, initial={"commitment": registration.commitment})
    if request.method == "POST" and form.is_valid():
        registration.commitment = form.cleaned_data["commitment"]
        registration.committed_at = timezone.now()
        registration.save(update_fields=["commitment", "committed_at"])
        messages.success(request, _("Your action commitment was saved."))
        return redirect(training)
    return render(request, "trainings/commitment.html", {"training": training, "form": form})


@login_required
@require_safe
def commitments(request):
    """Action commitments of participants from libraries in the user's area, any training."""
    registrations = (
        Registration.objects.visible_to(Scope.of(request.user))
        .exclude(commitment="")
        .select_related("user", "library__region", "training")
        .order_by("-committed_at", "pk")
    )
    return render(request, "trainings/commitments.html", {"registrations": registrations[:200]})


# Certificates -----------------------------------------------------------------------------


@login_required
@require_safe
def my_certificate(request, pk):
    registration = my_registration(request, pk)
    certificate = services.issue_certificate(registration)
    if certificate is None:
        messages.error(
            request,
            _("A certificate needs %(percent)s%% attendance%(post)s.")
            % {
                "percent": registration.training.min_attendance,
                "post": _(" and the post-test") if registration.training.post_test_required else "",
            },
        )
        return redirect(registration.training)
    return certificate_response(request, certificate)


@login_required
@require_safe
def participant_certificate(request, pk):
    certificate = get_object_or_404(
        Certificate.objects.filter(
            registration__training__in=services.managed_trainings(request.user)
        ).select_related("registration__training", "registration__user"),
        registration_id=pk,
    )
    return certificate_response(request, certificate)


@login_required
@require_POST
def issue_certificates(request, pk):
    training = managed_training(request, pk)
    # Each new certificate gets its number from the field's default, made in Python.
    new = [
        Certificate(registration=row.registration)
        for row in services.participant_rows(training)
        if row.eligible and not hasattr(row.registration, "certificate")
    ]
    Certificate.objects.bulk_create(new, ignore_conflicts=True)
    issued = len(new)
    messages.success(
        request,
        ngettext("%(count)s certificate was issued.", "%(count)s certificates were issued.", issued)
        % {"count": issued},
    )
    return redirect("trainings:participants", training.pk)


@require_safe
def verify(request, number):
    """Public: confirms a certificate is genuine. Shows the name, the event and the date."""
    number = number.upper()[:40]
    certificate = None
    if CERTIFICATE_NUMBER.match(number):
        certificate = (
            Certificate.objects.select_related("registration__user", "registration__training")
            .filter(number=number)
            .first()
        )
    status = 200 if certificate else 404
    return render(
        request,
        "trainings/verify.html",
        {"certificate": certificate, "number": number},
        status=status,
    )
