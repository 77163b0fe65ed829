from django.urls import path

from . import views

app_name = "announcements"
urlpatterns = [
    path("", views.announcement_list, name="list"),
    path("baru/", views.announcement_create, name="create"),
    path("<int:pk>/", views.announcement_detail, name="detail"),
    path("<int:pk>/lampiran/", views.attachment, name="attachment"),
    path("<int:pk>/penerima/", views.receipts, name="receipts"),
    path("<int:pk>/ingatkan/", views.remind, name="remind"),
]
