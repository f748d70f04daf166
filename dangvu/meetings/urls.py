from django.urls import path

from dangvu.meetings import views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("new/", views.meeting_create, name="create"),
    path("deleted/", views.trash, name="trash"),
    path("scoring-sheets/", views.sheets, name="sheets"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/edit/", views.meeting_edit, name="edit"),
    path("<int:pk>/self-rating/", views.meeting_self_rate, name="self_rate"),
    path("<int:pk>/minutes.docx", views.meeting_minutes, name="minutes"),
    path("<int:pk>/delete/", views.meeting_delete, name="delete"),
    path("<int:pk>/restore/", views.meeting_restore, name="restore"),
]
