// The timeline: stacked bars of event counts per period and quad class, with a slider that sets the period.

import { getJSON, latest } from "./api.js";
import { QUADS, clearMessage, message, setState, tooltip } from "./dom.js";
import { indexOf, periodEnd, periodLabel, periodRange, periodStart } from "./periods.js";

const MAX_MONTH_BARS = 96;
const SLIDER_LEFT = 56;
const SLIDER_RIGHT = 40;

function bucket(series, period) {
  const sums = new Map();
  for (const row of series) {
    const key = periodStart(row.period_start, period);
    const sum = sums.get(key) || { q1: 0, q2: 0, q3: 0, q4: 0 };
    for (const q of ["q1", "q2", "q3", "q4"]) sum[q] += Number(row[q] || 0);
    sums.set(key, sum);
  }
  return sums;
}

function total(row) {
  return Number(row.q1 || 0) + Number(row.q2 || 0) + Number(row.q3 || 0) + Number(row.q4 || 0);
}

/** Which period fits the store's span: months, or years for a long span, or days for a short one. */
function choosePeriod(first, last) {
  const months = periodRange(first, last, "month").length;
  if (months > MAX_MONTH_BARS) return "year";
  return months <= 2 ? "day" : "month";
}

function baseOption(labels) {
  return {
    animation: false,
    grid: { left: 44, right: 18, top: 30, bottom: 58 },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 10, textStyle: { color: "#3c4858" } },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, formatter: axisTooltip },
    xAxis: { type: "category", data: labels, axisTick: { alignWithLabel: true } },
    yAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#eef1f5" } } },
    dataZoom: [
      {
        type: "slider",
        xAxisIndex: 0,
        filterMode: "filter",
        // Fixed margins: the browser tests find the handles at these offsets.
        left: SLIDER_LEFT,
        right: SLIDER_RIGHT,
        height: 22,
        bottom: 8,
        brushSelect: true,
        showDetail: true,
        borderColor: "#d5dbe3",
        fillerColor: "rgba(40, 96, 160, 0.15)",
        handleStyle: { color: "#2860a0" },
        moveHandleStyle: { color: "#2860a0" },
      },
    ],
    series: Object.entries(QUADS).map(([q, quad]) => ({
      name: quad.name,
      type: "bar",
      stack: "quad",
      barMaxWidth: 36,
      itemStyle: { color: quad.color },
      emphasis: { focus: "series" },
      data: [],
    })),
  };
}

function axisTooltip(params) {
  const items = Array.isArray(params) ? params : [params];
  if (!items.length) return "";
  const rows = items.map((p) => [p.seriesName, String(p.value ?? 0)]);
  const sum = items.reduce((acc, p) => acc + Number(p.value || 0), 0);
  rows.push(["All", String(sum)]);
  return tooltip(String(items[0].name), rows);
}

/**
 * Creates the timeline in `node`.  `onRange(since, until)` is called (debounced) when the analyst moves the
 * slider; `since`/`until` are null when the slider covers everything.
 */
export function createTimeline(node, { onRange }) {
  const chart = echarts.init(node);
  const view = { period: "month", periods: [], first: null, last: null };
  let quiet = false;
  let timer = null;

  chart.on("datazoom", () => {
    if (quiet || !view.periods.length) return;
    clearTimeout(timer);
    timer = setTimeout(() => onRange(...currentRange()), 250);
  });

  function windowIndices() {
    const zoom = chart.getOption().dataZoom[0];
    const n = view.periods.length;
    let start = zoom.startValue;
    let end = zoom.endValue;
    if (typeof start !== "number") start = Math.round(((zoom.start ?? 0) / 100) * (n - 1));
    if (typeof end !== "number") end = Math.round(((zoom.end ?? 100) / 100) * (n - 1));
    return [Math.max(0, start), Math.min(n - 1, end)];
  }

  function currentRange() {
    const [start, end] = windowIndices();
    if (start <= 0 && end >= view.periods.length - 1) return [null, null];
    return [view.periods[start], periodEnd(view.periods[end], view.period)];
  }

  const load = latest(async (isCurrent, params) => {
    setState(node, "loading");
    try {
      let data = await getJSON("/timeline", { ...params, since: null, until: null, period: "month" });
      if (!isCurrent()) return;
      if (!view.periods.length) {
        const dated = data.series.filter((row) => total(row) > 0);
        if (!dated.length) {
          message(node, "No dated events in the store yet.");
          setState(node, "loaded", { count: 0 });
          return;
        }
        view.first = dated[0].period_start;
        view.last = dated[dated.length - 1].period_start;
        view.period = choosePeriod(view.first, view.last);
        view.periods = periodRange(view.first, view.last, view.period);
        chart.setOption(baseOption(view.periods.map((p) => periodLabel(p, view.period))));
      }
      if (view.period === "day") {
        data = await getJSON("/timeline", { ...params, since: null, until: null, period: "day" });
        if (!isCurrent()) return;
      }
      const sums = bucket(data.series, view.period);
      const empty = { q1: 0, q2: 0, q3: 0, q4: 0 };
      chart.setOption({
        series: ["q1", "q2", "q3", "q4"].map((q) => ({ data: view.periods.map((p) => (sums.get(p) || empty)[q]) })),
      });
      clearMessage(node);
      let count = 0;
      for (const sum of sums.values()) count += total(sum);
      setState(node, "loaded", { count, period: view.period });
    } catch (error) {
      if (!isCurrent()) return;
      message(node, `Timeline unavailable: ${error.message}`, "error");
      setState(node, "error");
    }
  });

  /** Moves the slider to cover since..until (either may be null) without calling onRange. */
  function setRange(since, until) {
    if (!view.periods.length) return;
    const start = since ? indexOf(view.periods, since) : 0;
    const end = until ? indexOf(view.periods, until) : view.periods.length - 1;
    quiet = true;
    try {
      chart.dispatchAction({ type: "dataZoom", startValue: start, endValue: Math.max(start, end) });
    } finally {
      quiet = false;
    }
  }

  return {
    chart,
    load,
    setRange,
    extent: () => (view.periods.length ? [view.periods[0], periodEnd(view.periods.at(-1), view.period)] : null),
    period: () => view.period,
  };
}
