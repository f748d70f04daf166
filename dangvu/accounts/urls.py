from django.contrib.auth import views as auth_views
from django.urls import path

from dangvu.accounts import activation_views, login_views, views

app_name = "accounts"
urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("sensitive-log/", views.sensitive_log, name="sensitive_log"),
    path("password/", login_views.password_change, name="password_change"),
    path("password/done/", login_views.password_change_done, name="password_change_done"),
    path("lockouts/", login_views.lockouts, name="lockouts"),
    path("lockouts/unlock/", login_views.lockout_unlock, name="lockout_unlock"),
    path("activate/", activation_views.activate, name="activate"),
    path("members/", activation_views.member_accounts_list, name="member_accounts"),
    path("my-cell/", activation_views.cell_accounts, name="cell_accounts"),
    path("cells/<int:pk>/codes/", activation_views.issue_codes, name="issue_codes"),
]
