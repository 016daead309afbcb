// The whimbrel dashboard: wires the views to one shared filter (period + event type).
// Loaded as an ES module from /static (the server's CSP allows scripts from 'self' only).

import { getJSON } from "./api.js";
import { createArticlePanel } from "./article.js";
import { PLOVER_TYPES, QUADS, actorRef, el, setState } from "./dom.js";
import { createActorSuggestions, createDyad } from "./dyad.js";
import { createMap } from "./map.js";
import { createNetwork } from "./network.js";
import { daysBetween } from "./periods.js";
import { createTable } from "./table.js";
import { createTimeline } from "./timeline.js";

const $ = (selector) => document.querySelector(selector);
const filter = { since: null, until: null, type: "" };

/** The API parameters of the current filter. */
function params() {
  const p = { since: filter.since, until: filter.until };
  if (filter.type.startsWith("quad:")) p.quad = filter.type.slice(5);
  if (filter.type.startsWith("plover:")) p.plover = filter.type.slice(7);
  return p;
}

function fillTypeOptions() {
  for (const [q, quad] of Object.entries(QUADS)) {
    $("#quad-options").append(el("option", { text: quad.name, attrs: { value: `quad:${q}` } }));
  }
  for (const type of PLOVER_TYPES) {
    $("#plover-options").append(el("option", { text: type, attrs: { value: `plover:${type}` } }));
  }
}

const timeline = createTimeline($("#timeline"), {
  onRange(since, until) {
    filter.since = since;
    filter.until = until;
    showRangeInInputs();
    refresh({ timeline: false });
  },
});
const network = createNetwork($("#network"), { onNode: pickActor, onEdge: pickDyad });
const map = createMap($("#map"), $("#map-count"));
const panel = createArticlePanel($("#article-panel"));
const openEvent = (event) => panel.show(event);
const table = createTable(
  {
    table: $("#events-table"),
    total: $("#events-total"),
    range: $("#events-range"),
    prev: $("#events-prev"),
    next: $("#events-next"),
  },
  { onSelect: openEvent },
);
const dyad = createDyad({ chartNode: $("#dyad-chart"), listNode: $("#dyad-events") }, { onSelect: openEvent });
const suggest = createActorSuggestions($("#actor-options"));

/** The dyad chart's period: fine for a short window, coarse for a long one. */
function dyadPeriod() {
  const extent = timeline.extent();
  const since = filter.since || (extent && extent[0]);
  const until = filter.until || (extent && extent[1]);
  if (!since || !until) return "month";
  const days = daysBetween(since, until);
  if (days <= 62) return "day";
  if (days <= 730) return "week";
  return days <= 12 * 366 ? "month" : "year";
}

function showRangeInInputs() {
  const extent = timeline.extent() || [null, null];
  $("#since").value = filter.since || extent[0] || "";
  $("#until").value = filter.until || extent[1] || "";
}

function loadDyad() {
  const source = $("#dyad-source").value.trim();
  const target = $("#dyad-target").value.trim();
  if (!source || !target) return Promise.resolve();
  return dyad.load(source, target, params(), dyadPeriod());
}

function pickActor(actor) {
  const ref = actorRef(actor.name, actor.country);
  if (!ref) return;
  $("#dyad-source").value = ref;
  if ($("#dyad-target").value.trim().toLowerCase() === ref.toLowerCase()) $("#dyad-target").value = "";
  loadDyad();
}

function pickDyad(source, target) {
  const a = source && actorRef(source.name, source.country);
  const b = target && actorRef(target.name, target.country);
  if (!a || !b) return;
  $("#dyad-source").value = a;
  $("#dyad-target").value = b;
  loadDyad();
}

/** Picks the heaviest edge of the network as the first dyad, so the view is never empty at start. */
function defaultDyad(data) {
  if (!data || $("#dyad-source").value || $("#dyad-target").value) return;
  const nodes = new Map(data.nodes.map((n) => [n.key, n]));
  for (const edge of data.edges) {
    const a = nodes.get(edge.source);
    const b = nodes.get(edge.target);
    const refA = a && actorRef(a.name, a.country);
    const refB = b && actorRef(b.name, b.country);
    if (refA && refB && refA !== refB) {
      $("#dyad-source").value = refA;
      $("#dyad-target").value = refB;
      return;
    }
  }
}

/** Reloads every view for the current filter; the timeline only when the type changed. */
function refresh({ timeline: withTimeline }) {
  const p = params();
  const jobs = [table.load(p), map.load(p), network.load(p).then((data) => { defaultDyad(data); return loadDyad(); })];
  if (withTimeline) jobs.push(timeline.load(p));
  return Promise.all(jobs);
}

function onDateInput() {
  let since = $("#since").value || null;
  let until = $("#until").value || null;
  if (since && until && since > until) [since, until] = [until, since];
  filter.since = since;
  filter.until = until;
  timeline.setRange(since, until);
  refresh({ timeline: false });
}

async function summary() {
  const node = $("#summary");
  try {
    const [events, actors] = await Promise.all([getJSON("/events", { limit: 1 }), getJSON("/actors", { limit: 500 })]);
    const extent = timeline.extent();
    const parts = [`${events.total} events`, `${actors.actors.length}${actors.actors.length >= 500 ? "+" : ""} actors`];
    if (extent) parts.push(`${extent[0]} – ${extent[1]}`);
    node.textContent = parts.join(" · ");
    setState(node, "loaded", { events: events.total });
  } catch (error) {
    node.textContent = `Store unavailable: ${error.message}`;
    setState(node, "error");
  }
}

function wire() {
  $("#filters").addEventListener("submit", (e) => e.preventDefault());
  $("#since").addEventListener("change", onDateInput);
  $("#until").addEventListener("change", onDateInput);
  $("#type-filter").addEventListener("change", () => {
    filter.type = $("#type-filter").value;
    refresh({ timeline: true });
  });
  $("#reset").addEventListener("click", () => {
    Object.assign(filter, { since: null, until: null, type: "" });
    $("#type-filter").value = "";
    timeline.setRange(null, null);
    showRangeInInputs();
    refresh({ timeline: true });
  });
  $("#dyad-form").addEventListener("submit", (e) => {
    e.preventDefault();
    loadDyad();
  });
  $("#dyad-swap").addEventListener("click", () => {
    const source = $("#dyad-source").value;
    $("#dyad-source").value = $("#dyad-target").value;
    $("#dyad-target").value = source;
    loadDyad();
  });
  let timer = null;
  for (const input of [$("#dyad-source"), $("#dyad-target")]) {
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => suggest(input.value.trim()), 200);
    });
  }
  // Charts size themselves to their boxes; follow the window.
  window.addEventListener("resize", () => {
    for (const view of [timeline, network, map, dyad]) view.chart.resize();
  });
}

async function start() {
  fillTypeOptions();
  wire();
  // The timeline first: its extent fills the date inputs and picks the dyad chart's period.
  await timeline.load(params());
  showRangeInInputs();
  await Promise.all([refresh({ timeline: false }), summary(), suggest("")]);
  setState(document.body, "loaded");
}

start();
