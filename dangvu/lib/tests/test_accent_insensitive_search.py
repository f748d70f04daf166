"""lib.search: the lists without a stored folded column search without tones, đ as d, on SQLite and PostgreSQL."""

import pytest

from dangvu.lib.search import words_in
from dangvu.organizations.models import Organization

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("truong", {"Trường Chính trị tỉnh"}),
        ("TRƯỜNG chinh", {"Trường Chính trị tỉnh"}),
        ("dang uy", {"Đảng ủy Khối"}),
        ("d", {"Đảng ủy Khối"}),
        ("ĐẢNG", {"Đảng ủy Khối"}),
        ("", {"Trường Chính trị tỉnh", "Đảng ủy Khối", "Sở Y tế"}),
        ("khong co", set()),
    ],
)
def test_words_are_found_without_tones_and_with_d_for_d_with_stroke(query, expected):
    from dangvu.organizations.tests.factories import make_org

    root = make_org(None, name="Đảng ủy Khối")
    make_org(root, name="Trường Chính trị tỉnh")
    make_org(root, name="Sở Y tế")
    found = Organization.objects.filter(words_in(query, "name"))
    assert set(found.values_list("name", flat=True)) == expected


def test_a_word_may_match_any_of_the_fields():
    from dangvu.organizations.tests.factories import make_org

    root = make_org(None, name="Đảng ủy Khối", short_name="ĐUK")
    make_org(root, name="Chi bộ Văn phòng", short_name="Văn phòng")
    assert set(Organization.objects.filter(words_in("duk", "name", "short_name")).values_list("name", flat=True)) == {
        "Đảng ủy Khối"
    }
    assert Organization.objects.filter(words_in("van phong chi bo", "name", "short_name")).count() == 1
