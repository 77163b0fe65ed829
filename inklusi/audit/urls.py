from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("", views.search, name="search"),
    path("<str:label>/<int:pk>/", views.record, name="record"),
]
