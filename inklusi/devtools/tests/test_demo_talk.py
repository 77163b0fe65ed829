"""The demo announcements, questions and comments: added once, through the services."""

from inklusi.accounts.models import User
from inklusi.announcements.models import Announcement, Receipt
from inklusi.comments.models import Comment
from inklusi.devtools.demo import load_demo
from inklusi.devtools.demo_talk import load_demo_talk
from inklusi.questions.models import Question
from inklusi.regions.loading import load_regions
from inklusi.testing.factories import ActivityFactory


def counts():
    return [model.objects.count() for model in (Announcement, Receipt, Question, Comment)]


def test_demo_is_loaded_once(db):
    load_regions()
    load_demo()
    manager = User.objects.get(email="pengelola@inklusi.id")
    ActivityFactory(library=manager.roles.get().library)
    assert load_demo_talk() == [2, 2, 2]
    first = counts()
    assert Receipt.objects.filter(read_at__isnull=False).count() == 2
    assert Question.objects.filter(is_faq=True).count() == 1
    assert Question.objects.open().count() == 1
    assert Comment.objects.get(body__contains="@fasilitator").mentioned.count() == 1
    assert load_demo_talk() == [0, 0, 0]
    assert counts() == first
