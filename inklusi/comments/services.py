"""Comment threads on records, and @mentions of the people who can see the record."""

import re
from collections.abc import Callable
from typing import NamedTuple

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from inklusi.accounts.scope import Scope
from inklusi.notifications import services as notifications

from .models import Comment


class Kind(NamedTuple):
    model: type
    seen_by: Callable  # user -> the queryset of records they may open
    own_page: bool  # the thread has a page of its own (else it shows on the record's)


# The records that carry a thread, by the word naming them in the thread's address. Each app
# registers its own in `apps.py` (`commentable`), so comments import none of them.
KINDS = {}


def commentable(kind, model, seen_by=None, own_page=False):
    """Give `model`'s records a thread. `seen_by(user)` gives the records the user may open,
    when that is more than the scope's `visible_to` (a training is also seen by its
    participants)."""
    KINDS[kind] = Kind(
        model, seen_by or (lambda user: model.objects.visible_to(Scope.of(user))), own_page
    )


# "@someone@example.id": people are mentioned by their e-mail address, which is unique; the
# picker under the comment box finds it by name.
MENTION = re.compile(r"(?<![\w.+-])@([\w.+-]+@[\w-]+(?:\.[\w-]+)+)")


def kind_of(record):
    return next(kind for kind, found in KINDS.items() if isinstance(record, found.model))


def thread_url(record):
    """Where the record's thread is shown, to go back to after commenting."""
    kind = kind_of(record)
    if KINDS[kind].own_page:
        return reverse("comments:thread", args=[kind, record.pk])
    return record.get_absolute_url()


def get_record(kind, pk, user):
    """The record a thread belongs to, if the user sees it; 404 otherwise."""
    if kind not in KINDS:
        raise Http404
    return get_object_or_404(KINDS[kind].seen_by(user), pk=pk)


def can_see(user, record):
    """Whether `user` may open `record`: the record's own access rule, asked for them."""
    return KINDS[kind_of(record)].seen_by(user).filter(pk=record.pk).exists()


def thread(record):
    return Comment.objects.filter(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk
    ).select_related("author")


def mentioned_people(record, body):
    """The people @mentioned in `body`. Someone unknown, or who cannot see the record, is
    refused with a message naming them, so nothing about the record reaches them."""
    addresses = sorted({found.lower() for found in MENTION.findall(body)})
    people = {
        person.email.lower(): person
        for person in get_user_model().objects.filter(email__in=addresses, is_active=True)
    }
    unknown = [address for address in addresses if address not in people]
    if unknown:
        raise ValidationError(
            _("Nobody in Inklusi has the address %(addresses)s.")
            % {"addresses": ", ".join(unknown)}
        )
    outside = [person for person in people.values() if not can_see(person, record)]
    if outside:
        raise ValidationError(
            _(
                "%(names)s cannot see this record, so cannot be mentioned here. "
                "Remove the mention, or share the record with them first."
            )
            % {"names": ", ".join(str(person) for person in outside)}
        )
    return list(people.values())


def add_comment(record, scope, author, body):
    """Add a comment; anyone who sees the record and changes records (not a read-only viewer)
    may write. Returns the comment and the people it mentions."""
    if not scope.can_edit:
        raise PermissionDenied
    people = mentioned_people(record, body)
    earlier = set(thread(record).values_list("author", flat=True))
    comment = Comment.objects.create(record=record, author=author, body=body)
    comment.mentioned.set(people)
    url = f"{thread_url(record)}#komentar-{comment.pk}"
    excerpt = Truncator(body).chars(300)
    followers = [
        person
        for person in get_user_model()
        .objects.filter(pk__in=earlier)
        .exclude(pk__in=[p.pk for p in people])
        if can_see(person, record)
    ]
    with translation.override(settings.LANGUAGE_CODE):
        notifications.notify(
            people,
            "mention",
            _("%(name)s mentioned you on %(record)s") % {"name": author, "record": record},
            url,
            actor=author,
            body=excerpt,
        )
        notifications.notify(
            followers,
            "comment",
            _("%(name)s commented on %(record)s") % {"name": author, "record": record},
            url,
            actor=author,
            body=excerpt,
        )
    return comment, people


def people_to_mention(record, words, limit=8):
    """People whose name or address holds `words` and who can see the record, for the picker."""
    found = []
    candidates = get_user_model().objects.filter(is_active=True, roles__isnull=False).distinct()
    for word in words.split()[:4]:
        candidates = candidates.filter(Q(full_name__icontains=word) | Q(email__icontains=word))
    for person in candidates.order_by("full_name", "email")[:40]:
        if can_see(person, record):
            found.append(person)
            if len(found) == limit:
                break
    return found
