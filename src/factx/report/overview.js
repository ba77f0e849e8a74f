// The overview: what the run holds at a glance, every chart linking to its documents.

function card(title, note, opts) {
  const body = el("div", { class: "chart", "data-chart": opts.chart || null });
  const node = el("section", { class: `card ${opts.wide ? "wide" : ""} ${opts.full ? "full" : ""}` },
    el("header", {}, el("h2", {}, title), note ? el("span", { class: "note" }, note) : null),
    body);
  return { node, body };
}

function kpi(value, label, link) {
  return el(link ? "a" : "div", { class: "kpi", href: link || null },
    el("strong", {}, value), el("span", {}, label));
}

function docDateBuckets() {
  const dated = D.docs.date.map((d, i) => [d, i]).filter(([d]) => d);
  if (!dated.length) return [];
  const days = dated.map(([d]) => dayNumber(d));
  const span = Math.max(...days) - Math.min(...days);
  const unit = span <= 62 ? "day" : span <= 2200 ? "month" : "year";
  const width = { day: 10, month: 7, year: 4 }[unit];
  const counts = new Map();
  for (const [d, i] of dated) {
    const key = d.slice(0, width);
    if (!counts.has(key)) counts.set(key, {});
    const v = counts.get(key), lang = D.docs.lang[i] || "?";
    v[lang] = (v[lang] || 0) + 1;
  }
  const keys = [];
  const first = new Date(Math.min(...days) * DAY_MS), last = Math.max(...days);
  for (let t = first; t.getTime() / DAY_MS <= last;) {
    keys.push(t.toISOString().slice(0, width));
    if (unit === "day") t = new Date(t.getTime() + DAY_MS);
    else if (unit === "month") t = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1));
    else t = new Date(Date.UTC(t.getUTCFullYear() + 1, 0, 1));
  }
  return [...new Set(keys)].map((key) => {
    const values = counts.get(key) || {};
    const total = Object.values(values).reduce((s, n) => s + n, 0);
    const parts = Object.entries(values).map(([l, n]) => `${l}: ${fmt(n)}`).join(" · ");
    const label = unit === "year" ? key : dayLabel(dayNumber(key.padEnd(10, "-01").slice(0, 10)), unit);
    return { label, values, href: href("docs", { date: key }),
      tip: `${key}\n${plural(total, "document")}${parts ? "\n" + parts : ""}` };
  });
}

function dateRange(a, b) {
  const day = (iso) => dayLabel(dayNumber(iso), "day");
  if (a === b) return `${day(a)} ${a.slice(0, 4)}`;
  if (a.slice(0, 4) === b.slice(0, 4)) return `${day(a)} – ${day(b)} ${b.slice(0, 4)}`;
  return `${day(a)} ${a.slice(0, 4)} – ${day(b)} ${b.slice(0, 4)}`;
}

// The numbers that tell an analyst whether the run is worth reading.
function runStats() {
  const silent = M_BY_DOC.filter((rows) => !rows.length).length;
  const missing = D.docs.text.filter((t) => t === null).length;
  const changed = D.docs.problem.filter((p, d) => p && D.docs.text[d] !== null).length;
  const row = (name, value, warn) => el("tr", { class: warn ? "warn" : null },
    el("td", {}, name), el("td", { class: "num" }, value));
  return el("table", { class: "stats" }, el("tbody", {},
    row("Mentions per document", NDOCS ? (NM / NDOCS).toFixed(1) : "–"),
    row("Documents without mentions", fmt(silent), silent > 0),
    row("Texts not found", fmt(missing), missing > 0),
    changed ? row("Sources changed since the run", fmt(changed), true) : null));
}

function topItems(label) {
  return (D.top[label] || []).map(([key, name, n, docs, forms]) => ({
    name, value: n, color: labelColor(label),
    href: href("docs", { ent: `${label}|${key}` }),
    tip: `${name}\n${plural(n, "mention")} in ${plural(docs, "document")}` +
      (forms ? `\nas: ${clip(forms, 120)}` : ""),
  }));
}

function renderOverview(root) {
  const dates = D.docs.date.filter(Boolean).sort();
  const langCounts = LANGS.map((l) => [l, D.docs.lang.filter((x) => (x || "?") === l).length]);
  root.append(el("div", { class: "kpis" },
    kpi(fmt(NDOCS), "documents", href("docs")),
    kpi(fmt(NM), "mentions"),
    kpi(langCounts.map(([l]) => l).join(" · ") || "–", plural(LANGS.length, "language")),
    kpi(dates.length ? dateRange(dates[0], dates[dates.length - 1]) : "undated", "publication dates"),
    kpi(fmt(D.errors[0].length), D.errors[0].length === 1 ? "error" : "errors",
      D.errors[0].length ? href("errors") : null)));

  const grid = el("div", { class: "grid" });
  root.append(grid);
  const add = (c, draw) => { grid.append(c.node); REDRAW.push(() => draw(c.body)); };

  const undated = NDOCS - dates.length;
  add(card("Documents by date", undated ? `${plural(undated, "document")} undated` : "by language",
    { wide: true, chart: "doc-dates" }),
  (host) => drawColumns(host, docDateBuckets(), LANGS, langColor, "No document has a date."));
  const langs = card("Documents by language", null, { chart: "doc-langs" });
  add(langs, (host) => drawHBar(host,
    langCounts.map(([l, n]) => ({ name: l, value: n, color: langColor(l),
      href: href("docs", { lang: l }), tip: `${l}\n${plural(n, "document")}` })),
    "No documents."));
  langs.node.append(runStats());
  add(card("Mentions by label", null, { chart: "labels" }), (host) => drawHBar(host,
    D.labels.map((label, k) => {
      const rows = [];
      D.m.label.forEach((x, i) => { if (x === k) rows.push(i); });
      const docs = new Set(rows.map((i) => D.m.doc[i])).size;
      return { name: label, value: rows.length, color: labelColor(label),
        href: href("docs", { label }),
        tip: `${label}\n${plural(rows.length, "mention")} in ${plural(docs, "document")}` };
    }), "No mentions in this run."));
  const dn = D.dates;
  add(card("Timeline of dates mentioned",
    dn.total ? `${plural(dn.distinct, "distinct date")}${dn.unparsed ? `, ${fmt(dn.unparsed)} not ISO` : ""}` : null,
    { wide: true, chart: "timeline" }),
  (host) => drawTimeline(host, dn.items, dates.length ? [dates[0], dates[dates.length - 1]] : null));
  for (const label of ["PERSON", "ORG", "COUNTRY"]) {
    add(card(`Top ${LABEL_NAMES[label].toLowerCase()}`, "by mentions", { chart: `top-${label}` }),
      (host) => drawHBar(host, topItems(label), `No ${label} mentions in this run.`));
  }
  const values = el("section", { class: "card full" });
  grid.append(values);
  renderValueTable(values);
  const facts = el("section", { class: "card full" });
  grid.append(facts);
  renderFactTable(facts);
}
