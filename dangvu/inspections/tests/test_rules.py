"""The rules of RULES.md §4 and the Party Charter, one row per rule, with its source in the row's id."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from dangvu.inspections import services
from dangvu.inspections.models import (
    Body,
    DisciplineForm,
    InspectionKind,
    LetterCategory,
    LetterKind,
    ViolationCategory,
)
from dangvu.inspections.rules import (
    DISCIPLINE_RULE_SETS,
    discipline_rules_on,
    inspection_rules_on,
    letter_rules_on,
    limitation_start,
)

# The personas are built once for the module (conftest.py `module_db`).
pytestmark = [pytest.mark.django_db, pytest.mark.shared_setup]
TODAY = dt.date(2026, 6, 30)
FULL_ON = dt.date(2024, 5, 10)  # member_a is a full member since 2/3/2021
PROBATION_ON = dt.date(2020, 6, 1)  # member_a is probationary from 2/3/2020


def _discipline(p, *, member=True, today=TODAY, **overrides):
    data = {
        "form": DisciplineForm.REPRIMAND,
        "body": Body.BASE_COMMITTEE,
        "deciding_organization": p.org_a,
        "decision_no": "01-QĐ/ĐU",
        "decided_on": FULL_ON,
        "violation_category": ViolationCategory.MEMBER_DUTIES,
        "violation_started_on": dt.date(2024, 1, 15),
    } | overrides
    if member:
        return services.discipline_create(data=data, member=p.member_a, by=None, today=today)
    return services.discipline_create(data=data, subject_organization=p.cell_a1, by=None, today=today)


def _refused(call, field):
    with pytest.raises(ValidationError) as refused:
        call()
    assert field in refused.value.message_dict, refused.value.message_dict
    return " ".join(refused.value.message_dict[field])


# Forms of discipline: QĐ 69-QĐ/TW art. 7 (RULES.md §4) -----------------------------------------

FORM_ROWS = [
    # (subject, form, decided on, allowed)
    pytest.param("organization", DisciplineForm.REPRIMAND, FULL_ON, True, id="QĐ69-art7-organization-reprimand"),
    pytest.param("organization", DisciplineForm.WARNING, FULL_ON, True, id="QĐ69-art7-organization-warning"),
    pytest.param("organization", DisciplineForm.DISSOLUTION, FULL_ON, True, id="QĐ69-art7-organization-dissolution"),
    pytest.param("organization", DisciplineForm.EXPULSION, FULL_ON, False, id="QĐ69-art7-organization-no-expulsion"),
    pytest.param("organization", DisciplineForm.DISMISSAL, FULL_ON, False, id="QĐ69-art7-organization-no-dismissal"),
    pytest.param("full", DisciplineForm.REPRIMAND, FULL_ON, True, id="QĐ69-art7-full-member-reprimand"),
    pytest.param("full", DisciplineForm.WARNING, FULL_ON, True, id="QĐ69-art7-full-member-warning"),
    pytest.param("full", DisciplineForm.EXPULSION, FULL_ON, True, id="QĐ69-art7-full-member-expulsion"),
    pytest.param("full", DisciplineForm.DISSOLUTION, FULL_ON, False, id="QĐ69-art7-member-no-dissolution"),
    pytest.param("probationary", DisciplineForm.REPRIMAND, PROBATION_ON, True, id="QĐ69-art7-probationary-reprimand"),
    pytest.param("probationary", DisciplineForm.WARNING, PROBATION_ON, True, id="QĐ69-art7-probationary-warning"),
    pytest.param(
        "probationary", DisciplineForm.EXPULSION, PROBATION_ON, False, id="QĐ69-art7-probationary-no-expulsion"
    ),
    pytest.param(
        "probationary", DisciplineForm.DISMISSAL, PROBATION_ON, False, id="QĐ69-art7-probationary-no-dismissal"
    ),
]


@pytest.mark.parametrize(("subject", "form", "on", "allowed"), FORM_ROWS)
def test_forms_of_discipline_follow_the_subject(personas, subject, form, on, allowed):
    overrides = {"form": form, "decided_on": on, "violation_started_on": on - dt.timedelta(days=30), "holds_post": True}
    if subject == "organization":
        call = lambda: _discipline(personas, member=False, **overrides)  # noqa: E731
    else:
        call = lambda: _discipline(personas, **overrides)  # noqa: E731
    if allowed:
        assert call().form == form
    else:
        message = _refused(call, "form")
        assert discipline_rules_on(on).source in message


def test_dismissal_needs_a_post_qd69_art7(personas):
    """QĐ 69 art. 7: dismissal (cách chức) only for a member holding a post; member_a has none recorded."""
    message = _refused(lambda: _discipline(personas, form=DisciplineForm.DISMISSAL), "holds_post")
    assert "QĐ 69-QĐ/TW" in message
    personas.member_a.position = "Trưởng phòng"
    personas.member_a.save()
    assert _discipline(personas, form=DisciplineForm.DISMISSAL).form == DisciplineForm.DISMISSAL


def test_a_cell_decides_only_reprimand_or_warning_charter_art36(personas):
    """Party Charter art. 36: a cell decides reprimand or warning of its members."""
    assert _discipline(personas, body=Body.CELL, deciding_organization=personas.cell_a1).body == Body.CELL
    message = _refused(
        lambda: _discipline(
            personas, body=Body.CELL, deciding_organization=personas.cell_a1, form=DisciplineForm.EXPULSION
        ),
        "body",
    )
    assert "36" in message


# Statute of limitations (RULES.md §4: QĐ 102/2017 lineage; wording in QĐ 69 unconfirmed) ----------

LIMITATION_ROWS = [
    # (form, violation committed on, continuing until, new violation on, category, decided on, allowed)
    pytest.param(
        DisciplineForm.REPRIMAND,
        dt.date(2019, 5, 10),
        None,
        None,
        "member_duties",
        FULL_ON,
        True,
        id="RULES§4-reprimand-5-years-last-day",
    ),
    pytest.param(
        DisciplineForm.REPRIMAND,
        dt.date(2019, 5, 9),
        None,
        None,
        "member_duties",
        FULL_ON,
        False,
        id="RULES§4-reprimand-5-years-ran-out",
    ),
    pytest.param(
        DisciplineForm.WARNING,
        dt.date(2014, 5, 10),
        None,
        None,
        "member_duties",
        FULL_ON,
        True,
        id="RULES§4-warning-10-years-last-day",
    ),
    pytest.param(
        DisciplineForm.WARNING,
        dt.date(2014, 5, 9),
        None,
        None,
        "member_duties",
        FULL_ON,
        False,
        id="RULES§4-warning-10-years-ran-out",
    ),
    pytest.param(
        DisciplineForm.EXPULSION,
        dt.date(1990, 1, 1),
        None,
        None,
        "member_duties",
        FULL_ON,
        True,
        id="RULES§4-expulsion-no-limit",
    ),
    pytest.param(
        DisciplineForm.REPRIMAND,
        dt.date(2015, 1, 1),
        dt.date(2020, 1, 1),
        None,
        "member_duties",
        FULL_ON,
        True,
        id="RULES§4-continuing-violation-runs-from-its-end",
    ),
    pytest.param(
        DisciplineForm.REPRIMAND,
        dt.date(2015, 1, 1),
        None,
        dt.date(2021, 1, 1),
        "member_duties",
        FULL_ON,
        True,
        id="RULES§4-new-violation-restarts-the-clock",
    ),
    pytest.param(
        DisciplineForm.REPRIMAND,
        dt.date(2001, 1, 1),
        None,
        None,
        "internal_politics",
        FULL_ON,
        True,
        id="RULES§4-grave-internal-politics-no-limit",
    ),
    pytest.param(
        DisciplineForm.WARNING,
        dt.date(2001, 1, 1),
        None,
        None,
        "defence_security",
        FULL_ON,
        True,
        id="RULES§4-grave-defence-security-no-limit",
    ),
    pytest.param(
        DisciplineForm.WARNING,
        dt.date(2001, 1, 1),
        None,
        None,
        "illegal_diplomas",
        FULL_ON,
        True,
        id="RULES§4-grave-illegal-diplomas-no-limit",
    ),
]


@pytest.mark.parametrize(("form", "committed", "ended", "new", "category", "decided", "allowed"), LIMITATION_ROWS)
def test_the_statute_of_limitations(personas, form, committed, ended, new, category, decided, allowed):
    def call():
        return _discipline(
            personas,
            form=form,
            decided_on=decided,
            violation_started_on=committed,
            violation_ended_on=ended,
            new_violation_on=new,
            violation_category=category,
        )

    if allowed:
        assert call().pk
    else:
        message = _refused(call, "decided_on")
        assert discipline_rules_on(decided).source in message and str(committed.year) in message


def test_the_limitation_periods_are_configurable(settings):
    """RULES.md §4 marks the periods unconfirmed: settings override the defaults."""
    rules = discipline_rules_on(FULL_ON)
    assert rules.limitation_years(DisciplineForm.REPRIMAND) == 5
    settings.DANGVU_DISCIPLINE_LIMITATION_YEARS = {"reprimand": 7}
    assert rules.limitation_years(DisciplineForm.REPRIMAND) == 7


@pytest.mark.parametrize(
    ("day", "source"),
    [
        pytest.param(dt.date(2021, 6, 1), "QĐ 102-QĐ/TW (2017)", id="QĐ102-until-5-7-2022"),
        pytest.param(dt.date(2022, 7, 6), "QĐ 69-QĐ/TW (2022)", id="QĐ69-from-6-7-2022"),
        pytest.param(dt.date(2025, 2, 13), "QĐ 69-QĐ/TW (2022)", id="QĐ69-until-13-2-2025"),
        pytest.param(dt.date(2025, 2, 14), "QĐ 264-QĐ/TW (2025)", id="QĐ264-from-14-2-2025"),
    ],
)
def test_discipline_rule_sets_by_effective_date(day, source):
    rules = discipline_rules_on(day)
    assert rules.source == source
    # QĐ 264 keeps the forms and the periods of QĐ 69 (RULES.md §4).
    assert rules.full_member_forms == DISCIPLINE_RULE_SETS[1].full_member_forms
    assert rules.limitation_years(DisciplineForm.WARNING) == 10


def test_the_clock_starts_at_the_latest_of_violation_end_and_new_violation():
    """RULES.md §4: from the violation, from its end if continuing, restarted by a new violation."""
    d = dt.date
    assert limitation_start(committed_on=d(2020, 1, 1), ended_on=None, new_violation_on=None) == d(2020, 1, 1)
    assert limitation_start(committed_on=d(2020, 1, 1), ended_on=d(2021, 1, 1), new_violation_on=None) == d(2021, 1, 1)
    assert limitation_start(committed_on=d(2020, 1, 1), ended_on=d(2021, 1, 1), new_violation_on=d(2022, 3, 1)) == d(
        2022, 3, 1
    )


# Inspections: Party Charter art. 30 and 32; QĐ 22-QĐ/TW (2021) ---------------------------------

INSPECTION_ROWS = [
    # (conducting organization, body, kind, allowed, refused field)
    pytest.param(
        "committee",
        Body.INSPECTION_COMMITTEE,
        InspectionKind.FINANCES,
        True,
        None,
        id="Charter-art32-inspection-committee-finances",
    ),
    pytest.param(
        "committee",
        Body.INSPECTION_COMMITTEE,
        InspectionKind.SIGNS_OF_VIOLATION,
        True,
        None,
        id="Charter-art32-inspection-committee-signs-of-violation",
    ),
    pytest.param(
        "committee",
        Body.STANDING_COMMITTEE,
        InspectionKind.DISCIPLINE_ENFORCEMENT,
        False,
        "kind",
        id="Charter-art32-discipline-enforcement-only-by-inspection-committee",
    ),
    pytest.param(
        "org_a",
        Body.BASE_COMMITTEE,
        InspectionKind.INSPECTION_DUTIES,
        False,
        "kind",
        id="Charter-art32-inspection-duties-only-by-inspection-committee",
    ),
    pytest.param(
        "org_a",
        Body.BASE_COMMITTEE,
        InspectionKind.PROGRAM,
        True,
        None,
        id="Charter-art30-yearly-program-by-base-committee",
    ),
    pytest.param(
        "committee",
        Body.STANDING_COMMITTEE,
        InspectionKind.THEMATIC_SUPERVISION,
        True,
        None,
        id="Charter-art30-thematic-supervision",
    ),
    pytest.param(
        "cell_a1",
        Body.INSPECTION_COMMITTEE,
        InspectionKind.PROGRAM,
        False,
        "body",
        id="Charter-art30-32-a-cell-has-no-inspection-committee",
    ),
    pytest.param(
        "committee", Body.CELL, InspectionKind.PROGRAM, False, "body", id="Charter-art30-32-a-committee-is-not-a-cell"
    ),
]


@pytest.mark.parametrize(("where", "body", "kind", "allowed", "field"), INSPECTION_ROWS)
def test_who_inspects_what(personas, where, body, kind, allowed, field):
    organization = getattr(personas, where)
    subjects = [] if where == "cell_a1" else [personas.cell_a1 if where == "org_a" else personas.org_a]

    def call():
        return services.inspection_create(
            organization=organization,
            data={"body": body, "kind": kind, "title": "Kiểm tra", "started_on": dt.date(2024, 3, 1)},
            subject_organizations=subjects,
            subject_member_ids=[personas.member_a.pk] if where == "cell_a1" else [],
            by=None,
            today=TODAY,
        )

    if allowed:
        assert call().kind == kind
    else:
        _refused(call, field)


def test_a_body_inspects_only_organizations_below_it_charter_art30(personas):
    message = _refused(
        lambda: services.inspection_create(
            organization=personas.org_a,
            data={
                "body": Body.BASE_COMMITTEE,
                "kind": InspectionKind.PROGRAM,
                "title": "Kiểm tra",
                "started_on": dt.date(2024, 3, 1),
            },
            subject_organizations=[personas.org_b],
            by=None,
            today=TODAY,
        ),
        "subject_organizations",
    )
    assert personas.org_b.name in message and "30" in message


@pytest.mark.parametrize(
    ("day", "source"),
    [
        pytest.param(dt.date(2021, 7, 27), "QĐ 30-QĐ/TW (2016)", id="QĐ30-until-27-7-2021"),
        pytest.param(dt.date(2021, 7, 28), "QĐ 22-QĐ/TW (2021)", id="QĐ22-from-28-7-2021"),
    ],
)
def test_inspection_rule_sets_by_effective_date(day, source):
    rules = inspection_rules_on(day)
    assert rules.source == source
    assert InspectionKind.FINANCES in rules.kinds_by_body[Body.INSPECTION_COMMITTEE]
    assert InspectionKind.FINANCES not in rules.kinds_by_body[Body.CELL]


# Letters: HD 02-HD/TW of 09/12/2021 (RULES.md §4) ------------------------------------------------


def _letter(p, **overrides):
    data = {
        "received_on": dt.date(2026, 3, 2),
        "kind": LetterKind.DENUNCIATION,
        "sender": "Lê Văn Cường",
        "subject_text": "Cán bộ phòng kế toán",
        "category": LetterCategory.WITHIN_AUTHORITY,
    } | overrides
    return services.letter_create(organization=p.org_a, data=data, by=None, today=TODAY)


LETTER_ROWS = [
    pytest.param(
        {"signed": False, "category": LetterCategory.WITHIN_AUTHORITY},
        "category",
        id="HD02-anonymous-letters-are-not-considered",
    ),
    pytest.param(
        {"signed": True, "category": LetterCategory.ANONYMOUS}, "signed", id="HD02-a-signed-letter-is-not-anonymous"
    ),
    pytest.param(
        {"category": LetterCategory.NOT_WITHIN_AUTHORITY, "extended": True},
        "extended",
        id="HD02-only-letters-within-authority-have-a-deadline",
    ),
    pytest.param({"subject_text": ""}, "subject_text", id="HD02-a-letter-concerns-someone"),
    pytest.param({"status": "resolved"}, "resolved_on", id="HD02-resolved-needs-a-date"),
    pytest.param(
        {"status": "resolved", "resolved_on": dt.date(2026, 4, 1)}, "result", id="HD02-resolved-needs-a-result"
    ),
    pytest.param({"status": "closed"}, "status", id="HD02-a-letter-within-authority-is-resolved-not-filed"),
]


@pytest.mark.parametrize(("overrides", "field"), LETTER_ROWS)
def test_letters_are_classified_by_the_rules(personas, overrides, field):
    _refused(lambda: _letter(personas, **overrides), field)


@pytest.mark.parametrize(
    "category",
    [
        pytest.param(LetterCategory.IMPERSONATED, id="HD02-not-considered-impersonated"),
        pytest.param(LetterCategory.NO_ADDRESS, id="HD02-not-considered-no-address"),
        pytest.param(LetterCategory.REPEATED, id="HD02-not-considered-repeated-without-new-evidence"),
        pytest.param(LetterCategory.VAGUE, id="HD02-not-considered-too-vague"),
        pytest.param(LetterCategory.FORWARDED_LOWER, id="HD02-forwarded-to-a-lower-level"),
        pytest.param(LetterCategory.RETURNED_WITH_GUIDANCE, id="HD02-returned-with-guidance"),
    ],
)
def test_letters_not_handled_here_are_filed_without_a_deadline(personas, category):
    letter = _letter(personas, category=category)
    assert letter.status == "closed" and letter.due_on is None


def test_a_letter_both_complaining_and_denouncing_is_handled_as_a_complaint(personas):
    """HD 02-HD/TW 2021."""
    assert _letter(personas, kind=LetterKind.BOTH).handled_as == LetterKind.COMPLAINT


def test_the_deadline_is_90_working_days_plus_30_when_extended_hd02(personas):
    """HD 02-HD/TW 2021: 90 working days, extendable by 30, over the calendar of public holidays."""
    from dangvu.workcalendar.selectors import add_working_days

    rules = letter_rules_on(dt.date(2026, 3, 2))
    assert (rules.handling_working_days, rules.extension_working_days) == (90, 30)
    letter = _letter(personas)
    assert letter.due_on == add_working_days(dt.date(2026, 3, 2), 90)
    extended = _letter(personas, extended=True)
    assert extended.due_on == add_working_days(dt.date(2026, 3, 2), 120)
    assert extended.due_on > letter.due_on
