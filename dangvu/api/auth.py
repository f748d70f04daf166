"""The API token endpoint: username and password in, an expiring knox token out.

The credentials go through `django.contrib.auth.authenticate` with the Django request, so
django-axes counts the failures and locks the endpoint like the login page (AxesMiddleware then
answers 429). Tokens are stored as digests and expire after REST_KNOX["TOKEN_TTL"].
"""

from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_logged_in
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from knox.views import LoginView
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response


class Credentials(serializers.Serializer):
    username = serializers.CharField(label=_("Username"))
    password = serializers.CharField(label=_("Password"), style={"input_type": "password"}, trim_whitespace=False)

    def validate(self, attrs):
        request = self.context["request"]
        user = authenticate(request._request, username=attrs["username"], password=attrs["password"])
        if user is None or not user.is_active:
            raise serializers.ValidationError(_("Wrong username or password."), code="authorization")
        attrs["user"] = user
        return attrs


ISSUED = inline_serializer("IssuedToken", {"token": serializers.CharField(), "expiry": serializers.DateTimeField()})
LOCKED = inline_serializer("LoginLocked", {"detail": serializers.CharField()})


class TokenView(LoginView):
    authentication_classes = []
    permission_classes = [AllowAny]
    serializer_class = Credentials

    @extend_schema(
        request=Credentials,
        responses={200: ISSUED, 400: OpenApiResponse(description="Wrong or missing credentials."), 429: LOCKED},
    )
    def post(self, request, format=None):
        serializer = Credentials(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        request.user = serializer.validated_data["user"]
        instance, token = self.create_token()
        # The Django request, as for a login on the page: axes writes its access log from it.
        user_logged_in.send(sender=request.user.__class__, request=request._request, user=request.user)
        return Response({"token": token, "expiry": self.format_expiry_datetime(instance.expiry)})
