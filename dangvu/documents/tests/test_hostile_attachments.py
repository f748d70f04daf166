"""Attachments: a zip bomb .docx or a giant image is refused before anything is stored."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from dangvu.documents.services import validate_file
from dangvu.lib.tests import hostile


@pytest.mark.parametrize(
    ("name", "build", "expected"),
    [
        ("cong-van.docx", hostile.docx_bomb, "bom zip"),
        ("ban-scan.png", lambda: hostile.png(60_000, 60_000), "điểm ảnh"),
        ("ban-scan.jpg", lambda: b"\xff\xd8\xff" + b"\0" * 100, "không phải là ảnh JPEG hoặc PNG"),
        ("cong-van.odt", lambda: b"PK\x03\x04" + b"\0" * 100, "bị hỏng"),
    ],
)
def test_a_hostile_attachment_is_refused_with_a_vietnamese_message(name, build, expected):
    with pytest.raises(ValidationError) as refused:
        validate_file(SimpleUploadedFile(name, build()))
    assert expected in " ".join(refused.value.message_dict["file"])


def test_a_normal_attachment_passes_and_is_left_at_its_start():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    upload = SimpleUploadedFile("cong-van.docx", out.getvalue())
    validate_file(upload)
    assert upload.tell() == 0
    validate_file(SimpleUploadedFile("anh.png", hostile.png(800, 600)))
