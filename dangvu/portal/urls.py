from django.urls import path

from dangvu.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("record/", views.my_record, name="record"),
    path("record/correct/<str:field>/", views.correction_create, name="correction_create"),
    path("corrections/", views.my_corrections, name="corrections"),
    path("corrections/<int:pk>/withdraw/", views.correction_withdraw, name="correction_withdraw"),
    path("party-life/", views.party_life, name="party_life"),
    path("cell/corrections/", views.cell_corrections, name="cell_corrections"),
    path("corrections/<int:pk>/handle/", views.correction_handle, name="correction_handle"),
    path("office/corrections/", views.office_corrections, name="office_corrections"),
]
