"""The clauses of a chunked Vietnamese sentence, as UD heads and relations.

Left to right: a noun phrase waits for its verb as subject; one after a verb is its
object; a preposition's phrase is an oblique of the verb (or of the noun before it, for
"của" and where no verb is yet); an amount right after a noun phrase qualifies it; a
comma, a clause-joining conjunction ("thì", "trong khi") or a verb of saying ends the
clause, and a clause without its own subject shares the previous one's.
"""

from __future__ import annotations

from factx.link.chunk_vi import Chunk, Grammar, Word

CLAUSE_BREAKS = {",", ";", "(", ")", "-", "–", "—", '"', "“", "”"}


class Joiner:
    """Joins the chunks of one sentence, left to right, into clauses."""

    def __init__(self, words: list[Word], chunks: list[Chunk], grammar: Grammar) -> None:
        self.words, self.chunks, self.grammar = words, chunks, grammar
        n = len(words)
        self.heads, self.rels = [-1] * n, ["dep"] * n
        for c in chunks:  # inside a chunk everything hangs from its head
            for k, rel in c.inner:
                self.heads[k], self.rels[k] = c.head, rel
        # heads of amounts and dimensions: a phrase after one may qualify the noun they qualify
        self.measures = {c.head for c in chunks if c.kind in ("AMT", "DIM")}
        self.verb: int | None = None  # the verb of the current clause
        self.last_verb: int | None = None
        self.clause: int | None = None  # the first verb of the current clause
        self.root: int | None = None
        self.subject: int | None = None  # a noun phrase waiting for its verb
        self.last_subject: int | None = None
        self.comma = False  # a comma after the waiting subject: what follows is apposition
        self.pending: list[int] = []  # adverbs and time phrases waiting for their verb
        self.open_relative: int | None = None  # the noun of the relative clause being read
        self.bare = False  # the current clause opened with a verb, no subject before it
        self.coordinated = False  # a conjunction since the last verb
        self.reported: int | None = None  # a verb of saying waiting for what was said

    def hang(self, k: int, head: int | None, rel: str) -> None:
        self.heads[k], self.rels[k] = (head if head is not None else -1), rel

    def join(self) -> tuple[list[int], list[str]]:
        case: int | None = None
        prev: Chunk | None = None
        relative: int | None = None  # the noun a relative clause being read modifies
        before: Chunk | None = None  # the chunk before a preposition
        for c in self.chunks:
            h = c.head
            if c.kind == "PUNCT":
                self.hang(h, self.last_verb, "punct")
                if self.words[h][2] in CLAUSE_BREAKS:
                    self.verb, case = None, None
                    self.comma = self.subject is not None
            elif c.kind == "ADP":
                case, before = h, prev
            elif c.kind in ("OTHER", "TIME"):
                rel = "obl:tmod" if c.kind == "TIME" else "advmod"
                if (
                    c.kind == "OTHER"
                    and self.grammar.has("relatives", self.words[h][2])
                    and prev is not None
                    and prev.kind in ("NP", "AMT")
                ):  # "… 350 tỷ đô la mà ông cho là …": a clause on the noun before
                    relative, self.verb, self.subject = prev.head, None, None
                    self.hang(h, prev.head, "mark")
                elif c.kind == "TIME" and case is not None:  # "trong năm 2023"
                    self.hang(case, h, "case")
                    self.hang(h, self.verb, rel)
                    if self.verb is None:
                        self.pending.append(h)
                    case = None
                elif self.verb is not None:
                    self.hang(h, self.verb, rel)
                    self.coordinated = self.words[h][3] == "CCONJ"
                    if self.grammar.has("complementisers", self.words[h][2]):
                        self.reported, self.verb = self.verb, None  # "cho rằng …"
                else:  # "Năm 2024 , …", "đã …": the circumstance of the verb to come
                    self.hang(h, None, rel)
                    self.pending.append(h)
                if self.grammar.has("clause_links", self.words[h][2]):
                    self.verb = None  # "… là 30 tỷ đồng thì quý 2 chỉ có …", "trong khi …"
            elif c.kind == "VP":
                self.verb_chunk(c, relative)
                relative, case = None, None
            else:  # NP, AMT or DIM
                self.nominal(c, prev, case, before)
                case, self.coordinated = None, False
            if c.kind not in ("OTHER", "TIME"):  # after nominal(), which may retype a DIM
                prev = c  # an adverb ("khoảng", "trên") leaves a noun next to its amount
            elif self.words[h][3] == "CCONJ":
                prev = None  # "chiều dài 2 km và tổng vốn …": the next phrase is not the amount's
        if self.subject is not None and self.root is None:
            self.root, self.rels[self.subject] = self.subject, "root"
        elif (
            self.subject is not None and self.last_verb is not None and self.changes(self.last_verb)
        ):
            # "Dự án có diện tích 50 ha , vốn đầu tư 100 triệu USD": a phrase after a verb
            # of level's clause, with no verb of its own, is one more of its arguments
            self.hang(self.subject, self.last_verb, "obl")
        self.break_cycles()
        for k in range(len(self.words)):
            if self.heads[k] == -1 and self.root not in (None, k) and self.rels[k] != "root":
                self.heads[k] = self.root
        self.break_cycles()
        return self.heads, self.rels

    def break_cycles(self) -> None:
        """Rules that each hold can still meet in a loop on odd input (a relative clause on
        a time phrase that waits for that clause's verb); the rules climb heads, so a
        loop is cut where it closes."""
        for k in range(len(self.words)):
            path: list[int] = []
            x = k
            while x != -1 and x not in path:
                path.append(x)
                x = self.heads[x]
            if x != -1:  # path[-1] hangs from x, which is already on the path
                self.heads[path[-1]], self.rels[path[-1]] = -1, "dep"

    def number(self, k: int) -> bool:
        """A numeral, or digits the tagger took for a noun ("2022")."""
        return self.words[k][3] == "NUM" or self.words[k][2].isdigit()

    def changes(self, k: int) -> bool:
        return any(self.grammar.has(c, self.words[k][2]) for c in ("levels", "up", "down"))

    def verb_chunk(self, c: Chunk, relative: int | None) -> None:
        h = c.head
        if self.verb is not None and self.changes(h):
            rel = self.open_relative
            if relative is None and rel is not None and self.heads[rel] == -1:
                # "Số tiền mà ông Hùng chiếm đoạt | lên tới 100 tỷ đồng": the relative
                # clause has ended, and its noun is the subject of the verb of level
                self.subject, self.verb = rel, None
            elif (
                self.bare
                and self.clause is not None
                and not self.changes(self.clause)  # "còn có ông Bình … đã có 4 ha"
                and (self.objects(self.clause) or self.has(self.clause, "activities"))
            ):
                self.nominalise(self.clause, h)
                return
        if self.verb is not None and (self.coordinated or self.reported is not None):
            self.verb = None  # "… và đồng ý cho …", "cho biết lợi nhuận … tăng …"
        self.bare = (
            self.verb is None
            and self.subject is None
            and relative is None
            and self.reported is None
        )
        if self.subject is not None:
            self.hang(self.subject, h, "nsubj")
            self.last_subject = self.subject
            self.subject, self.comma = None, False
        elif self.reported is not None:
            self.hang(h, self.reported, "xcomp")  # "cho biết sẽ chi …": the same subject
        if relative is not None:
            self.hang(h, relative, "acl:relcl")
            self.open_relative = relative
        elif self.reported is not None and self.heads[h] == -1:
            self.hang(h, self.reported, "ccomp")
        elif self.root is None:
            self.root, self.rels[h] = h, "root"
        elif self.verb is not None:
            # "hộ nuôi tôm được vay …", "ngân hàng cho nông dân vay …": a verb after another's
            # object is a second action of the same subject, who holds what is given; after
            # a causing verb the object acts ("khiến tỉnh thiệt hại …"), and a verb of
            # change is the object's ("nâng kim ngạch lên …")
            serial = self.objects(self.verb) and not self.changes(h)
            serial = serial and not self.has(self.verb, "controls")
            self.hang(h, self.verb, "advcl" if serial else "xcomp")
        elif self.clause is not None and self.heads[h] == -1:
            self.hang(h, self.clause, "conj")  # a clause after a comma joins the one before
        for k in self.pending:
            self.heads[k] = h
        self.pending, self.reported, self.coordinated = [], None, False
        if self.verb is None:
            self.clause = h
        self.verb = self.last_verb = h
        said = " ".join(self.words[k][2] for k in c.idx).lower()
        if any(said == w or said.endswith(" " + w) for w in self.grammar.classes["says"]):
            self.reported, self.verb = h, None  # what follows is what was said

    def objects(self, verb: int) -> list[int]:
        return [k for k, h in enumerate(self.heads) if h == verb and self.rels[k] == "obj"]

    def nominalise(self, verb: int, level: int) -> None:
        """ "xuất khẩu gạo … đạt 4,2 triệu tấn", "xuất khẩu tăng 10%": a clause that opens
        with a verb and its object (or a verb naming an activity), then meets a verb of
        level, names what that verb's amount measures."""
        self.heads[level], self.rels[level] = self.heads[verb], self.rels[verb]
        if self.root == verb:
            self.root = level
        self.hang(verb, level, "nsubj")
        s, e, w, _ = self.words[verb]
        self.words[verb] = (s, e, w, "NOUN")
        for k in self.objects(verb):
            self.rels[k] = "compound"
        for k in self.pending:
            self.heads[k] = level
        self.pending, self.bare = [], False
        self.clause = self.verb = self.last_verb = level

    def nominal(self, c: Chunk, prev: Chunk | None, case: int | None, before: Chunk | None) -> None:
        if c.kind == "AMT" and self.reported is not None and self.subject is None:
            # "khẳng định 70 % là …": an amount right after a verb of saying is its object
            self.verb, self.reported = self.reported, None
        h, verb = c.head, self.verb
        adjacent = prev is not None and prev.kind in ("NP", "AMT", "DIM")
        if (
            c.kind == "AMT"
            and prev is not None
            and self.words[prev.head][3] == "PRON"
            and any(self.rels[k] == "case" and self.heads[k] == prev.head for k in range(h))
        ):  # "trong đó 40 tỉ đồng …", "ở đây khoảng 2.000 mm": a place or part, not a measure
            adjacent = False
        if c.kind == "DIM" and (verb is not None or not adjacent):
            # "khoan giếng sâu hơn 30 m": a dimension of the verb's object is the action's
            self.hang(h, verb, "advmod")
            c.kind = "OTHER"
        elif c.kind == "DIM":  # "cây cầu dài 2 km": the dimension of the noun before
            self.hang(h, prev.head if prev is not None else None, "nmod")
        elif c.kind == "AMT" and case is not None and before is not None and before.kind == "NP":
            # "tải trọng trên 30 tấn": the preposition only approximates
            self.hang(case, h, "advmod")
            self.hang(h, before.head, "nmod")
        elif case is not None:
            self.hang(case, h, "case")
            genitive = self.grammar.has("genitives", self.words[case][2])
            host = before if before is not None and before.kind in ("NP", "AMT", "DIM") else None
            gov = self.host(host.head) if host and (genitive or verb is None) else verb
            if gov is None:  # ", với tải trọng 30 tấn": a tail on the subject before
                gov = next(
                    (k for k in (self.subject, self.last_subject, self.last_verb) if k is not None),
                    None,
                )
            verbal = gov is not None and gov in (verb, self.last_verb)
            self.hang(h, gov, "obl" if verbal else "nmod")
            if genitive and gov is not None and not verbal:
                self.owned(gov, case)
        elif c.kind == "AMT" and adjacent and prev is not None and self.recipient(prev):
            # "tặng người dân 300 triệu đồng": the first object receives the amount
            self.rels[prev.head] = "iobj"
            self.hang(h, verb, "obj")
        elif (
            prev is not None
            and prev.kind == "AMT"
            and self.grammar.has("distributives", self.words[c.idx[0]][2])
        ):  # "300.000 đồng mỗi tấn": a rate, not what is measured
            self.hang(h, verb if verb is not None else prev.head, "obl" if verb else "dep")
        elif adjacent and prev is not None and (c.kind == "AMT" or prev.kind in ("AMT", "DIM")):
            self.hang(h, prev.head, "nmod")  # "chiều dài 8 m", "tấn thép"
        elif verb is None and c.kind == "NP" and all(self.number(k) for k in c.idx):
            self.hang(h, None, "obl:tmod")  # "quý 2 - 2022 chỉ có …": a number names no actor
            self.pending.append(h)
        elif verb is None:
            if self.subject is None:
                self.subject = h
            else:  # "Thái Lan , nước xuất khẩu gạo lớn nhất , …"
                self.hang(h, self.subject, "appos" if self.comma else "nmod")
        else:
            has_obj = bool(self.objects(verb))
            self.hang(h, verb, "obl" if has_obj else "obj")
            if not has_obj and c.kind == "NP" and self.rels[verb] == "xcomp":
                # "đặt mục tiêu đạt doanh thu …": a verb of change with an object of its
                # own is a second action of the subject, not the first object's change
                up = self.heads[verb]
                control = self.has(up, "controls")
                self.rels[verb] = "xcomp" if control else "advcl"

    def host(self, k: int) -> int:
        """The noun a prepositional phrase after ``k`` qualifies: past an amount that itself
        qualifies a noun ("tàu dài 15 m *của ngư dân*": the boat's owner)."""
        seen = {k}
        while k in self.measures and self.rels[k] == "nmod" and self.heads[k] not in seen:
            k = self.heads[k]
            seen.add(k)
        return k

    def owned(self, noun: int, case: int) -> None:
        """ "lợi nhuận sau thuế *của tập đoàn*": with a "của" genitive the bare nouns after
        the head are compounds; the genitive alone names the owner."""
        for k in range(noun + 1, case):
            if self.heads[k] == noun and self.rels[k] == "nmod" and k not in self.measures:
                self.rels[k] = "compound"

    def recipient(self, prev: Chunk) -> bool:
        """Whether ``prev`` is the first object of a verb of giving, with no preposition."""
        h = prev.head
        if prev.kind != "NP" or self.rels[h] != "obj" or self.verb is None:
            return False
        if self.heads[h] != self.verb:
            return False
        return self.gives(self.verb)

    def gives(self, verb: int) -> bool:
        """Whether the verb group headed by ``verb`` has a verb of giving."""
        return self.has(verb, "gives")

    def has(self, verb: int, kind: str) -> bool:
        """Whether the verb group headed by ``verb`` has a word of ``kind``."""
        verbs = [c for c in self.chunks if c.head == verb]
        return any(self.grammar.has(kind, self.words[k][2]) for c in verbs for k in c.idx)
