"""The Indonesian interface is complete: every project string translated, placeholders kept."""

import re
from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "inklusi/locale/id/LC_MESSAGES/django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def test_every_string_is_translated_and_none_is_fuzzy():
    catalog = polib.pofile(str(PO))
    assert [e.msgid for e in catalog.untranslated_entries()] == []
    assert [e.msgid for e in catalog.fuzzy_entries()] == []


def test_translations_keep_their_placeholders():
    for entry in polib.pofile(str(PO)):
        wanted = sorted(PLACEHOLDER.findall(entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            assert sorted(PLACEHOLDER.findall(text)) == wanted, entry.msgid


def test_changing_something_is_called_ubah_everywhere():
    """ "Ganti" beside "Ubah" for the same act reads as two different things."""
    ganti = re.compile(r"\bganti\b", re.IGNORECASE)
    for entry in polib.pofile(str(PO)):
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        assert not any(ganti.search(text) for text in translations), entry.msgid
