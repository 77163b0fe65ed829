from django.urls import path

from . import views

app_name = "comments"
urlpatterns = [
    path("<slug:kind>/<int:pk>/", views.thread, name="thread"),
    path("<slug:kind>/<int:pk>/orang/", views.people, name="people"),
]
