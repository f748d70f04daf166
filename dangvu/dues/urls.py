from django.urls import path

from dangvu.dues import cell_views, views

app_name = "dues"

MONTH = "<int:pk>/<int:year>/<int:month>/"

urlpatterns = [
    path("", views.home, name="home"),
    path("make/", views.make_runs, name="make_runs"),
    path(f"org/{MONTH}", views.month_page, name="month"),
    path(f"org/{MONTH}make/", views.make_run, name="make_run"),
    path(f"org/{MONTH}remake/", views.remake_run, name="remake_run"),
    path(f"org/{MONTH}payments/", views.record_payments, name="record_payments"),
    path(f"org/{MONTH}reason/", views.record_reason, name="record_reason"),
    path("org/<int:pk>/unit/", views.set_unit, name="set_unit"),
    path("org/<int:pk>/s01.xlsx", views.book_s01, name="book_s01"),
    path("org/<int:pk>/s02.xlsx", views.book_s02, name="book_s02"),
    path("org/<int:pk>/b01.xlsx", views.report_b01, name="report_b01"),
    path("member/<int:pk>/", views.member_page, name="member"),
    path("arrears/", views.arrears, name="arrears"),
    path("member/<int:pk>/removal/<int:year>/", views.propose_removal, name="propose_removal"),
    path("remittances/", views.remittances, name="remittances"),
    path("remittances/settle/", views.settle, name="settle"),
    path("import/", views.import_upload, name="import"),
    path("import/columns/", views.import_map, name="import_map"),
    # Phone pages: the cell's treasurer or secretary, and the member's own dues.
    path("cell/", cell_views.my_cells, name="my_cells"),
    path(f"cell/{MONTH}", cell_views.cell_pay, name="cell_pay"),
    path(f"cell/{MONTH}paid/<int:member>/", cell_views.cell_mark, name="cell_mark"),
    path("mine/", cell_views.mine, name="mine"),
]
