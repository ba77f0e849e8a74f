from __future__ import annotations

import pytest

from factx.model import Document, Label, Mention
from factx.morph import analyzer
from factx.resolve.lemmas import Lemmas
from factx.resolve.names import NameResolver, latin
from factx.resources import Resources

needs_morph = pytest.mark.skipif(
    pytest.importorskip("importlib").util.find_spec("pymorphy3") is None,
    reason="the ru extra (pymorphy3) is not installed: pip install factx[ru]",
)
# One analyser for every resolver of this module, as a pipeline has (each would load its own).
SHARED = Resources()
LEMMAS = Lemmas(SHARED.get(analyzer))

RU_PEOPLE = [
    ("Путина", "Путин"),
    ("Владимира Путина", "Владимир Путин"),
    ("Марии Захаровой", "Мария Захарова"),
    ("Дональдом Трампом", "Дональд Трамп"),
    ("Сергею Лаврову", "Сергей Лавров"),
    ("Си Цзиньпин", "Си Цзиньпин"),
]


@needs_morph
@pytest.mark.parametrize(("text", "lemma"), RU_PEOPLE)
def test_russian_person_names_go_to_the_nominative(text, lemma):
    assert LEMMAS.person(text) == lemma


RU_ORGS = [
    ("Министерства финансов", "Министерство финансов"),
    ("Российской академии наук", "Российская академия наук"),
    ("Центральным банком России", "Центральный банк России"),
    ("«Газпрома»", "Газпром"),
    ("ООН", "ООН"),
]


@needs_morph
@pytest.mark.parametrize(("text", "lemma"), RU_ORGS)
def test_russian_organisations_go_to_the_nominative(text, lemma):
    assert LEMMAS.org(text) == lemma


RU_PLACES = [
    ("Пекина", "Пекин"),
    ("Москве", "Москва"),
    ("Нижнем Новгороде", "Нижний Новгород"),
    ("Красноярском крае", "Красноярский край"),
]


@needs_morph
@pytest.mark.parametrize(("text", "lemma"), RU_PLACES)
def test_russian_places_go_to_the_nominative(text, lemma):
    assert LEMMAS.org(text) == lemma


def test_a_place_has_one_norm_in_all_its_case_forms():
    if LEMMAS.org("Пекина") != "Пекин":
        pytest.skip("the ru extra (pymorphy3) is not installed")
    text = "В Пекине заявили. Пекин ответил."
    mentions = [Mention(Label.LOCATION, 2, 8, "Пекине"), Mention(Label.LOCATION, 18, 23, "Пекин")]
    out = NameResolver("ru", SHARED)(Document("d", text, "ru"), mentions)
    assert [m.norm for m in out] == ["Пекин", "Пекин"]


VI_PLACES = [
    ("huyện Nghi Sơn", "Nghi Sơn"),
    ("Huyện Nghi Sơn", "Nghi Sơn"),
    ("TP.HCM", "Hồ Chí Minh"),  # an official short form, spelt out (factx.resolve.places)
    ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
    ("thành phố Huế", "Huế"),
    ("quận 5", "quận 5"),  # a number is no name
    ("Bình Phước", "Bình Phước"),
]


@pytest.mark.parametrize(("text", "norm"), VI_PLACES)
def test_a_vietnamese_place_norm_leaves_out_its_administrative_unit(text, norm):
    doc = Document("d", f"Ở {text}.", "vi")
    out = NameResolver("vi", SHARED)(doc, [Mention(Label.LOCATION, 3, 3 + len(text), text)])
    assert out[0].norm == norm


LATIN = [
    ("Владимир Путин", "Vladimir Putin"),
    ("Сергей Шойгу", "Sergey Shoygu"),
    ("Владимир Зеленский", "Vladimir Zelensky"),
    ("Юрий Ушаков", "Yury Ushakov"),
    ("Donald Trump", "Donald Trump"),
    ("Nguyễn Xuân Phúc", "Nguyễn Xuân Phúc"),
]


@pytest.mark.parametrize(("text", "expected"), LATIN)
def test_names_are_written_in_latin_letters(text, expected):
    assert latin(text, "ru") == expected


def people(lang, text, names):
    mentions = []
    for name in names:
        start = text.index(name, mentions[-1].end if mentions else 0)
        mentions.append(Mention(Label.PERSON, start, start + len(name), name))
    return NameResolver(lang, SHARED)(Document("d", text, lang), mentions)


DOCS = [
    (
        "ru",
        "Владимир Путин заявил. Слова Путина привели. Путин уехал.",
        ["Владимир Путин", "Путина", "Путин"],
        "Vladimir Putin",
    ),
    (
        "vi",
        "Tổng thống Donald Trump nói. Ông Trump cho biết.",
        ["Donald Trump", "Trump"],
        "Donald Trump",
    ),
    (
        "vi",
        "Thủ tướng Nguyễn Xuân Phúc đến. Ông Xuân Phúc nói.",
        ["Nguyễn Xuân Phúc", "Xuân Phúc"],
        "Nguyễn Xuân Phúc",
    ),
    ("en", "Donald Trump said. Trump added.", ["Donald Trump", "Trump"], "Donald Trump"),
]


@pytest.mark.parametrize(("lang", "text", "names", "norm"), DOCS)
def test_one_person_has_one_norm_within_a_document(lang, text, names, norm):
    if lang == "ru" and LEMMAS.person("Путина") != "Путин":
        pytest.skip("the ru extra (pymorphy3) is not installed")
    assert {m.norm for m in people(lang, text, names)} == {norm}


def test_a_surname_shared_by_two_people_stays_apart():
    text = "Hunter Biden and Joe Biden met. Biden said."
    out = people("en", text, ["Hunter Biden", "Joe Biden", "Biden"])
    assert [m.norm for m in out] == ["Hunter Biden", "Joe Biden", "Biden"]


ABBREVIATIONS = [
    (
        "vi",
        "Diễn đàn Kinh tế Phương Đông (EEF) diễn ra. EEF năm nay lớn.",
        "Diễn đàn Kinh tế Phương Đông",
        "EEF",
    ),
    (
        "en",
        "The International Energy Agency (IEA) said. The IEA added.",
        "International Energy Agency",
        "IEA",
    ),
]


@pytest.mark.parametrize(("lang", "text", "name", "abbr"), ABBREVIATIONS)
def test_an_abbreviation_defined_in_the_document_shares_the_full_norm(lang, text, name, abbr):
    full = text.index(name)
    short = text.rindex(abbr)
    mentions = [
        Mention(Label.ORG, full, full + len(name), name),
        Mention(Label.ORG, short, short + len(abbr), abbr),
    ]
    out = NameResolver(lang, SHARED)(Document("d", text, lang), mentions)
    assert [m.norm for m in out] == [name, name]


def test_an_abbreviation_inside_the_span_is_left_out_of_the_norm():
    text = "Liên minh châu Âu (EU) họp. EU quyết định."
    mentions = [Mention(Label.ORG, 0, 22, text[:22]), Mention(Label.ORG, 28, 30, "EU")]
    out = NameResolver("vi", SHARED)(Document("d", text, "vi"), mentions)
    assert [m.norm for m in out] == ["Liên minh châu Âu", "Liên minh châu Âu"]


def spans(text, found):
    """Mentions for (label, text) pairs, each found after the one before."""
    out = []
    for label, name in found:
        start = text.index(name, out[-1].end if out else 0)
        out.append(Mention(label, start, start + len(name), name))
    return out


SURNAMES = [
    (
        "en",
        "Marta Kowalczyk opened the plant. Kowalczyk said it would hire.",
        [(Label.PERSON, "Marta Kowalczyk"), (Label.ORG, "Kowalczyk")],
        [(Label.PERSON, "Marta Kowalczyk"), (Label.PERSON, "Marta Kowalczyk")],
    ),
    (
        "vi",
        "Ông Trịnh Văn Khải đến Hà Nội. Ông Khải cho biết.",
        [(Label.PERSON, "Trịnh Văn Khải"), (Label.LOCATION, "Hà Nội"), (Label.LOCATION, "Khải")],
        [
            (Label.PERSON, "Trịnh Văn Khải"),
            (Label.LOCATION, "Hà Nội"),
            (Label.PERSON, "Trịnh Văn Khải"),
        ],
    ),
    (  # before the full name, a place stays a place
        "en",
        "Kowalczyk is a town. Marta Kowalczyk lives there.",
        [(Label.LOCATION, "Kowalczyk"), (Label.PERSON, "Marta Kowalczyk")],
        [(Label.LOCATION, "Kowalczyk"), (Label.PERSON, "Marta Kowalczyk")],
    ),
    (  # two people share the surname: the organisation stays one
        "en",
        "Anna Brill and Tom Brill met. Brill Foods grew. Brill hired.",
        [(Label.PERSON, "Anna Brill"), (Label.PERSON, "Tom Brill"), (Label.ORG, "Brill")],
        [(Label.PERSON, "Anna Brill"), (Label.PERSON, "Tom Brill"), (Label.ORG, "Brill")],
    ),
]


@pytest.mark.parametrize(("lang", "text", "found", "expected"), SURNAMES)
def test_a_surname_after_the_full_name_is_that_person(lang, text, found, expected):
    out = NameResolver(lang, SHARED)(Document("d", text, lang), spans(text, found))
    assert [(m.label, m.norm if m.label == Label.PERSON else m.text) for m in out] == expected


def test_a_given_name_alone_takes_the_one_full_name_it_starts():
    out = people("en", "Daria Voss won. Later Daria spoke.", ["Daria Voss", "Daria"])
    assert [m.norm for m in out] == ["Daria Voss", "Daria Voss"]


ORGS = [
    (
        "en",
        "Microsoft Corp. said on Monday that Microsoft would hire.",
        [(Label.ORG, "Microsoft Corp."), (Label.ORG, "Microsoft")],
        ["Microsoft", "Microsoft"],
    ),
    (
        "en",
        "The Northern Water Authority met. Later the NWA agreed.",
        [(Label.ORG, "Northern Water Authority"), (Label.ORG, "NWA")],
        ["Northern Water Authority", "Northern Water Authority"],
    ),
    (
        "ru",
        "Минфин РФ и ЦБ договорились, сообщил Центральный банк России.",
        [
            (Label.ORG, "Минфин"),
            (Label.COUNTRY, "РФ"),
            (Label.ORG, "ЦБ"),
            (Label.ORG, "Центральный банк"),
            (Label.COUNTRY, "России"),
        ],
        ["Министерство финансов", None, "Банк России", "Банк России", None],
    ),
    (
        "ru",
        "Минфин США ответил.",
        [(Label.ORG, "Минфин"), (Label.COUNTRY, "США")],
        ["Министерство финансов США", None],
    ),
    (
        "vi",
        "Công ty Sony và hãng Sony cùng Ủy ban nhân dân tỉnh Bình Phước. UBND tỉnh Bình Phước họp.",
        [
            (Label.ORG, "Công ty Sony"),
            (Label.ORG, "hãng Sony"),
            (Label.ORG, "Ủy ban nhân dân tỉnh Bình Phước"),
            (Label.ORG, "UBND tỉnh Bình Phước"),
        ],
        ["Sony", "Sony", "Ủy ban nhân dân tỉnh Bình Phước", "Ủy ban nhân dân tỉnh Bình Phước"],
    ),
    (  # an abbreviation in parentheses after a name it cannot abbreviate defines nothing
        "ru",
        "Агентство при ООН (ФАО) сообщило. ФАО ответила.",
        [(Label.ORG, "ООН"), (Label.ORG, "ФАО")],
        ["ООН", "ФАО"],
    ),
]


# An organisation qualified by a foreign country: one norm whichever name of the country
# is written, since it is one ministry; the home country qualifies nothing.
QUALIFIED = [
    ("vi", "Bộ Ngoại giao Mỹ ra thông báo.", "Mỹ", "Bộ Ngoại giao Mỹ"),
    ("vi", "Bộ Ngoại giao Hoa Kỳ ra thông báo.", "Hoa Kỳ", "Bộ Ngoại giao Mỹ"),
    ("vi", "Bộ Tài chính Việt Nam ra thông báo.", "Việt Nam", "Bộ Tài chính"),
    ("ru", "МИД Китая ответил.", "Китая", "Министерство иностранных дел КНР"),
    ("ru", "МИД КНР ответил.", "КНР", "Министерство иностранных дел КНР"),
    ("ru", "Минфин США ответил.", "США", "Министерство финансов США"),
    ("ru", "Минфин Соединённых Штатов ответил.", "Соединённых Штатов", "Министерство финансов США"),
    ("ru", "Минфин России ответил.", "России", "Министерство финансов"),
]


@pytest.mark.parametrize(("lang", "text", "country", "norm"), QUALIFIED)
def test_a_country_after_an_organisation_has_one_spelling_in_its_norm(lang, text, country, norm):
    org = text[: text.index(country)].strip()
    found = spans(text, [(Label.ORG, org), (Label.COUNTRY, country)])
    if lang == "ru" and LEMMAS.org("Министерства") == "Министерства":
        pytest.skip("the ru extra (pymorphy3) is not installed")
    out = NameResolver(lang, SHARED)(Document("d", text, lang), found)
    assert out[0].norm == norm


def test_the_country_code_of_a_resolved_mention_decides_the_qualifier():
    """In the pipeline a COUNTRY mention carries its ISO code: that code, not the words,
    names the qualifier."""
    text = "Bộ Ngoại giao Hợp chúng quốc Hoa Kỳ ra thông báo."
    found = [(Label.ORG, "Bộ Ngoại giao"), (Label.COUNTRY, "Hợp chúng quốc Hoa Kỳ")]
    org, country = spans(text, found)
    country = Mention(country.label, country.start, country.end, country.text, norm="US")
    out = NameResolver("vi", SHARED)(Document("d", text, "vi"), [org, country])
    assert out[0].norm == "Bộ Ngoại giao Mỹ"


@pytest.mark.parametrize(("lang", "text", "found", "norms"), ORGS)
def test_one_organisation_has_one_norm_within_a_document(lang, text, found, norms):
    mentions = spans(text, found)
    out = NameResolver(lang, SHARED)(Document("d", text, lang), mentions)
    assert [m.norm for m in out] == norms


# Made-up words, one per initial, so every generated name has initials of its own.
# fmt: off
WORDS = [
    "Amber", "Birch", "Cedar", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Iris",
    "Juniper", "Kestrel", "Linden", "Maple", "Nimbus", "Orchid", "Pebble", "Quartz", "Raven",
    "Sable", "Thistle", "Umber", "Vale", "Willow", "Xeno", "Yarrow", "Zephyr",
]
# fmt: on


def crowded_document(n: int) -> tuple[Document, list[Mention], dict[str, str]]:
    """``n`` organisations of three words, each also named by its initials later on, and
    ``n`` people whose surnames come back alone as ORG: the shape of a long digest."""
    sentences, found, expected = [], [], {}
    for i in range(n):
        words = [WORDS[i // 676 % 26], WORDS[i // 26 % 26], WORDS[i % 26]]
        full = " ".join(words) + " Authority"
        short = "".join(w[0] for w in words) + "A"
        surname = f"Kowal{WORDS[i % 26].lower()}{i}"
        expected[short] = full
        sentences.append(
            (
                f"The {full} met Jan {surname}. Later the {short} and {surname} agreed.",
                [
                    (Label.ORG, full),
                    (Label.PERSON, f"Jan {surname}"),
                    (Label.ORG, short),
                    (Label.ORG, surname),
                ],
            )
        )
    text = " ".join(s for s, _ in sentences)
    at = 0
    for _, names in sentences:
        for label, name in names:
            start = text.index(name, at)
            found.append(Mention(label, start, start + len(name), name))
            at = start + len(name)
    return Document("d", text, "en"), found, expected


def test_the_work_per_document_grows_with_its_mentions_not_their_pairs(monkeypatch):
    """Thousands of organisations and people in one document: each abbreviation is tried
    against the few names it could spell, and each surname against the people sharing its
    last word, so the pairwise checks stay in proportion to the mentions."""
    import factx.resolve.names as names_module
    import factx.resolve.orgs as orgs_module

    calls = {"abbreviates": 0, "ends": 0}

    def counted(name, real):
        def wrapper(*args):
            calls[name] += 1
            return real(*args)

        return wrapper

    monkeypatch.setattr(orgs_module, "abbreviates", counted("abbreviates", orgs_module.abbreviates))
    monkeypatch.setattr(names_module, "_ends", counted("ends", names_module._ends))
    n = 1500
    doc, mentions, expected = crowded_document(n)
    out = NameResolver("en", SHARED)(doc, mentions)
    orgs = {m.text: m.norm for m in out if m.label == Label.ORG}
    people = [m for m in out if m.label == Label.PERSON]
    assert all(orgs[short] == full for short, full in expected.items())
    assert len(people) == 2 * n  # every surname alone became its person
    assert calls["abbreviates"] <= 2 * n
    assert calls["ends"] <= 4 * n
