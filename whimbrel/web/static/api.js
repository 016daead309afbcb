// Talking to the whimbrel HTTP API (docs/api.md): query strings and JSON, nothing else.

/** A query string from an object; arrays become repeated keys, empty values are left out. */
export function queryString(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (v !== null && v !== undefined && v !== "") search.append(key, String(v));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** GET a JSON document from the page's own origin; throws an Error with the server's one-line detail. */
export async function getJSON(path, params) {
  const response = await fetch(path + queryString(params), { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      if (body && typeof body.detail === "string") detail = body.detail;
    } catch {
      // not JSON: keep the status line
    }
    throw new Error(detail);
  }
  return response.json();
}

/**
 * Runs only the newest of overlapping loads: a slow, stale answer must never overwrite a newer view.
 * `latest(fn)` returns a function that calls fn(isCurrent, ...args).
 */
export function latest(fn) {
  let generation = 0;
  return (...args) => {
    const mine = ++generation;
    return fn(() => mine === generation, ...args);
  };
}
