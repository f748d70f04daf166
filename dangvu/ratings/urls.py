from django.urls import path

from dangvu.ratings import views

app_name = "ratings"
urlpatterns = [
    path("", views.season_list, name="seasons"),
    path("open/", views.season_open, name="season_open"),
    path("seasons/<int:pk>/", views.season_detail, name="season_detail"),
    path("seasons/<int:pk>/close/", views.season_close, name="season_close"),
    path("seasons/<int:season_pk>/members/<int:member_pk>/", views.member_rate, name="member_rate"),
    path(
        "seasons/<int:season_pk>/organizations/<int:organization_pk>/",
        views.organization_rate,
        name="organization_rate",
    ),
    path("members/", views.member_list, name="member_list"),
    path("members/<int:pk>/", views.member_detail, name="member_detail"),
    path("members/<int:pk>/delete/", views.member_delete, name="member_delete"),
    path("members/<int:pk>/restore/", views.member_restore, name="member_restore"),
    path("organizations/", views.organization_list_view, name="organization_list"),
    path("organizations/<int:pk>/", views.organization_detail, name="organization_detail"),
    path("organizations/<int:pk>/delete/", views.organization_delete, name="organization_delete"),
    path("organizations/<int:pk>/restore/", views.organization_restore, name="organization_restore"),
    path("my/self-assessment/", views.my_self_assessment, name="my_self_assessment"),
    path("my/cell-sheet/", views.my_cell_sheet, name="my_cell_sheet"),
    path("self-assessments/<int:pk>/", views.self_assessment_detail, name="self_assessment_detail"),
    path("self-assessments/<int:pk>/return/", views.self_assessment_return, name="self_assessment_return"),
    path("seasons/<int:season_pk>/cells/<int:organization_pk>/sheet/", views.cell_sheet, name="cell_sheet"),
    path("seasons/<int:season_pk>/sheet/members/<int:member_pk>/", views.sheet_row, name="sheet_row"),
    path("seasons/<int:season_pk>/sheet/members/<int:member_pk>/card/", views.sheet_card, name="sheet_card"),
    path("seasons/<int:season_pk>/bases/<int:organization_pk>/sheet/", views.base_sheet, name="base_sheet"),
    path(
        "seasons/<int:season_pk>/sheet/organizations/<int:organization_pk>/",
        views.sheet_organization_row,
        name="sheet_organization_row",
    ),
]
