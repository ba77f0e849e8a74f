"""The syntax linker through the news pipeline: made-up news sentences per language, with the
fact a careful reader gives each amount (GUIDE conventions: a pronoun holds nothing, money
paid measures what it buys, a property's genitive holds it, an attributive amount has no
predicate)."""

from __future__ import annotations

import datetime as dt

import pytest

from factx.link import Change, Fact
from factx.model import Document

DAY = dt.date(2022, 3, 1)
# lang, text, amount → (measured contains (None: nothing measured), holder, holder_norm,
# predicate, change, date)
CASES = [
    ("ru", "Компания «Ромашка» купила 30% акций завода за 2 млрд рублей.", {
        "30%": ("акций", "Ромашка", None, "купила", "none", None),
        "2 млрд рублей": ("акций", "Ромашка", None, "купила", "none", None)}),
    ("ru", "Россия выделила Сербии кредит на сумму 3 миллиарда долларов.", {
        "3 миллиарда долларов": ("кредит", "Россия", "RU", "выделила", "none", None)}),
    ("ru", "Выручка компании в 2020 году выросла на 12%.", {
        "12%": ("Выручка", "компании", None, "выросла", "up", "2020")}),
    ("ru", "Цены на бензин в марте выросли на 3%.", {
        "3%": ("Цены на бензин", None, None, "выросли", "up", "2022-03")}),
    ("ru", "Они потратили 5 млн рублей на ремонт.", {
        "5 млн рублей": ("ремонт", None, None, "потратили", "none", None)}),
    ("ru", "Завод, который выпустил 40 тысяч тонн стали, закрыли.", {
        "40 тысяч тонн": ("стали", "Завод", None, "выпустил", "none", None)}),
    ("ru", "Антимонопольная служба наложила на «Ромашку» штраф в размере 3 млн рублей.", {
        "3 млн рублей": ("штраф", "Ромашку", None, "наложила", "none", None)}),
    ("ru", "Стоимость проекта — 12 млрд рублей.", {
        "12 млрд рублей": ("Стоимость", "проекта", None, None, "none", None)}),
    ("ru", "Иван Петров — 41,5 % (12345 голосов)", {
        "41,5 %": ("голосов", "Иван Петров", None, None, "none", None)}),
    ("ru", "У «Ромашки» есть 3 млрд рублей свободных средств.", {
        "3 млрд рублей": ("средств", "Ромашки", None, "есть", "none", None)}),
    ("ru", "У Норвегии 200 тонн золота.", {
        "200 тонн": ("золота", "Норвегии", "NO", None, "none", None)}),
    ("ru", "Кредит в размере 2 млрд рублей, выданный Сбербанком, погасят в срок.", {
        "2 млрд рублей": ("Кредит", "Сбербанком", None, "выданный", "none", None)}),
    ("ru", "Долг Сербии перед Китаем составляет 4 млрд долларов.", {
        "4 млрд долларов": ("Долг", "Сербии", "RS", "составляет", "none", None)}),
    ("ru", "Полиция задержала мужчину по подозрению в краже 3 млн рублей.", {
        "3 млн рублей": ("краже", None, None, None, "none", None)}),
    ("ru", "Запасы золота в Норвегии составляют 200 тонн.", {
        "200 тонн": ("Запасы золота", "Норвегии", "NO", "составляют", "none", None)}),
    ("ru", "Инфляция в марте замедлилась до 4%.", {
        "4%": ("Инфляция", None, None, "замедлилась", "down", "2022-03")}),
    ("ru", "На закупку лекарств пойдут 2 млрд рублей, выделенные Минздравом.", {
        "2 млрд рублей": ("закупку лекарств", "Минздравом", None, "пойдут", "none", None)}),
    ("ru", "Кредит на 5 млрд рублей был выдан Сбербанком в марте.", {
        "5 млрд рублей": ("Кредит", "Сбербанком", None, "выдан", "none", "2022-03")}),
    ("ru", "У «Ромашки» выручка выросла на 12%.", {
        "12%": ("выручка", "Ромашки", None, "выросла", "up", None)}),
    ("ru", "У Японии госдолг превышает 250% ВВП.", {
        "250%": ("госдолг", "Японии", "JP", "превышает", "none", None)}),
    ("ru", "Общая сумма штрафов для «Ромашки» составит 5 млн рублей.", {
        "5 млн рублей": ("штрафов", "Ромашки", None, "составит", "none", None)}),
    ("ru", "Норвегия увеличила добычу нефти, а её экспорт вырос на 5%.", {
        "5%": ("экспорт", "Норвегия", "NO", "вырос", "up", None)}),
    ("ru", "Налоговая служба проверит зарплаты, превышающие порог в 5 млн рублей.", {
        "5 млн рублей": ("порог", None, None, "превышающие", "none", None)}),
    ("ru", "Цена вопроса впечатляет — 4 млрд рублей.", {
        "4 млрд рублей": ("Цена вопроса", "вопроса", None, None, "none", None)}),
    # a destination is no holder; a place is
    ("ru", "Экспорт угля в Китай вырос на 10%.", {
        "10%": ("Экспорт угля", None, None, "вырос", "up", None)}),
    ("ru", "Экспорт угля в Норвегии вырос на 10%.", {
        "10%": ("Экспорт угля", "Норвегии", "NO", "вырос", "up", None)}),
    # a relative clause the parser hangs on the main verb still stands for its noun
    ("ru", "Министерство финансов России, которое в прошлом месяце разместило облигации на "
           "100 млрд рублей, планирует новый выпуск, сообщил замминистра.", {
        "100 млрд рублей": ("облигации", "Министерство финансов", None, "разместило", "none",
                            "2022-02")}),
    # "что на N% меньше": the comparison shares what the clause before measures
    ("ru", "Газпром за девять месяцев экспортировал 120 млрд кубометров газа, что на 20% меньше, "
           "чем годом ранее.", {
        "120 млрд кубометров": ("газа", "Газпром", None, "экспортировал", "none", None),
        "20%": ("газа", "Газпром", None, "меньше", "down", None)}),
    ("ru", "Компания «Ромашка» получила больше 5 млн рублей прибыли.", {
        "5 млн рублей": ("прибыли", "Ромашка", None, "получила", "none", None)}),
    # the subject of the next clause is not the amount's
    ("ru", "До сих пор в Европу поставлялось до 40% российского газа, поэтому санкции "
           "Евросоюза серьёзно ударят по экономике России.", {
        "40%": ("российского газа", None, None, "поставлялось", "none", None)}),
    # two clauses alike: each amount stays with its own verb and year
    ("ru", "Аналитики считают, что в 2020 году прибыль составила 5 млн рублей, а эксперты банка "
           "утверждают, что в 2021 году «Ромашка» получит прибыль 7 млн рублей.", {
        "5 млн рублей": ("прибыль", None, None, "составила", "none", "2020"),
        "7 млн рублей": ("прибыль", "Ромашка", None, "получит", "none", "2021")}),
    ("en", "The regulator imposed a fine of $5 million on Acme Bank.", {
        "$5 million": ("fine", "Acme Bank", None, "imposed", "none", None)}),
    ("en", "Acme Corp bought 40 percent of the mine for $2 billion.", {
        "40 percent": ("mine", "Acme Corp", None, "bought", "none", None),
        "$2 billion": ("mine", "Acme Corp", None, "bought", "none", None)}),
    ("en", "Oil exports from Norway fell by 8 percent in 2019, according to Reuters.", {
        "8 percent": ("exports", "Norway", "NO", "fell", "down", "2019")}),
    ("en", "The bridge has a length of 3 km.", {
        "3 km": ("length", "bridge", None, "has", "none", None)}),
    ("en", "Microsoft spent $10 billion on research last year.", {
        "$10 billion": ("research", "Microsoft", None, "spent", "none", "2021")}),
    ("en", "Acme Bank approved $3 billion in loans last year.", {
        "$3 billion": ("loans", "Acme Bank", None, "approved", "none", "2021")}),
    ("en", "It raised prices by 5 percent.", {
        "5 percent": ("prices", None, None, "raised", "up", None)}),
    ("en", "The 40 meter tower was built in 1990.", {
        "40 meter": ("tower", None, None, None, "none", None)}),
    ("en", "Nestle's revenue rose 5% to $90 billion in 2021.", {
        "5%": ("revenue", "Nestle", None, "rose", "up", "2021"),
        "$90 billion": ("revenue", "Nestle", None, "rose", "up", "2021")}),
    ("en", "The village lies 40 km north of Kabul.", {
        "40 km": ("north of Kabul", "village", None, "lies", "none", None)}),
    ("en", "Toyota, which spent $3 million on the campaign, declined to comment.", {
        "$3 million": ("campaign", "Toyota", None, "spent", "none", None)}),
    ("en", "The mansion was bought by Abramovich for $90 million.", {
        "$90 million": ("mansion", "Abramovich", None, "bought", "none", None)}),
    ("en", "Inflation rose to 6.1% in February, up 2% from a year earlier.", {
        "6.1%": ("Inflation", None, None, "rose", "up", "2022-02"),
        "2%": ("Inflation", None, None, "rose", "up", "2022-02")}),
    ("en", "Siemens holds a 15% stake in the venture.", {
        "15%": ("stake", "Siemens", None, "holds", "none", None)}),
    ("en", "The dam, which is 80 km long, opened in 2015.", {
        "80 km": ("long", "dam", None, "is", "none", None)}),
    ("en", "Netflix shares fell 9% on Monday.", {
        "9%": ("shares", "Netflix", None, "fell", "down", "2022-02-28")}),
    ("en", "Oil prices rose $2 a barrel.", {
        "$2": ("Oil prices", None, None, "rose", "up", None)}),
    ("en", "Boeing shares closed 3% higher at $210 on Friday.", {
        "3%": ("shares", "Boeing", None, "closed", "up", "2022-02-25"),
        "$210": ("shares", "Boeing", None, "closed", "up", "2022-02-25")}),
    ("en", "Police seized 3 tonnes of heroin worth $90 million.", {
        "3 tonnes": ("heroin", "Police", None, "seized", "none", None),
        "$90 million": ("heroin", None, None, None, "none", None)}),
    ("en", "Silver prices have gained 12% this year.", {
        "12%": ("Silver prices", None, None, "gained", "up", "2022")}),
    ("en", "The Navy awarded Raytheon a $2 billion contract.", {
        "$2 billion": ("contract", "Navy", None, "awarded", "none", None)}),
    ("en", "The boat capsized 40 miles off the coast.", {
        "40 miles": ("off the coast", "boat", None, "capsized", "none", None)}),
    ("en", "Wheat production in Australia contracted 8% in 2020.", {
        "8%": ("Wheat production", "Australia", "AU", "contracted", "down", "2020")}),
    ("en", "The country produced 9 million tonnes of rice, down from 11 million tonnes.", {
        "9 million tonnes": ("rice", "country", None, "produced", "down", None),
        "11 million tonnes": ("rice", "country", None, "produced", "down", None)}),
    ("en", "Steel output recovered to 90% of pre-war levels.", {
        "90%": ("Steel output", None, None, "recovered", "up", None)}),
    ("en", "The average rent hit a record $2,300 in May.", {
        "$2,300": ("average rent", None, None, "hit", "none", "2022-05")}),
    ("en", "The startup raised $80 million in a funding round.", {
        "$80 million": (None, "startup", None, "raised", "none", None)}),
    ("en", "The province has allocated $40 million for flood relief.", {
        "$40 million": ("flood relief", "province", None, "allocated", "none", None)}),
    ("en", "The tanker carries 2 million barrels of crude oil.", {
        "2 million barrels": ("oil", "tanker", None, "carries", "none", None)}),
    ("en", "Sales of lab-grown meat rose 30% in 2021.", {
        "30%": ("Sales of lab-grown meat", None, None, "rose", "up", "2021")}),
    ("en", "Laos borrowed $5 billion from China to build the railway.", {
        "$5 billion": ("railway", "Laos", None, "borrowed", "none", None)}),
    ("en", "Revenue came in at $6.1 billion, compared with $5.8 billion a year earlier.", {
        "$6.1 billion": ("Revenue", None, None, "came", "none", None),
        "$5.8 billion": ("Revenue", None, None, "came", "none", None)}),
    ("en", "Net profit was $3 billion, against $2.5 billion previously.", {
        "$3 billion": ("Net profit", None, None, "was", "none", None),
        "$2.5 billion": ("Net profit", None, None, "was", "none", None)}),
    ("en", "According to Nielsen, sales of oat milk rose 20% last year.", {
        "20%": ("sales of oat milk", None, None, "rose", "up", "2021")}),
    ("en", "The fund, whose assets total $40 billion, closed on Friday.", {
        "$40 billion": ("assets", "fund", None, "total", "none", None)}),
    ("en", "The city's debt rose to $9 billion.", {
        "$9 billion": ("debt", "city", None, "rose", "up", None)}),
    ("en", "PepsiCo said its revenue was $20 billion, up 7%.", {
        "$20 billion": ("revenue", None, None, "was", "none", None),
        "7%": ("revenue", None, None, "was", "up", None)}),
    ("en", "The truck can travel 800 km on a single tank.", {
        "800 km": (None, "truck", None, "travel", "none", None)}),
    ("en", "The court jailed him and fined him $20,000.", {
        "$20,000": (None, None, None, "fined", "none", None)}),
    ("en", "Lakes in the Andes lost 8% of their water.", {
        "8%": ("their water", "Lakes", None, "lost", "down", None)}),
    ("en", "Nike, the $150 billion sportswear maker, opened a store in Paris.", {
        "$150 billion": ("sportswear maker", "Nike", None, None, "none", None)}),
    ("en", "The main attraction is a 30 meter tall wooden horse.", {
        "30 meter": ("wooden horse", None, None, None, "none", None)}),
    ("en", "Acme agreed to pay $9 billion for Initech, the software maker.", {
        "$9 billion": ("Initech", "Acme", None, "pay", "none", None)}),
    ("en", "The 9% stake owned by Temasek was sold last week.", {
        "9%": ("stake", "Temasek", None, None, "none", None)}),
    ("en", "The flood caused $200 million worth of damage.", {
        "$200 million": ("damage", "flood", None, "caused", "none", None)}),
    ("en", "The bank raised its rate to a range of 4% to 4.25%.", {
        "4% to 4.25%": ("its rate", "bank", None, "raised", "up", None)}),
    ("en", "The damage, which they put at $4 billion, shocked the town.", {
        "$4 billion": ("damage", None, None, "put", "none", None)}),
    ("en", "The blizzard dumped up to 40 cm of snow on Denver.", {
        "40 cm": ("snow", "blizzard", None, "dumped", "none", None)}),
    ("vi", "Công ty Hòa Phát đã chi 500 tỷ đồng để mua 20% cổ phần của nhà máy .", {
        "500 tỷ đồng": ("cổ phần", "Công ty Hòa Phát", None, "chi", "none", None),
        "20%": ("cổ phần", "Công ty Hòa Phát", None, "mua", "none", None)}),
    ("vi", "Sản lượng thép của Việt Nam tăng 15% trong năm 2021 .", {
        "15%": ("Sản lượng thép", "Việt Nam", "VN", "tăng", "up", "2021")}),
    ("vi", "Theo Bộ Công Thương , Việt Nam xuất khẩu 6 triệu tấn gạo .", {
        "6 triệu tấn": ("gạo", "Việt Nam", "VN", "xuất khẩu", "none", None)}),
    ("vi", "Cây cầu có chiều dài 2 km .", {
        "2 km": ("chiều dài", "Cây cầu", None, "có", "none", None)}),
    ("vi", "Đà Nẵng : 30 % hộ dân dùng nước sạch .", {
        "30 %": ("hộ dân", "Đà Nẵng", None, None, "none", None)}),
    ("vi", "Giá xăng giảm 5% so với tháng trước .", {
        "5%": ("Giá xăng", "xăng", None, "giảm", "down", None)}),
    # a fronted time phrase is no subject; the subject after the comma holds
    ("vi", "Năm 2023 , Việt Nam đã xuất khẩu 7 triệu tấn gạo .", {
        "7 triệu tấn": ("gạo", "Việt Nam", "VN", "xuất khẩu", "none", "2023")}),
    ("vi", "Mỗi tháng , nhà máy sản xuất 3.000 tấn thép .", {
        "3.000 tấn": ("thép", "nhà máy", None, "sản xuất", "none", None)}),
    ("vi", "Giá vàng hôm nay giảm 200.000 đồng .", {
        "200.000 đồng": ("Giá vàng", "vàng", None, "giảm", "down", "2022-03-01")}),
    # a verb modifying a noun of sums stays in what is measured
    ("vi", "Số tiền đầu tư vào dự án là 2.000 tỷ đồng .", {
        "2.000 tỷ đồng": ("Số tiền đầu tư", None, None, "là", "none", None)}),
    # the recipient of a gift is neither measured nor holder; a kinship noun is a pronoun
    ("vi", "Công ty Phú Thành tặng người dân 300 triệu đồng .", {
        "300 triệu đồng": (None, "Công ty Phú Thành", None, "tặng", "none", None)}),
    ("vi", "Cháu biếu bà 2 triệu đồng .", {
        "2 triệu đồng": (None, None, None, "biếu", "none", None)}),
    # a dimension adjective after a noun: the noun holds, no predicate
    ("vi", "Chiếc cầu dài 2 km nối hai bờ sông .", {
        "2 km": ("dài", "Chiếc cầu", None, None, "none", None)}),
    ("vi", "Chiếc xe cẩu được đưa lên phà , với tải trọng 30 tấn .", {
        "30 tấn": ("tải trọng", "Chiếc xe cẩu", None, None, "none", None)}),
    # a clause opening with a verb and its object names what a verb of level measures
    ("vi", "Theo Bộ Công Thương , xuất khẩu cà phê trong quý 1 đạt 500.000 tấn , tăng 12% .", {
        "500.000 tấn": ("xuất khẩu cà phê", None, None, "đạt", "up", "2022-Q1"),
        "12%": ("xuất khẩu cà phê", None, None, "tăng", "up", "2022-Q1")}),
    # a relative clause ends at the verb of level; after a verb of saying a new subject
    ("vi", "Số tiền mà ông Tâm chiếm đoạt lên tới 40 tỷ đồng .", {
        "40 tỷ đồng": ("Số tiền", None, None, "lên", "up", None)}),
    ("vi", "Tập đoàn Minh Long cho biết lợi nhuận của công ty tăng 25% .", {
        "25%": ("lợi nhuận", "công ty", None, "tăng", "up", None)}),
    # "chi" tagged a pronoun is the verb before its amount
    ("vi", "Việt Nam chi khoảng 3 tỷ USD để nhập khẩu phân bón .", {
        "3 tỷ USD": ("phân bón", "Việt Nam", "VN", "chi", "none", None)}),
    # "thì" opens a clause that shares the subject; a bare number there is no subject
    ("vi", "Lợi nhuận năm 2021 là 30 tỷ đồng thì quý 1 - 2022 chỉ có 12 tỷ đồng .", {
        "30 tỷ đồng": ("Lợi nhuận", None, None, "là", "none", "2021"),
        "12 tỷ đồng": ("Lợi nhuận", None, None, "có", "none", "2022-Q1")}),
    # a conjunct with no subject or object changes what the first one measured
    ("vi", "Năm 2025 , cả nước tiêu thụ khoảng 4 tỷ lít sữa , giảm 3% so với năm 2024 .", {
        "4 tỷ lít": ("sữa", "cả nước", None, "tiêu thụ", "none", "2025"),
        "3%": ("sữa", "cả nước", None, "giảm", "down", None)}),
    # the "của" genitive, not a bare noun inside the phrase, owns a property
    ("vi", "Trong quý 2 , lợi nhuận sau thuế của tập đoàn đạt 900 tỷ đồng .", {
        "900 tỷ đồng": ("lợi nhuận sau thuế", "tập đoàn", None, "đạt", "up", "2022-Q2")}),
    # a second verb after an object shares the subject; "trong khi" opens a clause
    ("vi", "Mỗi hộ nuôi cá được vay tối đa 100 triệu đồng .", {
        "100 triệu đồng": (None, "Mỗi hộ", None, "vay", "none", None)}),
    ("vi", "Tập đoàn khai thác 3 triệu thùng dầu trong khi giá dầu thế giới giảm xuống 70 USD .", {
        "3 triệu thùng": ("dầu", "Tập đoàn", None, "khai thác", "none", None),
        "70 USD": ("giá dầu thế giới", "dầu", None, "giảm", "down", None)}),
    # "mỗi tấn" after an amount is its rate; a date after a time noun stays in the time
    ("vi", "Giá thép giảm 200.000 đồng mỗi tấn .", {
        "200.000 đồng": ("Giá thép", "thép", None, "giảm", "down", None)}),
    ("vi", "Từ ngày 5/6 , lượng mưa tại Hà Tĩnh đã vượt 300 mm .", {
        "300 mm": ("lượng mưa", "Hà Tĩnh", None, "vượt", "up", "2021-06-05")}),
    # the object of a causing verb is who bears the loss; shares tagged a verb are a noun
    ("vi", "Lũ lụt khiến tỉnh Quảng Ngãi thiệt hại khoảng 800 tỷ đồng .", {
        "800 tỷ đồng": (None, "tỉnh Quảng Ngãi", None, "thiệt hại", "none", None)}),
    ("vi", "Công ty Đại Phát bán 40% cổ phần với giá 100 tỷ đồng .", {
        "40%": ("cổ phần", "Công ty Đại Phát", None, "bán", "none", None),
        "100 tỷ đồng": ("giá", "Công ty Đại Phát", None, "bán", "none", None)}),
    # "và" ends what an amount measures
    ("vi", "Nhà ga có diện tích 3 ha và tổng vốn đầu tư 900 tỷ đồng .", {
        "3 ha": ("diện tích", "Nhà ga", None, "có", "none", None),
        "900 tỷ đồng": ("tổng vốn đầu tư", "Nhà ga", None, "có", "none", None)}),
    # who lends holds the loan, not the borrower it is given to; "còn" states a level
    ("vi", "Quỹ Hòa Bình đã cho nông dân vay 200 tỷ đồng để trồng cà phê .", {
        "200 tỷ đồng": ("cà phê", "Quỹ Hòa Bình", None, "vay", "none", None)}),
    ("vi", "Giá tiêu hiện chỉ còn 50.000 đồng .", {
        "50.000 đồng": ("Giá tiêu", "tiêu", None, "còn", "none", None)}),
    # a property as subject is measured whatever the verb; a list after a comma shares it
    ("vi", "Ngân sách tỉnh năm 2005 dự kiến thu 900 tỉ đồng .", {
        "900 tỉ đồng": ("Ngân sách", "tỉnh", None, "thu", "none", "2005")}),
    ("vi", "Dự án có diện tích 40 ha , vốn đầu tư 60 triệu USD .", {
        "40 ha": ("diện tích", "Dự án", None, "có", "none", None),
        "60 triệu USD": ("vốn đầu tư", "Dự án", None, "có", "none", None)}),
    ("vi", "Tỉ lệ hộ nghèo giảm từ 20 % xuống còn 12 % .", {
        "20 %": ("Tỉ lệ hộ nghèo", None, None, "giảm", "down", None),
        "12 %": ("Tỉ lệ hộ nghèo", None, None, "xuống", "down", None)}),
    # a verb naming an activity opens a clause as the subject of a verb of change
    ("vi", "Theo Tổng cục Hải quan , xuất khẩu tăng 10% .", {
        "10%": ("xuất khẩu", None, None, "tăng", "up", None)}),
    # a noun that totals or wraps another ("tổng", "mức") is no owner; "của" after a
    # dimension's amount names the owner of the noun the dimension is of
    ("vi", "Tổng vốn đầu tư của dự án là 900 tỷ đồng .", {
        "900 tỷ đồng": ("Tổng vốn đầu tư", "dự án", None, "là", "none", None)}),
    ("vi", "Mỗi công nhân được hưởng mức lương 5 triệu đồng .", {
        "5 triệu đồng": ("mức lương", "Mỗi công nhân", None, "hưởng", "none", None)}),
    ("vi", "Chiếc thuyền dài 12 m của ông Tám bị chìm .", {
        "12 m": ("dài", "Chiếc thuyền", None, None, "none", None)}),
    # an amount after a pronoun with a preposition ("trong đó") does not measure it; as
    # the subject of a verb of level its object names what it is
    ("vi", "Công ty có 500 tỷ đồng vốn , trong đó 200 tỷ đồng là vốn vay .", {
        "500 tỷ đồng": ("vốn", "Công ty", None, "có", "none", None),
        "200 tỷ đồng": ("vốn vay", None, None, "là", "none", None)}),
    # a distance keeps the word that says where from, and the place at the distance holds
    ("vi", "Nhà máy nằm cách trung tâm thành phố 20 km .", {
        "20 km": ("cách trung tâm thành phố", "Nhà máy", None, "nằm", "none", None)}),
    # a tokenised number ("20 . 000") is one amount, and its sentence is parsed whole
    ("vi", "Mỗi tuần nhà máy xử lý khoảng 20 . 000 m3 nước thải .", {
        "20 . 000 m3": ("nước thải", "nhà máy", None, "xử lý", "none", None)}),
]  # fmt: skip
SOURCES = [
    ("ru", "По данным Росстата, экспорт угля из Кузбасса сократился на 7%.", "Росстата"),
    ("en", "Oil exports from Norway fell by 8 percent in 2019, according to Reuters.", "Reuters"),
    ("vi", "Theo Bộ Công Thương , Việt Nam xuất khẩu 6 triệu tấn gạo .", "Bộ Công Thương"),
]


def facts_of(tools, lang: str, text: str) -> list[Fact]:
    pipeline = tools.pipeline(lang)
    doc = Document("case", text, lang, DAY)
    return pipeline.link(doc, pipeline.run(doc))


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_each_amount_gets_its_fact(all_languages, lang, text, expected):
    facts = {f.amount.text: f for f in facts_of(all_languages, lang, text)}
    assert set(facts) == set(expected)
    for amount, (measured, holder, norm, predicate, change, date) in expected.items():
        fact = facts[amount]
        if measured is None:
            assert fact.measured is None, fact
        else:
            assert fact.measured is not None and measured in fact.measured.text, fact
        assert (fact.holder.text if fact.holder else None) == holder, fact
        if norm is not None:
            assert fact.holder_norm == norm, fact
        assert (fact.predicate.text if fact.predicate else None) == predicate or (
            predicate is not None and fact.predicate and predicate in fact.predicate.text
        ), fact
        assert fact.change == Change(change), fact
        assert fact.date == date, fact
        assert 0 <= fact.score <= 1


@pytest.mark.parametrize(("lang", "text", "source"), SOURCES)
def test_the_attributed_source_is_found(all_languages, lang, text, source):
    (fact,) = facts_of(all_languages, lang, text)
    assert fact.source is not None and fact.source.text == source


@pytest.mark.parametrize("lang", ["ru", "vi", "en"])
def test_sentences_without_amounts_give_no_facts(all_languages, lang):
    text = {"ru": "Путин встретился с Си Цзиньпином в Пекине.", "vi": "Ông Trump đến Hà Nội .",
            "en": "Trump met Xi in Beijing."}[lang]  # fmt: skip
    assert facts_of(all_languages, lang, text) == []
