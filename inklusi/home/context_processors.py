from django.conf import settings

from inklusi.accounts.scope import Scope

from .menu import menu_for


def site(request):
    user = getattr(request, "user", None)
    scope = Scope.of(user) if user is not None and user.is_authenticated else None
    return {
        "scope": scope,
        "menu": menu_for(request, scope) if scope is not None else [],
        "MAP_TILE_URL": settings.MAP_TILE_URL,
        "MAP_TILE_ATTRIBUTION": settings.MAP_TILE_ATTRIBUTION,
    }
