from django.urls import path

from dangvu.votes import views_congress as views

urlpatterns = [
    path("congresses/", views.congress_list, name="congress_list"),
    path("congresses/due/", views.congress_due, name="congress_due"),
    path("congresses/new/", views.congress_create, name="congress_create"),
    path("congresses/<int:pk>/", views.congress_detail, name="congress_detail"),
    path("congresses/<int:pk>/edit/", views.congress_edit, name="congress_edit"),
    path("congresses/<int:pk>/change/", views.congress_change, name="congress_change"),
    path("congresses/<int:pk>/approve/", views.congress_approve, name="congress_approve"),
    path("elections/<int:pk>/", views.election_detail, name="election_detail"),
    path("elections/<int:pk>/change/", views.election_change, name="election_change"),
    path("elections/<int:pk>/totals/", views.election_totals, name="election_totals"),
    path("elections/<int:pk>/ballots/", views.election_ballot, name="election_ballot"),
    path("elections/<int:pk>/ballots.docx", views.election_ballots_docx, name="election_ballots_docx"),
    path("elections/<int:pk>/minutes.docx", views.election_minutes_docx, name="election_minutes_docx"),
]
