"""The standard sentences pre-filled into each section, as editable Vietnamese templates.

They are Django templates over the period's figures: `i` holds every indicator of the
registry by code (`i.members.admitted`), `org_short` the committee's short name, `period`
the period's name. Filters: `count` (07), `num` (7.261), `pct` (79,61). Text between
`[[` and `]]` becomes a footnote. Staff edit them on the "Câu mẫu báo cáo" screen; these
are only the defaults loaded by the first migration and by "restore the default".
"""

DEFAULTS = [
    # (key, section, order, report kinds ("" = every kind), text)
    ("organization.movement", "organization", 10, "",
     "Trong {{ period }}, {{ org_short }} kết nạp {{ i.members.admitted|count }} đảng viên mới, chuyển đảng viên "
     "dự bị thành đảng viên chính thức cho {{ i.members.made_full|count }} đồng chí; chuyển sinh hoạt đảng đi nơi "
     "khác cho {{ i.members.transferred_out|count }} đảng viên, tiếp nhận {{ i.members.transferred_in|count }} "
     "đảng viên đến sinh hoạt tại {{ org_short }}"
     "{% if i.members.removed %}; xóa tên {{ i.members.removed|count }} đảng viên{% endif %}"
     "{% if i.members.resigned %}; {{ i.members.resigned|count }} đảng viên xin ra khỏi Đảng{% endif %}"
     "{% if i.members.expelled %}; khai trừ {{ i.members.expelled|count }} đảng viên{% endif %}"
     "{% if i.members.died %}; {{ i.members.died|count }} đảng viên từ trần{% endif %}."),
    ("organization.badges", "organization", 20, "",
     "{% if i.members.badges_awarded %}Trao Huy hiệu Đảng cho {{ i.members.badges_awarded|count }} đồng chí"
     "[[{{ badge_breakdown }}]].{% endif %}"),
    ("organization.total", "organization", 30, "quarterly,half_year,nine_month,annual,mid_term,term_end",
     "Tính đến {{ end_date }}, {{ org_short }} có {{ i.organizations.base_total|count }} tổ chức cơ sở đảng "
     "({{ i.organizations.base_party_committees|count }} đảng bộ cơ sở, {{ i.organizations.base_cells|count }} chi "
     "bộ cơ sở) với {{ i.organizations.cells_total|count }} chi bộ trực thuộc đảng bộ cơ sở. Tổng số đảng viên "
     "{{ i.members.total|num }} đồng chí, trong đó có {{ i.members.probationary|num }} đồng chí là đảng viên dự bị; "
     "nữ {{ i.members.women|num }} đồng chí; dân tộc thiểu số {{ i.members.ethnic_minority|num }} đồng chí; "
     "có tôn giáo {{ i.members.religious|num }} đồng chí; trình độ lý luận chính trị cao cấp, cử nhân "
     "{{ i.members.theory_advanced|num }} đồng chí, trung cấp {{ i.members.theory_intermediate|num }} đồng chí."),
    ("political_task.documents", "political_task", 10, "",
     "{% if i.documents.issued %}Tham mưu cho Ban Thường vụ, Ban Chấp hành {{ org_short }} ban hành "
     "{{ i.documents.issued|count }} văn bản lãnh đạo, chỉ đạo, trong đó có {{ i.documents.resolutions|count }} nghị "
     "quyết, {{ i.documents.plans|count }} kế hoạch, chương trình[[{{ documents_list }}]].{% endif %}"),
    ("ideology.study", "ideology", 10, "",
     "{% if i.education.study_sessions %}Lãnh đạo, chỉ đạo các tổ chức cơ sở đảng tổ chức "
     "{{ i.education.study_sessions|count }} buổi học tập, quán triệt, triển khai thực hiện các nghị quyết, chỉ thị "
     "của Đảng với {{ i.education.study_members|num }} đảng viên tham gia, đạt "
     "{{ i.education.study_members_pct|pct }}% "
     "tổng số đảng viên; {{ i.education.non_members_reached|num }} quần chúng tham gia, đạt "
     "{{ i.education.non_members_pct|pct }}%.{% endif %}"),
    ("ideology.classes", "ideology", 20, "",
     "{% if i.education.classes_party_awareness or i.education.classes_new_member %}Phối hợp tổ chức "
     "{{ i.education.classes_party_awareness|count }} lớp bồi dưỡng nhận thức về Đảng cho "
     "{{ i.education.participants_party_awareness|num }} quần chúng ưu tú; {{ i.education.classes_new_member|count }} "
     "lớp bồi dưỡng lý luận chính trị cho {{ i.education.participants_new_member|num }} đảng viên mới"
     "{% if i.education.classes_committee_member %}; {{ i.education.classes_committee_member|count }} lớp bồi dưỡng "
     "cho {{ i.education.participants_committee_member|num }} cấp ủy viên{% endif %}.{% endif %}"),
    ("mass_mobilisation.emulation", "mass_mobilisation", 10, "half_year,nine_month,annual,mid_term,term_end",
     "{% if i.massorgs.units %}Có {{ i.massorgs.registered_mass_mobilisation|count }}/{{ i.massorgs.units|count }} "
     "tổ chức cơ sở đảng đăng ký thi đua “Dân vận khéo” (đạt {{ i.massorgs.registered_mass_mobilisation_pct|pct }}%) "
     "và {{ i.massorgs.registered_grassroots_democracy|count }}/{{ i.massorgs.units|count }} đăng ký thực hiện dân chủ "
     "ở cơ sở (đạt {{ i.massorgs.registered_grassroots_democracy_pct|pct }}%); công nhận "
     "{{ i.massorgs.skilled_models|count }} mô hình, {{ i.massorgs.skilled_exemplars|count }} điển hình "
     "“Dân vận khéo” trong năm.{% endif %}"),
    ("organization.changes", "organization", 35, "",
     "{% if i.organizations.founded or i.organizations.ended %}Trong {{ period }}, thành lập mới "
     "{{ i.organizations.founded|count }} tổ chức đảng; giải thể, sáp nhập, bàn giao "
     "{{ i.organizations.ended|count }} tổ chức đảng[[{{ organization_changes }}]].{% endif %}"),
    ("organization.conclusions", "organization", 40, "",
     "{% if i.cadres.conclusions %}Ban Thường vụ kết luận tiêu chuẩn chính trị đối với "
     "{{ i.cadres.conclusions_cadre|count }} trường hợp phục vụ công tác cán bộ, "
     "{{ i.cadres.conclusions_admission|count }} trường hợp phục vụ công tác phát triển đảng viên mới"
     "{% if i.cadres.conclusions_abroad %}, {{ i.cadres.conclusions_abroad|count }} trường hợp đi học tập, công tác "
     "nước ngoài{% endif %}.{% endif %}"),
    ("organization.appointments", "organization", 50, "",
     "{% if i.cadres.appointments %}Ban hành {{ i.cadres.appointments|count }} quyết định chỉ định, chuẩn y cấp ủy "
     "viên, bí thư, phó bí thư cấp ủy cơ sở.{% endif %}"),
    ("inspection.inspections", "inspection", 10, "",
     "{% if i.inspection.inspections or i.inspection.supervisions %}Cấp ủy, ủy ban kiểm tra các cấp tiến hành kiểm "
     "tra {{ i.inspection.inspections|count }} cuộc, giám sát chuyên đề {{ i.inspection.supervisions|count }} cuộc "
     "đối với {{ i.inspection.organizations|count }} tổ chức đảng và {{ i.inspection.members|num }} đảng viên "
     "(đạt {{ i.inspection.members_pct|pct }}% tổng số đảng viên); qua kiểm tra, giám sát có "
     "{{ i.inspection.with_violation|count }} cuộc kết luận có vi phạm.{% endif %}"),
    ("inspection.discipline", "inspection", 20, "",
     "{% if i.discipline.members %}Thi hành kỷ luật {{ i.discipline.members|count }} đảng viên"
     "[[{{ discipline_breakdown }}]]{% if i.discipline.on_committee %}, trong đó "
     "{{ i.discipline.on_committee|count }} đồng chí là cấp ủy viên{% endif %}.{% endif %}"),
    ("inspection.letters", "inspection", 30, "",
     "{% if i.letters.received %}Tiếp nhận {{ i.letters.received|count }} đơn thư "
     "({{ i.letters.complaints|count }} đơn khiếu nại, {{ i.letters.denunciations|count }} đơn tố cáo)"
     "[[{{ letters_breakdown }}]].{% endif %}"),
    ("mass_organizations.youth", "mass_organizations", 10, "",
     "{% if i.massorgs.youth_union.introduced or i.massorgs.trade_union.introduced %}Các đoàn thể giới thiệu "
     "đoàn viên, hội viên ưu tú cho Đảng xem xét kết nạp: Đoàn Thanh niên giới thiệu "
     "{{ i.massorgs.youth_union.introduced|count }}, được kết nạp {{ i.massorgs.youth_union.admitted|count }}; "
     "Công đoàn giới thiệu {{ i.massorgs.trade_union.introduced|count }}, được kết nạp "
     "{{ i.massorgs.trade_union.admitted|count }}; Hội Cựu chiến binh giới thiệu "
     "{{ i.massorgs.veterans.introduced|count }}, được kết nạp {{ i.massorgs.veterans.admitted|count }}.{% endif %}"),
    ("organization.ratings", "organization", 60, "annual,mid_term,term_end",
     "{% if i.ratings.members.rated %}Kết quả đánh giá, xếp loại chất lượng đảng viên năm {{ year }}: "
     "{{ i.ratings.members.rated|num }} đảng viên được xếp loại, trong đó hoàn thành xuất sắc nhiệm vụ "
     "{{ i.ratings.members.excellent|num }} đồng chí ({{ i.ratings.members.excellent_pct|pct }}%), hoàn thành tốt "
     "nhiệm vụ {{ i.ratings.members.good|num }} đồng chí ({{ i.ratings.members.good_pct|pct }}%), hoàn thành nhiệm "
     "vụ {{ i.ratings.members.adequate|num }} đồng chí ({{ i.ratings.members.adequate_pct|pct }}%), không hoàn thành "
     "nhiệm vụ {{ i.ratings.members.failed|num }} đồng chí ({{ i.ratings.members.failed_pct|pct }}%).{% endif %}"),
    ("organization.org_ratings", "organization", 70, "annual,mid_term,term_end",
     "{% if i.ratings.organizations.rated %}Xếp loại {{ i.ratings.organizations.rated|num }} tổ chức đảng: hoàn "
     "thành xuất sắc nhiệm vụ {{ i.ratings.organizations.excellent|count }} "
     "({{ i.ratings.organizations.excellent_pct|pct }}%), hoàn thành tốt nhiệm vụ "
     "{{ i.ratings.organizations.good|count }} ({{ i.ratings.organizations.good_pct|pct }}%), hoàn thành nhiệm vụ "
     "{{ i.ratings.organizations.adequate|count }}, không hoàn thành nhiệm vụ "
     "{{ i.ratings.organizations.failed|count }}.{% endif %}"),
    ("organization.meetings", "organization", 80, "",
     "{% if i.meetings.regular %}Các chi bộ duy trì sinh hoạt định kỳ với {{ i.meetings.regular|num }} buổi sinh "
     "hoạt thường kỳ và {{ i.meetings.thematic|num }} buổi sinh hoạt chuyên đề; tỷ lệ đảng viên dự sinh hoạt đạt "
     "{{ i.meetings.attendance_pct|pct }}%.{% endif %}"),
]  # fmt: skip


def install(sentence_model) -> None:
    """Add the default sentences that are missing (staff edits to existing ones are kept)."""
    for key, section, order, kinds, text in DEFAULTS:
        sentence_model.objects.get_or_create(
            key=key, defaults={"section": section, "order": order, "kinds": kinds, "text": text}
        )
