from django.urls import path

from dangvu.education import views

app_name = "education"
urlpatterns = [
    *views.sessions.urlpatterns("study-sessions/"),
    *views.classes.urlpatterns("classes/"),
    path("classes/<int:pk>/participants/add/", views.participants_add, name="participants_add"),
    path("participants/<int:pk>/", views.participant_edit, name="participant_edit"),
    path("participants/<int:pk>/delete/", views.participant_delete, name="participant_delete"),
    path("participants/<int:pk>/restore/", views.participant_restore, name="participant_restore"),
]
