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
]  # fmt: skip
