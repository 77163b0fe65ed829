"""The agenda: sessions and their materials, run by the organiser; a material's file is
downloaded by the training's participants and organisers only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from inklusi.core.documents import stored_file_response

from .. import services
from ..forms import MaterialForm, SessionForm
from ..models import Material, Session
from .fetch import managed_session, managed_training


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
    return stored_file_response(material.file, as_attachment=True, filename=material.file_name)


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
