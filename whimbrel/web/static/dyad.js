// The dyad view: two actors, their interactions per period (bars: count, line: mean Goldstein), their events.

import { getJSON, latest } from "./api.js";
import { periodLabel } from "./periods.js";
import { clearMessage, compactRange, el, fixed, message, setState, tooltip } from "./dom.js";

function option(series, period) {
  return {
    animation: false,
    grid: { left: 30, right: 30, top: 30, bottom: 24 },
    legend: { top: 0, right: 0, itemWidth: 12, itemHeight: 10, textStyle: { color: "#3c4858" } },
    tooltip: { trigger: "axis", formatter: dyadTooltip },
    xAxis: { type: "category", data: series.map((r) => periodLabel(r.period_start, period)) },
    yAxis: [
      { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#eef1f5" } } },
      { type: "value", min: -10, max: 10, interval: 5, splitLine: { show: false } },
    ],
    series: [
      {
        name: "Events",
        type: "bar",
        barMaxWidth: 28,
        itemStyle: { color: "#2860a0" },
        data: series.map((r) => r.count),
      },
      {
        name: "Mean Goldstein",
        type: "line",
        yAxisIndex: 1,
        connectNulls: false,
        symbolSize: 6,
        itemStyle: { color: "#d9822b" },
        data: series.map((r) => (r.count ? r.mean_goldstein : null)),
      },
    ],
  };
}

function dyadTooltip(params) {
  const items = Array.isArray(params) ? params : [params];
  if (!items.length) return "";
  return tooltip(
    String(items[0].name),
    items.map((p) => [p.seriesName, fixed(p.value, p.seriesIndex ? 1 : 0)]),
  );
}

/** One clickable line of an event list (also used for the dyad's events). */
export function eventItem(event, onSelect) {
  const item = el(
    "li",
    { attrs: { "data-event-id": event.event_id, tabindex: "0" } },
    el("span", { cls: "when", text: compactRange(event.date_start, event.date_end) }),
    el("span", { cls: `badge quad-${event.quad_class}`, text: event.plover }),
    el("span", { cls: `status status-${event.status}`, text: event.status }),
    el("span", { cls: "sentence", text: event.sentence }),
  );
  item.addEventListener("click", () => onSelect(event));
  item.addEventListener("keydown", (e) => {
    if (e.key === "Enter") onSelect(event);
  });
  return item;
}

/** Creates the dyad view; `onSelect(event)` opens an event from its list. */
export function createDyad({ chartNode, listNode }, { onSelect }) {
  const chart = echarts.init(chartNode);

  const load = latest(async (isCurrent, source, target, params, period) => {
    setState(chartNode, "loading");
    setState(listNode, "loading");
    try {
      const range = { since: params.since, until: params.until };
      const [dyad, events] = await Promise.all([
        getJSON("/dyads", { source, target, period, ...range }),
        getJSON("/events", { source, target, ...range, sort: "-date", limit: 100 }),
      ]);
      if (!isCurrent()) return;
      chart.setOption(option(dyad.series, period), { notMerge: true });
      if (dyad.series.some((r) => r.count)) clearMessage(chartNode);
      else message(chartNode, "No occurred events between these actors in this period.");
      listNode.replaceChildren(...events.events.map((e) => eventItem(e, onSelect)));
      if (!events.events.length) listNode.append(el("li", { cls: "none", text: "No events." }));
      const key = `${source}→${target}`;
      setState(chartNode, "loaded", { dyad: key, count: dyad.series.length });
      setState(listNode, "loaded", { dyad: key, count: events.total });
    } catch (error) {
      if (!isCurrent()) return;
      chart.clear();
      message(chartNode, `Dyad unavailable: ${error.message}`, "error");
      listNode.replaceChildren();
      setState(chartNode, "error");
      setState(listNode, "error");
    }
  });

  return { chart, load };
}

/** Suggestions for the actor inputs from GET /actors?q= (a datalist: values are names or ISO3 codes). */
export function createActorSuggestions(datalist) {
  return latest(async (isCurrent, q) => {
    try {
      const data = await getJSON("/actors", { q, limit: 25 });
      if (!isCurrent()) return;
      const seen = new Set();
      const options = [];
      for (const a of data.actors) {
        const value = a.name || a.country;
        if (!value || seen.has(value)) continue;
        seen.add(value);
        const detail = [a.country, a.sector, `${a.events} events`].filter(Boolean).join(" · ");
        options.push(el("option", { text: detail, attrs: { value } }));
      }
      datalist.replaceChildren(...options);
    } catch {
      // Suggestions are a convenience: typing a name still works without them.
    }
  });
}
