"""A stored file served by a view: its bytes, or a 404 when storage has lost it."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db.models.fields.files import FieldFile
from django.http import Http404

from inklusi.core.documents import stored_file_response


class _Field:
    storage = None


def _stored(tmp_path, name, content=None):
    field = _Field()
    field.storage = FileSystemStorage(location=tmp_path)
    if content is not None:
        field.storage.save(name, ContentFile(content))
    return FieldFile(None, field, name)


def test_it_streams_the_file(tmp_path):
    response = stored_file_response(
        _stored(tmp_path, "a.pdf", b"%PDF-1.4"), as_attachment=True, filename="a.pdf"
    )
    assert b"".join(response.streaming_content) == b"%PDF-1.4"
    assert "attachment" in response["Content-Disposition"]


def test_a_file_gone_from_storage_is_404(tmp_path):
    with pytest.raises(Http404):
        stored_file_response(_stored(tmp_path, "gone.pdf"))
