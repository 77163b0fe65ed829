"""The admin only looks at and removes announcements, questions and comments (moderation)."""

import pytest
from django.apps import apps
from django.urls import reverse

from inklusi.accounts.scope import Scope
from inklusi.comments.services import add_comment
from inklusi.questions.tests.helpers import ask
from inklusi.testing.factories import ActivityFactory

from .helpers import announce


@pytest.mark.parametrize(
    "label", ["announcements_announcement", "questions_question", "comments_comment"]
)
def test_the_admin_lists_and_removes_but_adds_nothing(people, libraries, login, label):
    announce(people.regency, region=libraries.regions["16.07"])
    ask(people.manager, libraries.air_batu)
    add_comment(
        ActivityFactory(library=libraries.air_batu), Scope(people.manager), people.manager, "Hai"
    )
    client = login(people.admin)
    assert client.get(reverse(f"admin:{label}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:{label}_add")).status_code == 403
    model = apps.get_model(label.replace("_", ".", 1))
    row = model.objects.get()
    assert client.get(reverse(f"admin:{label}_change", args=[row.pk])).status_code == 200
    client.post(reverse(f"admin:{label}_delete", args=[row.pk]), {"post": "yes"})
    assert not model.objects.exists()
