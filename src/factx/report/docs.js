// Documents: texts with their mentions highlighted as displaCy does, filtered and paged
// so that a 1,000-document run only ever builds DOM for one page of documents.

const DOC_PAGE = 20;
const CLAMP_CHARS = 1600;

function labelChip(label, count, attrs) {
  return el("span", Object.assign({ class: "chip", style: `--c:${labelColor(label)}` }, attrs || {}),
    el("i", { class: "swatch" }), label, count !== undefined ? el("b", {}, fmt(count)) : null);
}

function markFor(i, focus) {
  const label = mLabel(i);
  return el("mark", { class: `ent${focus && focus(i) ? " focus" : ""}`, "data-label": label,
    "data-m": i, style: `--c:${labelColor(label)}`, tabindex: 0,
    onclick: () => { location.hash = href("docs", { ent: `${label}|${mKey(i)}` }); } },
  mText(i), el("span", { class: "ent-label" }, label));
}

// The text as nodes: plain runs as text nodes, mentions as <mark>. Overlapping or
// unplaceable mentions are skipped rather than drawn wrong.
function highlighted(d, labels, focus, from) {
  const text = D.docs.text[d], body = D.docs.body[d];
  let pos = Math.max(body, from || 0);
  const out = pos > body ? [el("span", { class: "elided" }, "… ")]
    : body ? [el("span", { class: "doc-header" }, text.slice(0, body))] : [];
  for (const i of M_BY_DOC[d]) {
    const s = D.m.start[i];
    if (s < pos || (labels && !labels.has(mLabel(i)))) continue;
    out.push(text.slice(pos, s), markFor(i, focus));
    pos = D.m.end[i];
  }
  out.push(text.slice(pos));
  return out;
}

// Where a clamped preview starts: at the paragraph of the first thing the filters look for
// (the entity, else a mention of a chosen label, else the searched text), so that it shows.
function excerptStart(d, labels, focus, q) {
  const text = D.docs.text[d];
  let at = -1;
  const hit = M_BY_DOC[d].find((i) => D.m.start[i] >= 0 && (focus ? focus(i) : labels && labels.has(mLabel(i))));
  if (hit !== undefined) at = D.m.start[hit];
  else if (q) at = lowerText(d).indexOf(q);
  if (at < 250) return 0;
  const para = text.lastIndexOf("\n", at) + 1;
  if (at - para < 300) return para;
  const space = text.indexOf(" ", at - 160);
  return space >= 0 && space < at ? space + 1 : at;
}

function docFilter(params) {
  const labels = params.get("label") ? new Set(params.get("label").split(",")) : null;
  const lang = params.get("lang"), date = params.get("date");
  const q = (params.get("q") || "").toLowerCase();
  const ent = params.get("ent");
  let entDocs = null, focus = null;
  if (ent) {
    const bar = ent.indexOf("|"), label = ent.slice(0, bar), key = ent.slice(bar + 1);
    focus = (i) => mLabel(i) === label && mKey(i) === key;
    entDocs = new Set();
    D.m.doc.forEach((d, i) => { if (focus(i)) entDocs.add(d); });
  }
  const docs = [];
  for (let d = 0; d < NDOCS; d++) {
    if (lang && (D.docs.lang[d] || "?") !== lang) continue;
    if (date && !(D.docs.date[d] || "").startsWith(date)) continue;
    if (entDocs && !entDocs.has(d)) continue;
    if (labels && ![...labels].some((l) => DOC_LABELS[d][l])) continue;
    if (q && !D.docs.id[d].toLowerCase().includes(q) && !lowerText(d).includes(q)) continue;
    docs.push(d);
  }
  return { docs, labels, focus };
}

function docMeta(d, withCounts) {
  const counts = withCounts ? D.labels.filter((l) => DOC_LABELS[d][l]) : [];
  return [el("span", { class: "badge" }, D.docs.lang[d] || "?"),
    el("span", { class: "date" }, D.docs.date[d] || "undated"),
    el("span", { class: "counts" }, counts.map((l) => labelChip(l, DOC_LABELS[d][l]))),
    el("span", { class: "src mono", title: D.docs.source[d] || "" }, D.docs.source[d] || "")];
}

function docText(d, labels, focus, clamp, q) {
  if (D.docs.text[d] === null) {
    return el("div", { class: "doc-text missing" },
      el("p", { class: "problem" }, `Text unavailable: ${D.docs.problem[d]}`),
      M_BY_DOC[d].filter((i) => !labels || labels.has(mLabel(i))).map((i) => [markFor(i, focus), " "]));
  }
  const long = clamp && D.docs.text[d].length > CLAMP_CHARS;
  const from = long ? excerptStart(d, labels, focus, q) : 0;
  const box = el("div", { class: `doc-text${long ? " clamped" : ""}`, lang: D.docs.lang[d] || null },
    highlighted(d, labels, focus, from));
  if (!long) return box;
  const more = el("button", { type: "button", class: "link", onclick: () => {
    const full = box.classList.toggle("clamped") === false;
    box.replaceChildren(...highlighted(d, labels, focus, full ? 0 : from));
    more.textContent = full ? "Show less" : "Show full text";
  } }, "Show full text");
  return [box, more];
}

// params → chips to toggle (labels, languages) and removable chips (entity, date, text).
function filterBar(params, route, arg, counts) {
  const labels = params.get("label") ? params.get("label").split(",") : [];
  const set = (k, v) => {
    const p = Object.fromEntries(params);
    p[k] = v; delete p.page;
    return href(route, p, arg);
  };
  const toggle = (l) => set("label", labels.includes(l) ? labels.filter((x) => x !== l).join(",")
    : [...labels, l].join(","));
  const bar = el("div", { class: "filters" },
    el("div", { class: "filter-row", "data-filter": "labels" }, el("span", { class: "muted" }, "Labels"),
      D.labels.filter((l) => counts[l]).map((l) => el("a", { href: toggle(l),
        class: `toggle${!labels.length || labels.includes(l) ? " on" : ""}`, "data-label": l },
      labelChip(l, counts[l]))),
      labels.length ? el("a", { href: set("label", ""), class: "clear" }, "all labels") : null));
  const active = [["ent", "mentioning"], ["date", "dated"], ["lang", "language"], ["q", "containing"]]
    .filter(([k]) => params.get(k));
  if (route === "docs") {
    append(bar, [el("div", { class: "filter-row" }, el("span", { class: "muted" }, "Language"),
      LANGS.map((l) => el("a", { href: set("lang", params.get("lang") === l ? "" : l),
        class: `toggle${!params.get("lang") || params.get("lang") === l ? " on" : ""}` },
      el("span", { class: "chip" }, l)))),
    active.length ? el("div", { class: "filter-row" }, el("span", { class: "muted" }, "Filters"),
      active.map(([k, name]) => el("a", { href: set(k, ""), class: "active-filter", title: "remove" },
        `${name} ${k === "ent" ? params.get(k).replace("|", ": ") : params.get(k)} ✕`))) : null]);
  }
  return bar;
}

function renderDocs(root, params) {
  const { docs, labels, focus } = docFilter(params);
  const pages = Math.max(1, Math.ceil(docs.length / DOC_PAGE));
  const page = Math.min(pages - 1, Math.max(0, (+params.get("page") || 1) - 1));
  const go = (p) => { location.hash = href("docs", Object.assign(Object.fromEntries(params), { page: p + 1 })); };
  const search = el("input", { type: "search", value: params.get("q") || "", id: "doc-search",
    placeholder: "Search document text or id…", "aria-label": "Search documents" });
  let timer = 0;
  search.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const p = Object.fromEntries(params);
      p.q = search.value; delete p.page;
      KEEP_FOCUS = "doc-search";
      location.hash = href("docs", p);
    }, 300);
  });
  root.append(el("div", { class: "docs-head" }, search, filterBar(params, "docs", undefined, LABEL_COUNTS)),
    pager(docs.length, page, DOC_PAGE, go));
  const list = el("div", { class: "doc-list" });
  for (const d of docs.slice(page * DOC_PAGE, (page + 1) * DOC_PAGE)) {
    list.append(el("article", { class: "doc card", "data-doc": d },
      el("header", {}, el("a", { class: "doc-id", href: href("doc", {}, d) }, D.docs.id[d]), docMeta(d, true)),
      docText(d, labels, focus, true, (params.get("q") || "").toLowerCase())));
  }
  if (!docs.length) list.append(el("p", { class: "empty" }, "No document matches these filters."));
  append(root, [list, docs.length > DOC_PAGE ? pager(docs.length, page, DOC_PAGE, go) : null]);
}

function renderDoc(root, params, arg) {
  const d = Number(arg);
  if (!(d >= 0 && d < NDOCS)) return root.append(el("p", { class: "empty" }, "No such document."));
  const labels = params.get("label") ? new Set(params.get("label").split(",")) : null;
  const want = params.has("m") ? Number(params.get("m")) : -1;
  const focus = (i) => i === want;
  const rows = M_BY_DOC[d].filter((i) => !labels || labels.has(mLabel(i)));
  const mentionRow = (i) => {
    const facts = [D.m.norm[i] !== mText(i) ? D.m.norm[i] : null,
      D.m.value[i] !== null ? `${fmt(D.m.value[i])} ${D.m.unit[i] || ""}` : null].filter(Boolean);
    return el("tr", { class: i === want ? "on" : null, onclick: () => {
      location.hash = href("doc", Object.assign(Object.fromEntries(params), { m: i }), d);
    } }, el("td", {}, labelChip(mLabel(i))),
    el("td", {}, mText(i), facts.length ? el("div", { class: "sub mono" }, facts.join(" · ")) : null));
  };
  const side = el("aside", { class: "mention-list" }, el("h3", {}, plural(rows.length, "mention")),
    el("table", {}, el("tbody", {}, rows.map(mentionRow))));
  const problem = D.docs.problem[d] && D.docs.text[d] !== null ? D.docs.problem[d] : null;
  root.append(el("div", { class: "doc-nav" },
    el("a", { href: href("docs") }, "← All documents"),
    d > 0 ? el("a", { href: href("doc", {}, d - 1) }, "‹ previous") : null,
    d < NDOCS - 1 ? el("a", { href: href("doc", {}, d + 1) }, "next ›") : null),
  el("article", { class: "doc card single", "data-doc": d },
    el("header", {}, el("h2", { class: "doc-id" }, D.docs.id[d]), docMeta(d, false)),
    filterBar(params, "doc", d, DOC_LABELS[d]),
    problem ? el("p", { class: "problem" }, problem) : null,
    el("div", { class: "doc-body" }, el("div", {}, docText(d, labels, focus, false)), side)));
  const target = root.querySelector(`mark[data-m="${want}"]`);
  if (target) requestAnimationFrame(() => target.scrollIntoView({ block: "center" }));
}
