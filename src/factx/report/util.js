"use strict";
// Helpers shared by every view. Document text is untrusted: it only ever reaches the page
// as text nodes (el() children, textContent), never through innerHTML.

const SVGNS = "http://www.w3.org/2000/svg";
const D = JSON.parse(document.getElementById("factx-data").textContent);

const PALETTE = {
  PERSON: "#c4b5fd", ORG: "#7dd3fc", COUNTRY: "#fcd34d", LOCATION: "#fdba74",
  DATE: "#86efac", DURATION: "#a7f3d0", QUANTITY: "#f9a8d4", MONEY: "#bef264",
  PERCENT: "#fda4af",
};
const SPARE = ["#d8b4fe", "#93c5fd", "#fde68a", "#99f6e4", "#fecaca", "#e5e7eb"];
const LANG_COLORS = ["#4f46e5", "#0891b2", "#d97706", "#16a34a", "#db2777", "#64748b"];
const LABEL_NAMES = {
  PERSON: "People", ORG: "Organisations", COUNTRY: "Countries", LOCATION: "Locations",
  DATE: "Dates", DURATION: "Durations", QUANTITY: "Quantities", MONEY: "Money",
  PERCENT: "Percentages",
};

function labelColor(label) {
  if (PALETTE[label]) return PALETTE[label];
  const i = D.labels.indexOf(label);
  return SPARE[(i < 0 ? 0 : i) % SPARE.length];
}

function langColor(lang) {
  const i = LANGS.indexOf(lang);
  return LANG_COLORS[(i < 0 ? LANG_COLORS.length - 1 : i) % LANG_COLORS.length];
}

function append(node, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(node, c);
    else node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.setAttribute("class", v);
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  return node;
}

function el(tag, attrs, ...children) {
  return append(setAttrs(document.createElement(tag), attrs), children);
}

function svg(tag, attrs, ...children) {
  return append(setAttrs(document.createElementNS(SVGNS, tag), attrs), children);
}

const NUM = new Intl.NumberFormat("en");
function fmt(n) {
  if (n === null || n === undefined) return "";
  if (Math.abs(n) >= 1e15 || (n !== 0 && Math.abs(n) < 1e-3)) return n.toExponential(3);
  return NUM.format(n);
}

function plural(n, one, many) {
  return `${fmt(n)} ${n === 1 ? one : many || one + "s"}`;
}

function clip(text, max) {
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}

// Routes look like #/docs?label=PERSON&page=2; params stay plain strings.
function parseRoute() {
  const hash = location.hash.replace(/^#\/?/, "");
  const q = hash.indexOf("?");
  const path = (q < 0 ? hash : hash.slice(0, q)).split("/");
  const params = new URLSearchParams(q < 0 ? "" : hash.slice(q + 1));
  return { view: path[0] || "overview", arg: path[1], params };
}

function href(view, params, arg) {
  const clean = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== "") clean.set(k, v);
  }
  const qs = clean.toString();
  return `#/${view}${arg !== undefined ? "/" + arg : ""}${qs ? "?" + qs : ""}`;
}

// One tooltip for the whole page: elements carry data-tip (lines split on "\n") or are
// mentions (data-m), whose tip is built from the payload on hover.
const tip = document.getElementById("tip");
function showTip(target, x, y) {
  const lines = target.dataset.m !== undefined ? mentionTip(+target.dataset.m)
    : target.getAttribute("data-tip").split("\n").map((t, i) => i ? el("div", {}, t) : el("b", {}, t));
  tip.replaceChildren(...lines);
  tip.hidden = false;
  const w = tip.offsetWidth, h = tip.offsetHeight;
  const left = Math.min(x + 14, window.innerWidth - w - 8);
  const top = y + 18 + h > window.innerHeight ? y - h - 12 : y + 18;
  tip.style.left = `${Math.max(4, left)}px`;
  tip.style.top = `${Math.max(4, top)}px`;
}
let pointer = null;
function updateTip(node, x, y) {
  const target = node && node.closest ? node.closest("[data-tip],[data-m]") : null;
  if (target) showTip(target, x, y);
  else tip.hidden = true;
}
document.addEventListener("mousemove", (e) => {
  pointer = [e.clientX, e.clientY];
  updateTip(e.target, e.clientX, e.clientY);
});
// Scrolling moves the page under a still pointer: show the tip of what is now under it.
document.addEventListener("scroll", () => {
  if (pointer) updateTip(document.elementFromPoint(...pointer), ...pointer);
}, true);
