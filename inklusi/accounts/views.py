from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import i18n as i18n_views
from django.views.decorators.http import require_http_methods

from .forms import EmailLoginForm, ProfileForm
from .signals import LANGUAGE_ATTRIBUTE, remember_language


class LoginView(auth_views.LoginView):
    """E-mail login; afterwards the interface speaks the user's language (see signals)."""

    authentication_form = EmailLoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        return remember_language(self.request, super().form_valid(form))


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        translation.activate(user.language)
        setattr(request, LANGUAGE_ATTRIBUTE, user.language)
        messages.success(request, _("Your profile was saved."))
        return remember_language(request, redirect("accounts:profile"))
    roles = request.user.roles.select_related("region", "library")
    return render(request, "accounts/profile.html", {"form": form, "roles": roles})


@require_http_methods(["POST"])
def set_language(request):
    """Django's set_language, which also keeps a logged-in user's choice as User.language,
    so the next login does not switch the interface back."""
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        if request.user.language != language:
            request.user.language = language
            request.user.save(update_fields=["language"])
    return i18n_views.set_language(request)
