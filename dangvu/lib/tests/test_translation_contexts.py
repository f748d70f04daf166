"""One msgid has one translation in the whole project, so a word that means something else in one app carries
a context there: without it, whichever catalogue Django reads first would decide the word on every screen."""

import pytest
from django.utils import translation

from dangvu.documents.models import Direction
from dangvu.exchange.columns import ORGANIZATION_COLUMNS
from dangvu.massorgs.forms import FiguresForm
from dangvu.massorgs.models import MassOrgKind
from dangvu.massorgs.rules import GRADE_SCALES
from dangvu.targets.forms import TargetForm


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def test_the_youth_unions_second_grade_is_kha_not_the_meetings_tot():
    assert [str(label) for label in GRADE_SCALES[MassOrgKind.YOUTH_UNION]][1] == "Khá"
    assert translation.gettext("Good") == "Tốt"  # a meeting's quality keeps its own word


def test_a_mass_organizations_members_are_its_own_not_party_members():
    assert str(FiguresForm.base_fields["members"].label) == "Số hội viên, đoàn viên"


def test_a_received_document_is_an_incoming_document():
    assert str(Direction.RECEIVED.label) == "Văn bản đến"


def test_a_targets_unit_is_a_unit_of_measure_and_its_direction_is_named_as_such():
    assert str(TargetForm.base_fields["unit"].label) == "Đơn vị tính"
    assert str(TargetForm.base_fields["direction"].label) == "Chiều chỉ tiêu"


def test_an_organizations_end_date_in_the_export_is_not_a_cadres_leaving_date():
    ended = next(c for c in ORGANIZATION_COLUMNS if c.key == "ended_on")
    assert ended.label == "Ngày kết thúc hoạt động"
