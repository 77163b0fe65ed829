"""The shared helpers every app may use import no app, so nothing imports in a circle."""

import pytest

from inklusi.core import charts, months


@pytest.mark.parametrize("module", [charts, months])
def test_imports_no_app(module):
    with open(module.__file__) as source:
        text = source.read()
    assert "from inklusi" not in text and "import inklusi" not in text
