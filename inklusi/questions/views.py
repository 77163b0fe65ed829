from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from inklusi.accounts.scope import Scope
from inklusi.core.documents import stored_file_response

from . import services
from .forms import AnswerForm, FaqSearchForm, QuestionForm
from .models import Question

STATUSES = {"terbuka": "open", "terjawab": "answered"}


def get_question(request, pk):
    questions = Question.objects.select_related("library__region", "asked_by", "answered_by")
    return questions.get_for(Scope.of(request.user), pk)


def may_ask(scope):
    """Questions come from a library's manager, or from a facilitator or coordinator who
    writes down one a manager asked by telephone (choosing the library)."""
    return scope.can_edit


@login_required
@require_safe
def question_list(request):
    scope = Scope.of(request.user)
    questions = Question.objects.visible_to(scope).select_related("library", "asked_by")
    status = STATUSES.get(request.GET.get("status", ""))
    if status:
        questions = getattr(questions, status)()
    questions = questions.order_by(F("answered_at").desc(nulls_first=True), "-asked_at", "-pk")
    page = Paginator(questions, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "questions/list.html",
        {"page": page, "can_ask": may_ask(scope), "status": request.GET.get("status", "")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def question_create(request):
    scope = Scope.of(request.user)
    if not may_ask(scope):
        raise PermissionDenied
    question = Question(asked_by=request.user)
    form = QuestionForm(request.POST or None, request.FILES or None, instance=question, scope=scope)
    if request.method == "POST" and form.is_valid():
        try:
            services.ask(form.save(commit=False))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your question was sent to your facilitators."))
            return redirect(question.get_absolute_url())
    return render(request, "questions/form.html", {"form": form})


@login_required
@require_safe
def question_detail(request, pk):
    return _detail(request, get_question(request, pk), AnswerForm())


def _detail(request, question, answer_form):
    scope = Scope.of(request.user)
    return render(
        request,
        "questions/detail.html",
        {
            "question": question,
            "answer_form": answer_form,
            "can_answer": scope.can_review(question.library),
        },
    )


@login_required
@require_POST
def question_answer(request, pk):
    question = get_question(request, pk)
    scope = Scope.of(request.user)
    if not scope.can_review(question.library):
        raise PermissionDenied
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _detail(request, question, form)
    try:
        services.answer(question, scope, request.user, form.cleaned_data["answer"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your answer was sent to the person who asked."))
    return redirect(question.get_absolute_url())


@login_required
@require_POST
def question_faq(request, pk):
    question = get_question(request, pk)
    in_faq = request.POST.get("faq") == "1"
    try:
        services.set_faq(question, Scope.of(request.user), in_faq)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The question is in the FAQ.") if in_faq else _("The question left the FAQ."),
        )
    return redirect(question.get_absolute_url())


@login_required
@require_safe
def photo(request, pk):
    question = get_question(request, pk)
    if not question.photo:
        raise Http404
    return stored_file_response(question.photo, content_type="image/jpeg")


@login_required
@require_safe
def faq(request):
    Scope.requiring(request.user, "in_programme")
    form = FaqSearchForm(request.GET)
    words = form.cleaned_data["q"] if form.is_valid() else ""
    page = Paginator(services.faq(words), 25).get_page(request.GET.get("page"))
    return render(request, "questions/faq.html", {"form": form, "page": page, "words": words})
