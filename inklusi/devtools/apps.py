from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Demo data and benchmarks: commands for developers and the demo, never imported by the
    running system."""

    name = "inklusi.devtools"
