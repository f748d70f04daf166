"""The default scoring sheet for the monthly quality self-rating of cell meetings (HD 12-HD/BTCTW 2018).

Provinces add their own sheets as data (admin); this one applies where a province has none.
"""

import datetime as dt
from decimal import Decimal

from django.db import migrations

CRITERIA = [
    ("Chi ủy chuẩn bị nội dung, thông báo thời gian, nội dung sinh hoạt trước cho đảng viên", 15),
    ("Tỷ lệ đảng viên dự sinh hoạt trên 85%, không có đảng viên vắng không có lý do", 15),
    ("Thời gian sinh hoạt từ 90 phút trở lên, thực hiện đúng nghi thức", 10),
    ("Đánh giá đúng kết quả thực hiện nhiệm vụ tháng, đề ra nhiệm vụ tháng tới cụ thể, khả thi", 20),
    ("Bảo đảm tính lãnh đạo, tính giáo dục, tính chiến đấu; thực hiện tự phê bình và phê bình", 20),
    ("Đảng viên phát biểu, đóng góp ý kiến xây dựng", 10),
    ("Biên bản ghi đầy đủ; có kết luận hoặc nghị quyết của chi bộ", 10),
]


def create_default_sheet(apps, schema_editor):
    ScoringSheet = apps.get_model("meetings", "ScoringSheet")
    ScoringCriterion = apps.get_model("meetings", "ScoringCriterion")
    sheet = ScoringSheet.objects.create(
        name="Phiếu chấm điểm chất lượng sinh hoạt chi bộ hằng tháng (mẫu chung)",
        province="",
        valid_from=dt.date(2018, 7, 6),
        good_min=Decimal(80),
        fair_min=Decimal(65),
        average_min=Decimal(50),
    )
    ScoringCriterion.objects.bulk_create(
        ScoringCriterion(sheet=sheet, order=i, text=text, max_points=Decimal(points))
        for i, (text, points) in enumerate(CRITERIA, start=1)
    )


def remove_default_sheet(apps, schema_editor):
    apps.get_model("meetings", "ScoringSheet").objects.filter(province="", valid_from=dt.date(2018, 7, 6)).delete()


class Migration(migrations.Migration):
    dependencies = [("meetings", "0001_initial")]
    operations = [migrations.RunPython(create_default_sheet, remove_default_sheet)]
