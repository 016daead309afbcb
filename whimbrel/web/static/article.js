// The evidence panel: an event's facts and its article, with the evidence sentence marked.
// The article text is untrusted: it is cut into text nodes around the offsets, never parsed as HTML.

import { getJSON, latest } from "./api.js";
import { actorLabel, dateRange, el, fixed, setState } from "./dom.js";

const BASIS = { text: "from the text", publication: "from publication", unknown: "unknown" };

function validSpan(text, start, end) {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length;
}

/** The evidence span in the article text: the mention's offsets, else the sentence found by search. */
function evidenceSpan(text, mention, sentence) {
  if (mention && validSpan(text, mention.span_start, mention.span_end)) return [mention.span_start, mention.span_end];
  const at = sentence ? text.indexOf(sentence) : -1;
  return at >= 0 ? [at, at + sentence.length] : null;
}

/** Article text as nodes: plain text, then <mark> around the evidence with the trigger in <strong>. */
export function markedText(text, span, trigger) {
  if (!span) return [document.createTextNode(text)];
  const [start, end] = span;
  const mark = el("mark", { attrs: { id: "evidence" } });
  const inside = trigger && validSpan(text, trigger[0], trigger[1]) && trigger[0] >= start && trigger[1] <= end;
  if (inside && trigger[0] < trigger[1]) {
    mark.append(
      document.createTextNode(text.slice(start, trigger[0])),
      el("strong", { cls: "trigger", text: text.slice(trigger[0], trigger[1]) }),
      document.createTextNode(text.slice(trigger[1], end)),
    );
  } else {
    mark.textContent = text.slice(start, end);
  }
  return [document.createTextNode(text.slice(0, start)), mark, document.createTextNode(text.slice(end))];
}

function safeUrl(url) {
  // Only web links: a javascript: or data: URL from an article must never become a clickable href.
  return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
}

function setFact(node, text, value) {
  node.textContent = text;
  if (value !== undefined) node.dataset.value = value ?? "";
}

/** Creates the panel; returns `show(event)`. */
export function createArticlePanel(panel) {
  const $ = (id) => panel.querySelector(`#${id}`);
  const textNode = $("article-text");

  function showFacts(event, mention) {
    const source = actorLabel(event.source_name, event.source_key, event.source_country);
    const target = actorLabel(event.target_name, event.target_key, event.target_country);
    setFact($("event-dyad"), `${source} → ${target}`);
    setFact($("event-code"), `${event.plover} · CAMEO ${event.cameo} · Goldstein ${fixed(event.goldstein, 1)}`);
    setFact($("event-date"), dateRange(event.date_start, event.date_end));
    const basis = (mention && mention.date_basis) || event.date_basis || "unknown";
    setFact($("event-date-basis"), BASIS[basis] || basis, basis);
    setFact($("event-status"), event.status, event.status);
    $("event-status").className = `status status-${event.status}`;
    setFact($("event-confidence"), fixed(event.confidence), event.confidence);
  }

  function showArticle(article) {
    $("article-headline").textContent = article.title || "(untitled article)";
    const byline = $("article-source");
    const parts = [article.outlet, article.published, article.author].filter(Boolean).join(" · ");
    byline.replaceChildren(document.createTextNode(parts || "unknown source"));
    const url = safeUrl(article.url);
    if (url) {
      const attrs = { href: url, rel: "noopener noreferrer", target: "_blank" };
      byline.append(" · ", el("a", { text: "original", attrs }));
    }
  }

  const show = latest(async (isCurrent, event) => {
    setState(panel, "loading", { eventId: event.event_id });
    $("article-hint").textContent = "Loading the article…";
    try {
      const data = await getJSON(`/articles/${encodeURIComponent(event.article_id)}`);
      if (!isCurrent()) return;
      const mentions = data.mentions || [];
      const mention =
        mentions.find((m) => m.id === event.best_mention) ||
        mentions.find((m) => m.event_id === event.event_id) ||
        null;
      showFacts(event, mention);
      showArticle(data.article);
      const text = data.article.text || "";
      const span = evidenceSpan(text, mention, event.sentence);
      const trigger = mention ? [mention.trigger_start, mention.trigger_end] : null;
      textNode.replaceChildren(...markedText(text, span, trigger));
      const mark = textNode.querySelector("mark");
      // Scroll the panel's own box, not the page, to the evidence.
      if (mark) textNode.scrollTop = Math.max(0, mark.offsetTop - 60);
      $("article-hint").textContent = span ? "evidence sentence highlighted" : "evidence not found in the text";
      setState(panel, "loaded", { eventId: event.event_id });
    } catch (error) {
      if (!isCurrent()) return;
      showFacts(event, null);
      textNode.replaceChildren(el("p", { cls: "message error", text: `Article unavailable: ${error.message}` }));
      $("article-hint").textContent = "";
      setState(panel, "error", { eventId: event.event_id });
    }
  });

  return { show };
}
