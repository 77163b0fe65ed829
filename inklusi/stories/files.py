"""The one way to a story's photo file: switch storage here and every view follows."""

from django.http import Http404

from inklusi.core.documents import stored_file_response


def photo_response(story):
    """The story's photo; the caller has checked who may see it (the scope, or consent and
    selection for the public)."""
    if not story.photo:
        raise Http404
    return stored_file_response(story.photo, content_type="image/jpeg")
