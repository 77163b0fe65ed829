import datetime

from django.utils import timezone

from inklusi.stories import services
from inklusi.stories.models import Story

# A day in the third quarter of 2026, where the tests' stories are recorded.
IN_Q3 = timezone.make_aware(datetime.datetime(2026, 8, 14, 10))
Q3 = datetime.date(2026, 7, 1)


def make_story(library, by, **fields):
    fields = {
        "recorded_at": IN_Q3,
        "domain": "literacy",
        "who": "Seorang ibu rumah tangga",
        "what_changed": "Kini ia membacakan buku untuk anaknya setiap malam.",
        "why_it_matters": "Anaknya naik kelas dengan nilai membaca terbaik.",
        **fields,
    }
    return services.record_story(Story(library=library, **fields), by)


def choose_up_to(story, level_codes, people, reason="Paling bermakna bagi desanya."):
    """Choose `story` at each place code in order (e.g. "16.07", "16", "nasional")."""
    from inklusi.accounts.scope import Scope

    for code in level_codes:
        place = services.place_of(code)
        services.choose(place, Scope(people.admin), story, f"{reason} ({code})", people.admin)
