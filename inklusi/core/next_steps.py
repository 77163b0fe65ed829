"""A library's next steps: what its people should do now (file a late report, correct an
activity sent back, write the year's plan, complete the profile), gathered from the apps that
know, for the library's own page of the dashboard.

The dashboard sits below plans in the layers, so it cannot ask plans itself: each app
registers a provider when it is ready (`register(provider)` in its `AppConfig.ready`), as the
summaries register with `core.derived`; this module imports no app.
"""

from dataclasses import dataclass

from django.utils import timezone

_providers = []


@dataclass(frozen=True)
class Step:
    text: str
    url: str
    # Late or sent back: listed first and marked.
    urgent: bool = False


def register(provider):
    """Register `provider(library, scope, today)`, which gives the Steps it knows of for a
    library; it is only asked for people who change that library."""
    if provider not in _providers:
        _providers.append(provider)


def for_library(library, scope, today=None):
    """The steps of every registered app, urgent ones first; none for people who do not
    change the library (a read-only viewer)."""
    if not scope.edits_library(library):
        return []
    today = today or timezone.localdate()
    steps = [step for provider in _providers for step in provider(library, scope, today)]
    return sorted(steps, key=lambda step: not step.urgent)
