"""The OpenAPI schema and its Swagger UI are served by the app, from its own static files."""

import re

import pytest
import yaml

pytestmark = pytest.mark.django_db


def test_the_schema_describes_every_endpoint(client):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    paths = set(schema["paths"])
    for path in ("regions", "libraries", "activities", "reports", "trainings", "indicators"):
        assert f"/api/v1/{path}/" in paths
    assert "token" in schema["components"]["securitySchemes"]
    json_schema = client.get("/api/v1/schema/?format=json").json()
    assert json_schema["paths"].keys() == schema["paths"].keys()


def test_the_docs_load_nothing_from_elsewhere_and_nothing_inline(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(source.startswith("/") for source in sources), sources
    assert "<script>" not in html and "style=" not in html and "<style" not in html
    script = [s for s in sources if "script" in s and "static" not in s]
    assert script and client.get(script[0]).status_code == 200
