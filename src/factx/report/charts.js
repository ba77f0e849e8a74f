// Hand-drawn SVG charts, sized to their container when drawn (and redrawn on resize).
// Every mark is an SVG <a> to the documents it counts, with a data-tip for hover.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY_MS = 864e5;
const KIND_COLORS = {
  day: "#16a34a", week: "#0d9488", month: "#0284c7", quarter: "#7c3aed", year: "#d97706",
  range: "#db2777",
};

function emptyNote(host, text) {
  host.replaceChildren(el("p", { class: "empty" }, text));
}

function niceStep(max, ticks) {
  const raw = Math.max(1, max) / ticks;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / p;
  return Math.max(1, (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p);
}

// items: [{name, value, color, tip, href}]
function drawHBar(host, items, empty) {
  if (!items.length) return emptyNote(host, empty);
  const W = Math.max(240, host.clientWidth), rowH = 26;
  const labelW = Math.min(Math.round(W * 0.42), 200);
  const barMax = W - labelW - 52;
  const max = Math.max(1, ...items.map((d) => d.value));
  const chars = Math.floor((labelW - 12) / 7);
  const chart = svg("svg", { width: W, height: items.length * rowH + 4, class: "hbar", role: "img" });
  items.forEach((d, i) => {
    const y = i * rowH + 2, w = Math.max(3, (d.value / max) * barMax);
    chart.append(svg("a", { href: d.href, "data-tip": d.tip, class: "mark" },
      svg("rect", { class: "hit", x: 0, y, width: W, height: rowH }),
      svg("text", { x: labelW - 8, y: y + rowH / 2, class: "lbl", "text-anchor": "end" },
        clip(d.name, chars)),
      svg("rect", { x: labelW, y: y + 4, width: w, height: rowH - 8, rx: 3, fill: d.color }),
      svg("text", { x: labelW + w + 6, y: y + rowH / 2, class: "num" }, fmt(d.value))));
  });
  host.replaceChildren(chart);
}

// buckets: [{label, values: {series: n}, tip, href}] drawn as stacked columns.
function drawColumns(host, buckets, series, colorOf, empty) {
  if (!buckets.length) return emptyNote(host, empty);
  const W = Math.max(260, host.clientWidth), H = 200;
  const m = { l: 36, r: 8, t: 10, b: 26 };
  const totals = buckets.map((b) => series.reduce((s, k) => s + (b.values[k] || 0), 0));
  const step = niceStep(Math.max(...totals), 4);
  const top = Math.ceil(Math.max(...totals) / step) * step;
  const y = (v) => m.t + (H - m.t - m.b) * (1 - v / top);
  const slot = (W - m.l - m.r) / buckets.length;
  const bw = Math.max(2, Math.min(48, slot * 0.78));
  const chart = svg("svg", { width: W, height: H, class: "columns", role: "img" });
  for (let v = 0; v <= top; v += step) {
    chart.append(svg("line", { x1: m.l, x2: W - m.r, y1: y(v), y2: y(v), class: "grid" }),
      svg("text", { x: m.l - 6, y: y(v), class: "tick", "text-anchor": "end" }, fmt(v)));
  }
  const every = Math.ceil(64 / slot);
  buckets.forEach((b, i) => {
    const x = m.l + i * slot + (slot - bw) / 2;
    const a = svg("a", { href: b.href, "data-tip": b.tip, class: "mark" },
      svg("rect", { class: "hit", x: m.l + i * slot, y: m.t, width: slot, height: H - m.t - m.b }));
    let base = 0;
    for (const k of series) {
      const v = b.values[k] || 0;
      if (!v) continue;
      a.append(svg("rect", { x, y: y(base + v), width: bw, height: y(base) - y(base + v),
        fill: colorOf(k) }));
      base += v;
    }
    chart.append(a);
    if (i % every === 0) {
      chart.append(svg("text", { x: x + bw / 2, y: H - 8, class: "tick", "text-anchor": "middle" },
        b.label));
    }
  });
  host.replaceChildren(chart);
}

function dayNumber(iso) {
  const [y, mo, d] = iso.split("-").map(Number);
  return Date.UTC(y, mo - 1, d) / DAY_MS;
}

function dayLabel(n, unit) {
  const d = new Date(n * DAY_MS);
  const mon = MONTHS[d.getUTCMonth()], year = d.getUTCFullYear();
  if (unit === "year") return String(year);
  if (unit === "month") return d.getUTCMonth() === 0 ? `${mon} ${year}` : mon;
  return `${d.getUTCDate()} ${mon}`;
}

// Tick positions (day numbers) for [d0, d1], at most `most` of them, on calendar units.
function timeTicks(d0, d1, most) {
  const span = d1 - d0;
  const options = [[1, "day", 1], [7, "day", 7], [1, "month", 30.4], [3, "month", 91],
    [6, "month", 182], [1, "year", 365], [2, "year", 730], [5, "year", 1826],
    [10, "year", 3652], [25, "year", 9131], [100, "year", 36525]];
  const [step, unit] = options.find((o) => span / o[2] <= most) || options[options.length - 1];
  const ticks = [];
  const start = new Date(d0 * DAY_MS);
  if (unit === "day") {
    for (let n = Math.ceil(d0); n <= d1; n += step) ticks.push(n);
  } else if (unit === "month") {
    let y = start.getUTCFullYear(), mo = Math.ceil(start.getUTCMonth() / step) * step;
    for (let n = Date.UTC(y, mo, 1) / DAY_MS; n <= d1; n = Date.UTC(y, mo, 1) / DAY_MS) {
      if (n >= d0) ticks.push(n);
      mo += step;
    }
  } else {
    for (let y = Math.ceil(start.getUTCFullYear() / step) * step; ; y += step) {
      const n = Date.UTC(y, 0, 1) / DAY_MS;
      if (n > d1) break;
      if (n >= d0) ticks.push(n);
    }
  }
  return { ticks, unit };
}

// items: [norm, first day, last day, kind, mentions, documents]; days are dots sized by
// count, longer spans are bars; packed into lanes so none hide another.
function drawTimeline(host, items, published) {
  if (!items.length) return emptyNote(host, "No DATE mentions with an ISO date in this run.");
  const W = Math.max(300, host.clientWidth), laneH = 22, maxLanes = 14;
  const spans = items.map((it) => ({ it, a: dayNumber(it[1]), b: dayNumber(it[2]) + 1 }));
  let d0 = Math.min(...spans.map((s) => s.a)), d1 = Math.max(...spans.map((s) => s.b));
  if (d1 - d0 < 30) { const mid = (d0 + d1) / 2; d0 = mid - 15; d1 = mid + 15; }
  const pad = (d1 - d0) * 0.03;
  d0 -= pad; d1 += pad;
  const x = (n) => 12 + ((n - d0) / (d1 - d0)) * (W - 24);
  const lanes = [];
  let hidden = 0;
  spans.sort((p, q) => p.a - q.a || q.b - p.b);
  for (const s of spans) {
    const r = s.it[3] === "day" ? Math.min(9, 3.5 + Math.sqrt(s.it[4]) * 1.5) : 0;
    s.x1 = r ? x(s.a + 0.5) - r : x(s.a);
    s.x2 = r ? x(s.a + 0.5) + r : Math.max(x(s.b), s.x1 + 6);
    s.r = r;
    let lane = lanes.findIndex((end) => end < s.x1 - 3);
    if (lane < 0 && lanes.length < maxLanes) lane = lanes.push(0) - 1;
    if (lane < 0) { hidden += 1; continue; }
    lanes[lane] = s.x2;
    s.lane = lane;
  }
  const lane = Math.max(laneH, Math.min(40, 150 / lanes.length));
  const top = 22, H = top + lanes.length * lane + 28;
  const chart = svg("svg", { width: W, height: H, class: "timeline", role: "img" });
  if (published) {
    const a = x(dayNumber(published[0])), b = Math.max(x(dayNumber(published[1]) + 1), a + 2);
    chart.append(svg("rect", { x: a, y: 4, width: b - a, height: H - 30, class: "published",
      "data-tip": `Publication dates\n${published[0]} – ${published[1]}` }),
      svg("text", { x: a + 3, y: 14, class: "tick" }, "published"));
  }
  const { ticks, unit } = timeTicks(d0, d1, Math.floor(W / 80));
  for (const t of ticks) {
    chart.append(svg("line", { x1: x(t), x2: x(t), y1: top - 4, y2: H - 24, class: "grid" }),
      svg("text", { x: x(t), y: H - 8, class: "tick", "text-anchor": "middle" }, dayLabel(t, unit)));
  }
  for (const s of spans) {
    if (s.lane === undefined) continue;
    const [norm, , , kind, n, docs] = s.it;
    const cy = top + s.lane * lane + lane / 2;
    const mark = s.r
      ? svg("circle", { cx: (s.x1 + s.x2) / 2, cy, r: s.r, fill: KIND_COLORS[kind] })
      : svg("rect", { x: s.x1, y: cy - 7, width: s.x2 - s.x1, height: 14, rx: 4,
        fill: KIND_COLORS[kind] || "#64748b" });
    // The norm is written inside a bar when it fits there.
    const fits = !s.r && s.x2 - s.x1 > norm.length * 6.5 + 8;
    chart.append(svg("a", { class: "mark", href: href("docs", { ent: `DATE|${norm}` }),
      "data-tip": `${norm}\n${kind} · ${plural(n, "mention")} in ${plural(docs, "document")}` },
    mark, fits ? svg("text", { x: s.x1 + 5, y: cy, class: "in-bar" }, norm) : null));
  }
  const kinds = [...new Set(items.map((it) => it[3]))];
  const legend = el("div", { class: "legend" },
    kinds.map((k) => el("span", {}, el("i", { class: "swatch round", style: `background:${KIND_COLORS[k]}` }), k)),
    hidden ? el("span", { class: "muted" }, `${plural(hidden, "date")} not drawn (no room)`) : null);
  host.replaceChildren(chart, legend);
}
