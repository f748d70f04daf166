from django.urls import path

from dangvu.checker import views

app_name = "checker"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("check/", views.check, name="check"),
]
