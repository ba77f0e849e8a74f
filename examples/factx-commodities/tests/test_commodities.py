"""CommodityExtractor on news sentences, per language, and against factx's plugin contract."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from factx import registry
from factx.model import Document
from factx.pipeline import Pipelines, load_config
from factx.testing import check_extractor, check_robust

from factx_commodities import CommodityExtractor

REE = "rare earth elements"

# (sentence, [(mention text, norm), …]) — every mention, in order; [] means none.
RU = [
    (
        "Путин поручил подготовить дорожную карту по развитию месторождений "
        "редкоземельных и критически важных металлов.",
        [("редкоземельных", REE), ("критически важных металлов", "critical minerals")],
    ),
    (
        "Пекин ответил ограничением экспорта редкоземельных элементов.",
        [("редкоземельных элементов", REE)],
    ),
    (
        "Новым рычагом влияния Кремль и намерен сделать редкоземельные металлы.",
        [("редкоземельные металлы", REE)],
    ),
    (
        "Без неодима и празеодима не сделать магниты, а запасы лития и никеля растут.",
        [
            ("неодима", "neodymium"),
            ("празеодима", "praseodymium"),
            ("лития", "lithium"),
            ("никеля", "nickel"),
        ],
    ),
    (
        "Цены на медь и кобальт выросли, а литием и вольфрамом интересуются автопроизводители.",
        [
            ("медь", "copper"),
            ("кобальт", "cobalt"),
            ("литием", "lithium"),
            ("вольфрамом", "tungsten"),
        ],
    ),
    (
        "Рынок редкоземельных металлов растёт быстрее рынка цветных металлов и металлов вообще.",
        [
            ("редкоземельных металлов", REE),
            ("цветных металлов", "non-ferrous metals"),
            ("металлов", "metals"),
        ],
    ),
    ("Добыча РЗМ и железной руды в России выросла.", [("РЗМ", REE), ("железной руды", "iron ore")]),
    ("РЕДКОЗЕМЕЛЬНЫЕ\nМЕТАЛЛЫ: ЧТО ДАЛЬШЕ", [("РЕДКОЗЕМЕЛЬНЫЕ\nМЕТАЛЛЫ", REE)]),
    # Near misses: longer words on a term's stem, and country names that look like genitives.
    (
        "Германия и Индия закупают металлургическое оборудование; литература о литье и мёде.",
        [],
    ),
]

VI = [
    (
        'Nội các phải phê duyệt "lộ trình" chi tiết ngành khai thác khoáng sản đất hiếm '
        "vào tháng 12/2025.",
        [("đất hiếm", REE)],
    ),
    (
        "Nga ước tính nắm giữ 658 triệu tấn kim loại hiếm, bao gồm 28,5 triệu tấn thuộc "
        "15 loại đất hiếm.",
        [("kim loại hiếm", "rare metals"), ("đất hiếm", REE)],
    ),
    (
        "Nhà Trắng đã và đang tìm kiếm các nguồn cung cấp khoáng sản thiết yếu đáng tin cậy.",
        [("khoáng sản thiết yếu", "critical minerals")],
    ),
    (
        "Nam châm neodim cần dysprosi, còn pin xe điện cần lithi, coban và niken.",
        [
            ("neodim", "neodymium"),
            ("dysprosi", "dysprosium"),
            ("lithi", "lithium"),
            ("coban", "cobalt"),
            ("niken", "nickel"),
        ],
    ),
    (
        "Giá kim loại đất hiếm tăng mạnh, trong khi kim loại khác và quặng sắt giảm.",
        [("kim loại đất hiếm", REE), ("kim loại", "metals"), ("quặng sắt", "iron ore")],
    ),
    ("ĐẤT HIẾM: TRUNG QUỐC HẠN CHẾ XUẤT KHẨU", [("ĐẤT HIẾM", REE)]),
    # Near misses: "đồng" as currency and in compounds, "sắt" in "đường sắt".
    ("Hai bên đã ký hợp đồng 350 tỷ đồng về đường sắt cho cộng đồng.", []),
]

EN = [
    (
        "China, the world's largest producer of rare earths, restricted exports in response "
        "to US tariffs.",
        [("rare earths", REE)],
    ),
    (
        "Rare-earth magnets need neodymium and dysprosium.",
        [("Rare-earth", REE), ("neodymium", "neodymium"), ("dysprosium", "dysprosium")],
    ),
    (
        "Lithium, cobalt and nickel fell while copper and aluminum rose.",
        [
            ("Lithium", "lithium"),
            ("cobalt", "cobalt"),
            ("nickel", "nickel"),
            ("copper", "copper"),
            ("aluminum", "aluminium"),
        ],
    ),
    (
        "The White House is seeking reliable supplies of critical minerals.",
        [("critical minerals", "critical minerals")],
    ),
    (
        "Russia holds rare earth metals and other metals worth billions.",
        [("rare earth metals", REE), ("metals", "metals")],
    ),
    ("It is ironic that the metallurgy panel discussed tin cans and lead times.", []),
]

CASES = [("ru", *case) for case in RU] + [("vi", *case) for case in VI]
CASES += [("en", *case) for case in EN]
SEEDS = sorted(Path(__file__).parents[3].glob("seeds/*.txt"))


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_finds_commodities(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    mentions = check_extractor(CommodityExtractor(lang), [text], lang)
    assert [(m.text, m.norm) for m in mentions] == expected
    assert all(m.label == "COMMODITY" and m.value is None for m in mentions)


@pytest.mark.parametrize("lang", CommodityExtractor.languages)
def test_robust(lang: str) -> None:
    assert check_robust(CommodityExtractor, lang) == []


@pytest.mark.skipif(len(SEEDS) < 2, reason="runs inside the factx repository, next to seeds/")
@pytest.mark.parametrize(("lang", "name", "count"), [("ru", "000_", 9), ("vi", "003_", 7)])
def test_seed_articles(lang: str, name: str, count: int) -> None:
    text = next(p for p in SEEDS if p.name.startswith(name)).read_text(encoding="utf-8")
    mentions = check_extractor(CommodityExtractor, [text], lang)
    assert len(mentions) == count
    assert {m.norm for m in mentions} <= {REE, "rare metals", "critical minerals"}


def test_decomposed_vietnamese() -> None:
    text = unicodedata.normalize("NFD", "Xuất khẩu đất hiếm giảm.")
    [mention] = check_extractor(CommodityExtractor, [text], "vi")
    assert mention.text == unicodedata.normalize("NFD", "đất hiếm")
    assert mention.norm == REE


@pytest.mark.parametrize(
    ("lang", "extra", "text", "expected"),
    [
        ("ru", {"ванади{ij}": "vanadium"}, "Запасы ванадия велики.", [("ванадия", "vanadium")]),
        ("ru", {"металл{hard}": "base metals"}, "Цены металлов.", [("металлов", "base metals")]),
        ("vi", {"vanadi": "vanadium"}, "Trữ lượng vanadi lớn.", [("vanadi", "vanadium")]),
        (
            "en",
            {"gold": "gold"},
            "Gold and copper rallied.",
            [("Gold", "gold"), ("copper", "copper")],
        ),
    ],
)
def test_extra_terms(
    lang: str, extra: dict[str, str], text: str, expected: list[tuple[str, str]]
) -> None:
    mentions = check_extractor(CommodityExtractor(lang, extra_terms=extra), [text], lang)
    assert [(m.text, m.norm) for m in mentions] == expected


@pytest.mark.parametrize(
    ("lang", "extra", "problem"),
    [
        ("ru", {"ванади{ий}": "vanadium"}, "uses ending {ий}, which is not defined"),
        ("en", {"gold": ""}, "needs a non-empty norm"),
        ("en", {"{s}": "plural"}, "would match empty text"),
    ],
)
def test_bad_extra_terms_say_what_is_wrong(lang: str, extra: dict[str, str], problem: str) -> None:
    with pytest.raises(ValueError, match="extra_terms") as caught:
        CommodityExtractor(lang, extra_terms=extra)
    assert problem in str(caught.value)


def test_unsupported_language() -> None:
    with pytest.raises(ValueError, match="not 'de'"):
        CommodityExtractor("de")


def test_entry_point_is_registered() -> None:
    assert registry.load("commodities") is CommodityExtractor
    [row] = [r for r in registry.describe() if r["name"] == "commodities"]
    assert row["package"].startswith("factx-commodities ")
    assert row["labels"] == "COMMODITY"


def test_pipeline_config_from_readme(tmp_path: Path) -> None:
    config = tmp_path / "pipeline.toml"
    config.write_text(
        '[[lang.vi.extractors]]\nname = "commodities"\n\n'
        '[[lang.ru.extractors]]\nname = "commodities"\n'
        '[lang.ru.extractors.options.extra_terms]\n"ванади{ij}" = "vanadium"\n',
        encoding="utf-8",
    )
    pipelines = Pipelines(load_config(config))
    vi = pipelines.get("vi").run(Document("d1", "Xuất khẩu đất hiếm giảm.", "vi"))
    ru = pipelines.get("ru").run(Document("d2", "Экспорт лития и ванадия.", "ru"))
    assert [(m.text, m.norm, m.extractor) for m in vi] == [("đất hiếm", REE, "commodities")]
    assert [(m.text, m.norm) for m in ru] == [("лития", "lithium"), ("ванадия", "vanadium")]
