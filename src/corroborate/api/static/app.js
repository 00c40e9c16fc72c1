// corroborate analyst's desk. Everything from the server is untrusted data:
// the DOM is built with createElement and text nodes only, never from HTML strings.
"use strict";

(function () {
  const SVGNS = "http://www.w3.org/2000/svg";
  const STATUS_ORDER = { contested: 0, revised: 1, single_source: 2, corroborated: 3 };
  const QUALIFIER = { at_least: "≥ ", more_than: "> ", about: "≈ ", up_to: "≤ ",
                      at_most: "≤ ", vague: "~ " };
  const main = document.getElementById("main");

  // ------------------------------------------------------------ DOM helpers

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVGNS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith("on")) throw new Error("use addEventListener, not " + key);
      node.setAttribute(key, String(value));
    }
  }

  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function on(node, event, handler) {
    node.addEventListener(event, handler);
    return node;
  }

  // Only http(s) links from data become anchors; anything else stays text.
  function safeUrl(raw) {
    if (typeof raw !== "string") return null;
    try {
      const url = new URL(raw);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function fmt(value) {
    if (value === null || value === undefined) return "—";
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  }

  function claimLabel(claim) {
    return (QUALIFIER[claim.qualifier] || "") + fmt(claim.value);
  }

  function slotName(slot) {
    return String(slot).replace(/_/g, " ");
  }

  function statusBadge(status) {
    return el("span", { class: "badge status-" + String(status).replace(/[^a-z_]/g, "") },
      slotName(status || "unknown"));
  }

  function rangeText(fact) {
    if (fact.low === null || fact.low === undefined) return "—";
    if (fact.high === null || fact.high === undefined) return fmt(fact.low) + "+";
    if (fact.low === fact.high) return fmt(fact.low);
    return fmt(fact.low) + "–" + fmt(fact.high);
  }

  function reportLabel(report) {
    const source = report.source ? String(report.source).split(/[\\/]/).pop() : "";
    return report.outlet || report.title || source || report.id;
  }

  function shortTime(time) {
    return time ? String(time).slice(0, 16).replace("T", " ") : "";
  }

  // ------------------------------------------------------------ fetching

  async function getJSON(url, options) {
    const response = await fetch(url, options);
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      throw new Error("the server answered " + response.status + " without JSON");
    }
    if (!response.ok || !body || body.ok === false) {
      throw new Error((body && body.message) || "request failed (" + response.status + ")");
    }
    return body;
  }

  function showError(target, error) {
    clear(target);
    target.appendChild(el("div", { class: "error", role: "alert" }, String(error.message || error)));
  }

  let outlines = null;
  async function countryOutlines() {
    if (!outlines) outlines = getJSON("/static/countries.json").catch(() => null);
    return outlines;
  }

  // ------------------------------------------------------------ routing

  function parseHash() {
    const hash = location.hash.replace(/^#/, "") || "/";
    const [path, query] = hash.split("?");
    return { path, params: new URLSearchParams(query || "") };
  }

  async function route() {
    const { path, params } = parseHash();
    const match = path.match(/^\/incident\/([^/]+)$/);
    document.getElementById("nav-add").classList.toggle("active", path === "/add");
    document.getElementById("nav-list").classList.toggle("active", path === "/");
    clear(main);
    try {
      if (match) await incidentView(decodeURIComponent(match[1]));
      else if (path === "/add") await addView();
      else await listView(params);
    } catch (error) {
      showError(main, error);
    }
    window.scrollTo(0, 0);
  }

  // ------------------------------------------------------------ list

  const FILTERS = [
    ["q", "Search", "text", "place, person, group"],
    ["date_from", "From", "text", "YYYY-MM-DD"],
    ["date_to", "To", "text", "YYYY-MM-DD"],
    ["country", "Country", "text", "ISO code, e.g. IR"],
    ["event_type", "Type", "text", "explosion, shooting…"],
  ];

  function filterForm(params) {
    const form = el("form", { class: "filters", id: "filters" });
    for (const [name, label, type, placeholder] of FILTERS) {
      form.appendChild(el("label", {}, label,
        el("input", { name, type, placeholder, value: params.get(name) || "" })));
    }
    const status = el("select", { name: "status" }, el("option", { value: "" }, "any"));
    for (const s of ["contested", "revised", "single_source", "corroborated"]) {
      status.appendChild(el("option", { value: s, selected: params.get("status") === s }, slotName(s)));
    }
    form.appendChild(el("label", {}, "Fact status", status));
    form.appendChild(el("button", { type: "submit", class: "primary" }, "Filter"));
    form.appendChild(on(el("button", { type: "button" }, "Clear"), "click", () => {
      location.hash = "#/";
    }));
    on(form, "submit", (event) => {
      event.preventDefault();
      const query = new URLSearchParams();
      for (const [key, value] of new FormData(form).entries()) {
        if (String(value).trim()) query.set(key, String(value).trim());
      }
      location.hash = "#/?" + query.toString();
    });
    return form;
  }

  function headlineCell(summary, slot) {
    const fact = summary.headline[slot];
    if (!fact) return el("td", { class: "num muted" }, "—");
    const range = fact.low !== fact.best || fact.high !== fact.best
      ? el("span", { class: "muted" }, " (" + rangeText(fact) + ")") : null;
    return el("td", { class: "num" }, el("span", { class: "dot status-" + fact.status }),
      fmt(fact.best), range);
  }

  async function listView(params) {
    const limit = 50;
    const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
    const query = new URLSearchParams(params);
    query.set("limit", String(limit));
    query.set("offset", String(offset));
    main.appendChild(el("h1", {}, "Incidents"));
    main.appendChild(filterForm(params));
    const holder = el("div", { class: "card" }, el("p", { class: "muted" }, "Loading…"));
    main.appendChild(holder);
    let data;
    try {
      data = await getJSON("/api/incidents?" + query.toString());
    } catch (error) {
      showError(holder, error);
      return;
    }
    clear(holder);
    if (!data.incidents.length) {
      holder.appendChild(el("p", { class: "muted" }, offset ? "No more incidents."
        : "No incidents match. Add reports, or clear the filters."));
    } else {
      holder.appendChild(incidentTable(data.incidents));
    }
    holder.appendChild(pager(params, offset, limit, data.count));
  }

  function incidentTable(incidents) {
    const body = el("tbody");
    for (const summary of incidents) {
      const place = summary.place || {};
      const link = el("a", { href: "#/incident/" + encodeURIComponent(summary.id),
                             class: "incident-link" }, summary.title);
      const disputed = summary.contested.length
        ? summary.contested.map((s) => el("span", { class: "badge status-contested" }, slotName(s)))
        : el("span", { class: "muted" }, "none");
      body.appendChild(el("tr", {},
        el("td", { class: "nowrap" }, summary.event_date || "—"),
        el("td", {}, link, el("div", { class: "muted small" }, summary.id)),
        el("td", {}, place.country_code || "—"),
        headlineCell(summary, "killed"),
        headlineCell(summary, "injured"),
        el("td", { class: "num" }, summary.reports),
        el("td", {}, disputed)));
    }
    return el("table", { class: "grid", id: "incident-table" },
      el("thead", {}, el("tr", {}, ["Date", "Incident", "Country", "Killed", "Injured",
        "Reports", "Contested"].map((h) => el("th", {}, h)))),
      body);
  }

  function pager(params, offset, limit, count) {
    const nav = el("div", { class: "pager" });
    const go = (to) => {
      const next = new URLSearchParams(params);
      next.set("offset", String(Math.max(0, to)));
      location.hash = "#/?" + next.toString();
    };
    if (offset > 0) nav.appendChild(on(el("button", {}, "← Previous"), "click", () => go(offset - limit)));
    if (count === limit) nav.appendChild(on(el("button", {}, "Next →"), "click", () => go(offset + limit)));
    return nav;
  }

  // ------------------------------------------------------------ incident

  async function incidentView(id) {
    const data = await getJSON("/api/incidents/" + encodeURIComponent(id));
    const incident = data.incident;
    const reports = data.reports.filter((r) => !r.missing);
    const order = data.fact_order.filter((slot) => incident.facts[slot]);
    const place = incident.place || {};

    main.appendChild(el("p", {}, el("a", { href: "#/" }, "← All incidents")));
    main.appendChild(el("h1", { id: "incident-title" }, data.title));
    main.appendChild(el("p", { class: "muted" },
      [...new Set([place.name, place.admin1, place.country_code].filter(Boolean))].join(", ")
        || "place unknown",
      " · ", incident.event_date || "date unknown",
      " · ", reports.length + " report" + (reports.length === 1 ? "" : "s"),
      " · ", el("code", {}, incident.id)));

    const source = el("section", { class: "card source", id: "source-panel", hidden: true });
    const top = el("div", { class: "two-col" },
      el("section", { class: "card" }, el("h2", {}, "Facts"), factsTable(incident, order)),
      el("section", { class: "card" }, el("h2", {}, "Where"), el("div", { id: "map-holder" })));
    main.appendChild(top);
    main.appendChild(el("section", { class: "card" },
      el("h2", {}, "What each report says"),
      el("p", { class: "muted small" }, "Click a value to read it in its report."),
      matrix(incident, order, reports, source)));
    main.appendChild(source);
    main.appendChild(chartsSection(incident, order, reports));
    main.appendChild(reportsSection(reports, source));
    main.appendChild(contextSection(incident));
    drawMap(document.getElementById("map-holder"), place, data.places);
  }

  function factsTable(incident, order) {
    if (!order.length) return el("p", { class: "muted" }, "No facts were reconciled.");
    const body = el("tbody");
    for (const slot of order) {
      const fact = incident.facts[slot];
      body.appendChild(el("tr", { class: "fact-" + fact.status },
        el("th", { scope: "row" }, slotName(slot)),
        el("td", {}, statusBadge(fact.status)),
        // several values can hold at once (two perpetrators): show them all
        el("td", { class: typeof fact.best === "number" ? "num strong" : "strong text" },
          (fact.values || []).length > 1 ? fact.values.join("; ") : fmt(fact.best)),
        el("td", { class: "num" }, rangeText(fact)),
        el("td", { class: "num" }, fmt(fact.conservative)),
        el("td", { class: "num" }, fact.reports + " / " + fact.sources),
        el("td", { class: "small" }, fact.note || "")));
    }
    return el("div", { class: "scroll-x" }, el("table", { class: "grid", id: "facts-table" },
      el("thead", {}, el("tr", {}, ["Fact", "Status", "Best", "Range", "Conservative",
        "Rep. / src.", "Why"].map((h) => el("th", {}, h)))),
      body));
  }

  function matrix(incident, order, reports, source) {
    if (!order.length || !reports.length) return el("p", { class: "muted" }, "Nothing to compare.");
    const head = el("tr", {}, el("th", {}, "Fact"));
    for (const report of reports) {
      head.appendChild(el("th", { class: "report-col" }, reportLabel(report),
        el("div", { class: "muted small" }, shortTime(report.time),
          report.time_basis === "ingested" ? " (ingested)" : "")));
    }
    const body = el("tbody");
    for (const slot of order) {
      const fact = incident.facts[slot];
      const row = el("tr", {}, el("th", { scope: "row" }, slotName(slot), " ", statusBadge(fact.status)));
      for (const report of reports) {
        const claims = fact.claims.filter((c) => c.report === report.id);
        const cell = el("td", {});
        if (!claims.length) cell.appendChild(el("span", { class: "muted" }, "—"));
        for (const claim of claims) {
          const button = el("button", { type: "button", class: "claim",
            title: attributionText(claim) || "the report's own voice",
            "data-report": report.id, "data-slot": slot }, claimLabel(claim));
          on(button, "click", () => showSource(source, report.id, claim, button));
          cell.appendChild(button);
        }
        row.appendChild(cell);
      }
      body.appendChild(row);
    }
    return el("div", { class: "scroll-x" },
      el("table", { class: "grid matrix", id: "matrix" }, el("thead", {}, head), body));
  }

  function attributionText(claim) {
    const parts = [];
    if (claim.speaker) parts.push(claim.speaker + (claim.role ? " (" + claim.role + ")" : ""));
    if (claim.channel) parts.push("via " + claim.channel);
    return parts.join(" ");
  }

  // ------------------------------------------------------------ source text

  async function showSource(panel, reportId, claim, button) {
    document.querySelectorAll("button.claim.selected").forEach((b) => b.classList.remove("selected"));
    if (button) button.classList.add("selected");
    panel.hidden = false;
    clear(panel);
    panel.appendChild(el("p", { class: "muted" }, "Loading report…"));
    let data;
    try {
      data = await getJSON("/api/reports/" + encodeURIComponent(reportId));
    } catch (error) {
      showError(panel, error);
      return;
    }
    renderSource(panel, data, claim);
    const mark = panel.querySelector("mark.span") || panel;
    panel.scrollIntoView({ block: "start" });
    if (mark !== panel) mark.scrollIntoView({ block: "center" });
  }

  function renderSource(panel, data, claim) {
    clear(panel);
    const report = data.report;
    const url = safeUrl(report.url);
    panel.appendChild(el("div", { class: "source-head" },
      el("h2", {}, reportLabel(report)),
      on(el("button", { type: "button", class: "close", "aria-label": "Close" }, "×"), "click", () => {
        panel.hidden = true;
      })));
    panel.appendChild(el("p", { class: "muted small" },
      report.title ? [report.title, " · "] : null,
      report.published ? "published " + report.published : "publication time unknown",
      url ? [" · ", el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original")] : null,
      " · ", el("code", {}, report.id)));
    if (claim) {
      const who = attributionText(claim);
      panel.appendChild(el("p", { class: "claim-line" },
        el("strong", {}, slotName(claim.slot) + ": " + claimLabel(claim)),
        claim.qualifier && claim.qualifier !== "exact" ? " (" + slotName(claim.qualifier) + ")" : "",
        who ? " — " + who : " — the report's own voice"));
    }
    const chips = el("div", { class: "chips" });
    for (const other of data.claims) {
      chips.appendChild(on(el("button", { type: "button", class: "chip" },
        slotName(other.slot) + ": " + claimLabel(other)), "click", () => {
        renderSource(panel, data, other);
        const mark = panel.querySelector("mark.span");
        if (mark) mark.scrollIntoView({ block: "center" });
      }));
    }
    if (data.claims.length) panel.appendChild(el("details", { class: "extracted" },
      el("summary", {}, "Everything extracted from this report (" + data.claims.length + " claims, "
        + data.entities.length + " entities)"), chips, entityList(data.entities)));
    panel.appendChild(highlightedText(report.text || "", claim));
  }

  function entityList(entities) {
    if (!entities.length) return null;
    const seen = new Set();
    const list = el("p", { class: "small" }, el("strong", {}, "Entities: "));
    for (const entity of entities) {
      const key = entity.type + ":" + entity.text;
      if (seen.has(key)) continue;
      seen.add(key);
      list.appendChild(el("span", { class: "entity", title: entity.type }, entity.text));
    }
    return list;
  }

  // The sentence holding the claim, as [start, end), found by its text near the span.
  function sentenceRange(text, start, end, sentence) {
    if (sentence) {
      let at = text.lastIndexOf(sentence, start);
      while (at >= 0) {
        if (at + sentence.length >= end) return [at, at + sentence.length];
        at = at > 0 ? text.lastIndexOf(sentence, at - 1) : -1;
      }
    }
    let s = start;
    while (s > 0 && !/[.!?\n]/.test(text[s - 1])) s -= 1;
    let e = end;
    while (e < text.length && !/[.!?\n]/.test(text[e])) e += 1;
    return [s, Math.min(text.length, e + 1)];
  }

  function highlightedText(text, claim) {
    const box = el("div", { class: "report-text", id: "report-text" });
    const span = claim && Array.isArray(claim.span) ? claim.span.map(Number) : null;
    if (!span || !(span[0] >= 0) || !(span[1] > span[0]) || span[1] > text.length) {
      box.appendChild(document.createTextNode(text));
      return box;
    }
    const [start, end] = span;
    const [s, e] = sentenceRange(text, start, end, claim.text);
    box.appendChild(document.createTextNode(text.slice(0, s)));
    box.appendChild(el("mark", { class: "sentence" }, text.slice(s, start),
      el("mark", { class: "span" }, text.slice(start, end)), text.slice(end, e)));
    box.appendChild(document.createTextNode(text.slice(e)));
    return box;
  }

  // ------------------------------------------------------------ charts

  function chartsSection(incident, order, reports) {
    const grid = el("div", { class: "charts" });
    const section = el("section", { class: "card" }, el("h2", {}, "Figures over reporting time"), grid);
    const names = new Map(reports.map((r) => [r.id, reportLabel(r)]));
    let drawn = 0;
    for (const slot of order) {
      const fact = incident.facts[slot];
      const points = (fact.timeline || [])
        .filter((t) => typeof t.value === "number" && isFinite(t.value))
        .map((t) => ({ ...t, ms: Date.parse(t.time) }));
      if (!points.length) continue;
      grid.appendChild(el("div", { class: "chart" },
        el("h3", {}, slotName(slot), " ", statusBadge(fact.status)), figureChart(points, fact, names)));
      drawn += 1;
    }
    if (!drawn) section.appendChild(el("p", { class: "muted" }, "No figures to chart."));
    return section;
  }

  function figureChart(points, fact, names) {
    const W = 640, H = 220, L = 48, R = 16, T = 14, B = 40;
    const values = points.map((p) => p.value).concat([fact.low, fact.high, fact.best]
      .filter((v) => typeof v === "number"));
    const top = Math.max(1, ...values) * 1.15;
    const known = points.filter((p) => !isNaN(p.ms));
    const t0 = known.length ? Math.min(...known.map((p) => p.ms)) : 0;
    const t1 = known.length ? Math.max(...known.map((p) => p.ms)) : 0;
    const x0 = L + 20, x1 = W - R - 28;  // inset so point labels clear the axes
    const x = (p, i) => (t1 > t0 && !isNaN(p.ms))
      ? x0 + (p.ms - t0) / (t1 - t0) * (x1 - x0)
      : x0 + (points.length === 1 ? 0.5 : i / (points.length - 1)) * (x1 - x0);
    const y = (v) => T + (1 - v / top) * (H - T - B);
    const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "figure-chart", role: "img",
      "aria-label": "reported values over time" });
    if (typeof fact.low === "number") {
      const hi = typeof fact.high === "number" ? fact.high : top;
      chart.appendChild(svg("rect", { x: L, width: W - L - R, y: y(hi), height: Math.max(1, y(fact.low) - y(hi)),
        class: "band" }, svg("title", {}, "range " + rangeText(fact))));
    }
    for (const v of [0, top / 2, top / 1.15]) {
      chart.appendChild(svg("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), class: "gridline" }));
      chart.appendChild(svg("text", { x: L - 6, y: y(v) + 4, class: "axis", "text-anchor": "end" },
        String(Math.round(v))));
    }
    if (typeof fact.best === "number") {
      chart.appendChild(svg("line", { x1: L, x2: W - R, y1: y(fact.best), y2: y(fact.best), class: "best" }));
      chart.appendChild(svg("text", { x: L + 4, y: y(fact.best) - 4, class: "axis best-label" },
        "best " + fact.best));
    }
    const coords = points.map((p, i) => [x(p, i), y(p.value)]);
    chart.appendChild(svg("polyline", { points: coords.map((c) => c.join(",")).join(" "), class: "trend" }));
    points.forEach((p, i) => {
      const label = (names.get(p.report) || p.report) + (p.source ? " · " + p.source : "");
      chart.appendChild(svg("circle", { cx: coords[i][0], cy: coords[i][1], r: 5, class: "point" },
        svg("title", {}, label + ": " + p.value + " at " + shortTime(p.time))));
      chart.appendChild(svg("text", { x: coords[i][0], y: coords[i][1] - 9, class: "value", "text-anchor": "middle" },
        String(p.value)));
    });
    const first = points[0], last = points[points.length - 1];
    chart.appendChild(svg("line", { x1: L, x2: W - R, y1: y(0), y2: y(0), class: "baseline" }));
    chart.appendChild(svg("text", { x: coords[0][0], y: H - 12, class: "axis", "text-anchor": "middle" },
      shortTime(first.time)));
    if (points.length > 1 && coords[coords.length - 1][0] - coords[0][0] > 120) {
      chart.appendChild(svg("text", { x: coords[coords.length - 1][0], y: H - 12, class: "axis",
        "text-anchor": "middle" }, shortTime(last.time)));
    }
    return chart;
  }

  // ------------------------------------------------------------ map

  async function drawMap(holder, place, places) {
    const data = await countryOutlines();
    if (!data) {
      holder.appendChild(el("p", { class: "muted" }, "Map outlines unavailable."));
      return;
    }
    let points = (places || []).filter((p) => typeof p.lat === "number" && typeof p.lon === "number")
      .map((p) => ({ name: p.name, x: p.lon + 180, y: 90 - p.lat, main: false }));
    if (typeof place.lat === "number" && typeof place.lon === "number") {
      const main = { name: place.name || "incident", x: place.lon + 180, y: 90 - place.lat, main: true };
      // Far-away places a report mentions (capitals, earlier attacks) would zoom the map
      // out to the world; frame the incident's surroundings and list the rest below.
      const far = points.filter((p) => Math.abs(p.x - main.x) > 15 || Math.abs(p.y - main.y) > 10);
      points = [main, ...points.filter((p) => !far.includes(p))];
      if (far.length) {
        holder.appendChild(el("p", { class: "muted small map-far" }, "Also mentioned, further away: "
          + [...new Set(far.map((p) => p.name))].join(", ")));
      }
    }
    const focus = data.countries.find((c) => place.country_code && c.iso2 === place.country_code);
    const box = viewBox(points, focus);
    const map = svg("svg", { viewBox: box.join(" "), class: "map", role: "img", id: "map",
      "aria-label": "map of incident places", preserveAspectRatio: "xMidYMid meet" });
    map.appendChild(svg("rect", { x: -10, y: -10, width: 380, height: 200, class: "sea" }));
    for (const country of data.countries) {
      const b = country.bbox;
      if (b[2] < box[0] || b[0] > box[0] + box[2] || b[3] < box[1] || b[1] > box[1] + box[3]) continue;
      map.appendChild(svg("path", { d: country.d, class: country === focus ? "land focus" : "land" },
        svg("title", {}, country.name)));
    }
    const r = box[2] / 90;
    const seen = new Set();
    const labelled = [];
    for (const p of points) {
      const key = p.name + p.x.toFixed(2) + p.y.toFixed(2);
      if (seen.has(key)) continue;
      seen.add(key);
      map.appendChild(svg("circle", { cx: p.x, cy: p.y, r: p.main ? r * 1.4 : r,
        class: p.main ? "pin main" : "pin" }, svg("title", {}, p.name)));
      // Label a point only when it does not crowd one already labelled.
      if (labelled.some((q) => Math.abs(q.x - p.x) < box[2] / 6 && Math.abs(q.y - p.y) < box[3] / 10)) continue;
      labelled.push(p);
      map.appendChild(svg("text", { x: p.x + r * 1.8, y: p.y + r * 0.6, class: "pin-label",
        "font-size": (box[2] / 40).toFixed(2) }, p.name));
    }
    holder.insertBefore(map, holder.firstChild);
    if (!points.length) holder.appendChild(el("p", { class: "muted small" }, "No geocoded place."));
  }

  // A 2:1 box around the points (at least ~20° wide), else the focus country, else the world.
  function viewBox(points, focus) {
    let x0, y0, x1, y1;
    if (points.length) {
      x0 = Math.min(...points.map((p) => p.x)); x1 = Math.max(...points.map((p) => p.x));
      y0 = Math.min(...points.map((p) => p.y)); y1 = Math.max(...points.map((p) => p.y));
    } else if (focus) {
      [x0, y0, x1, y1] = focus.bbox;
    } else {
      return [0, 0, 360, 180];
    }
    let w = Math.max(28, (x1 - x0) * 1.4), h = Math.max(14, (y1 - y0) * 1.4);
    if (w < 2 * h) w = 2 * h; else h = w / 2;
    w = Math.min(w, 360); h = Math.min(h, 180);
    const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    const x = Math.min(Math.max(cx - w / 2, 0), 360 - w);
    const y = Math.min(Math.max(cy - h / 2, 0), 180 - h);
    return [x, y, w, h].map((v) => +v.toFixed(2));
  }

  // ------------------------------------------------------------ reports & context

  function reportsSection(reports, source) {
    const list = el("ul", { class: "reports" });
    for (const report of reports) {
      const url = safeUrl(report.url);
      list.appendChild(el("li", {},
        on(el("button", { type: "button", class: "linklike" }, reportLabel(report)), "click",
          () => showSource(source, report.id, null, null)),
        report.title && report.title !== reportLabel(report) ? el("span", {}, " — " + report.title) : null,
        el("span", { class: "muted small" }, " · " + (shortTime(report.time) || "time unknown"),
          report.time_basis === "ingested" ? " (ingest time)" : ""),
        url ? [" · ", el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank", class: "small" }, "original")] : null));
    }
    return el("section", { class: "card" }, el("h2", {}, "Reports"), list);
  }

  function contextSection(incident) {
    const section = el("section", { class: "card" }, el("h2", {}, "Context"));
    if (incident.entities.length) {
      const p = el("p", {}, el("strong", {}, "Who: "));
      for (const entity of incident.entities) {
        p.appendChild(el("span", { class: "entity", title: entity.type + " · " + entity.reports.length + " reports" },
          entity.name));
      }
      section.appendChild(p);
    }
    if (incident.referenced_incidents.length) {
      section.appendChild(el("h3", {}, "Earlier incidents mentioned"));
      section.appendChild(el("ul", {}, incident.referenced_incidents.map((r) =>
        el("li", {}, [r.date, r.place].filter(Boolean).join(", ") + (r.date || r.place ? ": " : ""),
          r.description))));
    }
    if (section.childNodes.length === 1) section.appendChild(el("p", { class: "muted" }, "Nothing more."));
    return section;
  }

  // ------------------------------------------------------------ add reports

  async function addView() {
    main.appendChild(el("h1", {}, "Add reports"));
    let status = { writable: false };
    try {
      status = await getJSON("/api/status");
    } catch (error) {
      /* shown below as read-only */
    }
    if (!status.writable) {
      main.appendChild(el("div", { class: "notice" },
        "This server is read-only. Start it with a token (corroborate serve --token …) to add reports."));
    }
    const form = el("form", { class: "card add-form", id: "add-form" },
      el("label", {}, "Token", el("input", { name: "token", type: "password", autocomplete: "off",
        placeholder: "the token the server was started with" })),
      el("label", {}, "Paste a report", el("textarea", { name: "text", rows: 10,
        placeholder: "Article text…" })),
      el("div", { class: "row" },
        el("label", {}, "Outlet", el("input", { name: "outlet", type: "text" })),
        el("label", {}, "Published", el("input", { name: "published", type: "text", placeholder: "YYYY-MM-DD" })),
        el("label", {}, "URL", el("input", { name: "url", type: "url" })),
        el("label", {}, "Title", el("input", { name: "title", type: "text" }))),
      el("label", {}, "…or upload .txt, .html or .jsonl files",
        el("input", { name: "file", type: "file", multiple: true, accept: ".txt,.html,.htm,.jsonl" })),
      el("button", { type: "submit", class: "primary", disabled: !status.writable }, "Add"));
    const result = el("div", { id: "add-result" });
    on(form, "submit", async (event) => {
      event.preventDefault();
      const body = new FormData(form);
      const token = String(body.get("token") || "");
      body.delete("token");
      clear(result);
      result.appendChild(el("p", { class: "muted" }, "Analysing… this can take a while."));
      try {
        const data = await getJSON("/api/reports", { method: "POST", body,
          headers: { Authorization: "Bearer " + token } });
        showIngest(result, data);
      } catch (error) {
        showError(result, error);
      }
    });
    main.appendChild(form);
    main.appendChild(result);
  }

  function showIngest(target, data) {
    clear(target);
    const box = el("div", { class: "card" },
      el("p", {}, "Received " + data.received + ", added " + data.added + ", already stored "
        + data.unchanged + "."));
    if (data.incidents.length) {
      box.appendChild(el("p", {}, "Incidents updated: ", data.incidents.map((id) =>
        [el("a", { href: "#/incident/" + encodeURIComponent(id) }, id), " "])));
    }
    if (data.diagnostics.length) {
      box.appendChild(el("ul", { class: "diagnostics" }, data.diagnostics.map((d) =>
        el("li", {}, el("code", {}, d.code), " " + d.message))));
    }
    target.appendChild(box);
  }

  window.addEventListener("hashchange", route);
  route();
})();
