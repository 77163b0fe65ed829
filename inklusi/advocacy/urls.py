from django.urls import path

from . import views

app_name = "advocacy"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("baru/", views.meeting_create, name="create"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/ubah/", views.meeting_edit, name="edit"),
    path("<int:pk>/tindak-lanjut/", views.meeting_follow_up, name="follow_up"),
    path("brief/perpustakaan/<int:pk>/", views.brief_library_form, name="brief_library_form"),
    path("brief/perpustakaan/<int:pk>.pdf", views.brief_library, name="brief_library"),
    path("brief/wilayah/<str:code>/", views.brief_region_form, name="brief_region_form"),
    path("brief/wilayah/<str:code>.pdf", views.brief_region, name="brief_region"),
]
