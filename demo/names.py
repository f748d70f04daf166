"""Vietnamese names, units and places for the demo data, with realistic frequencies."""

FAMILY_NAMES = [
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 3), ("Huỳnh", 2.5), ("Phan", 4.5),
    ("Vũ", 2), ("Võ", 2.5), ("Đặng", 2.1), ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1),
    ("Lý", 0.5), ("Đinh", 0.8), ("Trương", 0.9), ("Lâm", 0.5), ("Mai", 0.5), ("Tạ", 0.3), ("Châu", 0.3),
    ("Quách", 0.2), ("Thái", 0.3), ("Lưu", 0.4), ("Kiều", 0.2), ("Âu", 0.1), ("Ông", 0.1),
]  # fmt: skip
MIDDLE_NAMES = {
    "male": [("Văn", 30), ("Đức", 8), ("Minh", 10), ("Quốc", 6), ("Hữu", 6), ("Thanh", 8), ("Công", 5),
             ("Xuân", 4), ("Hoàng", 5), ("Ngọc", 4), ("Trọng", 3), ("Anh", 3), ("Tấn", 3), ("Đình", 4)],
    "female": [("Thị", 45), ("Ngọc", 8), ("Thu", 6), ("Thanh", 6), ("Kim", 5), ("Minh", 4), ("Hồng", 5),
               ("Mỹ", 3), ("Phương", 3), ("Bảo", 2), ("Diệu", 2), ("Khánh", 2), ("Ánh", 1)],
}  # fmt: skip
GIVEN_NAMES = {
    "male": ["An", "Anh", "Bảo", "Bình", "Cường", "Công", "Chiến", "Dũng", "Duy", "Dương", "Đạt", "Đông", "Đức",
             "Giang", "Hải", "Hào", "Hiếu", "Hòa", "Hoàng", "Hùng", "Huy", "Khải", "Khang", "Khánh", "Khoa", "Kiên",
             "Lâm", "Lộc", "Long", "Lực", "Mạnh", "Minh", "Nam", "Nghĩa", "Nhân", "Phát", "Phong", "Phúc", "Quang",
             "Quân", "Sơn", "Tài", "Tâm", "Thắng", "Thành", "Thịnh", "Toàn", "Trung", "Tuấn", "Tùng", "Văn", "Việt",
             "Vinh", "Vũ", "Ân", "Ẩn", "Ước"],
    "female": ["An", "Anh", "Ánh", "Bích", "Châu", "Chi", "Diễm", "Dung", "Duyên", "Đào", "Giang", "Hà", "Hạnh",
               "Hằng", "Hiền", "Hoa", "Hồng", "Huệ", "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "My",
               "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Tâm", "Thảo", "Thanh", "Thủy", "Thư",
               "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Vy", "Xuân", "Yến", "Ân"],
}  # fmt: skip
ETHNIC_MINORITIES = [("Khmer", 3), ("Tày", 2), ("Thái", 2), ("Mường", 2), ("Hoa", 2), ("Nùng", 1), ("Ê Đê", 1),
                     ("Chăm", 1), ("Gia Rai", 1), ("Ba Na", 1)]  # fmt: skip
RELIGIONS = [("Phật giáo", 5), ("Công giáo", 3), ("Cao Đài", 1), ("Hòa Hảo", 1), ("Tin Lành", 0.5)]

BASE_UNITS = [
    ("Văn phòng Tỉnh ủy", "party_mass"), ("Ban Tổ chức Tỉnh ủy", "party_mass"), ("Ban Tuyên giáo Tỉnh ủy", "party_mass"),
    ("Ủy ban Kiểm tra Tỉnh ủy", "party_mass"), ("Ban Dân vận Tỉnh ủy", "party_mass"), ("Ban Nội chính Tỉnh ủy", "party_mass"),
    ("Báo tỉnh", "party_mass"), ("Ủy ban Mặt trận Tổ quốc tỉnh", "party_mass"), ("Tỉnh đoàn", "party_mass"),
    ("Hội Liên hiệp Phụ nữ tỉnh", "party_mass"), ("Hội Nông dân tỉnh", "party_mass"), ("Hội Cựu chiến binh tỉnh", "party_mass"),
    ("Liên đoàn Lao động tỉnh", "party_mass"), ("Văn phòng UBND tỉnh", "state"), ("Văn phòng Đoàn ĐBQH và HĐND tỉnh", "state"),
    ("Sở Tài chính", "state"), ("Sở Kế hoạch và Đầu tư", "state"), ("Sở Tư pháp", "state"), ("Sở Nội vụ", "state"),
    ("Sở Công Thương", "state"), ("Sở Xây dựng", "state"), ("Sở Giao thông vận tải", "state"), ("Sở Y tế", "state"),
    ("Sở Giáo dục và Đào tạo", "state"), ("Sở Nông nghiệp và Phát triển nông thôn", "state"),
    ("Sở Tài nguyên và Môi trường", "state"), ("Sở Khoa học và Công nghệ", "state"), ("Sở Thông tin và Truyền thông", "state"),
    ("Sở Lao động - Thương binh và Xã hội", "state"), ("Sở Văn hóa, Thể thao và Du lịch", "state"), ("Thanh tra tỉnh", "state"),
    ("Ban Dân tộc tỉnh", "state"), ("Đài Phát thanh và Truyền hình tỉnh", "state"), ("Bệnh viện Đa khoa tỉnh", "state"),
    ("Trường Chính trị tỉnh", "state"), ("Trường Đại học", "state"), ("Trường Cao đẳng Y tế", "state"),
    ("Trường Cao đẳng Nghề", "state"), ("Bệnh viện Sản - Nhi", "state"), ("Trung tâm Kiểm soát bệnh tật", "state"),
    ("Ban Quản lý Khu kinh tế", "state"), ("Quỹ Đầu tư phát triển", "state"), ("Cục Thuế tỉnh", "vertical"),
    ("Cục Hải quan", "vertical"), ("Kho bạc Nhà nước tỉnh", "vertical"), ("Cục Thống kê tỉnh", "vertical"),
    ("Bảo hiểm xã hội tỉnh", "vertical"), ("Ngân hàng Nhà nước chi nhánh tỉnh", "vertical"),
    ("Cục Thi hành án dân sự tỉnh", "vertical"), ("Tòa án nhân dân tỉnh", "state"), ("Viện Kiểm sát nhân dân tỉnh", "state"),
    ("Ngân hàng Chính sách xã hội chi nhánh tỉnh", "vertical"), ("Bưu điện tỉnh", "business"), ("Viễn thông tỉnh", "business"),
    ("Công ty Điện lực", "business"), ("Công ty Cổ phần Cấp thoát nước", "business"), ("Công ty Xổ số kiến thiết", "business"),
    ("Công ty TNHH MTV Khai thác công trình thủy lợi", "business"), ("Công ty Cổ phần Môi trường đô thị", "business"),
    ("Ngân hàng Công thương chi nhánh tỉnh", "business"), ("Ngân hàng Nông nghiệp chi nhánh tỉnh", "business"),
    ("Ngân hàng Đầu tư và Phát triển chi nhánh tỉnh", "business"), ("Ngân hàng Ngoại thương chi nhánh tỉnh", "business"),
    ("Công ty Cổ phần Dược phẩm", "business"), ("Công ty Cổ phần Xây dựng", "business"), ("Hội Chữ thập đỏ tỉnh", "other"),
    ("Liên minh Hợp tác xã tỉnh", "other"), ("Hội Văn học Nghệ thuật tỉnh", "other"), ("Liên hiệp các Hội KH&KT", "other"),
]  # fmt: skip
CELL_UNITS = [
    "Văn phòng", "Phòng Tổ chức cán bộ", "Phòng Kế hoạch - Tài chính", "Thanh tra", "Phòng Nghiệp vụ 1",
    "Phòng Nghiệp vụ 2", "Phòng Tổng hợp", "Phòng Pháp chế", "Trung tâm Dịch vụ", "Phòng Hành chính - Quản trị",
    "Khoa Nội", "Khoa Ngoại", "Phòng Kỹ thuật", "Phòng Kinh doanh", "Chi nhánh 1", "Chi nhánh 2", "Phòng Đào tạo",
    "Khoa Lý luận", "Phòng Quản lý dự án", "Phòng Công nghệ thông tin", "Hưu trí",
]  # fmt: skip
PROVINCES = ["Kiên Giang", "An Giang", "Cần Thơ", "Cà Mau", "Đồng Tháp", "Vĩnh Long", "Tây Ninh", "Đắk Lắk",
             "Gia Lai", "Quảng Ngãi", "Khánh Hòa", "Lâm Đồng", "Nghệ An", "Hà Tĩnh", "Thanh Hóa", "Hà Nội",
             "TP. Hồ Chí Minh", "Đà Nẵng", "Huế", "Hải Phòng"]  # fmt: skip
OCCUPATIONS = ["Công chức", "Viên chức", "Giáo viên", "Bác sĩ", "Kỹ sư", "Kế toán", "Chuyên viên", "Nhân viên",
               "Điều dưỡng", "Cán bộ hưu trí"]  # fmt: skip
QUALIFICATIONS = ["Cử nhân Luật", "Cử nhân Kinh tế", "Kỹ sư Xây dựng", "Thạc sĩ Quản lý công", "Bác sĩ Đa khoa",
                  "Cử nhân Sư phạm", "Cử nhân Công nghệ thông tin", "Thạc sĩ Kinh tế", "Cao đẳng Điều dưỡng",
                  "Cử nhân Hành chính"]  # fmt: skip
