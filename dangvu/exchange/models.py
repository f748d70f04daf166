"""An import in progress: the uploaded file, how its columns map, and the report of the last check."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportKind(models.TextChoices):
    MEMBERS = "members", _("Party members")
    ORGANIZATIONS = "organizations", _("Organizations")


class ImportState(models.TextChoices):
    UPLOADED = "uploaded", _("Uploaded")
    QUEUED = "queued", _("Waiting to be checked")
    CHECKING = "checking", _("Checking")
    CHECKED = "checked", _("Checked")
    COMMIT_QUEUED = "commit_queued", _("Waiting to be imported")
    COMMITTING = "committing", _("Importing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Refused")


RUNNING_STATES = (ImportState.QUEUED, ImportState.CHECKING, ImportState.COMMIT_QUEUED, ImportState.COMMITTING)


class ImportJob(models.Model):
    """One uploaded file on its way in. Not user-edited data (no history): the imported records carry theirs."""

    kind = models.CharField(_("what is imported"), max_length=16, choices=ImportKind.choices)
    file = models.FileField(upload_to="imports/%Y/%m/")
    original_name = models.CharField(_("file"), max_length=255)
    file_format = models.CharField(max_length=8)
    headers = models.JSONField(default=list)
    mapping = models.JSONField(default=dict, blank=True)
    state = models.CharField(_("state"), max_length=16, choices=ImportState.choices, default=ImportState.UPLOADED)
    rows_done = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(null=True)
    report = models.JSONField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Written while the job runs (lib/jobs.py); a running job whose heartbeat is stale has lost its worker.
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_running(self) -> bool:
        return self.state in RUNNING_STATES

    @property
    def stale_failure(self) -> bool:
        """Failed because its worker stopped: the same file can be checked again."""
        return self.state == ImportState.FAILED and bool((self.report or {}).get("stale"))

    @property
    def percent(self) -> int:
        if not self.rows_total:
            return 0
        return min(100, round(100 * self.rows_done / self.rows_total))
