"""A library's next step about this year's work plan, for `core.next_steps` (registered in
apps.py): write it, finish it and send it for review, or take it to the funder."""

from django.urls import reverse
from django.utils.translation import gettext as _

from inklusi.core.next_steps import Step

from .models import Plan, State


def next_steps(library, scope, today):
    year = today.year
    plan = Plan.objects.filter(library=library, year=year).first()
    if plan is None:
        url = f"{reverse('plans:create')}?library={library.pk}"
        return [Step(_("Write the work plan for %(year)s") % {"year": year}, url)]
    if plan.state == State.DRAFT:
        text = _("Finish the %(year)s work plan and send it for review") % {"year": year}
        return [Step(text, plan.get_absolute_url())]
    if plan.state == State.READY:
        text = _("Take the %(year)s work plan to the funder and record it") % {"year": year}
        return [Step(text, plan.get_absolute_url())]
    return []
