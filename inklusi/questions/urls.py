from django.urls import path

from . import views

app_name = "questions"
urlpatterns = [
    path("", views.question_list, name="list"),
    path("baru/", views.question_create, name="create"),
    path("faq/", views.faq, name="faq"),
    path("<int:pk>/", views.question_detail, name="detail"),
    path("<int:pk>/jawab/", views.question_answer, name="answer"),
    path("<int:pk>/faq/", views.question_faq, name="set_faq"),
    path("<int:pk>/foto/", views.photo, name="photo"),
]
