"""A stored file served by a view: its bytes, or a 404 when storage has lost it."""

import time
from urllib.parse import parse_qs, urlsplit

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


def test_behind_nginx_it_hands_the_file_to_nginx(tmp_path, settings):
    settings.MEDIA_ACCEL_REDIRECT = "/media-internal/"
    response = stored_file_response(
        _stored(tmp_path, "private/plans/a b.pdf", b"%PDF-1.4"),
        as_attachment=True,
        filename="keputusan.pdf",
        content_type="application/pdf",
    )
    assert response["X-Accel-Redirect"] == "/media-internal/private/plans/a%20b.pdf"
    assert response.content == b""
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="keputusan.pdf"'
    assert "private" in response["Cache-Control"]


def test_behind_nginx_a_file_gone_is_404_too(tmp_path, settings):
    settings.MEDIA_ACCEL_REDIRECT = "/media-internal/"
    with pytest.raises(Http404):
        stored_file_response(_stored(tmp_path, "private/gone.pdf"))


def test_on_s3_it_redirects_to_a_short_signed_url(settings):
    from inklusi.core.storage_s3 import S3MediaStorage

    settings.PRIVATE_URL_SECONDS = 60
    storage = S3MediaStorage(
        bucket_name="inklusi",
        access_key="test",
        secret_key="test",
        region_name="us-east-1",
        endpoint_url="https://minio.example.id",
        custom_domain="foto.example.id",
        querystring_auth=False,
    )
    field = _Field()
    field.storage = storage
    response = stored_file_response(FieldFile(None, field, "private/partners/mou.pdf"))
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("https://minio.example.id/inklusi/private/partners/mou.pdf?")
    query = parse_qs(urlsplit(location).query)
    assert "Signature" in query
    assert 0 < int(query["Expires"][0]) - time.time() <= 61
    # Public names keep the CDN's plain address; private ones have none.
    assert storage.url("libraries/covers/a.jpg") == "https://foto.example.id/libraries/covers/a.jpg"
    with pytest.raises(ValueError):
        storage.url("private/partners/mou.pdf")
