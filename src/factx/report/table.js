// Sortable, filterable, paginated tables: quantities and money, and the run's errors.

const VALUE_LABELS = ["QUANTITY", "MONEY", "PERCENT"];
const TABLE_PAGE = 15;

// The sentence with the mention in it marked; both are text nodes, never HTML.
function sentenceWithMention(i) {
  const s = D.m.sent[i] >= 0 ? D.m.sentences[D.m.sent[i]] : "";
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

function renderValueTable(host) {
  const ks = VALUE_LABELS.map((l) => D.labels.indexOf(l));
  const all = [];
  D.m.label.forEach((k, i) => { if (ks.includes(k)) all.push(i); });
  const cols = [
    ["label", "Label", (i) => mLabel(i)],
    ["text", "Mention", (i) => mText(i)],
    ["value", "Value", (i) => D.m.value[i]],
    ["unit", "Unit", (i) => D.m.unit[i] || ""],
    ["norm", "Norm", (i) => D.m.norm[i] || ""],
    ["doc", "Document", (i) => D.docs.id[D.m.doc[i]] || ""],
  ];
  const state = { sort: "value", dir: -1, q: "", page: 0 };
  const tbody = el("tbody"), thead = el("thead"), foot = el("div");
  const search = el("input", { type: "search", placeholder: "Filter mentions, units, sentences…",
    "aria-label": "Filter quantities", oninput: () => { state.q = search.value.toLowerCase(); state.page = 0; draw(); } });
  host.append(el("header", {},
    el("h2", {}, "Quantities and money"),
    el("span", { class: "note" }, `${plural(all.length, "value")} · click a column to sort`),
    search),
  all.length ? el("div", { class: "table-wrap" }, el("table", { class: "values", "data-table": "values" }, thead, tbody)) :
    el("p", { class: "empty" }, "No QUANTITY, MONEY or PERCENT mentions in this run."), foot);
  if (!all.length) return;

  function draw() {
    const get = cols.find((c) => c[0] === state.sort)[2];
    let rows = all;
    if (state.q) {
      rows = rows.filter((i) => [mText(i), D.m.unit[i] || "", D.m.norm[i] || "",
        D.m.sent[i] >= 0 ? D.m.sentences[D.m.sent[i]] : ""].join(" ").toLowerCase().includes(state.q));
    }
    rows = rows.slice().sort((a, b) => {
      const x = get(a), y = get(b);
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (typeof x === "number" ? x - y : String(x).localeCompare(String(y))) * state.dir;
    });
    thead.replaceChildren(el("tr", {}, cols.map(([key, name]) => el("th", {
      class: `sortable ${state.sort === key ? "sorted" : ""} ${key === "value" ? "num" : ""}`,
      "aria-sort": state.sort === key ? (state.dir > 0 ? "ascending" : "descending") : null,
      onclick: () => {
        state.dir = state.sort === key ? -state.dir : key === "value" ? -1 : 1;
        state.sort = key; state.page = 0; draw();
      },
    }, name, el("span", { class: "arrow" }, state.sort === key ? (state.dir > 0 ? "▲" : "▼") : ""))),
    el("th", {}, "Sentence")));
    tbody.replaceChildren(...rows.slice(state.page * TABLE_PAGE, (state.page + 1) * TABLE_PAGE)
      .map((i) => el("tr", {},
        el("td", {}, labelChip(mLabel(i))),
        el("td", { class: "strong" }, mText(i)),
        el("td", { class: "num" }, fmt(D.m.value[i])),
        el("td", {}, D.m.unit[i] || ""),
        el("td", { class: "mono" }, D.m.norm[i] || ""),
        el("td", {}, el("a", { href: href("doc", { m: i }, D.m.doc[i]) }, D.docs.id[D.m.doc[i]] || "")),
        el("td", { class: "sentence" }, sentenceWithMention(i)))));
    foot.replaceChildren(pager(rows.length, state.page, TABLE_PAGE, (p) => { state.page = p; draw(); }));
  }
  draw();
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
