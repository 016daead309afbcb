// The event table: GET /events, paginated, sortable by date, confidence and mentions.

import { getJSON, latest } from "./api.js";
import { actorLabel, compactRange, dateRange, el, fixed, setState } from "./dom.js";

const PAGE = 15;

function row(event, onSelect) {
  const tr = el(
    "tr",
    { attrs: { "data-event-id": event.event_id, "data-article-id": event.article_id, tabindex: "0" } },
    el("td", {
      cls: "date",
      text: compactRange(event.date_start, event.date_end),
      attrs: { title: dateRange(event.date_start, event.date_end) },
    }),
    el("td", { cls: "actor", text: actorLabel(event.source_name, event.source_key, event.source_country) }),
    el(
      "td",
      { cls: "code" },
      el("span", { cls: `badge quad-${event.quad_class}`, text: event.plover }),
      el("small", { text: ` ${event.cameo}` }),
      el("br"),
      el("span", { cls: `status status-${event.status}`, text: event.status }),
    ),
    el("td", { cls: "actor", text: actorLabel(event.target_name, event.target_key, event.target_country) }),
    el("td", { cls: "num", text: fixed(event.confidence) }),
    el("td", { cls: "num", text: String(event.num_mentions ?? "") }),
    el("td", { cls: "sentence", attrs: { title: event.sentence } }, el("div", { cls: "clamp", text: event.sentence })),
  );
  tr.addEventListener("click", () => onSelect(event, tr));
  tr.addEventListener("keydown", (e) => {
    if (e.key === "Enter") onSelect(event, tr);
  });
  return tr;
}

/** Creates the table view; `onSelect(event)` opens an event's article. */
export function createTable({ table, total, range, prev, next }, { onSelect }) {
  const body = table.querySelector("tbody");
  const view = { sort: "date", offset: 0, params: {}, total: 0 };

  function select(event, tr) {
    body.querySelectorAll("tr.selected").forEach((r) => r.classList.remove("selected"));
    tr.classList.add("selected");
    onSelect(event);
  }

  const fetchPage = latest(async (isCurrent) => {
    setState(table, "loading");
    const params = { ...view.params, sort: view.sort, offset: view.offset, limit: PAGE };
    try {
      const data = await getJSON("/events", params);
      if (!isCurrent()) return;
      view.total = data.total;
      body.replaceChildren(...data.events.map((e) => row(e, select)));
      if (!data.events.length) {
        body.append(el("tr", { cls: "none" }, el("td", { text: "No events match.", attrs: { colspan: 7 } })));
      }
      total.textContent = String(data.total);
      const last = data.offset + data.events.length;
      range.textContent = data.total ? `${data.offset + 1}–${last} of ${data.total}` : "0 of 0";
      prev.disabled = data.offset <= 0;
      next.disabled = last >= data.total;
      const query = new URLSearchParams(Object.entries(view.params).filter(([, v]) => v)).toString();
      setState(table, "loaded", { total: data.total, offset: data.offset, sort: view.sort, query });
      return data;
    } catch (error) {
      if (!isCurrent()) return;
      const cell = el("td", { text: `Events unavailable: ${error.message}`, attrs: { colspan: 7 } });
      body.replaceChildren(el("tr", { cls: "error" }, cell));
      setState(table, "error");
    }
  });

  for (const th of table.querySelectorAll("th[data-sort]")) {
    th.querySelector("button").addEventListener("click", () => {
      const key = th.dataset.sort;
      view.sort = view.sort === key ? `-${key}` : key;
      for (const other of table.querySelectorAll("th[data-sort]")) other.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", view.sort.startsWith("-") ? "descending" : "ascending");
      view.offset = 0;
      fetchPage();
    });
  }
  prev.addEventListener("click", () => {
    view.offset = Math.max(0, view.offset - PAGE);
    fetchPage();
  });
  next.addEventListener("click", () => {
    if (view.offset + PAGE < view.total) view.offset += PAGE;
    fetchPage();
  });

  /** Loads the first page for new filters. */
  function load(params) {
    view.params = params;
    view.offset = 0;
    return fetchPage();
  }

  return { load };
}
