from django.urls import path

from . import pages

app_name = "api"
urlpatterns = [
    path("token/", pages.tokens, name="tokens"),
    path("token/<int:pk>/cabut/", pages.revoke, name="revoke_token"),
]
