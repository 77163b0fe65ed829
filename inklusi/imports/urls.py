from django.urls import path

from . import views

app_name = "imports"
urlpatterns = [
    path("", views.index, name="index"),
    path("templat/<slug:kind>.xlsx", views.template, name="template"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/impor/", views.start, name="start"),
]
