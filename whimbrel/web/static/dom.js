// Small DOM helpers.  Every string from the API goes into the page as text (textContent), never as HTML.

/** An element with a class and text content; children appended in order. */
export function el(tag, { cls, text, attrs } = {}, ...children) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value !== undefined && value !== null) node.setAttribute(key, String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

/** Sets a view's loading state; tests wait on data-state instead of sleeping. */
export function setState(node, state, extra = {}) {
  for (const [key, value] of Object.entries(extra)) node.dataset[key] = String(value);
  node.dataset.state = state;
}

/** Replaces a chart container's content with a one-line message (an error or "nothing here"). */
export function message(node, text, kind = "empty") {
  const box = el("div", { cls: `message ${kind}`, text });
  node.querySelectorAll(":scope > .message").forEach((m) => m.remove());
  node.append(box);
}

/** Removes a message put there by `message`. */
export function clearMessage(node) {
  node.querySelectorAll(":scope > .message").forEach((m) => m.remove());
}

/** An ECharts tooltip body built from DOM nodes (ECharts inserts strings as HTML, elements as elements). */
export function tooltip(title, rows) {
  const box = el("div", { cls: "tip" }, el("div", { cls: "tip-title", text: title }));
  for (const [label, value] of rows) {
    box.append(el("div", { cls: "tip-row" }, el("span", { text: label }), el("b", { text: value })));
  }
  return box;
}

/** A label for an actor: its canonical name, else its key ("BLR/GOV" → "BLR GOV", "-/-" → "—"). */
export function actorLabel(name, key, country) {
  if (name) return name;
  const parts = String(key || "")
    .split("/")
    .filter((part) => part && part !== "-");
  return parts.join(" ") || country || "—";
}

/** The value the API's source/target filters accept for an actor: canonical name, else ISO3 country. */
export function actorRef(name, country) {
  return name || country || "";
}

/** A compact date range: "2014" for a whole year, "2014-03" for a whole month, else start – end. */
export function compactRange(start, end) {
  if (!start || !end || start === end) return dateRange(start, end);
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  if (sameYear && start.slice(5) === "01-01" && end.slice(5) === "12-31") return start.slice(0, 4);
  const nextDay = new Date(Date.UTC(+end.slice(0, 4), +end.slice(5, 7) - 1, +end.slice(8, 10) + 1));
  const monthEnd = nextDay.getUTCDate() === 1 && nextDay.getUTCMonth() !== +end.slice(5, 7) - 1;
  if (start.slice(0, 7) === end.slice(0, 7) && start.endsWith("-01") && monthEnd) return start.slice(0, 7);
  return `${start} – ${end}`;
}

/** "2024-03-01" or "2024-03-01 – 2024-03-04". */
export function dateRange(start, end) {
  if (!start) return "undated";
  return end && end !== start ? `${start} – ${end}` : start;
}

export const QUADS = {
  1: { name: "Verbal cooperation", color: "#86c28b" },
  2: { name: "Material cooperation", color: "#1f7a3a" },
  3: { name: "Verbal conflict", color: "#f2a46b" },
  4: { name: "Material conflict", color: "#b3242f" },
};

export const PLOVER_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];

/** A colour for a mean Goldstein score: red for conflict, grey around zero, green for cooperation. */
export function goldsteinColor(score) {
  if (score === null || score === undefined || Number.isNaN(score)) return "#9aa5b1";
  const t = Math.max(-1, Math.min(1, score / 10));
  const grey = [154, 165, 177];
  const end = t < 0 ? [179, 36, 47] : [31, 122, 58];
  const mix = grey.map((g, i) => Math.round(g + (end[i] - g) * Math.abs(t)));
  return `rgb(${mix[0]}, ${mix[1]}, ${mix[2]})`;
}

/** Number formatting for tooltips and tables. */
export function fixed(value, digits = 2) {
  return value === null || value === undefined ? "—" : Number(value).toFixed(digits);
}
