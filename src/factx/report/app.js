// Indexes over the payload, built once, then hash routing between the views.

const NDOCS = D.docs.id.length;
const NM = D.m.doc.length;
const M_BY_DOC = Array.from({ length: NDOCS }, () => []);
const DOC_LABELS = Array.from({ length: NDOCS }, () => ({}));
const LABEL_COUNTS = {};
D.m.doc.forEach((d, i) => {
  const label = D.labels[D.m.label[i]];
  LABEL_COUNTS[label] = (LABEL_COUNTS[label] || 0) + 1;
  if (d < 0) return;
  M_BY_DOC[d].push(i);
  DOC_LABELS[d][label] = (DOC_LABELS[d][label] || 0) + 1;
});
for (const rows of M_BY_DOC) rows.sort((a, b) => D.m.start[a] - D.m.start[b] || D.m.end[b] - D.m.end[a]);
const LANGS = (() => {
  const n = {};
  for (const l of D.docs.lang) n[l || "?"] = (n[l || "?"] || 0) + 1;
  return Object.keys(n).sort((a, b) => n[b] - n[a] || a.localeCompare(b));
})();
const LOWER = new Map();
let REDRAW = [];
let KEEP_FOCUS = null;

function mLabel(i) { return D.labels[D.m.label[i]]; }
function mText(i) {
  const t = D.m.text[i];
  return t !== null ? t : D.docs.text[D.m.doc[i]].slice(D.m.start[i], D.m.end[i]);
}
function mKey(i) { return D.m.norm[i] !== null ? D.m.norm[i] : mText(i); }
function lowerText(d) {
  if (!LOWER.has(d)) LOWER.set(d, (D.docs.text[d] || "").toLowerCase());
  return LOWER.get(d);
}

function mentionTip(i) {
  const value = D.m.value[i];
  return [el("b", {}, `${mLabel(i)}: ${mText(i)}`),
    D.m.norm[i] !== null ? el("div", {}, "norm ", el("code", {}, D.m.norm[i])) : null,
    value !== null ? el("div", {}, "value ", el("code", {}, `${fmt(value)}${D.m.unit[i] ? " " + D.m.unit[i] : ""}`)) : null,
    D.m.ext[i] >= 0 ? el("div", { class: "muted" }, `by ${D.m.extractors[D.m.ext[i]]}`) : null,
    el("div", { class: "muted" }, "click: documents mentioning it")].filter(Boolean);
}

const VIEWS = {
  overview: (root) => renderOverview(root),
  docs: (root, r) => renderDocs(root, r.params),
  doc: (root, r) => renderDoc(root, r.params, r.arg),
  errors: (root) => renderErrors(root),
};

function renderNav(current) {
  const tabs = [["overview", "Overview"], ["docs", `Documents (${fmt(NDOCS)})`]];
  if (D.errors[0].length) tabs.push(["errors", `Errors (${fmt(D.errors[0].length)})`]);
  document.getElementById("nav").replaceChildren(...tabs.map(([view, name]) => el("a", {
    href: href(view), class: current === view || (current === "doc" && view === "docs") ? "on" : "",
  }, name)));
}

function route() {
  const r = parseRoute();
  const view = VIEWS[r.view] ? r.view : "overview";
  const root = document.getElementById("view");
  root.replaceChildren();
  root.className = `view view-${view}`;
  REDRAW = [];
  renderNav(view);
  VIEWS[view](root, r);
  for (const draw of REDRAW) draw();
  if (KEEP_FOCUS && document.getElementById(KEEP_FOCUS)) {
    const input = document.getElementById(KEEP_FOCUS);
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  } else if (view !== "doc") {
    window.scrollTo(0, 0);
  }
  KEEP_FOCUS = null;
}

let resizeTimer = 0;
window.addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => { for (const draw of REDRAW) draw(); }, 150);
});
window.addEventListener("hashchange", route);
document.getElementById("run-dir").textContent = D.run.dir;
document.getElementById("run-dir").title = `generated ${D.run.generated} by factx ${D.run.factx}`;
route();
document.body.dataset.ready = "1";
