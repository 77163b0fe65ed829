from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The top of the web face: the home page ("what is mine and what needs doing"), the
    health check and what every page's template gets. It may use every app; none uses it."""

    name = "inklusi.home"
