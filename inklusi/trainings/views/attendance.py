"""Who came: a participant checks in with the session's code (typed, or from the QR code on
the trainer's screen), and the trainer ticks those who could not."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from .. import services
from ..certificates import qr_data_uri
from ..forms import CheckInForm
from .fetch import managed_session, my_registration


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
            _say_checked_in(request, attendance, created)
            return redirect(training)
    return render(request, "trainings/check_in.html", {"training": training, "form": form})


def _say_checked_in(request, attendance, created):
    values = {"topic": attendance.session.topic, "time": attendance.time_label()}
    if not created:
        messages.info(request, _("You had already checked in to “%(topic)s” at %(time)s.") % values)
    elif attendance.late:
        messages.warning(request, _("You checked in to “%(topic)s” at %(time)s: late.") % values)
    else:
        messages.success(request, _("You checked in to “%(topic)s” at %(time)s.") % values)


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
