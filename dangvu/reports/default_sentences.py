"""The standard sentences pre-filled into each section, as editable Vietnamese templates.

They are Django templates over the period's figures: `i` holds every indicator of the
registry by code (`i.members.admitted`), `org_short` the committee's short name, `period`
the period's name. Filters: `count` (07), `num` (7.261), `pct` (79,61). Text between
`[[` and `]]` becomes a footnote. Staff edit them on the "Câu mẫu báo cáo" screen; these
are only the defaults loaded by the first migration and by "restore the default".
"""

LONG = "quarterly,half_year,nine_month,annual,mid_term,term_end"
DEFAULTS = [
    # (key, section, order, report kinds ("" = every kind), text)
    ("results.opening", "results", 10, LONG,
     "Trong {{ period_in_prose }}, {{ issuer }} đã bám sát chương trình công tác, tập trung lãnh đạo, chỉ đạo "
     "{{ subordinates }}, các đoàn thể thực hiện toàn diện các mặt công tác và đạt được những kết quả, "
     "cụ thể như sau:"),
    ("organization.movement", "organization", 10, "",
     "Trong {{ period_in_prose }}, {{ org_short }} "
     "{% if i.members.admitted %}kết nạp {{ i.members.admitted|count }} đảng viên mới"
     "{% if plan.members.admitted or vs.members.admitted %} ({{ plan.members.admitted }}"
     "{% if plan.members.admitted and vs.members.admitted %}; {% endif %}{{ vs.members.admitted }}){% endif %}"
     "{% else %}chưa kết nạp đảng viên mới{% endif %}"
     "{% if i.members.made_full %}, chuyển đảng viên dự bị thành đảng viên chính thức cho "
     "{{ i.members.made_full|count }} đồng chí{% endif %}"
     "{% if i.members.transferred_out %}; chuyển sinh hoạt đảng đi nơi khác cho "
     "{{ i.members.transferred_out|count }} đảng viên{% endif %}"
     "{% if i.members.transferred_in %}; tiếp nhận {{ i.members.transferred_in|count }} đảng viên đến sinh hoạt tại "
     "{{ org_short }}{% endif %}"
     "{% if i.members.removed %}; xóa tên {{ i.members.removed|count }} đảng viên{% endif %}"
     "{% if i.members.resigned %}; {{ i.members.resigned|count }} đảng viên xin ra khỏi Đảng{% endif %}"
     "{% if i.members.expelled %}; khai trừ {{ i.members.expelled|count }} đảng viên{% endif %}"
     "{% if i.members.died %}; {{ i.members.died|count }} đảng viên từ trần{% endif %}."),
    ("organization.badges", "organization", 20, "",
     "{% if i.members.badges_awarded %}Trao Huy hiệu Đảng cho {{ i.members.badges_awarded|count }} đồng chí"
     "[[{{ badge_breakdown }}]].{% endif %}"),
    ("organization.total", "organization", 30, LONG,
     "{% if is_base %}Tính đến {{ end_date }}, {{ org_short }} có {{ i.organizations.cells_total|count }} chi bộ "
     "trực thuộc.{% else %}Tính đến {{ end_date }}, {{ org_short }} có {{ i.organizations.base_total|count }} tổ chức "
     "cơ sở đảng ({{ i.organizations.base_party_committees|count }} đảng bộ cơ sở, "
     "{{ i.organizations.base_cells|count }} chi bộ cơ sở) với {{ i.organizations.cells_total|count }} chi bộ trực "
     "thuộc đảng bộ cơ sở.{% endif %} Tổng số đảng viên {{ i.members.total|count }} đồng chí"
     "{% if vs.members.total %} ({{ vs.members.total }}){% endif %}"
     "{% if i.members.probationary %}, trong đó có {{ i.members.probationary|count }} đồng chí là đảng viên dự bị"
     "{% endif %}"
     "; nữ {{ i.members.women|count }} đồng chí"
     "{% if i.members.ethnic_minority %}; dân tộc thiểu số {{ i.members.ethnic_minority|count }} đồng chí{% endif %}"
     "{% if i.members.religious %}; có tôn giáo {{ i.members.religious|count }} đồng chí{% endif %}"
     "{% if i.members.theory_advanced or i.members.theory_intermediate %}; trình độ lý luận chính trị cao cấp, cử nhân "
     "{{ i.members.theory_advanced|count }} đồng chí, trung cấp {{ i.members.theory_intermediate|count }} đồng chí"
     "{% endif %}."),
    ("political_task.programme", "political_task", 5, "",
     "{% if programme.total %}Bám sát chương trình công tác, {{ org_short }} đã triển khai thực hiện "
     "{{ programme.done|count }}/{{ programme.total|count }} nội dung theo chương trình công tác {{ period_in_prose }} "
     "(đạt {{ programme.done_pct|pct }}%){% if programme.postponed %}; lùi thời gian thực hiện: "
     "{{ programme.postponed }}{% endif %}.{% endif %}"),
    ("political_task.documents", "political_task", 10, LONG,
     "{% if i.documents.issued %}Tham mưu cho {% if is_base %}{{ leading_body }}{% else %}Ban Thường vụ, Ban Chấp "
     "hành {{ org_short }}{% endif %} ban hành {{ i.documents.issued|count }} văn bản{% if documents_by_type %}, "
     "trong đó có {{ documents_by_type }}[[{{ documents_list }}]]{% endif %} để lãnh đạo, chỉ đạo {{ subordinates }} "
     "triển khai thực hiện.{% endif %}"),
    ("political_task.documents_monthly", "political_task", 11, "monthly",
     "{% if documents_named %}- Tham mưu cho {% if is_base %}{{ leading_body }}{% else %}Ban Thường vụ, Ban Chấp "
     "hành {{ org_short }}{% endif %} xây dựng, ban hành các văn bản:\n\n{{ documents_named }}{% endif %}"),
    ("ideology.study", "ideology", 10, "",
     "{% if i.education.study_sessions %}Lãnh đạo, chỉ đạo {{ subordinates }} tổ chức "
     "{{ i.education.study_sessions|count }} buổi học tập, quán triệt, triển khai thực hiện các nghị quyết, chỉ thị "
     "của Đảng{% if vs.education.study_sessions %} ({{ vs.education.study_sessions }}){% endif %} với "
     "{{ i.education.study_members|count }} đảng viên tham gia{% if not is_term %}, chiếm "
     "{{ i.education.study_members_pct|pct }}% tổng số đảng viên{% endif %}"
     "{% if i.education.non_members_reached %}; {{ i.education.non_members_reached|count }} quần chúng tham gia"
     "{% if not is_term %}, đạt {{ i.education.non_members_pct|pct }}%{% endif %}{% endif %}.{% endif %}"),
    ("ideology.classes", "ideology", 20, "",
     "{% if i.education.classes_party_awareness or i.education.classes_new_member %}Phối hợp tổ chức "
     "{% if i.education.classes_party_awareness %}{{ i.education.classes_party_awareness|count }} lớp bồi dưỡng nhận "
     "thức về Đảng cho {{ i.education.participants_party_awareness|count }} quần chúng ưu tú{% endif %}"
     "{% if i.education.classes_party_awareness and i.education.classes_new_member %}; {% endif %}"
     "{% if i.education.classes_new_member %}{{ i.education.classes_new_member|count }} lớp bồi dưỡng lý luận chính "
     "trị cho {{ i.education.participants_new_member|count }} đảng viên mới{% endif %}"
     "{% if i.education.classes_committee_member %}; {{ i.education.classes_committee_member|count }} lớp bồi dưỡng "
     "cho {{ i.education.participants_committee_member|count }} cấp ủy viên{% endif %}.{% endif %}"),
    ("mass_mobilisation.emulation", "mass_mobilisation", 10, "half_year,nine_month,annual,mid_term,term_end",
     "{% if i.massorgs.units %}{% if is_base %}Năm {{ year }}, {{ org_short }} "
     "{% if i.massorgs.registered_mass_mobilisation %}đã{% else %}chưa{% endif %} đăng ký thi đua “Dân vận khéo”, "
     "{% if i.massorgs.registered_grassroots_democracy %}đã{% else %}chưa{% endif %} đăng ký thực hiện dân chủ ở cơ "
     "sở{% else %}Có {{ i.massorgs.registered_mass_mobilisation|count }}/{{ i.massorgs.units|count }} tổ chức cơ sở "
     "đảng đăng ký thi đua “Dân vận khéo” (đạt {{ i.massorgs.registered_mass_mobilisation_pct|pct }}%) và "
     "{{ i.massorgs.registered_grassroots_democracy|count }}/{{ i.massorgs.units|count }} đăng ký thực hiện dân chủ "
     "ở cơ sở (đạt {{ i.massorgs.registered_grassroots_democracy_pct|pct }}%){% endif %}"
     "{% if i.massorgs.skilled_models or i.massorgs.skilled_exemplars %}; năm {{ year }} công nhận "
     "{% if i.massorgs.skilled_models %}{{ i.massorgs.skilled_models|count }} mô hình{% endif %}"
     "{% if i.massorgs.skilled_models and i.massorgs.skilled_exemplars %}, {% endif %}"
     "{% if i.massorgs.skilled_exemplars %}{{ i.massorgs.skilled_exemplars|count }} điển hình{% endif %} "
     "“Dân vận khéo”{% endif %}.{% endif %}"),
    ("organization.changes", "organization", 35, "",
     "{% if i.organizations.founded or i.organizations.ended %}Trong {{ period_in_prose }}, "
     "{% if i.organizations.founded %}thành lập mới {{ i.organizations.founded|count }} tổ chức đảng{% endif %}"
     "{% if i.organizations.founded and i.organizations.ended %}; {% endif %}"
     "{% if i.organizations.ended %}giải thể, sáp nhập, bàn giao {{ i.organizations.ended|count }} tổ chức đảng"
     "{% endif %}[[{{ organization_changes }}]].{% endif %}"),
    ("organization.conclusions", "organization", 40, "",
     "{% if i.cadres.conclusions %}{% if is_base %}Thẩm tra, xác minh, đề nghị kết luận{% else %}{{ leading_body }} "
     "kết luận{% endif %} tiêu chuẩn chính trị đối với "
     "{{ i.cadres.conclusions|count }} trường hợp"
     "{% if i.cadres.conclusions_cadre %}, trong đó {{ i.cadres.conclusions_cadre|count }} trường hợp phục vụ công "
     "tác cán bộ{% endif %}"
     "{% if i.cadres.conclusions_admission %}, {{ i.cadres.conclusions_admission|count }} trường hợp phục vụ công tác "
     "phát triển đảng viên mới{% endif %}"
     "{% if i.cadres.conclusions_abroad %}, {{ i.cadres.conclusions_abroad|count }} trường hợp đi học tập, công tác "
     "nước ngoài{% endif %}.{% endif %}"),
    ("organization.appointments", "organization", 50, "",
     "{% if i.cadres.appointments %}Ban hành {{ i.cadres.appointments|count }} quyết định chỉ định, chuẩn y cấp ủy "
     "viên, bí thư, phó bí thư cấp ủy cơ sở.{% endif %}"),
    ("inspection.inspections", "inspection", 10, "",
     "{% if i.inspection.inspections or i.inspection.supervisions %}Cấp ủy, ủy ban kiểm tra các cấp tiến hành "
     "{% if i.inspection.inspections %}kiểm tra {{ i.inspection.inspections|count }} cuộc"
     "{% if vs.inspection.inspections %} ({{ vs.inspection.inspections }}){% endif %}{% endif %}"
     "{% if i.inspection.inspections and i.inspection.supervisions %}, {% endif %}"
     "{% if i.inspection.supervisions %}giám sát chuyên đề {{ i.inspection.supervisions|count }} cuộc{% endif %} "
     "đối với {{ i.inspection.organizations|count }} tổ chức đảng và {{ i.inspection.members|count }} đảng viên "
     "(chiếm {{ i.inspection.members_pct|pct }}% tổng số đảng viên); "
     "{% if i.inspection.with_violation %}qua kiểm tra, giám sát có {{ i.inspection.with_violation|count }} cuộc "
     "kết luận có vi phạm.{% else %}qua kiểm tra, giám sát chưa phát hiện tổ chức đảng, đảng viên vi phạm.{% endif %}"
     "{% endif %}"),
    ("inspection.done", "inspection", 15, "", "{{ inspections_done }}"),
    ("inspection.discipline", "inspection", 20, "",
     "{% if i.discipline.members %}Thi hành kỷ luật {{ i.discipline.members|count }} đảng viên"
     "{% if vs.discipline.members %} ({{ vs.discipline.members }}){% endif %}"
     "[[{{ discipline_breakdown }}]]{% if i.discipline.on_committee %}, trong đó "
     "{{ i.discipline.on_committee|count }} đồng chí là cấp ủy viên{% endif %}"
     "{% if violations %}. Nội dung vi phạm: {{ violations }}{% endif %}."
     "{% else %}Trong {{ period_in_prose }}, chưa phát sinh trường hợp đảng viên vi phạm phải thi hành kỷ luật."
     "{% endif %}"),
    ("inspection.letters", "inspection", 30, "",
     "{% if i.letters.received %}Tiếp nhận {{ i.letters.received|count }} đơn thư"
     "{% if i.letters.complaints or i.letters.denunciations %} ("
     "{% if i.letters.complaints %}{{ i.letters.complaints|count }} đơn khiếu nại{% endif %}"
     "{% if i.letters.complaints and i.letters.denunciations %}, {% endif %}"
     "{% if i.letters.denunciations %}{{ i.letters.denunciations|count }} đơn tố cáo{% endif %}){% endif %}"
     "[[{{ letters_breakdown }}]].{% else %}Trong {{ period_in_prose }}, không có đơn thư khiếu nại, tố cáo."
     "{% endif %}"),
    ("mass_organizations.youth", "mass_organizations", 10, "",
     "{% if i.massorgs.youth_union.introduced or i.massorgs.trade_union.introduced or i.massorgs.veterans.introduced %}"
     "Các đoàn thể giới thiệu đoàn viên, hội viên ưu tú cho Đảng xem xét kết nạp: "
     "{% if i.massorgs.youth_union.introduced %}Đoàn Thanh niên giới thiệu "
     "{{ i.massorgs.youth_union.introduced|count }}{% if i.massorgs.youth_union.admitted %}, được kết nạp "
     "{{ i.massorgs.youth_union.admitted|count }}{% endif %}{% endif %}"
     "{% if i.massorgs.trade_union.introduced %}{% if i.massorgs.youth_union.introduced %}; {% endif %}Công đoàn "
     "giới thiệu {{ i.massorgs.trade_union.introduced|count }}{% if i.massorgs.trade_union.admitted %}, được kết nạp "
     "{{ i.massorgs.trade_union.admitted|count }}{% endif %}{% endif %}"
     "{% if i.massorgs.veterans.introduced %}{% if i.massorgs.youth_union.introduced or "
     "i.massorgs.trade_union.introduced %}; {% endif %}Hội Cựu chiến binh giới thiệu "
     "{{ i.massorgs.veterans.introduced|count }}{% if i.massorgs.veterans.admitted %}, được kết nạp "
     "{{ i.massorgs.veterans.admitted|count }}{% endif %}{% endif %}.{% endif %}"),
    ("organization.ratings", "organization", 60, "annual,mid_term,term_end",
     "{% if i.ratings.members.rated %}Kết quả đánh giá, xếp loại chất lượng đảng viên năm {{ year }}: "
     "{{ i.ratings.members.rated|count }} đảng viên được xếp loại, trong đó hoàn thành xuất sắc nhiệm vụ "
     "{{ i.ratings.members.excellent|count }} đồng chí ({{ i.ratings.members.excellent_pct|pct }}%), hoàn thành tốt "
     "nhiệm vụ {{ i.ratings.members.good|count }} đồng chí ({{ i.ratings.members.good_pct|pct }}%), hoàn thành nhiệm "
     "vụ {{ i.ratings.members.adequate|count }} đồng chí ({{ i.ratings.members.adequate_pct|pct }}%)"
     "{% if i.ratings.members.failed %}, không hoàn thành nhiệm vụ {{ i.ratings.members.failed|count }} đồng chí "
     "({{ i.ratings.members.failed_pct|pct }}%){% else %}; không có đảng viên không hoàn thành nhiệm vụ{% endif %}."
     "{% endif %}"),
    ("organization.org_ratings", "organization", 70, "annual,mid_term,term_end",
     "{% if i.ratings.organizations.rated %}Xếp loại {{ i.ratings.organizations.rated|count }} tổ chức đảng: hoàn "
     "thành xuất sắc nhiệm vụ {{ i.ratings.organizations.excellent|count }} "
     "({{ i.ratings.organizations.excellent_pct|pct }}%), hoàn thành tốt nhiệm vụ "
     "{{ i.ratings.organizations.good|count }} ({{ i.ratings.organizations.good_pct|pct }}%), hoàn thành nhiệm vụ "
     "{{ i.ratings.organizations.adequate|count }} ({{ i.ratings.organizations.adequate_pct|pct }}%)"
     "{% if i.ratings.organizations.failed %}, không hoàn thành nhiệm vụ {{ i.ratings.organizations.failed|count }} "
     "({{ i.ratings.organizations.failed_pct|pct }}%){% else %}; không có tổ chức đảng không hoàn thành nhiệm vụ"
     "{% endif %}.{% endif %}"),
    ("organization.meetings", "organization", 80, "",
     "{% if i.meetings.regular %}Các chi bộ duy trì sinh hoạt định kỳ với {{ i.meetings.regular|count }} buổi sinh "
     "hoạt thường kỳ{% if i.meetings.thematic %} và {{ i.meetings.thematic|count }} buổi sinh hoạt chuyên đề"
     "{% endif %}; "
     "tỷ lệ đảng viên dự sinh hoạt đạt {{ i.meetings.attendance_pct|pct }}%"
     "{% if vs.meetings.attendance_pct %} ({{ vs.meetings.attendance_pct }}){% endif %}.{% endif %}"),
    ("political_task.programme_done", "political_task", 7, "", "{{ done.political_task }}"),
    ("ideology.programme_done", "ideology", 90, "", "{{ done.ideology }}"),
    ("mass_mobilisation.programme_done", "mass_mobilisation", 90, "", "{{ done.mass_mobilisation }}"),
    ("party_building.programme_done", "party_building", 90, "", "{{ done.party_building }}"),
    ("organization.programme_done", "organization", 90, "", "{{ done.organization }}"),
    ("inspection.programme_done", "inspection", 90, "", "{{ done.inspection }}"),
    ("mass_organizations.programme_done", "mass_organizations", 90, "", "{{ done.mass_organizations }}"),
    ("assessment.strengths", "strengths", 10, "", "{{ strengths }}"),
    ("assessment.weaknesses", "weaknesses", 10, "", "{{ weaknesses }}"),
    ("next_tasks.lead", "next_tasks", 5, LONG,
     "{% if next_tasks %}Để tiếp tục thực hiện thắng lợi các mục tiêu, nhiệm vụ đã đề ra, {{ org_short }} xác định "
     "một số nhiệm vụ trọng tâm {{ next_period }} như sau:{% endif %}"),
    ("next_tasks.programme", "next_tasks", 10, "", "{{ next_tasks }}"),
    ("next_tasks.closing", "next_tasks", 900, "",
     "Trên đây là báo cáo {{ report_subject }} của {{ issuer }}."),
]  # fmt: skip


def install(sentence_model) -> None:
    """Add the default sentences that are missing (staff edits to existing ones are kept)."""
    for key, section, order, kinds, text in DEFAULTS:
        sentence_model.objects.get_or_create(
            key=key, defaults={"section": section, "order": order, "kinds": kinds, "text": text}
        )
