// Calendar periods for the timeline: a continuous list of period starts, so empty periods show as gaps.

const DAY_MS = 86400000;

function parse(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function iso(date) {
  return date.toISOString().slice(0, 10);
}

/** The start of the period that contains an ISO date. */
export function periodStart(isoDate, period) {
  if (period === "year") return `${isoDate.slice(0, 4)}-01-01`;
  if (period === "month") return `${isoDate.slice(0, 7)}-01`;
  return isoDate.slice(0, 10);
}

/** The start of the period after the one starting at `start`. */
export function nextStart(start, period) {
  const d = parse(start);
  if (period === "year") return iso(new Date(Date.UTC(d.getUTCFullYear() + 1, 0, 1)));
  if (period === "month") return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)));
  return iso(new Date(d.getTime() + DAY_MS));
}

/** The last day of the period starting at `start`. */
export function periodEnd(start, period) {
  return iso(new Date(parse(nextStart(start, period)).getTime() - DAY_MS));
}

/** Every period start from the one holding `first` to the one holding `last`. */
export function periodRange(first, last, period) {
  const out = [];
  let current = periodStart(first, period);
  const stop = periodStart(last, period);
  // Bounded: a corrupt date must not hang the page.
  while (current <= stop && out.length < 20000) {
    out.push(current);
    current = nextStart(current, period);
  }
  return out;
}

/** Days between two ISO dates. */
export function daysBetween(a, b) {
  return Math.round((parse(b).getTime() - parse(a).getTime()) / DAY_MS);
}

/** Index of the last period that starts on or before `isoDate` (clamped to the list). */
export function indexOf(periods, isoDate) {
  let index = 0;
  for (let i = 0; i < periods.length; i++) {
    if (periods[i] <= isoDate) index = i;
    else break;
  }
  return index;
}

/** A short label for a period start. */
export function periodLabel(start, period) {
  if (period === "year") return start.slice(0, 4);
  if (period === "month") return start.slice(0, 7);
  return start;
}
