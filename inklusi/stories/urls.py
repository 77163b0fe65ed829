from django.urls import path

from . import views

app_name = "stories"
urlpatterns = [
    path("", views.story_list, name="list"),
    path("baru/", views.story_create, name="create"),
    path("<int:pk>/", views.story_detail, name="detail"),
    path("<int:pk>/ubah/", views.story_edit, name="edit"),
    path("<int:pk>/foto/", views.photo, name="photo"),
    path("<int:pk>/cabut-izin/", views.withdraw_consent, name="withdraw_consent"),
    path("pilih/<str:code>/", views.selection, name="selection"),
    path("pilih/<str:code>/<int:pk>/", views.choose, name="choose"),
    path("pilih/<str:code>/<int:pk>/batal/", views.take_back, name="take_back"),
    path("antologi/<int:year>/", views.anthology, name="anthology"),
]
