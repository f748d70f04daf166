from dangvu.lib.vntext import fold, name_sort_key, normalize_name, split_name


def test_folding_strips_tones_and_maps_d_with_stroke():
    assert fold("Nguyễn Văn Đức") == "nguyen van duc"
    assert fold("ĐẶNG THỊ ƯỚC") == "dang thi uoc"


def test_names_are_normalised_to_capitalised_words():
    assert normalize_name("  nguyễn   văn  AN ") == "Nguyễn Văn An"


def test_a_name_splits_into_family_middle_and_given():
    assert split_name("Nguyễn Thị Minh Khai") == ("Nguyễn", "Thị Minh", "Khai")
    assert split_name("Lê Lợi") == ("Lê", "", "Lợi")


def test_people_sort_by_given_name_first_in_vietnamese_letter_order():
    names = ["Trần Văn Đức", "Nguyễn Thị Ánh", "Lê Văn Dũng", "Phạm Văn Anh", "Hồ Thị Ân", "Vũ Văn Ăn", "Bùi Văn An"]
    ordered = sorted(names, key=name_sort_key)
    # a < ă < â, d < đ; tones come after the bare letter; given name first.
    assert ordered == [
        "Bùi Văn An",
        "Phạm Văn Anh",
        "Nguyễn Thị Ánh",
        "Vũ Văn Ăn",
        "Hồ Thị Ân",
        "Lê Văn Dũng",
        "Trần Văn Đức",
    ]


def test_same_given_name_orders_by_middle_then_family_name():
    names = ["Nguyễn Văn An", "Trần Thị An", "Lê Văn An", "Bùi Đức An"]
    assert sorted(names, key=name_sort_key) == ["Bùi Đức An", "Trần Thị An", "Lê Văn An", "Nguyễn Văn An"]
