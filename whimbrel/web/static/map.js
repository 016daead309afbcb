// The map of located events: Natural Earth country outlines (world-atlas, served locally) + a scatter.

import { getJSON, latest } from "./api.js";
import { clearMessage, fixed, goldsteinColor, message, setState, tooltip } from "./dom.js";

let registered = null;

function crossesAntimeridian(polygon) {
  return polygon.some((ring) => ring.some((point, k) => k > 0 && Math.abs(point[0] - ring[k - 1][0]) > 180));
}

/**
 * Drops the few polygon parts that cross the antimeridian (a sliver of Fiji and of Chukotka): d3 cuts them
 * on the sphere, ECharts would draw them as lines across the whole map.
 */
function planar(feature) {
  const geometry = feature.geometry;
  if (geometry && geometry.type === "MultiPolygon") {
    geometry.coordinates = geometry.coordinates.filter((polygon) => !crossesAntimeridian(polygon));
  }
  return feature;
}

/** Registers the 'world' map once, from the TopoJSON the server ships; no tiles, no other host. */
function registerWorld() {
  if (!registered) {
    registered = fetch("/vendor/countries-110m.json")
      .then((response) => {
        if (!response.ok) throw new Error(`country outlines: ${response.status}`);
        return response.json();
      })
      .then((topo) => {
        const world = topojson.feature(topo, topo.objects.countries);
        // Antarctica takes a fifth of the height and never hosts a news event worth the space.
        world.features = world.features.filter((f) => f.properties && f.properties.name !== "Antarctica").map(planar);
        echarts.registerMap("world", world);
      });
  }
  return registered;
}

function option(places) {
  const maxCount = Math.max(1, ...places.map((p) => Number(p.count || 0)));
  return {
    tooltip: { trigger: "item", confine: true, formatter: placeTooltip },
    geo: {
      map: "world",
      roam: true,
      silent: true,
      left: 4,
      right: 4,
      top: 10,
      bottom: 10,
      itemStyle: { areaColor: "#e7ecf2", borderColor: "#b9c3cf", borderWidth: 0.5 },
    },
    series: [
      {
        type: "scatter",
        coordinateSystem: "geo",
        data: places.map((p) => ({
          name: p.name,
          value: [Number(p.lon), Number(p.lat), Number(p.count || 0)],
          place: p,
          symbolSize: 7 + 18 * Math.sqrt(Number(p.count || 0) / maxCount),
          itemStyle: { color: goldsteinColor(p.mean_goldstein), opacity: 0.85, borderColor: "#fff" },
        })),
      },
    ],
  };
}

function placeTooltip(p) {
  const place = p.data && p.data.place;
  if (!place) return "";
  return tooltip(place.name || "—", [
    ["Country", place.country || "—"],
    ["Events", String(place.count ?? 0)],
    ["Mean Goldstein", fixed(place.mean_goldstein, 1)],
  ]);
}

/** Creates the map view in `node`; `countNode` shows how many places are drawn. */
export function createMap(node, countNode) {
  const chart = echarts.init(node);

  const load = latest(async (isCurrent, params) => {
    setState(node, "loading");
    try {
      const [data] = await Promise.all([getJSON("/locations", params), registerWorld()]);
      if (!isCurrent()) return;
      const places = data.places.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
      chart.setOption(option(places), { notMerge: true });
      const events = places.reduce((acc, p) => acc + Number(p.count || 0), 0);
      const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
      countNode.textContent = `${plural(events, "located event")} at ${plural(places.length, "place")}`;
      if (places.length) clearMessage(node);
      else message(node, "No located events in this period.");
      setState(node, "loaded", { count: places.length });
    } catch (error) {
      if (!isCurrent()) return;
      message(node, `Map unavailable: ${error.message}`, "error");
      setState(node, "error");
    }
  });

  return { chart, load };
}
