"""Vietnamese names from capitalisation: each rule of factx.ner.vi_spans on news sentences."""

from __future__ import annotations

import pytest

from factx.model import Document, Label

pytest.importorskip("underthesea", reason="the vi extra is not installed: pip install factx[vi]")

from factx.ner.vi_tokens import vietnamese

P, G, L = Label.PERSON, Label.ORG, Label.LOCATION  # G: organisation (O reads as zero)

CASES = [
    # a title before a name: the person, without the title
    (
        "Phó Thủ tướng Trần Hồng Hà yêu cầu các địa phương khắc phục hậu quả bão.",
        {(P, "Trần Hồng Hà")},
    ),
    # a title naming a country and a foreign person: both, split
    (
        "Tổng thống Mỹ Joe Biden và Thủ tướng Nhật Bản Fumio Kishida gặp nhau tại Nhà Trắng.",
        {(L, "Mỹ"), (P, "Joe Biden"), (L, "Nhật Bản"), (P, "Fumio Kishida"), (G, "Nhà Trắng")},
    ),
    # an institution word starts an organisation, across "và", up to the person; a
    # province after an agency is part of its name (VLSP-2016)
    (
        "Bộ trưởng Bộ Giáo dục và Đào tạo Nguyễn Kim Sơn làm việc với UBND tỉnh Nghệ An.",
        {(G, "Bộ Giáo dục và Đào tạo"), (P, "Nguyễn Kim Sơn"), (G, "UBND tỉnh Nghệ An")},
    ),
    # a place after an agency is its own location; the home country stays in a name
    (
        "Bộ Ngoại giao Hàn Quốc và Tổng công ty Điện lực Việt Nam ký thỏa thuận.",
        {(G, "Bộ Ngoại giao"), (L, "Hàn Quốc"), (G, "Tổng công ty Điện lực Việt Nam")},
    ),
    # a parenthesised abbreviation: both organisations, the name back to its head word
    (
        "Theo Tổ chức Y tế Thế giới (WHO), dịch đang tăng tại khu vực Đông Nam Á.",
        {(G, "Tổ chức Y tế Thế giới"), (G, "WHO"), (L, "Đông Nam Á")},
    ),
    # a company word is inside the span, capitalised or not (VLSP-2016)
    (
        "Hãng hàng không Bamboo Airways mở đường bay tới Côn Đảo, còn tập đoàn Intel đầu tư.",
        {(G, "Hãng hàng không Bamboo Airways"), (L, "Côn Đảo"), (G, "tập đoàn Intel")},
    ),
    # place words are inside the span (VLSP-2016), country words outside
    (
        "Chị Nguyễn Thị Lan trú tại huyện Đồng Phú, tỉnh Bình Phước, gần sông Bé.",
        {(P, "Nguyễn Thị Lan"), (L, "huyện Đồng Phú"), (L, "tỉnh Bình Phước"), (L, "sông Bé")},
    ),
    # dates, demonyms, products and sentence-initial common words are no entities
    (
        "Người Nhật mua 12 máy bay Airbus A350 từ tháng Tám, theo ông Lê Văn Thành.",
        {(P, "Lê Văn Thành")},
    ),
    # a lone given name after a form of address is a person
    (
        "Ông Thành nói với Bà Hoa rằng giá điện sẽ tăng.",
        {(P, "Thành"), (P, "Hoa")},
    ),
    # after a title's phrase and a comma, a foreign Latin name is the person (appositive)
    (
        "Cố vấn Thủ tướng Modi, Rahul Mehta, sau đó bác bỏ tin đồn.",
        {(P, "Modi"), (P, "Rahul Mehta")},
    ),
    (
        "Ngoại trưởng Canada, Laura Whitman, đã tới Hà Nội.",
        {(L, "Canada"), (P, "Laura Whitman"), (L, "Hà Nội")},
    ),
    # a Vietnamese-spelled name the punctuation closes is the appositive too
    (
        "Người phát ngôn Bộ Ngoại giao Trung Quốc, Lâm Kiến, cho biết như vậy.",
        {(G, "Bộ Ngoại giao"), (L, "Trung Quốc"), (P, "Lâm Kiến")},
    ),
    # ...and then the run between the title and the comma is the title's complement
    (
        "Bộ trưởng Nội vụ, Trần Minh Quang, chủ trì cuộc họp.",
        {(P, "Trần Minh Quang")},
    ),
    # a foreign name before ", <title>" is the person; the title's own name is its employer
    (
        "Mark Holden, Giám đốc điều hành Boeing, đã tới Đà Nẵng.",
        {(P, "Mark Holden"), (G, "Boeing"), (L, "Đà Nẵng")},
    ),
    # a place before its abbreviation stays a place; its own initials are the place too,
    # letters beyond what is written name the body it stands for
    (
        "Người dân ở Kherson (KNR) và Thành phố Hồ Chí Minh (TP.HCM) đi bầu cử.",
        {(L, "Kherson"), (G, "KNR"), (L, "Thành phố Hồ Chí Minh"), (L, "TP.HCM")},
    ),
    # ...while an institution's full name and abbreviation are both organisations
    (
        "Cộng hòa Nhân dân Transnistria (PMR) và Cộng hòa Nhân dân Donetsk tuyên bố.",
        {(G, "Cộng hòa Nhân dân Transnistria"), (G, "PMR"), (G, "Cộng hòa Nhân dân Donetsk")},
    ),
    # places joined by a hyphen are one location each
    (
        "Tuyến cao tốc Hà Nội-Hải Phòng và quan hệ Nga-Nhật được bàn thảo.",
        {(L, "Hà Nội"), (L, "Hải Phòng"), (L, "Nga"), (L, "Nhật")},
    ),
    # lowercase institution words inside the span: media, teams; a team named by its
    # country is the country
    (
        "Phóng viên báo Thanh Niên gặp đội Sông Lam và đội tuyển Thái Lan ở công viên Thống Nhất.",
        {(G, "báo Thanh Niên"), (G, "đội Sông Lam"), (L, "Thái Lan"), (L, "công viên Thống Nhất")},
    ),
    # an agency keeps its province or commune, a foreign country is its own location
    (
        "Công an huyện Gia Lâm báo cáo UBND xã Đông Dư và Bộ Ngoại giao Mỹ.",
        {(G, "Công an huyện Gia Lâm"), (G, "UBND xã Đông Dư"), (G, "Bộ Ngoại giao"), (L, "Mỹ")},
    ),
    # an institution named after a person, or numbered, keeps the name and the number; an
    # officer after the institution's own name is a person
    (
        "Học sinh Trường THPT Nguyễn Du thăm Bệnh viện Nhi đồng 1 cùng Công ty Xây dựng số 5.",
        {(G, "Trường THPT Nguyễn Du"), (G, "Bệnh viện Nhi đồng 1"), (G, "Công ty Xây dựng số 5")},
    ),
    (
        "Giám đốc công ty FPT Đỗ Văn Khải phát biểu.",
        {(G, "công ty FPT"), (P, "Đỗ Văn Khải")},
    ),
    # the CRF's places named by a head word and a number stand
    (
        "Tai nạn xảy ra trên quốc lộ 13, gần Phòng Cảnh sát giao thông Công an tỉnh Bình Dương.",
        {(L, "quốc lộ 13"), (G, "Phòng Cảnh sát giao thông Công an tỉnh Bình Dương")},
    ),
    # a delegation or team named by its country is the country; national bodies named by a
    # common word are organisations
    ("Đoàn Việt Nam giành ba huy chương.", {(L, "Việt Nam")}),
    ("Thủ tướng Chính phủ yêu cầu Viện Kiểm sát làm rõ.", {(G, "Chính phủ"), (G, "Viện Kiểm sát")}),
    # an all-capital headline: only the places a list knows
    ("ĐÀ NẴNG: SỞ Y TẾ CẢNH BÁO DỊCH SỐT XUẤT HUYẾT TĂNG MẠNH", {(L, "ĐÀ NẴNG")}),
    (
        "NHẬT BẢN VÀ HÀN QUỐC KÝ HIỆP ĐỊNH TẠI SEOUL",
        {(L, "NHẬT BẢN"), (L, "HÀN QUỐC"), (L, "SEOUL")},
    ),
    # "xã hội" (society) holds no commune, "ấp ủ" (cherish) no hamlet
    ("Thói quen của xã hội Nhật Bản khác nhiều.", {(L, "Nhật Bản")}),
    ("Tôi vẫn ấp ủ tình yêu đối với Hà Nội.", {(L, "Hà Nội")}),
    # abbreviated place words glued to the name ("Q.3", "P.Bến Thành"), a unit's code in
    # parentheses, and the farthest head of a name that holds another
    (
        "Công an Q.3 bắt giữ đối tượng ở P.Bến Thành, Q.1.",
        {(G, "Công an Q.3"), (L, "P.Bến Thành"), (L, "Q.1")},
    ),
    (
        "Cục Cảnh sát giao thông đường bộ - đường sắt (C67) đã vào cuộc.",
        {(G, "Cục Cảnh sát giao thông đường bộ - đường sắt"), (G, "C67")},
    ),
    ("Phường Bến Nghé có nhiều tòa nhà.", {(L, "Phường Bến Nghé")}),
    ("Du khách đến Thác Bạc ngắm cảnh.", {(L, "Thác Bạc")}),
    # a province stays in an agency's name, a foreign country after an institution word is
    # the country ("an American university")
    ("Sinh viên đại học Mỹ gặp công an Long An.", {(L, "Mỹ"), (G, "công an Long An")}),
    # a place word may open the name itself
    (
        "Cầu Long Biên nối quận Hoàn Kiếm với quận Long Biên.",
        {(L, "Cầu Long Biên"), (L, "quận Hoàn Kiếm"), (L, "quận Long Biên")},
    ),
    # a lowercase compound noun closing the clause completes a ministry's name
    (
        "Theo Bộ Môi trường sinh thái, Pháp sẽ đóng cửa ba mỏ than.",
        {(G, "Bộ Môi trường sinh thái"), (L, "Pháp")},
    ),
    # crime news names a suspect by surname and initial: a person, who keeps the dot and
    # ends the agency before it, as a full name does; a verb the tagger read as a noun
    # ends the agency's name too
    (
        "Công an Q.3 bắt giữ Nguyễn Văn H. tại TP.HCM.",
        {(G, "Công an Q.3"), (P, "Nguyễn Văn H."), (L, "TP.HCM")},
    ),
    (
        "Công an Q.3 bắt giữ Nguyễn Văn Hiển tại TP.HCM.",
        {(G, "Công an Q.3"), (P, "Nguyễn Văn Hiển"), (L, "TP.HCM")},
    ),
    ("Công an bắt giữ Nguyễn Văn H. tại nhà.", {(P, "Nguyễn Văn H.")}),
    (
        "Công an tỉnh Nghệ An tạm giữ Trần Thị Th. tại nhà riêng.",
        {(G, "Công an tỉnh Nghệ An"), (P, "Trần Thị Th.")},
    ),
    ("Công an Q.3 khởi tố Hùng về tội trộm cắp.", {(G, "Công an Q.3"), (P, "Hùng")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_vietnamese_rules_find_and_label_names(underthesea_ner, text, expected):
    found = list(underthesea_ner.extract(Document("d", text, "vi")))
    assert {(m.label, m.text) for m in found} == expected
    assert all(text[m.start : m.end] == m.text for m in found)


# People: the CRF's own people stand unless a cue says otherwise; a given name after a form
# of address, or one the segmenter glued into a verb, is a person.
PEOPLE = [
    ("Tối hôm đó, Nam gọi điện cho vợ.", {(P, "Nam")}),
    ("Sau cuộc họp, Đoàn vừa nhận nhiệm vụ mới.", {(P, "Đoàn")}),
    ("Cô Mai và anh Tuấn cùng em Hòa ra chợ.", {(P, "Mai"), (P, "Tuấn"), (P, "Hòa")}),
    ("Bà con ở Bà Rịa và ông Vinh đến.", {(L, "Bà Rịa"), (P, "Vinh")}),
    ("Thấy vậy, Khuê hỏi lại người bán hàng.", {(P, "Khuê")}),
    ("Cuối cùng chị vẫn cưới Lâm vào mùa thu.", {(P, "Lâm")}),
    # a small foreign town's name is a given name here
    ("Ông và Kim đều chưa có gia đình riêng.", {(P, "Kim")}),
    ("Mẹ đưa Quyên đi khám ở bệnh viện Chợ Rẫy.", {(P, "Quyên"), (G, "bệnh viện Chợ Rẫy")}),
    # foreign names: a Korean surname with a hyphenated given name, the CRF's two-word
    # foreign people; initials keep their dot
    ("Park Ji-hoon cho biết đội sẽ sang Nhật Bản.", {(P, "Park Ji-hoon"), (L, "Nhật Bản")}),
    ("Sau trận đấu, Barack Obama về Tokyo.", {(P, "Barack Obama"), (L, "Tokyo")}),
    ("Theo lời kể của Kh., bà D. đã rời khỏi nhà.", {(P, "Kh."), (P, "D.")}),
    ("Anh Nguyễn Văn H. cho biết như vậy.", {(P, "Nguyễn Văn H.")}),
    # a kinship word is a form of address; a sentence-initial pronoun is no country
    ("Anh kể lại chuyện cũ với mẹ Thoa.", {(P, "Thoa")}),
    # a head word before the name overrides the CRF's person
    ("Nhiều người dân ở nước Anh và tỉnh Nam Định theo dõi.", {(L, "Anh"), (L, "tỉnh Nam Định")}),
]


@pytest.mark.parametrize(("text", "expected"), PEOPLE)
def test_vietnamese_people(underthesea_ner, text, expected):
    found = list(underthesea_ner.extract(Document("d", text, "vi")))
    assert {(m.label, m.text) for m in found} == expected


# Generic references with no name are no entities (VLSP-2016).
NO_ENTITY = [
    "Thói quen của xã hội ấy khác nhiều.",
    "Ông đề nghị ubnd TP và công an TP xử lý dứt điểm.",
    "Học sinh THCS giành ba HCV và hai HCB tại hội khỏe.",
    "HĐXX tuyên án sau khi VKS đề nghị mức án tám năm.",
    # a head word that starts a common compound: "Trường hợp" (case), "Ban đầu" (at first)
    "Trường hợp này cần xem xét thêm.",
    # "Nhà nước" (the State) and an origin or ethnic group are no places
    "Hợp tác xã được cấp vốn theo chỉ tiêu Nhà nước giao.",
    "Anh là người gốc Việt, thuộc dân tộc Kinh.",
    "Ban đầu HĐND còn khá lưỡng lự.",
]


@pytest.mark.parametrize("text", NO_ENTITY)
def test_generic_references_are_no_entities(underthesea_ner, text):
    found = list(underthesea_ner.extract(Document("d", text, "vi")))
    assert [(m.label, m.text) for m in found] == []


# A place's norm leaves out its administrative unit, so "huyện Nghi Xuân" and "Nghi Xuân"
# are one place; any other head is part of the name ("cầu X", the bridge, is not "X").
NORMS = [
    ("Ông Lê Văn Tâm về huyện Nghi Xuân thăm mẹ.", "huyện Nghi Xuân", "Nghi Xuân"),
    ("Nước sông Hồng lên nhanh.", "sông Hồng", "sông Hồng"),
    ("Chị làm việc ở TP Hồ Chí Minh.", "TP Hồ Chí Minh", "Hồ Chí Minh"),
    ("Tàu cá neo ở Biển Đông.", "Biển Đông", "Biển Đông"),
    ("Chị bán hàng ở quận 1.", "quận 1", "quận 1"),
]


@pytest.mark.parametrize(("text", "span", "norm"), NORMS)
def test_place_norm_is_the_bare_name(underthesea_ner, text, span, norm):
    found = {m.text: m for m in underthesea_ner.extract(Document("d", text, "vi"))}
    assert (found[span].norm or found[span].text) == norm


# Names the rules must not take for people, whatever else the CRF makes of them.
NOT_PEOPLE = [
    # after "Theo <title> X," the next name starts a clause: no appositive
    ("Theo ông Tuấn, Thành Công, Hòa Bình và Vingroup đều tăng vốn.", "Thành Công"),
    # a title's field written as a common noun, lowercase inside: "Quốc phòng", not "Quốc"
    ("Đoàn công tác đã gặp Bộ trưởng Quốc phòng chiều nay.", "Quốc"),
    ("Bộ trưởng Nội vụ, Trần Minh Quang, chủ trì cuộc họp.", "Nội"),
]


@pytest.mark.parametrize(("text", "name"), NOT_PEOPLE)
def test_vietnamese_rules_do_not_make_people_of(underthesea_ner, text, name):
    found = list(underthesea_ner.extract(Document("d", text, "vi")))
    assert (P, name) not in {(m.label, m.text) for m in found}


SYLLABLES = [
    ("Nguyễn", True),
    ("Hùng", True),
    ("Nga", True),
    ("Kim", True),
    ("Tokyo", False),
    ("Samsung", False),
    ("Sang-sik", False),
    ("Hải", True),
    ("Nguyen", True),  # unmarked, as in Latin-only text: "uye" is a Vietnamese nucleus
    ("Boeing", False),  # "oei" is not
    ("Lee", False),
]


@pytest.mark.parametrize(("word", "expected"), SYLLABLES)
def test_vietnamese_syllables_are_told_from_foreign_words(word, expected):
    assert vietnamese(word) is expected


def test_rules_off_gives_the_crf_alone():
    from factx.ner.underthesea import UndertheseaNER

    raw = UndertheseaNER("vi", rules=False)
    text = "Thủ tướng Phạm Minh Chính thăm Hoa Kỳ."
    assert raw.names is None
    assert all(text[m.start : m.end] == m.text for m in raw.extract(Document("d", text, "vi")))
