"""Print the result of one poll or of every poll (confidence votes and elections); with --output, write the minutes of
one: the confidence results report, or the minutes of counting of an election (HD 04)."""

import datetime as dt
import json
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from dangvu.lib.commands import OneLineErrorCommand
from dangvu.lib.dates import format_short
from dangvu.lib.numbers import format_percent, house_format
from dangvu.votes.models import Outcome, Poll, PollKind, PollState
from dangvu.votes.results import poll_result

FORMATS = ("text", "json")


def _refuse(message: str):
    return CommandError(message, returncode=2)


def minutes_of(poll: Poll) -> bytes:
    if poll.kind == PollKind.CONFIDENCE:
        from dangvu.votes.docx_confidence import confidence_report

        return confidence_report(poll)
    try:
        from dangvu.votes.docx_congress import minutes_of_counting
    except ImportError:
        raise _refuse(_("The minutes of counting of an election cannot be written yet.")) from None
    return minutes_of_counting(poll)


class Command(OneLineErrorCommand):
    help = "The result of a vote or an election (ID), or of all (--all); --output FILE.docx writes the minutes of one."

    def add_arguments(self, parser):
        parser.add_argument("id", nargs="?", help="the id of a poll")
        parser.add_argument("--all", action="store_true", help="every poll")
        parser.add_argument("--format", default="text", help="text (default) or json")
        parser.add_argument("--output", help="write the minutes of the poll to this .docx file")

    def handle(self, *args, **options):
        ident, every, fmt, output = options["id"], options["all"], options["format"], options["output"]
        if fmt not in FORMATS:
            raise _refuse(_("Unknown format %(format)s (expected text or json).") % {"format": fmt})
        if every == (ident is not None):
            raise _refuse(_("Give either the id of one vote or --all."))
        if output and every:
            raise _refuse(_("--output writes the minutes of one vote: give its id, not --all."))
        if output and not output.lower().endswith(".docx"):
            raise _refuse(_("The output must end in .docx."))
        if every:
            polls = list(Poll.objects.select_related("organization").order_by("held_on", "pk"))
        else:
            if not str(ident).isdigit():
                raise _refuse(_("The id of a vote is a whole number, not %(id)s.") % {"id": ident})
            poll = Poll.objects.select_related("organization").filter(pk=int(ident)).first()
            if poll is None:
                raise _refuse(_("No vote has the id %(id)s.") % {"id": ident})
            polls = [poll]
        if output:
            try:
                Path(output).write_bytes(minutes_of(polls[0]))
            except OSError as error:
                raise _refuse(
                    _("Cannot write %(path)s: %(error)s") % {"path": output, "error": error.strerror}
                ) from None
        results = [poll_result(p) for p in polls]
        if fmt == "json":
            self.stdout.write(json.dumps(results if every else results[0], ensure_ascii=False, indent=2))
            return
        for result in results:
            self.stdout.write(_text(result))


def _pct(value) -> str:
    return "—" if value is None else format_percent(value)


def _text(r: dict) -> str:
    """One poll in Vietnamese, in the house style (dates dd/mm/yyyy, 90,00%)."""
    lines = [
        _("#%(id)s %(kind)s: %(title)s — %(organization)s, %(day)s (%(state)s)")
        % {
            "id": r["id"],
            "kind": PollKind(r["kind"]).label,
            "title": r["title"],
            "organization": r["organization"],
            "day": format_short(dt.date.fromisoformat(str(r["held_on"]))),
            "state": PollState(r["state"]).label,
        },
        house_format(
            _(
                "  convened %(convened)s, present %(present)s, base %(base)s; ballots issued %(issued)s, "
                "collected %(collected)s, valid %(valid)s, invalid %(invalid)s"
            ),
            {
                "convened": r["convened"],
                "present": r["present"],
                "base": r["base"],
                "issued": r["ballots_issued"],
                "collected": r["ballots_collected"],
                "valid": r["ballots_valid"],
                "invalid": r["ballots_invalid"],
            },
        ),
    ]
    for p in r["people"]:
        if r["kind"] == PollKind.ELECTION:
            line = _("  %(name)s: %(votes)s votes (%(pct)s of the base)") % {
                "name": p["name"],
                "votes": p["votes"],
                "pct": _pct(p.get("votes_pct")),
            }
            lines.append(line + (" — " + _("elected") if p.get("elected") else ""))
        else:
            lines.append(
                _(
                    "  %(name)s (%(post)s): high %(high)s (%(high_pct)s), confidence %(confident)s "
                    "(%(confident_pct)s), low %(low)s (%(low_pct)s) → %(outcome)s"
                )
                % {
                    "name": p["name"],
                    "post": p["post"],
                    "high": p["high"],
                    "high_pct": _pct(p.get("high_pct")),
                    "confident": p["confident"],
                    "confident_pct": _pct(p.get("confident_pct")),
                    "low": p["low"],
                    "low_pct": _pct(p.get("low_pct")),
                    "outcome": Outcome(p["outcome"]).label if p.get("outcome") else "—",
                }
            )
    return "\n".join(lines)
