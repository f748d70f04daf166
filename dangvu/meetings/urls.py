from django.urls import path

from dangvu.meetings import cell_views, views

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
    # Issue 17: the member's next meeting, and the cell's own pages (phone).
    path("my/next/", cell_views.my_next, name="my_next"),
    path("my/notices/<int:pk>/", cell_views.my_notice, name="my_notice"),
    path("my/notices/<int:pk>/excuse/", cell_views.excuse, name="excuse"),
    path("materials/<int:pk>/", cell_views.material, name="material"),
    path("late-notices/", cell_views.late_notices, name="late_notices"),
    path("cell/<int:cell>/", cell_views.cell_home, name="cell"),
    path("cell/<int:cell>/notices/new/", cell_views.notice_create, name="notice_create"),
    path("notices/<int:pk>/", cell_views.notice_detail, name="notice"),
    path("notices/<int:pk>/edit/", cell_views.notice_edit, name="notice_edit"),
    path("notices/<int:pk>/send/", cell_views.notice_send, name="notice_send"),
    path("notices/<int:pk>/cancel/", cell_views.notice_cancel, name="notice_cancel"),
    path("notices/<int:pk>/start/", cell_views.notice_start, name="notice_start"),
    path("notices/<int:pk>/materials/", cell_views.material_add, name="material_add"),
    path("<int:pk>/sheet/", cell_views.sheet, name="sheet"),
    path("<int:pk>/sheet/<int:member>/", cell_views.mark, name="mark"),
    path("<int:pk>/times/", cell_views.times, name="times"),
    path("<int:pk>/cell-minutes/", cell_views.minutes, name="cell_minutes"),
    path("<int:pk>/cell-minutes.docx", cell_views.minutes_docx, name="cell_minutes_docx"),
    path("<int:pk>/rate/", cell_views.rate, name="rate"),
    path("<int:pk>/scan/", cell_views.scan, name="scan"),
    path("<int:pk>/scan/file/", cell_views.scan_file, name="scan_file"),
    path("minutes-items/<int:pk>/conclusion/", cell_views.item_conclusion, name="item_conclusion"),
    path("minutes-items/<int:pk>/speech/", cell_views.item_speech, name="item_speech"),
    path("minutes-items/<int:pk>/vote/", cell_views.item_vote, name="item_vote"),
]
