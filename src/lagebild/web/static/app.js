/* Lagebild web view: timeline, actor graph, actor pages, quotes, source comparison, search.
   Everything is read from the local JSON API; all data is written with textContent. */
"use strict";

const LABELS = {
  de: { timeline: "Zeitleiste", graph: "Akteursgraph", quotes: "Zitate", compare: "Quellenvergleich",
        search: "Suche", actor: "Akteur", source: "Quelle", type: "Ereignistyp", status: "Status",
        since: "von", until: "bis", all: "alle", evidence: "Beleg", context: "Kontext", names: "Namen",
        roles: "Rollen", events: "Ereignisse", more: "Mehr laden", speaker: "Sprecher",
        namesBySource: "Namen für denselben Akteur", whomQuoted: "Wen die Quellen zitieren",
        onlyOne: "Nur von einer Quelle berichtet", dateConflicts: "Abweichende Daten", documents: "Dokumente",
        noResults: "Keine Treffer", undated: "ohne Datum", storyline: "Handlungsstrang", query: "Suchbegriff",
        clickItem: "Ein Ereignis anklicken, um seine Belege zu sehen." },
  en: { timeline: "Timeline", graph: "Actor graph", quotes: "Quotes", compare: "Source comparison",
        search: "Search", actor: "Actor", source: "Source", type: "Event type", status: "Status",
        since: "from", until: "until", all: "all", evidence: "Evidence", context: "Context", names: "Names",
        roles: "Roles", events: "Events", more: "Load more", speaker: "Speaker",
        namesBySource: "Names for the same actor", whomQuoted: "Whom each source quotes",
        onlyOne: "Reported by one source only", dateConflicts: "Dates that disagree", documents: "documents",
        noResults: "No results", undated: "undated", storyline: "Storyline", query: "Search terms",
        clickItem: "Click an event to see its evidence." },
};
let lang = localStorage.getItem("lagebild-lang") || "de";
let summary = null;
const L = (k) => LABELS[lang][k] || k;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v;
    else if (k === "on") for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c != null) node.append(c);
  return node;
}

async function api(path, params = {}) {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null));
  const res = await fetch(`/api/${path}?${q}`);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

function route() {
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  const parts = path.split("/").filter(Boolean);
  return { name: parts[0] || "timeline", arg: decodeURIComponent(parts[1] || ""), params: new URLSearchParams(query || "") };
}

function actorName(id) {
  const a = summary && summary.actors.find((x) => x.id === id);
  return a ? a.name : id;
}

function select(name, options, value, onChange) {
  const s = el("select", { name, on: { change: onChange } }, el("option", { value: "", text: L("all") }));
  for (const o of options) {
    const opt = el("option", { value: o.value, text: o.label });
    if (o.value === value) opt.selected = true;
    s.append(opt);
  }
  return el("label", { text: L(name) }, s);
}

function toDate(value) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value || "");
  return m ? new Date(Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1)) : null;
}

function eventLabel(e) {
  const target = e.target ? ` → ${actorName(e.target)}` : "";
  return `${e.type}${e.mode ? "/" + e.mode : ""}: ${actorName(e.actor)}${target}`;
}

async function showEvidence(panel, e) {
  panel.replaceChildren(el("h3", { text: `${eventLabel(e)} · ${e.date || L("undated")} · ${e.status}` }));
  for (const r of e.reports) {
    const box = el("div", { class: "evidence" },
      el("div", { text: r.evidence || "" }),
      el("div", { class: "meta", text: `${r.doc_id} · ${r.published || ""} · ${r.status}` }));
    const link = el("a", { href: "#", class: "context", text: L("context"), on: { click: async (ev) => {
      ev.preventDefault();
      const d = await api("evidence", { doc: r.doc_id, start: r.start, end: r.end });
      box.append(el("p", { class: "passage" }, d.before, el("mark", { text: d.passage }), d.after),
                 el("div", { class: "meta", text: `${d.title || d.id} · ${d.source || ""} · ${d.published || ""}` }));
      link.remove();
    } } });
    box.append(link);
    panel.append(box);
  }
}

async function viewTimeline(root, params) {
  const state = Object.fromEntries(["actor", "source", "type", "status", "since", "until"].map((k) => [k, params.get(k) || ""]));
  const reload = (ev) => { state[ev.target.name] = ev.target.value;
    location.hash = "#/timeline?" + new URLSearchParams(Object.entries(state).filter(([, v]) => v)); };
  const filters = el("div", { class: "filters" },
    select("actor", summary.actors.map((a) => ({ value: a.id, label: a.name })), state.actor, reload),
    select("source", summary.sources.map((s) => ({ value: s, label: s })), state.source, reload),
    select("type", summary.types.map((t) => ({ value: t, label: t })), state.type, reload),
    select("status", ["asserted", "announced", "planned", "hypothetical", "negated", "reported"].map((s) => ({ value: s, label: s })), state.status, reload),
    el("label", { text: L("since") }, el("input", { name: "since", value: state.since, placeholder: "2023-01", on: { change: reload } })),
    el("label", { text: L("until") }, el("input", { name: "until", value: state.until, placeholder: "2024-12", on: { change: reload } })));
  const box = el("div", { id: "timeline" });
  const panel = el("div", { class: "panel", id: "evidence-panel" }, el("p", { class: "meta", text: L("clickItem") }));
  root.replaceChildren(filters, box, panel);
  const events = await api("timeline", { ...state, limit: 500 });
  const groups = new Map();
  const items = [];
  for (const e of events) {
    const start = toDate(e.date);
    if (!start) continue;
    if (!groups.has(e.storyline)) groups.set(e.storyline, { id: e.storyline, content: `${actorName(e.actor)} · ${e.mode || e.type}`, n: 0 });
    groups.get(e.storyline).n += 1;
    const docs = e.reports.map((r) => r.doc_id).join(" ");
    const content = el("span", { class: "event", "data-date": e.date, "data-docs": docs, "data-storyline": e.storyline,
                                 text: `${eventLabel(e)} · ${e.date}` });
    items.push({ id: e.cluster_id, group: e.storyline, start, content, className: e.status,
                 title: `${e.date} · ${e.sources.join(", ")}` });
  }
  const byId = new Map(events.map((e) => [e.cluster_id, e]));
  const timeline = new vis.Timeline(box, items, [...groups.values()].sort((a, b) => b.n - a.n),
    { stack: true, orientation: "top", maxHeight: "60vh", zoomKey: "ctrlKey", groupOrder: (a, b) => b.n - a.n });
  if (items.length) timeline.fit({ animation: false });
  timeline.on("select", (p) => { if (p.items.length) showEvidence(panel, byId.get(p.items[0])); });
  root.dataset.items = String(items.length);
}

async function viewGraph(root) {
  const box = el("div", { id: "graph" });
  root.replaceChildren(box);
  const g = await api("graph", { limit: 80 });
  const colors = { PERSON: "#d9822b", COUNTRY: "#3d7bd9", CITY: "#6aa0e8", ALLIANCE: "#2e9e6b", ORGANIZATION: "#7a5cc2",
                   TREATY: "#b03a48", WEAPON: "#555", PARTY: "#9b59b6" };
  const cy = cytoscape({ container: box, elements: [
    ...g.nodes.map((n) => ({ data: { id: n.id, label: n.name, type: n.type, size: 20 + Math.min(40, Math.sqrt(n.n_mentions) * 4) } })),
    ...g.edges.map((e, i) => ({ data: { id: "e" + i, source: e.source, target: e.target, label: e.type, kind: e.kind } })),
  ], style: [
    { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)", "font-size": 10,
      "text-wrap": "wrap", "text-max-width": 110,
      "background-color": (n) => colors[n.data("type")] || "#888" } },
    { selector: "edge", style: { label: "data(label)", "font-size": 8, "curve-style": "bezier", "target-arrow-shape": "triangle",
      width: 1.5, "line-color": "#b8c2cc", "target-arrow-color": "#b8c2cc" } },
    { selector: "edge[kind = 'relation']", style: { "line-style": "dashed", "line-color": "#2e9e6b", "target-arrow-color": "#2e9e6b" } },
  ], layout: { name: "cose", animate: false, nodeRepulsion: () => 400000, idealEdgeLength: () => 90, componentSpacing: 80 } });
  cy.on("tap", "node", (ev) => { location.hash = "#/actor/" + encodeURIComponent(ev.target.id()); });
  window.lagebildGraph = cy;
}

function quoteBox(q) {
  return el("div", { class: "quote" },
    el("span", { class: "speaker", text: (q.speaker_name || q.speaker_text || "?") + ": " }),
    el("span", { class: "text", text: q.text }),
    el("div", { class: "meta", text: `${q.kind} · ${q.source} · ${q.published || ""} · ${q.doc_id}` }));
}

async function viewActor(root, id) {
  const a = await api("actor", { id });
  const names = el("table", {}, el("tr", {}, el("th", { text: L("names") }), el("th", { text: L("source") }), el("th", { text: "n" })));
  for (const n of a.names) names.append(el("tr", {}, el("td", { text: `${n.surface} (${n.kind})` }), el("td", { text: n.source }), el("td", { text: n.n })));
  const events = el("ul", {}, ...a.events.map((e) => el("li", { text: `${e.date || L("undated")} · ${eventLabel(e)} · ${e.status}` })));
  const quotes = el("div", { id: "actor-quotes" }, ...a.quotes.map(quoteBox));
  root.replaceChildren(...[
    el("h2", { text: `${a.name} (${a.type})` }),
    el("p", { class: "meta", text: `${a.n_mentions} · ${a.n_documents} ${L("documents")}` }),
    a.roles.length ? el("p", { class: "roles", text: `${L("roles")}: ` + a.roles.map((r) => `${r.role}${r.of ? " · " + actorName(r.of) : ""} (${r.published || "?"})`).join("; ") }) : null,
    el("h3", { text: L("names") }), names, el("h3", { text: L("events") }), events,
    el("h3", { text: `${L("quotes")} (${a.quotes.length})` }), quotes].filter(Boolean));
}

async function viewQuotes(root, params) {
  const speaker = params.get("speaker") || "";
  const list = el("div", { id: "quote-list" });
  const speakers = summary.actors.filter((a) => a.type === "PERSON" || a.type === "ORGANIZATION");
  const more = el("button", { class: "more", type: "button", text: L("more") });
  root.replaceChildren(el("div", { class: "filters" }, select("speaker", speakers.map((a) => ({ value: a.id, label: a.name })), speaker,
    (ev) => { location.hash = "#/quotes?speaker=" + encodeURIComponent(ev.target.value); })), list, more);
  let offset = 0;
  const load = async () => {
    const page = await api("quotes", { speaker, limit: 100, offset });
    page.forEach((q) => list.append(quoteBox(q)));
    offset += page.length;
    more.hidden = page.length < 100;
  };
  more.addEventListener("click", load);
  await load();
}

async function viewCompare(root) {
  const c = await api("compare");
  const names = el("table", { id: "compare-names" }, el("tr", {}, el("th", { text: L("actor") }), el("th", { text: L("source") }), el("th", { text: L("names") })));
  for (const rows of c.names) for (const r of rows) names.append(el("tr", {}, el("td", { text: r.actor }), el("td", { text: r.source }), el("td", { text: r.names.join(", ") })));
  const speakers = el("table", {}, ...c.speakers.map((s) => el("tr", {}, el("td", { text: s.source }), el("td", { text: s.speaker }), el("td", { text: s.n }))));
  const only = el("ul", {}, ...c.exclusive_events.map((e) => el("li", { text: `${e.source}: ${e.date || L("undated")} · ${eventLabel(e)}` })));
  const dates = el("ul", {}, ...c.date_conflicts.map((d) => el("li", { text: `${eventLabel(d)}: ` + d.dates.map((x) => `${x.date} (${x.source})`).join(", ") })));
  root.replaceChildren(el("h3", { text: L("namesBySource") }), names, el("h3", { text: L("whomQuoted") }), speakers,
    el("h3", { text: L("onlyOne") }), only, el("h3", { text: L("dateConflicts") }), dates);
}

async function viewSearch(root, params) {
  const q = params.get("q") || "";
  const input = el("input", { name: "q", value: q, placeholder: L("query"), on: { change: (ev) => { location.hash = "#/search?q=" + encodeURIComponent(ev.target.value); } } });
  const list = el("div", { id: "search-results" });
  root.replaceChildren(el("div", { class: "filters" }, el("label", { text: L("search") }, input)), list);
  if (!q) return;
  const hits = await api("search", { q, limit: 50 });
  if (!hits.length) list.append(el("p", { text: L("noResults") }));
  for (const h of hits) list.append(el("div", { class: "quote" }, el("div", { text: h.text }),
    el("div", { class: "meta", text: `${h.source} · ${h.published || ""} · ${h.doc_id}` })));
}

async function render() {
  document.documentElement.lang = lang;
  document.getElementById("lang").textContent = lang === "de" ? "EN" : "DE";
  document.querySelectorAll("[data-l]").forEach((a) => { a.textContent = L(a.dataset.l); });
  const r = route();
  document.querySelectorAll("nav a").forEach((a) => a.classList.toggle("active", a.getAttribute("href") === "#/" + r.name));
  const root = document.getElementById("view");
  root.dataset.view = r.name;
  delete root.dataset.ready;
  try {
    if (!summary) summary = await api("summary");
    document.getElementById("summary").textContent =
      `${summary.documents} ${L("documents")} · ${summary.first || "?"} – ${summary.last || "?"}`;
    const views = { timeline: viewTimeline, graph: viewGraph, quotes: viewQuotes, compare: viewCompare, search: viewSearch };
    if (r.name === "actor") await viewActor(root, r.arg);
    else await (views[r.name] || viewTimeline)(root, r.params);
  } catch (err) {
    root.replaceChildren(el("p", { class: "error", text: String(err.message || err) }));
  }
  root.dataset.ready = "1";
}

document.getElementById("lang").addEventListener("click", () => {
  lang = lang === "de" ? "en" : "de";
  localStorage.setItem("lagebild-lang", lang);
  render();
});
window.addEventListener("hashchange", render);
render();
