from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingsConfig(AppConfig):
    name = "inklusi.trainings"
    verbose_name = _("Trainings (Bimtek)")

    def ready(self):
        from inklusi.comments.services import commentable

        from .models import Training
        from .services import visible_trainings

        commentable("bimtek", Training, seen_by=visible_trainings)
