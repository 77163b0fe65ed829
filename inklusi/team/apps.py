from django.apps import AppConfig


class TeamConfig(AppConfig):
    """The people of a coordinator's area: who holds which role, inviting someone to a role
    over a region or a library, accepting an invitation, taking a role back. The people and
    roles themselves (and the access rule) are `accounts`'."""

    name = "inklusi.team"
