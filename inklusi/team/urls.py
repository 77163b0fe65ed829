from django.urls import path

from . import views

app_name = "team"
urlpatterns = [
    path("tim/", views.team, name="team"),
    path("tim/peran/<int:pk>/cabut/", views.revoke_role, name="revoke_role"),
    path("tim/undangan/<int:pk>/batal/", views.cancel_invitation, name="cancel_invitation"),
    path("undang/", views.invite, name="invite"),
    path("undangan/<str:token>/", views.accept_invitation, name="accept_invitation"),
]
