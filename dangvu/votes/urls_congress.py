from django.urls import path  # noqa: F401 - the screens add their paths here

urlpatterns: list = []
