"""The e-mail channel: Django's mail API (settings.EMAIL_BACKEND), one connection per chunk."""

from django.conf import settings
from django.core import mail
from django.utils.translation import gettext as _


def absolute(url: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{url}" if url and url.startswith("/") else url


def notification_message(notification, email: str) -> mail.EmailMessage:
    lines = [notification.body] if notification.body else []
    if notification.url:
        lines.append(_("Open: %(url)s") % {"url": absolute(notification.url)})
    return mail.EmailMessage(subject=notification.title, body="\n\n".join(lines) or notification.title, to=[email])


def digest_message(day, notifications, email: str) -> mail.EmailMessage:
    subject = _("Your notifications of %(day)s") % {"day": day.strftime("%d/%m/%Y")}
    lines = []
    for n in notifications:
        line = f"- {n.title}"
        if n.url:
            line += f"\n  {absolute(n.url)}"
        lines.append(line)
    return mail.EmailMessage(subject=subject, body="\n".join(lines), to=[email])


def send_each(messages: list) -> list[str]:
    """Send each message; the error of each ("" when it was sent). A failing backend fails every message."""
    errors = []
    try:
        connection = mail.get_connection(fail_silently=False)
        connection.open()
    except Exception as error:  # noqa: BLE001 - any backend failure is a failed send, logged and retried
        return [_one_line(error)] * len(messages)
    try:
        for message in messages:
            message.connection = connection
            try:
                message.send(fail_silently=False)
            except Exception as error:  # noqa: BLE001
                errors.append(_one_line(error))
            else:
                errors.append("")
    finally:
        try:
            connection.close()
        except Exception:  # noqa: BLE001, S110 - closing a broken connection
            pass
    return errors


def _one_line(error: Exception) -> str:
    return (f"{type(error).__name__}: {error}").replace("\n", " ")[:500]
