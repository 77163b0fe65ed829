"""Telling whether two partner names are the same organisation.

"PT Bank Sumsel Babel (CSR)", "Bank Sumsel-Babel" and "bank sumsel babel, Tbk" are one bank:
names are compared without case, legal forms, punctuation and extra spaces, and a near match
(a typo, a missing word) counts too.
"""

import re
from difflib import SequenceMatcher

LEGAL_FORMS = {"pt", "cv", "tbk", "persero", "ud"}
CLOSE_ENOUGH = 0.85


def normalise_name(name):
    text = re.sub(r"[.'’]", "", (name or "").casefold())  # "P.T." is "pt"
    words = re.sub(r"[^\w\s]|_", " ", text).split()
    return " ".join(word for word in words if word not in LEGAL_FORMS)[:200]


def similar(key, other_key):
    """Whether two normalised names are the same or nearly the same."""
    if not key or not other_key:
        return False
    if key == other_key:
        return True
    matcher = SequenceMatcher(None, key, other_key, autojunk=False)
    return matcher.quick_ratio() >= CLOSE_ENOUGH and matcher.ratio() >= CLOSE_ENOUGH


def close_matches(name, partners):
    """The partners (a queryset) whose names match `name`, exact matches first."""
    key = normalise_name(name)
    candidates = partners.values_list("pk", "name_key")
    found = [(other != key, pk) for pk, other in candidates.iterator() if similar(key, other)]
    order = [pk for _, pk in sorted(found)]
    by_pk = partners.model.objects.select_related("region").in_bulk(order)
    return [by_pk[pk] for pk in order]
