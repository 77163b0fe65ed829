from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "inklusi.core"
    verbose_name = "Inklusi"
