"""What is asked of participants: the pre- and post-test (its questions written by the
organiser), the evaluation of each session, and the action commitment. Each participant
page first asks the services' `ACTIONS` table whether it is open now."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import services
from ..forms import CommitmentForm, EvaluationForm, QuestionForm, TestForm
from ..models import Evaluation, Question, TestKind
from .fetch import managed_question, managed_training, my_registration

# Test kinds in URLs: /tes/awal/ and /tes/akhir/.
TEST_SLUGS = {"awal": TestKind.PRE, "akhir": TestKind.POST}


def _refused(request, action, registration):
    """Whether the participant's action is not open now; if so the reason is shown."""
    reason = services.refusal(
        request.user, action, registration.training, registration=registration
    )
    if reason:
        messages.error(request, reason)
    return bool(reason)


# The questions, written by the organiser --------------------------------------------------


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


# Answered by the participant --------------------------------------------------------------


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
    if _refused(request, services.TEST_ACTIONS[kind], registration):
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
    if _refused(request, "evaluate", registration):
        return redirect(training)
    form = EvaluationForm(request.POST or None, sessions=training.sessions.all())
    if request.method == "POST" and form.is_valid():
        if services.submit_evaluation(registration, form.cleaned_data["comments"], form.ratings()):
            messages.success(request, _("Thank you for your evaluation."))
        else:
            messages.info(request, _("You already sent your evaluation. Thank you!"))
        return redirect(training)
    return render(request, "trainings/evaluation.html", {"training": training, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def commitment(request, pk):
    registration = my_registration(request, pk)
    training = registration.training
    if _refused(request, "commit", registration):
        return redirect(training)
    form = CommitmentForm(request.POST or None, initial={"commitment": registration.commitment})
    if request.method == "POST" and form.is_valid():
        services.save_commitment(registration, form.cleaned_data["commitment"])
        messages.success(request, _("Your action commitment was saved."))
        return redirect(training)
    return render(request, "trainings/commitment.html", {"training": training, "form": form})
