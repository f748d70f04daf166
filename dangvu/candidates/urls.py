from django.urls import path

from dangvu.candidates import views

app_name = "candidates"
urlpatterns = [
    path("", views.candidate_list, name="list"),
    path("new/", views.candidate_create, name="create"),
    path("deleted/", views.trash, name="trash"),
    path("<int:pk>/", views.candidate_detail, name="detail"),
    path("<int:pk>/edit/", views.candidate_edit, name="edit"),
    path("<int:pk>/step/<str:step>/", views.candidate_step, name="step"),
    path("<int:pk>/delete/", views.candidate_delete, name="delete"),
    path("<int:pk>/restore/", views.candidate_restore, name="restore"),
    path("introducers/<int:pk>/remove/", views.introducer_remove, name="introducer_remove"),
]
