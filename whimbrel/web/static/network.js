// The actor network: actors as nodes (size by events), interactions as edges (width by count, colour by tone).

import { getJSON, latest } from "./api.js";
import { actorLabel, clearMessage, fixed, goldsteinColor, message, setState, tooltip } from "./dom.js";

const EDGE_LIMIT = 80;

function option(nodes, edges) {
  const maxEvents = Math.max(1, ...nodes.map((n) => Number(n.events || 0)));
  const maxCount = Math.max(1, ...edges.map((e) => Number(e.count || 0)));
  const index = new Map(nodes.map((n, i) => [n.key, i]));
  return {
    animationDurationUpdate: 300,
    tooltip: { trigger: "item", confine: true, formatter: graphTooltip },
    series: [
      {
        type: "graph",
        layout: "force",
        roam: true,
        draggable: true,
        // No layout animation: the layout is computed at once, so nodes stay where the analyst (or a test) sees them.
        force: { repulsion: 170, gravity: 0.16, edgeLength: [40, 110], friction: 0.2, layoutAnimation: false,
          // Start from a circle, not at random: the same data always gives the same picture.
          initLayout: "circular" },
        label: { show: true, position: "right", fontSize: 11, color: "#27323f", formatter: (p) => p.data.label },
        labelLayout: { hideOverlap: true },
        lineStyle: { curveness: 0.15, opacity: 0.85 },
        edgeSymbol: ["none", "arrow"],
        edgeSymbolSize: 6,
        emphasis: { focus: "adjacency", lineStyle: { width: 4 } },
        data: nodes.map((n) => ({
          // ECharts keys nodes by name: use the unique key, show the label.
          name: n.key,
          label: actorLabel(n.name, n.key, n.country),
          actor: n,
          value: Number(n.events || 0),
          symbolSize: 8 + 22 * Math.sqrt(Number(n.events || 0) / maxEvents),
          itemStyle: { color: "#2860a0", borderColor: "#fff", borderWidth: 1 },
        })),
        links: edges
          .filter((e) => index.has(e.source) && index.has(e.target))
          .map((e) => ({
            source: index.get(e.source),
            target: index.get(e.target),
            edge: e,
            value: Number(e.count || 0),
            lineStyle: {
              width: 1 + 5 * (Number(e.count || 0) / maxCount),
              color: goldsteinColor(e.mean_goldstein),
            },
          })),
      },
    ],
  };
}

function graphTooltip(p) {
  if (p.dataType === "edge") {
    const e = p.data.edge;
    const nodes = p.data._names || [];
    return tooltip(nodes.join(" → ") || "Interaction", [
      ["Events", String(e.count)],
      ["Mean Goldstein", fixed(e.mean_goldstein, 1)],
    ]);
  }
  const n = p.data.actor;
  const rows = [
    ["Country", n.country || "—"],
    ["Events", String(n.events ?? 0)],
  ];
  if (n.key && n.key !== p.data.label) rows.unshift(["Key", n.key]);
  return tooltip(p.data.label, rows);
}

/**
 * Zooms the computed layout to fit the box (force layouts know nothing of the box's size), leaving room for
 * the labels that sit right of the nodes.
 */
function fit(chart, node) {
  const series = chart.getModel().getSeriesByIndex(0);
  const data = series && series.getData();
  if (!data || !data.count()) return;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < data.count(); i++) {
    const [x, y] = data.getItemLayout(i);
    [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  }
  const width = Math.max(1, node.clientWidth - 110);
  const height = Math.max(1, node.clientHeight - 40);
  const zoom = Math.min(1.4, width / Math.max(1, x1 - x0), height / Math.max(1, y1 - y0));
  // The view zooms about its own centre; shift the layout's centre (plus half the label room) there.
  chart.setOption({ series: [{ zoom, center: [(x0 + x1) / 2 + 45 / zoom, (y0 + y1) / 2] }] });
}

/** Creates the network view; `onNode(actor)` and `onEdge(sourceActor, targetActor)` follow clicks. */
export function createNetwork(node, { onNode, onEdge }) {
  const chart = echarts.init(node);
  let byKey = new Map();

  chart.on("click", (p) => {
    if (p.dataType === "node") onNode(p.data.actor);
    else if (p.dataType === "edge") onEdge(byKey.get(p.data.edge.source), byKey.get(p.data.edge.target));
  });

  const load = latest(async (isCurrent, params) => {
    setState(node, "loading");
    try {
      const data = await getJSON("/network", { ...params, limit: EDGE_LIMIT });
      if (!isCurrent()) return;
      byKey = new Map(data.nodes.map((n) => [n.key, n]));
      const opt = option(data.nodes, data.edges);
      for (const link of opt.series[0].links) {
        const e = link.edge;
        link._names = [byKey.get(e.source), byKey.get(e.target)].map((n) => actorLabel(n?.name, n?.key));
      }
      chart.setOption(opt, { notMerge: true });
      fit(chart, node);
      if (data.nodes.length) clearMessage(node);
      else message(node, "No interactions in this period.");
      setState(node, "loaded", { count: data.edges.length });
      return data;
    } catch (error) {
      if (!isCurrent()) return;
      message(node, `Network unavailable: ${error.message}`, "error");
      setState(node, "error");
    }
  });

  return { chart, load };
}
