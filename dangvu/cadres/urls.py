from django.urls import path

from dangvu.cadres import views

app_name = "cadres"
urlpatterns = [
    path("conclusions/", views.conclusion_list, name="conclusions"),
    path("conclusions/new/", views.conclusion_create, name="conclusion_create"),
    path("conclusions/<int:pk>/", views.conclusion_detail, name="conclusion_detail"),
    path("conclusions/<int:pk>/delete/", views.conclusion_delete, name="conclusion_delete"),
    path("conclusions/<int:pk>/restore/", views.conclusion_restore, name="conclusion_restore"),
    path("appointments/", views.appointment_list, name="appointments"),
    path("appointments/new/", views.appointment_create, name="appointment_create"),
    path("appointments/<int:pk>/", views.appointment_detail, name="appointment_detail"),
    path("appointments/<int:pk>/end/", views.appointment_end, name="appointment_end"),
    path("appointments/<int:pk>/delete/", views.appointment_delete, name="appointment_delete"),
    path("appointments/<int:pk>/restore/", views.appointment_restore, name="appointment_restore"),
    path("deleted/", views.trash, name="trash"),
]
