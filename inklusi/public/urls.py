from django.urls import path

from . import feeds, views

app_name = "public"
urlpatterns = [
    path("", views.region, name="index"),
    path("atom.xml", feeds.AtomActivityFeed(), name="atom"),
    path("rss.xml", feeds.ActivityFeed(), name="rss"),
    path("perpustakaan/<int:pk>/", views.library, name="library"),
    path("kegiatan/<int:pk>/", views.activity, name="activity"),
    path("cerita/<int:pk>/", views.story, name="story"),
    path("cerita/<int:pk>/foto/", views.story_photo, name="story_photo"),
    path("wilayah/<str:code>/", views.region, name="region"),
    path("wilayah/<str:code>/atom.xml", feeds.AtomActivityFeed(), name="region_atom"),
    path("wilayah/<str:code>/rss.xml", feeds.ActivityFeed(), name="region_rss"),
]
