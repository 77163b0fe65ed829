"""A library manager's question to the facilitators and coordinators of their regency."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inklusi.core.scoping import ScopedQuerySet, ScopePaths
from inklusi.core.storage import PRIVATE_PREFIX


class QuestionQuerySet(ScopedQuerySet):
    def open(self):
        return self.filter(answered_at__isnull=True)

    def answered(self):
        return self.filter(answered_at__isnull=False)

    def search(self, words):
        query = self
        for word in words.split()[:8]:
            query = query.filter(models.Q(text__icontains=word) | models.Q(answer__icontains=word))
        return query


class Question(models.Model):
    library = models.ForeignKey(
        "libraries.Library", on_delete=models.CASCADE, related_name="questions"
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="questions_asked"
    )
    text = models.TextField(_("your question"), max_length=3000)
    photo = models.ImageField(_("photo"), upload_to=PRIVATE_PREFIX + "questions/%Y/", blank=True)
    asked_at = models.DateTimeField(default=timezone.now)
    # The first answer takes the question (`services.answer`); later answerers are told.
    answer = models.TextField(_("answer"), max_length=5000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions_answered",
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    is_faq = models.BooleanField(_("in the FAQ"), default=False)

    scope_paths = ScopePaths(regions=("library__region",), library="library")
    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-asked_at"]
        indexes = [models.Index(fields=["answered_at", "asked_at"])]

    def __str__(self):
        return self.text[:60]

    def get_absolute_url(self):
        return reverse("questions:detail", args=[self.pk])

    @property
    def is_answered(self):
        return self.answered_at is not None
