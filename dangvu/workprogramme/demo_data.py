"""Demo work programme: the committee's recurring yearly programme (the tasks the example reports name month by
month), done up to the end of the simulated history, planned after it, a few postponed."""

import datetime as dt

from dangvu.organizations.models import Organization, OrganizationKind
from dangvu.workprogramme.models import State, WorkItem

OFFICE, ORGANIZATION, PROPAGANDA, INSPECTION, MOBILISATION = (
    "Văn phòng Đảng ủy",
    "Ban Tổ chức",
    "Ban Tuyên giáo",
    "Ủy ban Kiểm tra",
    "Ban Dân vận",
)
# (month, area, owner, task); {y} is the programme's year, {p} the year before.
MONTHLY = (
    (
        1,
        "political_task",
        OFFICE,
        "Tổ chức Hội nghị tổng kết công tác xây dựng Đảng năm {p}, triển khai nhiệm vụ năm {y}",
    ),
    (
        1,
        "political_task",
        OFFICE,
        "Ban hành Nghị quyết về lãnh đạo thực hiện nhiệm vụ năm {y}, chương trình công tác và "
        "chương trình kiểm tra, giám sát năm {y}",
    ),
    (2, "ideology", PROPAGANDA, "Hướng dẫn tuyên truyền kỷ niệm Ngày thành lập Đảng Cộng sản Việt Nam (03/02)"),
    (
        2,
        "party_building",
        PROPAGANDA,
        "Chỉ đạo đăng ký nội dung học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm {y}",
    ),
    (3, "ideology", PROPAGANDA, "Tổ chức lớp bồi dưỡng lý luận chính trị cho đảng viên mới đợt 1 năm {y}"),
    (4, "political_task", OFFICE, "Sơ kết công tác quý I, triển khai nhiệm vụ quý II năm {y}"),
    (5, "ideology", PROPAGANDA, "Hướng dẫn tuyên truyền kỷ niệm Ngày sinh Chủ tịch Hồ Chí Minh (19/5)"),
    (6, "political_task", OFFICE, "Sơ kết công tác 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm {y}"),
    (7, "organization", ORGANIZATION, "Tổ chức lớp bồi dưỡng nhận thức về Đảng cho quần chúng ưu tú"),
    (
        8,
        "inspection",
        INSPECTION,
        "Kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát và thu, nộp đảng phí tại các "
        "tổ chức cơ sở đảng theo chương trình năm {y}",
    ),
    (9, "ideology", PROPAGANDA, "Tổ chức lớp bồi dưỡng lý luận chính trị cho đảng viên mới đợt 2 năm {y}"),
    (10, "political_task", OFFICE, "Sơ kết công tác 9 tháng, triển khai nhiệm vụ quý IV năm {y}"),
    (
        10,
        "mass_organizations",
        MOBILISATION,
        "Chỉ đạo các đoàn thể tổ chức các hoạt động kỷ niệm Ngày Phụ nữ Việt Nam "
        "(20/10) và tổng kết phong trào thi đua năm {y}",
    ),
    (
        11,
        "organization",
        ORGANIZATION,
        "Hướng dẫn kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm {y}",
    ),
    (
        12,
        "organization",
        ORGANIZATION,
        "Tổ chức kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm {y}",
    ),
    (12, "political_task", OFFICE, "Xây dựng chương trình công tác năm {n}"),
)
# Every month: the standing work the example's monthly tasks name.
EVERY_MONTH = (
    (
        "organization",
        ORGANIZATION,
        "Rà soát, thẩm tra, xác minh và kết luận tiêu chuẩn chính trị phục vụ công tác cán "
        "bộ và công tác phát triển đảng viên",
    ),
    (
        "inspection",
        INSPECTION,
        "Triển khai các cuộc kiểm tra, giám sát theo chương trình năm {y}; giải quyết đơn thư "
        "khiếu nại, tố cáo theo thẩm quyền",
    ),
    ("mass_organizations", MOBILISATION, "Chỉ đạo các đoàn thể triển khai hoạt động theo chương trình, kế hoạch đề ra"),
)
QUARTERLY = (
    (2, "mass_mobilisation", MOBILISATION, "Sơ kết thực hiện phong trào thi đua “Dân vận khéo” 6 tháng đầu năm {y}"),
    (3, "inspection", INSPECTION, "Giám sát chuyên đề việc thực hiện quy định về những điều đảng viên không được làm"),
    (4, "party_building", PROPAGANDA, "Đánh giá kết quả thực hiện Kết luận số 21-KL/TW về xây dựng, chỉnh đốn Đảng "
     "năm {y}"),
)  # fmt: skip


def seed(context) -> dict[str, int]:
    committee = Organization.objects.filter(kind=OrganizationKind.COMMITTEE).order_by("depth", "path").first()
    if committee is None:
        return {}
    until, rng = context.until, context.rng
    rows = []
    for year in range(until.year - 4, until.year + 2):
        planned = [(m, (m - 1) // 3 + 1, *rest) for m, *rest in MONTHLY]
        planned += [(m, (m - 1) // 3 + 1, *rest) for m in range(1, 13) for rest in EVERY_MONTH]
        planned += [(None, q, *rest) for q, *rest in QUARTERLY]
        for month, quarter, area, owner, title in planned:
            last_day = dt.date(year, month or 3 * quarter, 1)
            if last_day > until:
                state = State.PLANNED
            elif last_day.year == until.year and last_day.month == until.month:
                state = State.IN_PROGRESS
            else:
                state = State.POSTPONED if rng.random() < 0.04 else State.DONE
            rows.append(
                WorkItem(
                    organization=committee,
                    year=year,
                    month=month,
                    quarter=quarter,
                    area=area,
                    owner=owner,
                    state=state,
                    title=title.format(y=year, p=year - 1, n=year + 1),
                )
            )
    WorkItem.objects.bulk_create(rows)
    return {"work_items": len(rows)}
