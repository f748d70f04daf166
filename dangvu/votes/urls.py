from django.urls import path  # noqa: F401 - the screens add their paths here

app_name = "votes"

urlpatterns: list = []
