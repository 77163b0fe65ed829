"""Getting a training's objects for a page, within the rules: 404 for anything outside what
the user runs, sees or registered for, whatever the URL says."""

from django.shortcuts import get_object_or_404

from .. import services
from ..models import Question, Registration, Session


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


def invite_link(request, training):
    return services.invite_link(training, request.build_absolute_uri)


def managed_question(request, pk):
    questions = Question.objects.filter(
        training__in=services.managed_trainings(request.user)
    ).select_related("training")
    return get_object_or_404(questions, pk=pk)
