"""Two names for one partner: legal forms, punctuation, case and typos do not matter."""

import pytest

from inklusi.partners.names import normalise_name, similar


@pytest.mark.parametrize(
    "name,key",
    [
        ("PT Bank Sumsel Babel, Tbk", "bank sumsel babel"),
        ("P.T. Bank  Sumsel-Babel", "bank sumsel babel"),
        ("CV. Maju Jaya", "maju jaya"),
        ("  Kelompok Tani MAJU BERSAMA ", "kelompok tani maju bersama"),
        ("", ""),
    ],
)
def test_normalise_name(name, key):
    assert normalise_name(name) == key


def test_similar():
    assert similar("universitas sriwijaya", "universitas sriwjaya")
    assert similar("bank sumsel babel csr", "bank sumsel babel")
    assert not similar("bank sumsel babel", "bank mandiri")
    assert not similar("", "")
