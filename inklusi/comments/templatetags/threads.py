"""`{% comment_thread record %}`: a record's comments and the box to add one."""

from django import template
from django.urls import reverse

from inklusi.accounts.scope import Scope

from ..forms import CommentForm
from ..services import kind_of, thread

register = template.Library()


@register.inclusion_tag("comments/_thread.html", takes_context=True)
def comment_thread(context, record, form=None):
    user = context["request"].user
    kind = kind_of(record)
    return {
        "comments": thread(record),
        "form": form or CommentForm(),
        "record": record,
        "post_url": reverse("comments:thread", args=[kind, record.pk]),
        "people_url": reverse("comments:people", args=[kind, record.pk]),
        "can_comment": Scope.of(user).can_edit,
        "csrf_token": context.get("csrf_token"),
    }
