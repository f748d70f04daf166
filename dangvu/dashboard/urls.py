from django.urls import path

from dangvu.dashboard import views

app_name = "dashboard"
urlpatterns = [path("", views.home, name="home"), path("work/", views.work, name="work")]
