// Sortable, filterable, paginated tables: quantities and money, facts, and the run's errors.

const VALUE_LABELS = ["QUANTITY", "MONEY", "PERCENT"];
const TABLE_PAGE = 15;

// The sentence with the mention in it marked; both are text nodes, never HTML.
function sentenceWithMention(i) {
  const s = mSentence(i);
  const t = mText(i), at = t ? s.indexOf(t) : -1;
  if (at < 0) return s;
  return [s.slice(0, at), el("mark", { class: "hit-text" }, t), s.slice(at + t.length)];
}

function pager(total, page, size, go) {
  const pages = Math.max(1, Math.ceil(total / size));
  const from = total ? page * size + 1 : 0, to = Math.min(total, (page + 1) * size);
  return el("div", { class: "pager" },
    el("button", { type: "button", disabled: page <= 0, onclick: () => go(page - 1) }, "‹ Prev"),
    el("span", {}, `${fmt(from)}–${fmt(to)} of ${fmt(total)}`),
    el("button", { type: "button", disabled: page >= pages - 1, onclick: () => go(page + 1) },
      "Next ›"));
}

// A sortable, filterable, paginated table. cols: [key, name, get(i), numeric?]; cells(i)
// gives a row's cells (one per column, then one more); text(i) is what the filter searches.
function sortableTable(host, spec) {
  const { title, noun, rows: all, cols, cells, text, placeholder, empty, extra, sort } = spec;
  const state = { sort: sort[0], dir: sort[1], q: "", page: 0 };
  const tbody = el("tbody"), thead = el("thead"), foot = el("div");
  const search = el("input", { type: "search", placeholder, "aria-label": `Filter ${title.toLowerCase()}`,
    oninput: () => { state.q = search.value.toLowerCase(); state.page = 0; draw(); } });
  host.append(el("header", {},
    el("h2", {}, title),
    el("span", { class: "note" }, `${plural(all.length, noun)} · click a column to sort`),
    search),
  all.length ? el("div", { class: "table-wrap" }, el("table", { class: spec.cls, "data-table": spec.cls }, thead, tbody)) :
    el("p", { class: "empty" }, empty), foot);
  if (!all.length) return;

  function draw() {
    const get = cols.find((c) => c[0] === state.sort)[2];
    let rows = all;
    if (state.q) rows = rows.filter((i) => text(i).toLowerCase().includes(state.q));
    rows = rows.slice().sort((a, b) => {
      const x = get(a), y = get(b);
      if (x === null || x === undefined || x === "") return 1;
      if (y === null || y === undefined || y === "") return -1;
      return (typeof x === "number" ? x - y : String(x).localeCompare(String(y))) * state.dir;
    });
    thead.replaceChildren(el("tr", {}, cols.map(([key, name, , numeric]) => el("th", {
      class: `sortable ${state.sort === key ? "sorted" : ""} ${numeric ? "num" : ""}`,
      "aria-sort": state.sort === key ? (state.dir > 0 ? "ascending" : "descending") : null,
      onclick: () => {
        state.dir = state.sort === key ? -state.dir : numeric ? -1 : 1;
        state.sort = key; state.page = 0; draw();
      },
    }, name, el("span", { class: "arrow" }, state.sort === key ? (state.dir > 0 ? "▲" : "▼") : ""))),
    el("th", {}, extra)));
    tbody.replaceChildren(...rows.slice(state.page * TABLE_PAGE, (state.page + 1) * TABLE_PAGE)
      .map((i) => el("tr", {}, cells(i))));
    foot.replaceChildren(pager(rows.length, state.page, TABLE_PAGE, (p) => { state.page = p; draw(); }));
  }
  draw();
}

function mSentence(i) {
  return D.m.sent[i] >= 0 ? D.m.sentences[D.m.sent[i]] : "";
}

function docLink(i) {
  return el("a", { href: href("doc", { m: i }, D.m.doc[i]) }, D.docs.id[D.m.doc[i]] || "");
}

function renderValueTable(host) {
  const ks = VALUE_LABELS.map((l) => D.labels.indexOf(l));
  const all = [];
  D.m.label.forEach((k, i) => { if (ks.includes(k)) all.push(i); });
  sortableTable(host, {
    title: "Quantities and money", noun: "value", rows: all, cls: "values", sort: ["value", -1],
    placeholder: "Filter mentions, units, sentences…", extra: "Sentence",
    empty: "No QUANTITY, MONEY or PERCENT mentions in this run.",
    cols: [
      ["label", "Label", (i) => mLabel(i)],
      ["text", "Mention", (i) => mText(i)],
      ["value", "Value", (i) => D.m.value[i], true],
      ["unit", "Unit", (i) => D.m.unit[i] || ""],
      ["norm", "Norm", (i) => D.m.norm[i] || ""],
      ["doc", "Document", (i) => D.docs.id[D.m.doc[i]] || ""],
    ],
    text: (i) => [mText(i), D.m.unit[i] || "", D.m.norm[i] || "", mSentence(i)].join(" "),
    cells: (i) => [
      el("td", {}, labelChip(mLabel(i))),
      el("td", { class: "strong" }, mText(i)),
      el("td", { class: "num" }, fmt(D.m.value[i])),
      el("td", {}, D.m.unit[i] || ""),
      el("td", { class: "mono" }, D.m.norm[i] || ""),
      el("td", {}, docLink(i)),
      el("td", { class: "sentence" }, sentenceWithMention(i))],
  });
}

// Facts: each amount with what it measures, who holds it and when (facts.csv). A row is
// indexed by its fact; F.m links it to its amount's mention, for the sentence and the link.
function renderFactTable(host) {
  const F = D.f;
  const all = F.m.map((_, j) => j);
  const holder = (j) => F.holder[j] ? F.holder[j] + (F.holder_norm[j] && F.holder_norm[j] !== F.holder[j]
    ? ` (${F.holder_norm[j]})` : "") : "";
  sortableTable(host, {
    title: "Facts", noun: "fact", rows: all, cls: "facts", sort: ["score", -1],
    placeholder: "Filter amounts, what, who, sentences…", extra: "Sentence",
    empty: "No facts in this run: no amounts, or a run from before factx linked them.",
    cols: [
      ["amount", "Amount", (j) => F.amount[j]],
      ["value", "Value", (j) => F.value[j], true],
      ["measured", "Of what", (j) => F.measured[j] || ""],
      ["holder", "Whose", (j) => holder(j)],
      ["predicate", "Predicate", (j) => F.predicate[j] || ""],
      ["change", "Change", (j) => F.change[j] || ""],
      ["date", "Date", (j) => F.date[j] || ""],
      ["source", "Source", (j) => F.source[j] || ""],
      ["score", "Score", (j) => F.score[j], true],
      ["doc", "Document", (j) => D.docs.id[F.doc[j]] || ""],
    ],
    text: (j) => [F.amount[j], F.unit[j] || "", F.measured[j] || "", holder(j), F.predicate[j] || "",
      F.change[j] || "", F.date[j] || "", F.source[j] || "", F.m[j] >= 0 ? mSentence(F.m[j]) : ""].join(" "),
    cells: (j) => [
      el("td", { class: "strong" }, F.amount[j]),
      el("td", { class: "num" }, F.value[j] === null ? "" : `${fmt(F.value[j])} ${F.unit[j] || ""}`),
      el("td", {}, F.measured[j] || ""),
      el("td", {}, holder(j)),
      el("td", {}, F.predicate[j] || ""),
      el("td", {}, F.change[j] || ""),
      el("td", { class: "mono" }, F.date[j] || ""),
      el("td", {}, F.source[j] || ""),
      el("td", { class: "num" }, F.score[j] === null ? "" : F.score[j].toFixed(2)),
      el("td", {}, F.m[j] >= 0 ? docLink(F.m[j]) : D.docs.id[F.doc[j]] || ""),
      el("td", { class: "sentence" }, F.m[j] >= 0 ? sentenceWithMention(F.m[j]) : "")],
  });
}

function renderErrors(root) {
  const [sources, ids, errors] = D.errors;
  root.append(el("section", { class: "card full" },
    el("header", {}, el("h2", {}, "Documents that could not be processed"),
      el("span", { class: "note" }, plural(sources.length, "error"))),
    sources.length ? el("div", { class: "table-wrap" }, el("table", { class: "errors" },
      el("thead", {}, el("tr", {}, el("th", {}, "Source"), el("th", {}, "Document"), el("th", {}, "What to do"))),
      el("tbody", {}, sources.map((s, i) => el("tr", {},
        el("td", { class: "mono" }, s || ""), el("td", { class: "mono" }, ids[i] || ""),
        el("td", {}, errors[i] || "")))))) :
      el("p", { class: "empty" }, "Every document was processed.")));
}
