from django.urls import path

from dangvu.inspections import views

app_name = "inspections"
urlpatterns = [
    *views.urls(views.INSPECTIONS, "", detail=views.inspection_detail),
    *views.urls(views.DISCIPLINES, "discipline/"),
    *views.urls(views.LETTERS, "letters/"),
    path("deleted/", views.trash, name="trash"),
]
