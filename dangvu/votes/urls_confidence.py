from django.urls import path

from dangvu.votes import views_confidence as views

urlpatterns: list = [
    path("confidence/", views.round_list, name="confidence_list"),
    path("confidence/new/", views.round_create, name="confidence_create"),
    path("confidence/<int:pk>/", views.round_detail, name="confidence_detail"),
    path("confidence/<int:pk>/presence/", views.round_presence, name="confidence_presence"),
    path("confidence/<int:pk>/start/", views.round_start, name="confidence_start"),
    path("confidence/<int:pk>/tally/", views.round_tally, name="confidence_tally"),
    path("confidence/<int:pk>/ballot/", views.round_ballot, name="confidence_ballot"),
    path("confidence/<int:pk>/finish/", views.round_finish, name="confidence_finish"),
    path("confidence/<int:pk>/publish/", views.round_publish, name="confidence_publish"),
    path("confidence/<int:pk>/delete/", views.round_delete, name="confidence_delete"),
    path("confidence/<int:pk>/report.docx", views.round_report, name="confidence_report"),
    path("confidence/person/<int:pk>/follow-up/", views.option_follow_up, name="confidence_follow_up"),
]
