// Spillover dashboard: vanilla JS, no build step, no network beyond this server.
"use strict";

const LAYERS = ["places", "events", "claims", "actors", "entities", "dates", "quantities"];
const REGION = { lon0: 45, lon1: 85, lat0: 20, lat1: 45 };
const WORLD = { lon0: -180, lon1: 180, lat0: -60, lat1: 84 };
// Equirectangular with standard parallel 35°N: x = lon·cos 35°, y = −lat.
const KX = Math.cos((35 * Math.PI) / 180);
const SVG_NS = "http://www.w3.org/2000/svg";
// `stance` and `by` filter the claims ledger; `claim` is the claim open in the report view.
// `type` (PLOVER) and `indicator` filter the events; `event` is the event open in the report view.
const FILTER_KEYS = ["q", "since", "until", "layer", "actor", "type", "indicator", "stance", "by", "report", "claim", "event"];
// PLOVER event types by family: a colour and a marker shape per family on the map.
const PLOVER_FAMILIES = {
  violent: ["ASSAULT", "COERCE"],
  pressure: ["MOBILIZE", "THREATEN", "PROTEST", "SANCTION"],
  verbal: ["ACCUSE", "REJECT", "REQUEST"],
  cooperative: ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"],
};
const FAMILY_NAMES = {
  violent: "violent",
  pressure: "force and pressure",
  verbal: "verbal conflict",
  cooperative: "cooperative",
};
/** The families, most severe first (a cluster or a shaded country takes the first it holds). */
const FAMILIES = Object.keys(PLOVER_FAMILIES);
const PLOVER_TYPES = FAMILIES.flatMap((f) => PLOVER_FAMILIES[f]);
const FAMILY_OF = new Map(FAMILIES.flatMap((f) => PLOVER_FAMILIES[f].map((t) => [t, f])));
const familyOf = (plover) => FAMILY_OF.get(String(plover || "").toUpperCase()) || "cooperative";
// The security indicators the events stage raises.
const INDICATORS = [
  "terrorism",
  "extremism",
  "drug_trafficking",
  "weapons_trafficking",
  "border_infiltration",
  "armed_group_strength",
  "displacement",
  "military_exercise",
  "interstate_accusation",
];
// A line colour per indicator on the timeline (same order as INDICATORS).
const INDICATOR_COLORS = [
  "#dc2626", "#9333ea", "#0891b2", "#475569", "#ea580c",
  "#b45309", "#16a34a", "#2563eb", "#db2777",
];
const indicatorColor = (name) => INDICATOR_COLORS[Math.max(0, INDICATORS.indexOf(name))];
// Approximate radius (km) of the shaded area of an event placed at a province or a region.
const AREA_KM = { admin2: 40, admin1: 120, region: 300 };
// Markers closer than this (screen pixels) are grouped into a cluster.
const CLUSTER_PX = 12;
// The narrowest view (projected units) the map zooms to.
const MIN_VIEW_W = 2;
// A claim's stance, in the order the ledger groups them (the contested first); `hedged` is
// a stance of its own (a hedged assertion), and claims of other stances carry a `hedged` flag too.
const STANCES = ["accuses", "denies", "warns", "demands", "promises", "asserts", "hedged"];
const CLAIM_ROLES = ["source", "cue", "content"];
const ACTORS_SHOWN = 20;
const KIND_NAMES = {
  state: "state",
  government_body: "government",
  igo: "IGO",
  igo_body: "IGO body",
  armed_group: "armed group",
  security_force: "security force",
  media_outlet: "media",
  person: "person",
  other: "other",
};

const $ = (id) => document.getElementById(id);

// ---------- state in the URL ----------

function readState() {
  const p = new URLSearchParams(location.search);
  const s = {};
  for (const k of FILTER_KEYS) s[k] = (p.get(k) || "").trim();
  if (s.layer && !LAYERS.includes(s.layer)) s.layer = "";
  if (s.stance && !STANCES.includes(s.stance)) s.stance = "";
  s.type = s.type.toUpperCase();
  if (s.type && !PLOVER_TYPES.includes(s.type)) s.type = "";
  if (s.indicator && !INDICATORS.includes(s.indicator)) s.indicator = "";
  return s;
}

let state = readState();

function writeState(patch, push) {
  state = { ...state, ...patch };
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (state[k]) p.set(k, state[k]);
  const qs = p.toString();
  const url = location.pathname + (qs ? "?" + qs : "");
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

// ---------- helpers ----------

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function svg(tag, attrs) {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  return e;
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await r.json();
  } catch (_) {
    body = null;
  }
  if (!r.ok) {
    const msg = body && body.error ? body.error.message : `HTTP ${r.status}`;
    const err = new Error(msg);
    err.status = r.status;
    throw err;
  }
  return body;
}

function setStatus(msg) {
  $("status").textContent = msg || "";
}

/** `text` cut to `n` characters at a word boundary, with an ellipsis. */
function truncate(text, n) {
  if (!text || text.length <= n) return text || "";
  const cut = text.slice(0, n);
  const sp = cut.lastIndexOf(" ");
  return (sp > n * 0.6 ? cut.slice(0, sp) : cut).replace(/[\s,;:.]+$/, "") + "…";
}

function query(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
  return p.toString();
}

/** Maps UTF-8 byte offsets of `text` to JS (UTF-16) string indices. */
function byteIndex(text) {
  const map = new Map();
  let b = 0;
  let i = 0;
  for (const ch of text) {
    map.set(b, i);
    const cp = ch.codePointAt(0);
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += ch.length;
  }
  map.set(b, i);
  return (byte) => {
    const v = map.get(byte);
    if (v === undefined) throw new Error(`byte offset ${byte} is not on a character boundary`);
    return v;
  };
}

// ---------- map ----------

const map = {
  svg: null,
  view: null, // {x, y, w, h} in projected units
  countries: null, // FeatureCollection
  paths: new Map(), // iso code (a2 and a3) -> path element
  // Layers, bottom to top: outlines, events shading countries, events' approximate areas,
  // events' border segments, places' border segments, places' approximate areas, markers.
  gCountries: null,
  gEvCountries: null,
  gEvAreas: null,
  gEvBorders: null,
  gBorders: null,
  gPlaces: null,
  gMarks: null,
  borderCache: new Map(),
  // The point markers, clustered together when they overlap: places (towns) and events.
  placeMarks: [],
  eventMarks: [],
  // The pixel size (in projected units) the markers were last clustered at.
  marksU: 0,
  marksFrame: 0,
  info: { places: "", events: "" },
  ready: null, // resolves once the outlines are drawn
};

const project = (lon, lat) => [lon * KX, -lat];

function viewOf(b) {
  const [x0, y0] = project(b.lon0, b.lat1);
  const [x1, y1] = project(b.lon1, b.lat0);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

function setView(v) {
  // Keep the aspect of the element so that zoom maths stay simple.
  const r = map.svg.getBoundingClientRect();
  const aspect = r.width > 0 && r.height > 0 ? r.width / r.height : 2;
  let { x, y, w, h } = v;
  if (w / h < aspect) {
    const nw = h * aspect;
    x -= (nw - w) / 2;
    w = nw;
  } else {
    const nh = w / aspect;
    y -= (nh - h) / 2;
    h = nh;
  }
  map.view = { x, y, w, h };
  map.svg.setAttribute("viewBox", `${x} ${y} ${w} ${h}`);
  scaleMarks();
  hideClusterMenu();
  // Clusters depend on the zoom only (they are anchored to the map), so a pan keeps them.
  if (Math.abs(pxToUnits() - map.marksU) > 1e-9) scheduleMarks();
}

function pxToUnits() {
  const r = map.svg.getBoundingClientRect();
  return r.width > 0 ? map.view.w / r.width : 0.1;
}

/** Keeps the approximate-area circles of places the same size on screen. */
function scaleMarks() {
  if (!map.gPlaces) return;
  const u = pxToUnits();
  for (const c of map.gPlaces.querySelectorAll("circle")) {
    c.setAttribute("r", (Number(c.dataset.px) || 5) * u);
  }
}

function ringPath(ring) {
  let d = "";
  // A ring that crosses the antimeridian (Russia's, Fiji's) goes on past ±180° instead of
  // jumping back across the whole map.
  let shift = 0;
  let prev = null;
  ring.forEach(([lon, lat], i) => {
    if (prev !== null) {
      if (lon + shift - prev > 180) shift -= 360;
      else if (prev - (lon + shift) > 180) shift += 360;
    }
    prev = lon + shift;
    const [x, y] = project(prev, lat);
    d += (i ? "L" : "M") + x.toFixed(3) + "," + y.toFixed(3);
  });
  return d + "Z";
}

function initMapLayers() {
  for (const [key, cls] of [
    ["gCountries", "countries"],
    ["gEvCountries", "ev-countries"],
    ["gEvAreas", "ev-areas"],
    ["gEvBorders", "ev-borders"],
    ["gBorders", "borders"],
    ["gPlaces", "places"],
    ["gMarks", "marks"],
  ]) {
    map[key] = svg("g", { class: cls });
    map.svg.append(map[key]);
  }
}

function drawCountries(fc) {
  const frag = document.createDocumentFragment();
  for (const f of fc.features) {
    const geom = f.geometry;
    const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates;
    let d = "";
    for (const poly of polys) for (const ring of poly) d += ringPath(ring);
    const p = svg("path", { d, class: "country", "data-iso": f.properties.iso_a3 });
    const t = svg("title", {});
    t.textContent = f.properties.name;
    p.append(t);
    frag.append(p);
    map.paths.set(f.properties.iso_a3, p);
    if (f.properties.iso_a2) map.paths.set(f.properties.iso_a2, p);
  }
  map.gCountries.append(frag);
}

function zoom(factor, cx, cy) {
  const v = map.view;
  const px = cx === undefined ? v.x + v.w / 2 : cx;
  const py = cy === undefined ? v.y + v.h / 2 : cy;
  const w = Math.min(Math.max(v.w * factor, MIN_VIEW_W), 400);
  const k = w / v.w;
  setView({ x: px - (px - v.x) * k, y: py - (py - v.y) * k, w, h: v.h * k });
}

function initMapInteraction() {
  const s = map.svg;
  s.addEventListener(
    "wheel",
    (e) => {
      e.preventDefault();
      const r = s.getBoundingClientRect();
      const cx = map.view.x + ((e.clientX - r.left) / r.width) * map.view.w;
      const cy = map.view.y + ((e.clientY - r.top) / r.height) * map.view.h;
      zoom(e.deltaY > 0 ? 1.25 : 0.8, cx, cy);
    },
    { passive: false },
  );
  let drag = null;
  s.addEventListener("pointerdown", (e) => {
    if (e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, view: { ...map.view }, moved: false };
  });
  window.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const dx = e.clientX - drag.x;
    const dy = e.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    drag.moved = true;
    s.classList.add("dragging");
    hideClusterMenu();
    const u = pxToUnits();
    map.view = { ...drag.view, x: drag.view.x - dx * u, y: drag.view.y - dy * u };
    s.setAttribute("viewBox", `${map.view.x} ${map.view.y} ${map.view.w} ${map.view.h}`);
  });
  window.addEventListener("pointerup", () => {
    if (drag && drag.moved) {
      // Swallow the click that ends a drag.
      s.addEventListener("click", (ev) => ev.stopPropagation(), { capture: true, once: true });
    }
    drag = null;
    s.classList.remove("dragging");
  });
  $("zoom-in").addEventListener("click", () => zoom(0.7));
  $("zoom-out").addEventListener("click", () => zoom(1 / 0.7));
  $("zoom-region").addEventListener("click", () => setView(viewOf(REGION)));
  $("zoom-world").addEventListener("click", () => setView(viewOf(WORLD)));
  window.addEventListener("resize", () => setView(map.view));
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") hideClusterMenu();
  });
  document.addEventListener("pointerdown", (e) => {
    const menu = $("cluster-menu");
    if (!menu.hidden && !menu.contains(e.target)) hideClusterMenu();
  });
}

function showTooltip(e, text) {
  const tip = $("tooltip");
  const panel = tip.parentElement.getBoundingClientRect();
  tip.textContent = text;
  tip.hidden = false;
  tip.style.left = `${e.clientX - panel.left + 12}px`;
  tip.style.top = `${e.clientY - panel.top + 12}px`;
}

function hideTooltip() {
  $("tooltip").hidden = true;
}

/** Gives a map shape its tooltip (native title and the panel's own), and its click. */
function mapShape(e, label, onClick) {
  const t = svg("title", {});
  t.textContent = label;
  e.append(t);
  e.addEventListener("mousemove", (ev) => showTooltip(ev, label));
  e.addEventListener("mouseleave", hideTooltip);
  if (onClick) {
    e.addEventListener("click", (ev) => {
      hideTooltip();
      onClick(ev);
    });
  }
  return e;
}

async function borderFeature(pair) {
  if (!map.borderCache.has(pair)) {
    map.borderCache.set(
      pair,
      api(`/api/geo/borders?pair=${encodeURIComponent(pair)}`).catch((e) => {
        if (e.status === 404) return null; // a pair the boundary data lacks
        throw e;
      }),
    );
  }
  return map.borderCache.get(pair);
}

function borderPath(f) {
  let d = "";
  for (const line of f.geometry.coordinates) {
    line.forEach(([lon, lat], j) => {
      const [x, y] = project(lon, lat);
      d += (j ? "L" : "M") + x.toFixed(3) + "," + y.toFixed(3);
    });
  }
  return d;
}

function updateMapInfo() {
  $("map-info").textContent = [map.info.places, map.info.events].filter(Boolean).join(" · ");
}

let placesGeneration = 0;

async function drawPlaces(spans, titles) {
  const gen = ++placesGeneration;
  map.gPlaces.replaceChildren();
  map.gBorders.replaceChildren();
  for (const p of map.paths.values()) p.classList.remove("hit");
  const pairs = new Map();
  const marks = [];
  for (const s of spans) {
    const a = s.attrs || {};
    const title = titles.get(s.report) || "(untitled)";
    const name = a.name || s.text;
    if (a.precision === "country") {
      const path = map.paths.get(a.country) || map.paths.get(s.key);
      if (path) {
        path.classList.add("hit");
        path.querySelector("title").textContent = `${name} — ${title}`;
      }
    } else if (a.precision === "border") {
      const key = s.key || (Array.isArray(a.pair) ? a.pair.join("-") : null);
      if (key) pairs.set(key, `${name} — ${title}`);
    } else if (typeof a.lat === "number" && typeof a.lon === "number") {
      const [x, y] = project(a.lon, a.lat);
      const label = `${name} (${a.precision || "place"}) — ${title}`;
      const open = () => selectReport(s.report, { start: s.start, end: s.end });
      if (a.precision === "point") {
        // Towns are markers, clustered with the events' when they overlap.
        marks.push({ kind: "place", x, y, report: s.report, precision: "point", label, name, open });
        continue;
      }
      const c = svg("circle", {
        cx: x,
        cy: y,
        class: "place area",
        "data-px": 14,
        "data-report": s.report,
        "data-precision": a.precision || "",
      });
      if (s.report === state.report) c.classList.add("sel");
      map.gPlaces.append(mapShape(c, label, open));
    }
  }
  scaleMarks();
  map.placeMarks = marks;
  renderMarks();
  map.info.places = `${spans.length} place mentions, ${marks.length} points, ${pairs.size} borders`;
  updateMapInfo();
  const feats = await Promise.all([...pairs.keys()].map((k) => borderFeature(k)));
  if (gen !== placesGeneration) return;
  [...pairs.entries()].forEach(([key, label], i) => {
    const f = feats[i];
    if (!f) return;
    const p = svg("path", { d: borderPath(f), class: "border-hit", "data-pair": key });
    const t = svg("title", {});
    t.textContent = label;
    p.append(t);
    map.gBorders.append(p);
  });
}

// ---------- events on the map ----------

const actorName = (a) => (a ? a.name || a.key || a.code : null);

/** "Source → target" of an event, either side "—" when the coder found none. */
function eventActors(ev) {
  return `${actorName(ev.source) || "—"} → ${actorName(ev.target) || "—"}`;
}

function eventPlace(ev) {
  return ev.place_name || ev.place_country || ev.border_pair || "";
}

/** One line naming an event: type, who, where, when, and its status when not `happened`. */
function eventLabel(ev) {
  const where = eventPlace(ev);
  return [
    ev.plover,
    eventActors(ev),
    where ? `${where}${ev.place_precision ? ` (${ev.place_precision})` : ""}` : null,
    ev.date || ev.published,
    ev.status && ev.status !== "happened" ? ev.status : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** The most severe family among `events`. */
function worstFamily(events) {
  let best = FAMILIES.length - 1;
  for (const ev of events) best = Math.min(best, FAMILIES.indexOf(familyOf(ev.plover)));
  return FAMILIES[best];
}

/** Tooltip text for a group of events: how many, then one line each (at most `max`). */
function eventsLabel(events, title, max = 8) {
  const lines = events.slice(0, max).map((ev) => `${eventLabel(ev)} — ${ev.title || "(untitled)"}`);
  if (events.length > max) lines.push(`… and ${events.length - max} more`);
  return `${title}: ${events.length} event${events.length === 1 ? "" : "s"}\n${lines.join("\n")}`;
}

const openEvent = (ev) => () => selectReport(ev.report, { event: ev });

/** Opens the one event of a group, or offers the list of them under the pointer. */
function openEvents(e, events, title) {
  if (events.length === 1) return selectReport(events[0].report, { event: events[0] });
  showClusterMenu(
    e,
    title,
    events.map((ev) => ({ label: eventLabel(ev), sub: ev.title || "(untitled)", family: familyOf(ev.plover), open: openEvent(ev) })),
  );
}

let eventsMapGeneration = 0;

/**
 * Draws events by the precision of their place: a marker per family at a town (`point`),
 * a shaded circle for a province or region, the country's outline shaded, the border
 * segment highlighted. Events without a place are only listed.
 */
async function drawEvents(events) {
  const gen = ++eventsMapGeneration;
  map.gEvCountries.replaceChildren();
  map.gEvAreas.replaceChildren();
  map.gEvBorders.replaceChildren();
  const marks = [];
  const areas = [];
  const byCountry = new Map();
  const byPair = new Map();
  let mapped = 0;
  for (const ev of events) {
    const p = ev.place_precision;
    const family = familyOf(ev.plover);
    if (p === "country" && ev.place_country && map.paths.has(ev.place_country)) {
      if (!byCountry.has(ev.place_country)) byCountry.set(ev.place_country, []);
      byCountry.get(ev.place_country).push(ev);
    } else if (p === "border" && ev.border_pair) {
      if (!byPair.has(ev.border_pair)) byPair.set(ev.border_pair, []);
      byPair.get(ev.border_pair).push(ev);
    } else if (typeof ev.lat === "number" && typeof ev.lon === "number") {
      const [x, y] = project(ev.lon, ev.lat);
      if (p === "point") {
        marks.push({ kind: "event", x, y, ev, family, report: ev.report, label: `${eventLabel(ev)} — ${ev.title || "(untitled)"}`, open: openEvent(ev) });
      } else {
        areas.push({ x, y, ev, family, r: (AREA_KM[p] || 150) / 111.32 });
      }
    } else {
      continue;
    }
    mapped += 1;
  }
  // Larger areas below smaller ones, so that each stays reachable.
  areas.sort((a, b) => b.r - a.r);
  for (const a of areas) {
    const c = svg("circle", {
      cx: a.x,
      cy: a.y,
      r: a.r,
      class: `ev-area fam-${a.family}${a.ev.status !== "happened" ? " unsure" : ""}`,
      "data-id": a.ev.id,
      "data-report": a.ev.report,
      "data-plover": a.ev.plover,
      "data-precision": a.ev.place_precision,
    });
    if (String(a.ev.id) === state.event) c.classList.add("sel");
    map.gEvAreas.append(mapShape(c, `${eventLabel(a.ev)} — approximate area — ${a.ev.title || "(untitled)"}`, openEvent(a.ev)));
  }
  for (const [iso, evs] of byCountry) {
    const country = map.paths.get(iso);
    const name = country.querySelector("title").textContent.split(" — ")[0];
    const p = svg("path", {
      d: country.getAttribute("d"),
      class: `ev-country fam-${worstFamily(evs)}`,
      "data-iso": iso,
      "data-events": evs.map((ev) => ev.id).join(" "),
    });
    const title = `${name} (country)`;
    map.gEvCountries.append(mapShape(p, eventsLabel(evs, title), (e) => openEvents(e, evs, title)));
  }
  map.eventMarks = marks;
  renderMarks();
  map.info.events = `${events.length} events, ${mapped} mapped`;
  updateMapInfo();
  const pairs = [...byPair.keys()];
  const feats = await Promise.all(pairs.map((k) => borderFeature(k)));
  if (gen !== eventsMapGeneration) return;
  pairs.forEach((key, i) => {
    const f = feats[i];
    if (!f) return;
    const evs = byPair.get(key);
    const p = svg("path", {
      d: borderPath(f),
      class: `ev-border fam-${worstFamily(evs)}`,
      "data-pair": key,
      "data-events": evs.map((ev) => ev.id).join(" "),
    });
    const title = `${key} border`;
    map.gEvBorders.append(mapShape(p, eventsLabel(evs, title), (e) => openEvents(e, evs, title)));
  });
}

// ---------- marker clustering ----------

/**
 * Greedy distance clustering on a grid: each marker not yet taken seeds a cluster and takes
 * every free marker within `d` (projected units) of it. Linear in the markers for a bounded
 * density; the grid is anchored to the map, so panning keeps the clusters.
 */
function clusterMarks(marks, d) {
  const cells = new Map();
  const cellOf = (i, j) => `${i},${j}`;
  for (const m of marks) {
    m.ci = Math.floor(m.x / d);
    m.cj = Math.floor(m.y / d);
    const k = cellOf(m.ci, m.cj);
    const cell = cells.get(k);
    if (cell) cell.push(m);
    else cells.set(k, [m]);
  }
  const taken = new Set();
  const out = [];
  const d2 = d * d;
  for (const m of marks) {
    if (taken.has(m)) continue;
    taken.add(m);
    const members = [m];
    for (let di = -1; di <= 1; di++) {
      for (let dj = -1; dj <= 1; dj++) {
        for (const o of cells.get(cellOf(m.ci + di, m.cj + dj)) || []) {
          if (taken.has(o)) continue;
          const dx = o.x - m.x;
          const dy = o.y - m.y;
          if (dx * dx + dy * dy < d2) {
            taken.add(o);
            members.push(o);
          }
        }
      }
    }
    let x = 0;
    let y = 0;
    for (const o of members) {
      x += o.x;
      y += o.y;
    }
    out.push({ members, x: x / members.length, y: y / members.length });
  }
  return out;
}

/** A marker's or a cluster's radius on screen (pixels). */
function clusterRadius(c) {
  const n = c.members.length;
  if (n > 1) return Math.min(20, 9 + 2.5 * Math.log2(n));
  return c.members[0].kind === "place" ? 5 : 7;
}

/**
 * Merges clusters whose circles overlap (a cluster's circle grows with its count), the
 * larger taking the smaller, until none do (a few passes). `u`: projected units per pixel.
 */
function mergeOverlapping(clusters, u) {
  for (let pass = 0; pass < 8; pass++) {
    let maxR = 0;
    for (const c of clusters) {
      c.r = clusterRadius(c);
      maxR = Math.max(maxR, c.r);
    }
    const cell = 2 * maxR * u;
    const cells = new Map();
    for (const c of clusters) {
      c.ci = Math.floor(c.x / cell);
      c.cj = Math.floor(c.y / cell);
      const k = `${c.ci},${c.cj}`;
      if (cells.has(k)) cells.get(k).push(c);
      else cells.set(k, [c]);
    }
    const gone = new Set();
    let merged = false;
    const bySize = [...clusters].sort((a, b) => b.members.length - a.members.length);
    for (const c of bySize) {
      if (gone.has(c)) continue;
      let grew = false;
      for (let di = -1; di <= 1; di++) {
        for (let dj = -1; dj <= 1; dj++) {
          for (const o of cells.get(`${c.ci + di},${c.cj + dj}`) || []) {
            if (o === c || gone.has(o)) continue;
            if (Math.hypot(o.x - c.x, o.y - c.y) < (c.r + o.r) * u * 0.9) {
              c.members.push(...o.members);
              gone.add(o);
              grew = true;
            }
          }
        }
      }
      if (grew) {
        merged = true;
        c.x = c.members.reduce((a, m) => a + m.x, 0) / c.members.length;
        c.y = c.members.reduce((a, m) => a + m.y, 0) / c.members.length;
      }
    }
    clusters = clusters.filter((c) => !gone.has(c));
    if (!merged) break;
  }
  return clusters;
}

/** The path of an event marker: a shape per family, `s` its half size in units. */
function markerPath(family, x, y, s) {
  const f = (n) => n.toFixed(4);
  if (family === "violent") {
    return `M${f(x)},${f(y - s * 1.15)}L${f(x + s)},${f(y + s * 0.6)}L${f(x - s)},${f(y + s * 0.6)}Z`;
  }
  if (family === "pressure") return `M${f(x)},${f(y - s * 1.2)}L${f(x + s)},${f(y)}L${f(x)},${f(y + s * 1.2)}L${f(x - s)},${f(y)}Z`;
  if (family === "verbal") {
    const k = s * 0.85;
    return `M${f(x - k)},${f(y - k)}H${f(x + k)}V${f(y + k)}H${f(x - k)}Z`;
  }
  let d = "";
  for (let i = 0; i < 6; i++) {
    const a = (Math.PI / 3) * i + Math.PI / 6;
    d += `${i ? "L" : "M"}${f(x + s * Math.cos(a))},${f(y + s * Math.sin(a))}`;
  }
  return d + "Z";
}

function markEl(m, u) {
  if (m.kind === "place") {
    const c = svg("circle", {
      cx: m.x,
      cy: m.y,
      r: 5 * u,
      class: `place${m.report === state.report ? " sel" : ""}`,
      "data-px": 5,
      "data-report": m.report,
      "data-precision": m.precision,
    });
    return mapShape(c, m.label, m.open);
  }
  const ev = m.ev;
  const p = svg("path", {
    d: markerPath(m.family, m.x, m.y, 6.5 * u),
    class: `ev-mark fam-${m.family}${ev.status !== "happened" ? " unsure" : ""}${String(ev.id) === state.event ? " sel" : ""}`,
    "data-id": ev.id,
    "data-report": ev.report,
    "data-plover": ev.plover,
    "data-status": ev.status,
  });
  return mapShape(p, m.label, m.open);
}

/** Tooltip text of a cluster: what it holds by kind and type, then its markers. */
function clusterLabel(c, max = 10) {
  const events = c.members.filter((m) => m.kind === "event");
  const places = c.members.length - events.length;
  const types = new Map();
  for (const m of events) types.set(m.ev.plover, (types.get(m.ev.plover) || 0) + 1);
  const head = [
    events.length ? `${events.length} event${events.length === 1 ? "" : "s"} (${[...types].map(([t, n]) => `${n} ${t}`).join(", ")})` : null,
    places ? `${places} place mention${places === 1 ? "" : "s"}` : null,
  ].filter(Boolean);
  // One line per distinct marker (a place named twice in a report is one line, ×2).
  const same = new Map();
  for (const m of c.members) same.set(m.label, (same.get(m.label) || 0) + 1);
  const lines = [...same].slice(0, max).map(([label, k]) => (k > 1 ? `${label} ×${k}` : label));
  if (same.size > max) lines.push(`… and ${same.size - max} more — click to zoom in`);
  return `${head.join(" · ")}\n${lines.join("\n")}`;
}

function clusterEl(c, u) {
  const n = c.members.length;
  const events = c.members.filter((m) => m.kind === "event");
  const family = events.length ? worstFamily(events.map((m) => m.ev)) : "place";
  const r = clusterRadius(c) * u;
  const g = svg("g", {
    class: `cluster fam-${family}`,
    "data-count": n,
    "data-events": events.length,
    "data-places": n - events.length,
    "data-x": c.x,
    "data-y": c.y,
  });
  g.append(svg("circle", { cx: c.x, cy: c.y, r }));
  const t = svg("text", { x: c.x, y: c.y, dy: "0.35em", "font-size": 10 * u, "text-anchor": "middle" });
  t.textContent = String(n);
  g.append(t);
  return mapShape(g, clusterLabel(c), (e) => clusterClick(e, c));
}

/** Zooms in on a cluster; when zooming cannot part its markers, lists them instead. */
function clusterClick(e, c) {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const m of c.members) {
    x0 = Math.min(x0, m.x);
    x1 = Math.max(x1, m.x);
    y0 = Math.min(y0, m.y);
    y1 = Math.max(y1, m.y);
  }
  const r = map.svg.getBoundingClientRect();
  const aspect = r.width > 0 && r.height > 0 ? r.width / r.height : 2;
  // The markers spread over a third of the view at most, within the zoom limits.
  const w = Math.max(MIN_VIEW_W, (x1 - x0) * 3, (y1 - y0) * 3 * aspect);
  const minU = r.width > 0 ? MIN_VIEW_W / r.width : 0;
  const apart = Math.hypot(x1 - x0, y1 - y0) / (minU || 1) >= CLUSTER_PX;
  if (apart && w < map.view.w * 0.95) {
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    setView({ x: cx - w / 2, y: cy - w / aspect / 2, w, h: w / aspect });
    return;
  }
  showClusterMenu(
    e,
    `${c.members.length} here`,
    c.members.map((m) => ({
      label: m.kind === "event" ? eventLabel(m.ev) : m.label.split(" — ")[0],
      sub: m.kind === "event" ? m.ev.title || "(untitled)" : m.label.split(" — ").slice(1).join(" — "),
      family: m.kind === "event" ? m.family : "place",
      open: m.open,
    })),
  );
}

function showClusterMenu(e, title, items) {
  const menu = $("cluster-menu");
  const panel = menu.parentElement.getBoundingClientRect();
  menu.replaceChildren(el("div", { class: "menu-title", text: title }));
  const ul = el("ul", {});
  for (const it of items) {
    const b = el(
      "button",
      { type: "button", class: `fam-${it.family}` },
      el("i", { class: `sw sw-fam fam-${it.family}` }),
      el("span", { text: it.label }),
      it.sub ? el("span", { class: "lab", text: it.sub }) : null,
    );
    b.addEventListener("click", () => {
      hideClusterMenu();
      it.open();
    });
    ul.append(el("li", {}, b));
  }
  menu.append(ul);
  menu.hidden = false;
  const x = Math.min(e.clientX - panel.left + 8, panel.width - 320);
  menu.style.left = `${Math.max(4, x)}px`;
  menu.style.top = `${e.clientY - panel.top + 8}px`;
}

function hideClusterMenu() {
  const menu = $("cluster-menu");
  if (menu) menu.hidden = true;
}

function scheduleMarks() {
  if (map.marksFrame) return;
  map.marksFrame = requestAnimationFrame(() => {
    map.marksFrame = 0;
    renderMarks();
  });
}

/** Where a marker is, per report: a place dot and an event of one report there coincide. */
const markSpot = (m) => `${m.report} ${m.x.toFixed(4)} ${m.y.toFixed(4)}`;

/**
 * Clusters the point markers at the current zoom and draws them. A town whose mention
 * places an event of the same report shows the event's marker instead of the plain dot.
 */
function renderMarks() {
  if (!map.gMarks || !map.view) return;
  const u = pxToUnits();
  map.marksU = u;
  const taken = new Set(map.eventMarks.map(markSpot));
  const places = map.placeMarks.filter((m) => !taken.has(markSpot(m)));
  map.gMarks.dataset.places = String(places.length);
  const clusters = mergeOverlapping(clusterMarks(places.concat(map.eventMarks), CLUSTER_PX * u), u);
  const frag = document.createDocumentFragment();
  const singles = [];
  for (const c of clusters) {
    if (c.members.length === 1) singles.push(markEl(c.members[0], u));
    else frag.append(clusterEl(c, u));
  }
  // Single markers below clusters; events above the place dots.
  singles.sort((a, b) => (a.tagName === "circle" ? 0 : 1) - (b.tagName === "circle" ? 0 : 1));
  map.gMarks.replaceChildren(...singles, frag);
  map.gMarks.dataset.clusters = String(clusters.length - singles.length);
}

// ---------- timeline ----------

const DAY = 86400000;
const dayNum = (s) => Math.round(Date.parse(s + "T00:00:00Z") / DAY);
const dayStr = (n) => new Date(n * DAY).toISOString().slice(0, 10);

let timeline = null;
let allDays = [];
// Security-indicator series from /api/indicators (weekly), drawn over the report bars.
let indicatorSeries = null;
// The events the events panel lists (its filters), drawn as a weekly line; and what the
// timeline last drew, to redraw it when they change.
let timelineEvents = null;
let timelineDrawn = null;

// `days` are drawn on the axis of `domain` (all dated reports), so a filtered timeline
// keeps the same dates under the brush.
function drawTimeline(days, domain = days) {
  timelineDrawn = { days, domain };
  const s = $("timeline");
  s.replaceChildren();
  const W = Math.max(s.getBoundingClientRect().width, 300);
  const H = 110;
  s.setAttribute("viewBox", `0 0 ${W} ${H}`);
  if (!domain.length) {
    const t = svg("text", { x: 10, y: 50, class: "axis" });
    t.textContent = "no dated reports";
    s.append(t);
    return;
  }
  const d0 = dayNum(domain[0].date) - 1;
  const d1 = dayNum(domain[domain.length - 1].date) + 1;
  const max = Math.max(1, ...days.map((d) => d.reports));
  const pad = { l: 24, r: 8, t: 8, b: 20 };
  const x = (n) => pad.l + ((n - d0) / (d1 - d0)) * (W - pad.l - pad.r);
  const y = (v) => H - pad.b - (v / max) * (H - pad.t - pad.b);
  const bw = Math.max(2, Math.min(14, (W - pad.l - pad.r) / (d1 - d0) - 1));
  timeline = { x, d0, d1, W, pad, inv: (px) => d0 + ((px - pad.l) / (W - pad.l - pad.r)) * (d1 - d0) };
  const gBars = svg("g", {});
  for (const d of days) {
    const n = dayNum(d.date);
    const r = svg("rect", {
      x: x(n) - bw / 2,
      y: y(d.reports),
      width: bw,
      height: H - pad.b - y(d.reports),
      class: "bar",
      "data-date": d.date,
    });
    const t = svg("title", {});
    t.textContent = `${d.date}: ${d.reports} report${d.reports === 1 ? "" : "s"}`;
    r.append(t);
    gBars.append(r);
  }
  s.append(gBars);
  drawIndicatorLines(s, x, H, pad);
  // Axis: first, last and a few years/months between.
  const ticks = 5;
  for (let i = 0; i <= ticks; i++) {
    const n = Math.round(d0 + ((d1 - d0) * i) / ticks);
    const t = svg("text", { x: x(n), y: H - 5, class: "axis", "text-anchor": i === 0 ? "start" : i === ticks ? "end" : "middle" });
    t.textContent = dayStr(n);
    s.append(t);
  }
  const yt = svg("text", { x: 2, y: pad.t + 8, class: "axis" });
  yt.textContent = String(max);
  s.append(yt);
  markTimeline();
}

// One line per security indicator (weekly mentions, on their own scale at the right),
// the selected indicator (`indicator=`) alone when one is chosen.
function drawIndicatorLines(s, x, H, pad) {
  const shown = indicatorSeries
    ? indicatorSeries.series.filter((ser) => !state.indicator || ser.indicator === state.indicator)
    : [];
  const weeks = eventWeeks();
  const max = Math.max(1, ...shown.flatMap((ser) => ser.points.map((p) => p.mentions)), ...weeks.values());
  const y = (v) => H - pad.b - (v / max) * (H - pad.t - pad.b);
  const g = svg("g", { class: "indicator-lines" });
  for (const ser of shown) {
    // a week's count sits at the middle of the week
    const pts = ser.points.map((p) => `${x(dayNum(p.period) + 3.5).toFixed(1)},${y(p.mentions).toFixed(1)}`);
    if (!pts.length) continue;
    const line = svg("polyline", {
      points: pts.join(" "),
      class: "ind-line",
      stroke: indicatorColor(ser.indicator),
      "data-indicator": ser.indicator,
    });
    const t = svg("title", {});
    t.textContent = `${ser.indicator.replace(/_/g, " ")}: ${ser.mentions} mentions in ${ser.reports} reports`;
    line.append(t);
    g.append(line);
  }
  if (weeks.size) {
    // events that happened, per week of their day (month- or year-dated ones are left out)
    const sorted = [...weeks].sort((a, b) => a[0] - b[0]);
    const total = sorted.reduce((n, [, v]) => n + v, 0);
    // every week from the first to the last, weeks without events at zero
    const pts = [];
    for (let w = sorted[0][0]; w <= sorted[sorted.length - 1][0]; w += 7) {
      pts.push(`${x(w + 3.5).toFixed(1)},${y(weeks.get(w) || 0).toFixed(1)}`);
    }
    const line = svg("polyline", {
      points: pts.join(" "),
      class: "ev-line",
      "data-total": total,
    });
    const t = svg("title", {});
    t.textContent = `events that happened (as listed below): ${total} in ${sorted.length} weeks`;
    line.append(t);
    g.append(line);
  }
  s.append(g);
  const yt = svg("text", { x: timeline.W - pad.r, y: pad.t + 8, class: "axis", "text-anchor": "end" });
  yt.textContent = `${max}/wk`;
  s.append(yt);
}

/** Happened events of the events panel per week (Monday's day number → count). */
function eventWeeks() {
  const weeks = new Map();
  for (const ev of timelineEvents || []) {
    if (ev.status !== "happened" || !ev.date || ev.date.length !== 10) continue;
    const n = dayNum(ev.date);
    if (!Number.isFinite(n)) continue;
    // 1970-01-01 was a Thursday: day n is weekday (n + 3) % 7 counted from Monday
    const monday = n - ((n + 3) % 7 + 7) % 7;
    weeks.set(monday, (weeks.get(monday) || 0) + 1);
  }
  return weeks;
}

// The legend under the timeline: each indicator with its total; clicking one filters the
// events to it (and the lines to its own), clicking it again clears the filter.
function drawIndicatorLegend() {
  const box = $("timeline-legend");
  if (!box) return;
  box.replaceChildren();
  if (!indicatorSeries || !indicatorSeries.series.length) {
    box.append(el("span", { class: "muted", text: "no security indicators raised" }));
    return;
  }
  for (const ser of indicatorSeries.series) {
    const b = el("button", { type: "button", class: "ind-key", "data-indicator": ser.indicator });
    if (state.indicator === ser.indicator) b.classList.add("on");
    const sw = el("span", { class: "swatch" });
    sw.style.background = indicatorColor(ser.indicator);
    b.append(sw, el("span", { text: `${ser.indicator.replace(/_/g, " ")} ${ser.mentions}` }));
    b.title = `${ser.mentions} mentions in ${ser.reports} reports — click to list its events`;
    b.addEventListener("click", () => {
      const next = state.indicator === ser.indicator ? "" : ser.indicator;
      writeState({ indicator: next }, true);
      syncInputs();
      drawIndicatorLegend();
      if (allDays.length) drawTimeline(allDays);
      refreshEvents();
    });
    box.append(b);
  }
}

function markTimeline() {
  const s = $("timeline");
  for (const r of s.querySelectorAll(".bar")) {
    const d = r.dataset.date;
    const inRange = (!state.since || d >= state.since) && (!state.until || d <= state.until);
    r.classList.toggle("in", inRange && Boolean(state.since || state.until));
  }
}

function initTimelineBrush() {
  const s = $("timeline");
  let brush = null;
  const localX = (e) => {
    const r = s.getBoundingClientRect();
    return ((e.clientX - r.left) / r.width) * timeline.W;
  };
  s.addEventListener("pointerdown", (e) => {
    if (!timeline) return;
    const x0 = localX(e);
    const rect = svg("rect", { x: x0, y: 0, width: 0, height: 90, class: "brush" });
    s.append(rect);
    brush = { x0, rect, bar: e.target.closest ? e.target.closest(".bar") : null };
    s.setPointerCapture(e.pointerId);
  });
  s.addEventListener("pointermove", (e) => {
    if (!brush) return;
    const x1 = localX(e);
    brush.rect.setAttribute("x", Math.min(brush.x0, x1));
    brush.rect.setAttribute("width", Math.abs(x1 - brush.x0));
  });
  s.addEventListener("pointerup", (e) => {
    if (!brush) return;
    const x1 = localX(e);
    brush.rect.remove();
    const a = Math.min(brush.x0, x1);
    const b = Math.max(brush.x0, x1);
    let since;
    let until;
    if (b - a < 3) {
      // A click: the day under the pointer (or clear when nothing is there).
      const bar = brush.bar;
      brush = null;
      if (!bar) return;
      since = until = bar.dataset.date;
    } else {
      brush = null;
      since = dayStr(Math.ceil(timeline.inv(a)));
      until = dayStr(Math.floor(timeline.inv(b)));
      if (since > until) return;
    }
    $("f-since").value = since;
    $("f-until").value = until;
    writeState({ since, until }, true);
    refresh();
  });
}

// ---------- reports table ----------

async function fetchAll(path, key, maxPages) {
  let out = [];
  let cursor = "";
  for (let i = 0; i < maxPages; i++) {
    const sep = path.includes("?") ? "&" : "?";
    const page = await api(path + (cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ""));
    out = out.concat(page[key]);
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  return out;
}

function drawReports(reports, placeCounts) {
  const tbody = $("reports").querySelector("tbody");
  tbody.replaceChildren();
  for (const r of reports) {
    const title = el("td", { class: "title" }, r.title || "(untitled)");
    if (r.snippet) title.append(el("span", { class: "snippet", text: r.snippet }));
    const tr = el(
      "tr",
      { "data-id": r.id, class: r.id === state.report || (state.report && r.id.startsWith(state.report)) ? "sel" : "" },
      el("td", { class: "date", text: r.published || "—" }),
      title,
      el("td", { text: r.outlet || "" }),
      el("td", { text: String(placeCounts.get(r.id) || 0) }),
    );
    tr.addEventListener("click", () => selectReport(r.id));
    tbody.append(tr);
  }
  const actor = state.actor ? ` · mentioning ${actorNames.get(state.actor) || state.actor}` : "";
  $("reports-count").textContent = `${reports.length} shown${actor}`;
}

// ---------- actors ----------

/** Names of the actors seen so far, by key (for the filter chip). */
const actorNames = new Map();

function kindBadge(kind) {
  return el("span", { class: `kind k-${kind}`, "data-kind": kind, text: KIND_NAMES[kind] || kind });
}

function drawActors(actors) {
  const tbody = $("actors").querySelector("tbody");
  tbody.replaceChildren();
  for (const a of actors) {
    actorNames.set(a.key, a.name);
    const when = [a.first_published, a.last_published].filter(Boolean);
    const tr = el(
      "tr",
      {
        "data-key": a.key,
        class: a.key === state.actor ? "sel" : "",
        title: `${a.key} — ${a.mentions} mention${a.mentions === 1 ? "" : "s"}${when.length ? `, ${when[0]} to ${when[when.length - 1]}` : ""}`,
      },
      el("td", { class: "name", text: a.name }),
      el("td", {}, kindBadge(a.kind)),
      el("td", { text: a.country || "" }),
      el("td", { class: "num", text: String(a.reports) }),
    );
    tr.addEventListener("click", () => setActor(a.key === state.actor ? "" : a.key));
    tbody.append(tr);
  }
  if (!actors.length) {
    tbody.append(el("tr", {}, el("td", { colspan: 4, class: "muted", text: "No actors in these reports." })));
  }
}

/** Filters the reports (table and map) to those mentioning `key`; "" clears. */
function setActor(key) {
  writeState({ actor: key }, true);
  refresh();
}

async function showActorFilter() {
  const key = state.actor;
  $("f-actor").hidden = !key;
  if (!key) return;
  $("f-actor").dataset.key = key;
  if (!actorNames.has(key)) {
    // Not among the most reported: look it up by its key.
    try {
      const found = await api(`/api/actors?${query({ search: key, limit: 500 })}`);
      for (const a of found.actors) actorNames.set(a.key, a.name);
    } catch (_) {
      // The key is shown as it is.
    }
  }
  if (state.actor === key) $("f-actor-name").textContent = actorNames.get(key) || key;
}

/** The actors of one report, one entry per actor id, most mentioned first. */
function reportActors(rep) {
  const byKey = new Map();
  for (const s of rep.layers.actors || []) {
    const key = s.key || `text:${s.text}`;
    let g = byKey.get(key);
    if (!g) {
      g = { key: s.key, kind: s.label, spans: [], attrs: {} };
      byKey.set(key, g);
    }
    g.spans.push(s);
    // The first mention that gives a field gives it.
    for (const [k, v] of Object.entries(s.attrs || {})) {
      if (g.attrs[k] === undefined && v !== null && v !== "") g.attrs[k] = v;
    }
  }
  return [...byKey.values()].sort((a, b) => b.spans.length - a.spans.length || a.spans[0].start - b.spans[0].start);
}

/** A person's title, rank, role and organisation as one line. */
function personLine(a) {
  const parts = [];
  if (a.rank) parts.push(a.rank);
  const role = a.role || a.title;
  if (role) parts.push(role);
  const org = a.organisation_name;
  if (org && !(role || "").toLowerCase().includes(org.toLowerCase())) parts.push(org);
  return parts.join(" · ");
}

function drawReportActors(rep) {
  const box = $("report-actors");
  box.replaceChildren();
  const actors = reportActors(rep);
  if (!actors.length) return;
  const ul = el("ul", {});
  for (const a of actors) {
    const name = a.attrs.name || a.spans[0].text;
    const first = a.spans[0];
    const btn = el("button", {
      type: "button",
      "data-key": a.key || "",
      title: `${a.spans.length} mention${a.spans.length === 1 ? "" : "s"}: ${[...new Set(a.spans.map((s) => s.text))].join(", ")}`,
      text: name,
    });
    btn.addEventListener("click", () => focusSpan(first.start, first.end, null));
    const li = el(
      "li",
      { "data-key": a.key || "", "data-kind": a.kind },
      btn,
      kindBadge(a.kind),
      a.attrs.country ? el("span", { class: "lab", text: a.attrs.country }) : null,
      a.spans.length > 1 ? el("span", { class: "lab", text: `×${a.spans.length}` }) : null,
    );
    if (a.key) {
      const link = el("a", { href: `?${query({ actor: a.key })}`, class: "actor-filter", text: "reports", title: `Reports mentioning ${name}` });
      link.addEventListener("click", (e) => {
        e.preventDefault();
        actorNames.set(a.key, name);
        setActor(a.key);
      });
      li.append(link);
    }
    if (a.kind === "person") {
      const who = personLine(a.attrs);
      if (who) li.append(el("span", { class: "who", text: who }));
    }
    ul.append(li);
  }
  box.append(el("h3", {}, `Actors (${actors.length})`), ul);
}

// ---------- claims ledger ----------

/** The claims listed in the ledger (API order: the date said, newest first). */
let ledgerClaims = [];
/** How the ledger is ordered: `date` (the API's order), or grouped by `speaker` or `stance`. */
let ledgerSort = "date";

const speakerName = (c) => c.speaker_name || c.speaker_text || c.speaker || "unnamed source";
const claimDate = (c) => (c.date && c.date.value) || c.published || "—";

function stanceBadge(stance, hedged) {
  return el(
    "span",
    { class: `stance s-${stance}${hedged ? " hedged" : ""}`, "data-stance": stance, title: hedged ? `${stance}, hedged` : stance },
    stance,
    hedged ? el("span", { class: "hedge", text: "hedged" }) : null,
  );
}

/** The ledger's groupings (other than by date): the group a claim falls in. */
const LEDGER_GROUPS = {
  speaker: (c) => speakerName(c),
  stance: (c) => c.stance,
};

function compareGroups(sort, x, y) {
  if (sort === "stance") return STANCES.indexOf(x) - STANCES.indexOf(y) || x.localeCompare(y);
  return x.localeCompare(y);
}

function claimRow(c) {
  const stance = el("td", { class: "stance-cell" }, stanceBadge(c.stance, c.hedged));
  if (c.contradictions) {
    stance.append(
      el("span", {
        class: "contra",
        title: `contradicts ${c.contradictions} stored claim${c.contradictions === 1 ? "" : "s"}`,
        text: `↯${c.contradictions}`,
      }),
    );
  }
  const tr = el(
    "tr",
    {
      "data-id": c.id,
      "data-report": c.report,
      "data-stance": c.stance,
      class: String(c.id) === state.claim ? "sel" : "",
    },
    el("td", { class: "date", text: claimDate(c) }),
    el("td", {
      class: "speaker",
      title: `${speakerName(c)} — ${c.speaker || "not resolved to an actor"}`,
      text: truncate(speakerName(c), 40),
    }),
    stance,
    el("td", { class: "cue", text: c.cue || "" }),
    el(
      "td",
      { class: "claim" },
      el("span", { class: "content", title: c.content, text: truncate(c.content, 160) }),
      el("span", { class: "title", title: [c.published, c.outlet].filter(Boolean).join(" · "), text: c.title || "(untitled)" }),
    ),
  );
  tr.addEventListener("click", () => selectReport(c.report, { claim: c }));
  return tr;
}

function drawLedger(claims) {
  ledgerClaims = claims;
  const tbody = $("claims").querySelector("tbody");
  tbody.replaceChildren();
  const groupOf = LEDGER_GROUPS[ledgerSort];
  let rows = claims;
  const sizes = new Map();
  if (groupOf) {
    // A stable sort: within a group, the API's order (newest first).
    rows = claims.map((c, i) => [c, i]);
    rows.sort(([a, i], [b, j]) => compareGroups(ledgerSort, groupOf(a), groupOf(b)) || i - j);
    rows = rows.map(([c]) => c);
    for (const c of rows) sizes.set(groupOf(c), (sizes.get(groupOf(c)) || 0) + 1);
  }
  let group = null;
  for (const c of rows) {
    if (groupOf && groupOf(c) !== group) {
      group = groupOf(c);
      const label = ledgerSort === "stance" ? stanceBadge(group, false) : el("b", { text: group });
      tbody.append(
        el("tr", { class: "group", "data-group": group }, el("td", { colspan: 5 }, label, ` ${sizes.get(group)}`)),
      );
    }
    tbody.append(claimRow(c));
  }
  if (!claims.length) {
    tbody.append(el("tr", {}, el("td", { colspan: 5, class: "muted", text: "No claims match these filters." })));
  }
  for (const b of document.querySelectorAll(".ledger-tools .sort")) {
    b.classList.toggle("on", b.dataset.sort === ledgerSort);
  }
  const bits = [];
  if (state.stance) bits.push(state.stance);
  if (state.by) bits.push(`by ${actorNames.get(state.by) || state.by}`);
  if (state.actor) bits.push(`about ${actorNames.get(state.actor) || state.actor}`);
  $("claims-info").textContent = `${claims.length} claim${claims.length === 1 ? "" : "s"}${bits.length ? " · " + bits.join(" · ") : ""}`;
}

/** The speaker filter: the resolved speakers of `claims`, most claims first. */
function drawSpeakerFilter(claims) {
  const speakers = new Map();
  for (const c of claims) {
    if (!c.speaker) continue;
    const s = speakers.get(c.speaker) || { name: speakerName(c), n: 0 };
    s.n += 1;
    speakers.set(c.speaker, s);
    actorNames.set(c.speaker, actorNames.get(c.speaker) || s.name);
  }
  if (state.by && !speakers.has(state.by)) speakers.set(state.by, { name: actorNames.get(state.by) || state.by, n: 0 });
  const sel = $("f-by");
  sel.replaceChildren(el("option", { value: "", text: "all speakers" }));
  const sorted = [...speakers.entries()].sort((a, b) => b[1].n - a[1].n || a[1].name.localeCompare(b[1].name));
  for (const [key, s] of sorted) sel.append(el("option", { value: key, text: `${s.name} (${s.n})` }));
  sel.value = state.by;
}

function pairSide(c, which) {
  const side = el(
    "button",
    { type: "button", class: `side side-${which}`, "data-id": c.id, "data-report": c.report, title: "Open the report at this claim" },
    el(
      "div",
      { class: "who" },
      el("b", { class: "speaker", text: speakerName(c) }),
      stanceBadge(c.stance, c.hedged),
      el("span", { class: "date", text: claimDate(c) }),
    ),
    el("div", { class: "content", text: truncate(c.content, 220) }),
    el(
      "div",
      { class: "source" },
      el("span", { class: "title", text: c.title || "(untitled)" }),
      c.outlet ? el("span", { class: "lab", text: ` · ${c.outlet}` }) : null,
    ),
  );
  side.addEventListener("click", () => selectReport(c.report, { claim: c }));
  return side;
}

function drawContradictions(pairs) {
  const box = $("contradictions");
  box.replaceChildren();
  for (const p of pairs) {
    box.append(
      el(
        "div",
        { class: "pair", "data-a": p.a.id, "data-b": p.b.id },
        el("div", { class: "reason", text: p.reason }),
        pairSide(p.a, "a"),
        el("span", { class: "vs", "aria-hidden": "true", text: "vs" }),
        pairSide(p.b, "b"),
      ),
    );
  }
  if (!pairs.length) {
    const about = state.actor ? ` by or about ${actorNames.get(state.actor) || state.actor}` : "";
    box.append(el("p", { class: "muted", text: `No contradicting claims${about}.` }));
  }
  $("contradictions-info").textContent = `${pairs.length} pair${pairs.length === 1 ? "" : "s"}${state.actor ? " · by or about " + (actorNames.get(state.actor) || state.actor) : ""}`;
  markClaims();
}

/** Marks the claim open in the report view, in the ledger and the contradictions. */
function markClaims() {
  for (const e of document.querySelectorAll("#claims tbody tr[data-id], #contradictions .side")) {
    e.classList.toggle("sel", e.dataset.id === state.claim);
  }
}

let claimsGeneration = 0;
const LEDGER_PAGES = 5;

/** Reloads the ledger and the contradictions for the current filters. */
async function refreshClaims() {
  const gen = ++claimsGeneration;
  // The ledger's `about` is the dashboard's actor; its dates are the dates the claims were made.
  const filters = { about: state.actor, since: state.since, until: state.until, stance: state.stance };
  try {
    // At most LEDGER_PAGES pages of 1,000: the ledger does not page yet.
    const [claims, everyone, pairs] = await Promise.all([
      fetchAll(`/api/claims?${query({ ...filters, by: state.by, limit: 1000 })}`, "claims", LEDGER_PAGES),
      // The speaker filter offers every speaker of the other filters.
      state.by ? fetchAll(`/api/claims?${query({ ...filters, limit: 1000 })}`, "claims", LEDGER_PAGES) : null,
      api(`/api/contradictions?${query({ about: state.actor, limit: 200 })}`),
    ]);
    if (gen !== claimsGeneration) return;
    drawSpeakerFilter(everyone || claims);
    drawLedger(claims);
    drawContradictions(pairs.contradictions);
  } catch (e) {
    if (gen === claimsGeneration) $("claims-info").textContent = `error: ${e.message}`;
  }
}

// ---------- events panel ----------

function ploverBadge(plover) {
  const family = familyOf(plover);
  return el("span", {
    class: `plover fam-${family}`,
    "data-plover": plover,
    title: `${plover}: ${FAMILY_NAMES[family]}`,
    text: plover,
  });
}

function statusBadge(status) {
  return el("span", { class: `ev-status st-${status}`, "data-status": status, text: status });
}

function eventRow(ev) {
  const type = el("td", { class: "type" }, ploverBadge(ev.plover));
  if (ev.indicators && ev.indicators.length) {
    type.append(
      el("span", {
        class: "ind",
        text: ev.indicators
          .map((i) => i.indicator.replace(/_/g, " ") + (i.from || i.to ? ` ${i.from || "?"}→${i.to || "?"}` : ""))
          .join(", "),
      }),
    );
  }
  const place = el("td", { class: "place" }, eventPlace(ev) || "—");
  if (ev.place_precision) place.append(el("span", { class: "lab", text: ` ${ev.place_precision}` }));
  const tr = el(
    "tr",
    {
      "data-id": ev.id,
      "data-report": ev.report,
      "data-plover": ev.plover,
      "data-status": ev.status,
      class: String(ev.id) === state.event ? "sel" : "",
      title: ev.sentence ? ev.sentence.text : ev.text,
    },
    el("td", { class: "date", text: ev.date || ev.published || "—" }),
    type,
    el("td", { class: "who", text: eventActors(ev) }),
    place,
    el("td", { class: "status" }, statusBadge(ev.status)),
    el("td", { class: "title", text: ev.title || "(untitled)" }),
  );
  tr.addEventListener("click", () => selectReport(ev.report, { event: ev }));
  return tr;
}

function drawEventsTable(events) {
  const tbody = $("events").querySelector("tbody");
  const frag = document.createDocumentFragment();
  for (const ev of events) frag.append(eventRow(ev));
  if (!events.length) {
    frag.append(el("tr", {}, el("td", { colspan: 6, class: "muted", text: "No events match these filters." })));
  }
  tbody.replaceChildren(frag);
  const bits = [];
  if (state.type) bits.push(state.type);
  if (state.indicator) bits.push(state.indicator.replace(/_/g, " "));
  if (state.actor) bits.push(`by or against ${actorNames.get(state.actor) || state.actor}`);
  if (state.q) bits.push("in the listed reports");
  $("events-info").textContent = `${events.length} event${events.length === 1 ? "" : "s"}${bits.length ? " · " + bits.join(" · ") : ""}`;
}

/** Marks the event open in the report view, in the table and on the map. */
function markEvents() {
  for (const e of document.querySelectorAll("#events tbody tr[data-id], #map .ev-mark, #map .ev-area")) {
    e.classList.toggle("sel", e.dataset.id === state.event);
  }
}

let eventsGeneration = 0;
/** The reports the table lists, when a search narrows them (events follow), else null. */
let listedReports = null;

/**
 * Reloads the events (table and map) for the current filters. `listed` resolves to the
 * set of listed reports (a search keeps the events of those only).
 */
async function refreshEvents(listed = Promise.resolve(listedReports)) {
  const gen = ++eventsGeneration;
  const filters = {
    type: state.type,
    indicator: state.indicator,
    actor: state.actor,
    since: state.since,
    until: state.until,
    status: "all",
  };
  try {
    const [events, reports] = await Promise.all([
      fetchAll(`/api/events?${query({ ...filters, limit: 1000 })}`, "events", 10),
      listed,
    ]);
    if (gen !== eventsGeneration) return;
    const shown = state.q && reports ? events.filter((ev) => reports.has(ev.report)) : events;
    drawEventsTable(shown);
    timelineEvents = shown;
    if (timelineDrawn) drawTimeline(timelineDrawn.days, timelineDrawn.domain);
    await map.ready;
    if (gen !== eventsGeneration) return;
    await drawEvents(shown);
  } catch (e) {
    if (gen === eventsGeneration) $("events-info").textContent = `error: ${e.message}`;
  }
}

// ---------- report view ----------

let currentReport = null;
/** The claims-layer span of the claim open in the report view (`state.claim`). */
let currentClaim = null;
/** The event open in the report view (`state.event`), as the events API gives it. */
let currentEvent = null;

/** The byte ranges the open event marks: its words, and its sentence. */
function eventRanges(rep) {
  const ev = currentEvent;
  if (!ev || ev.report !== rep.id) return [];
  const out = [[ev.start, ev.end]];
  if (ev.sentence) out.push([ev.sentence.start, ev.sentence.end]);
  return out;
}

function renderReport(rep) {
  currentReport = rep;
  $("report-empty").hidden = true;
  $("report-body").hidden = false;
  $("report-title").textContent = rep.title || "(untitled)";
  // The captions of an open claim or event: shown again by focusClaim / focusEvent.
  $("report-claim").hidden = true;
  $("report-event").hidden = true;
  $("report-meta").textContent = [rep.published, rep.outlet, rep.id.slice(0, 12)].filter(Boolean).join(" · ");
  const toIdx = byteIndex(rep.text);
  const shown = LAYERS.filter((l) => (!state.layer || state.layer === l) && (rep.layers[l] || []).length);
  // Elementary segments: split the text at every span boundary.
  const spans = [];
  for (const layer of shown) {
    for (const s of rep.layers[layer]) spans.push({ ...s, layer });
  }
  const cuts = new Set([0, new TextEncoder().encode(rep.text).length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  // A claim's source, cue and content get their own pieces (whatever the layer shown), so
  // that opening a claim can mark each role's words.
  const claims = rep.layers.claims || [];
  for (const c of claims) {
    for (const [b0, b1] of claimRoleSpans(c)) {
      cuts.add(b0);
      cuts.add(b1);
    }
  }
  // So do the open event's words and sentence.
  const evRanges = eventRanges(rep);
  for (const [b0, b1] of evRanges) {
    cuts.add(b0);
    cuts.add(b1);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const box = $("report-text");
  box.replaceChildren();
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < sorted.length; i++) {
    const b0 = sorted[i];
    const b1 = sorted[i + 1];
    const piece = rep.text.slice(toIdx(b0), toIdx(b1));
    const cover = spans.filter((s) => s.start <= b0 && s.end >= b1 && s.start < s.end);
    if (!cover.length) {
      const inClaim = claims.some((c) => c.start <= b0 && c.end >= b1) || evRanges.some(([a, b]) => a <= b0 && b >= b1);
      frag.append(inClaim ? el("span", { class: "seg", "data-start": b0, "data-end": b1, text: piece }) : piece);
      continue;
    }
    cover.sort((a, b) => LAYERS.indexOf(a.layer) - LAYERS.indexOf(b.layer));
    const layersHere = [...new Set(cover.map((s) => s.layer))];
    const span = el("span", {
      class: `hl l-${layersHere[0]}${layersHere.length > 1 ? " multi" : ""}`,
      "data-start": b0,
      "data-end": b1,
      "data-layers": layersHere.join(" "),
      title: cover.map((s) => `${s.layer}: ${s.label}${s.key ? " · " + s.key : ""}`).join("\n"),
    });
    span.textContent = piece;
    frag.append(span);
  }
  box.append(frag);

  // Legend and the side list.
  const legend = $("report-legend");
  legend.replaceChildren();
  const items = $("report-items");
  items.replaceChildren();
  for (const layer of LAYERS) {
    const list = rep.layers[layer] || [];
    if (state.layer && state.layer !== layer) continue;
    legend.append(el("span", {}, el("i", { class: `sw l-${layer}` }), `${layer} (${list.length})`));
    if (!list.length) continue;
    const ul = el("ul", {});
    for (const s of list) {
      const a = s.attrs || {};
      const extra = a.precision && a.precision !== s.label ? `${s.label} · ${a.precision}` : s.label;
      const btn = el(
        "button",
        {
          type: "button",
          class: "item",
          "data-layer": layer,
          "data-start": s.start,
          "data-end": s.end,
          "data-text": s.text,
          title: s.key ? `key: ${s.key}` : undefined,
        },
        s.text,
        " ",
        el("span", { class: "lab", text: extra }),
      );
      btn.addEventListener("click", () => {
        // The list's spans carry no claim or event id: the URL forgets the open one.
        if (state.claim || state.event) {
          writeState({ claim: "", event: "" }, false);
          currentClaim = null;
          currentEvent = null;
          markClaims();
          markEvents();
        }
        if (layer === "claims") focusClaim(s, btn);
        else focusSpan(s.start, s.end, btn);
      });
      ul.append(el("li", {}, btn));
    }
    items.append(el("h4", {}, el("i", { class: `sw l-${layer}` }), `${layer}`), ul);
  }
  if (!items.childElementCount) items.append(el("p", { class: "muted", text: "Nothing extracted in this layer." }));
  drawReportActors(rep);
}

/** Clears what `focusSpan` and `focusClaim` marked in the report view. */
function clearFocus(btn) {
  const box = $("report-text");
  for (const e of box.querySelectorAll(".focus")) e.classList.remove("focus");
  for (const e of box.querySelectorAll("[data-role]")) {
    e.classList.remove(...CLAIM_ROLES.map((r) => `role-${r}`));
    delete e.dataset.role;
  }
  for (const e of box.querySelectorAll("[data-ev]")) {
    e.classList.remove("ev-words", "ev-sentence");
    delete e.dataset.ev;
  }
  $("report-event").hidden = true;
  for (const e of document.querySelectorAll("#report-items .active")) e.classList.remove("active");
  if (btn) btn.classList.add("active");
  $("report-claim").hidden = true;
}

/** Highlights the words of byte range start..end and scrolls them into view. */
function focusSpan(start, end, btn) {
  const box = $("report-text");
  clearFocus(btn);
  const hits = [...box.querySelectorAll(".hl")].filter(
    (e) => Number(e.dataset.start) >= start && Number(e.dataset.end) <= end,
  );
  for (const e of hits) e.classList.add("focus");
  if (hits.length) hits[0].scrollIntoView({ block: "center", behavior: "smooth" });
}

/** The byte ranges of a claim span's roles: `[start, end, role]`, source first. */
function claimRoleSpans(c) {
  const a = c.attrs || {};
  const out = [];
  for (const role of CLAIM_ROLES) {
    for (const r of a[`${role}_spans`] || []) {
      if (Array.isArray(r) && r.length === 2 && r[0] < r[1]) out.push([r[0], r[1], role]);
    }
  }
  return out;
}

/**
 * Marks a claim's source, cue and content in the report text (a class per role), says
 * who said what above the text, and scrolls to the claim. `c` is a span of the claims
 * layer.
 */
function focusClaim(c, btn) {
  const box = $("report-text");
  clearFocus(btn || document.querySelector(`#report-items button[data-layer=claims][data-start="${c.start}"][data-end="${c.end}"]`));
  const roles = claimRoleSpans(c);
  const pieces = [...box.querySelectorAll("[data-start]")];
  let first = null;
  for (const p of pieces) {
    const b0 = Number(p.dataset.start);
    const b1 = Number(p.dataset.end);
    const hit = roles.find(([r0, r1]) => r0 <= b0 && r1 >= b1);
    if (!hit) continue;
    p.classList.add(`role-${hit[2]}`);
    p.dataset.role = hit[2];
    if (!first) first = p;
  }
  const a = c.attrs || {};
  const speaker = (a.speaker && a.speaker.name) || a.speaker_text || "unnamed source";
  const caption = $("report-claim");
  caption.replaceChildren(
    el("b", { text: speaker }),
    " ",
    stanceBadge(a.stance || c.label, a.hedged),
    a.cue ? el("span", { class: "lab", text: ` “${a.cue}”` }) : null,
    el(
      "span",
      { class: "roles" },
      ...CLAIM_ROLES.map((r) => el("span", {}, el("i", { class: `sw role-${r}` }), r)),
    ),
  );
  caption.dataset.start = c.start;
  caption.dataset.end = c.end;
  caption.hidden = false;
  if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
}

/**
 * Marks an event's sentence and, within it, the event's own words (provenance), says what
 * happened above the text, and scrolls to it. `ev` is a record of the events API; the
 * report must have been drawn with it as `currentEvent` (so its ranges are pieces).
 */
function focusEvent(ev, btn) {
  const box = $("report-text");
  clearFocus(btn || document.querySelector(`#report-items button[data-layer=events][data-start="${ev.start}"][data-end="${ev.end}"]`));
  const sent = ev.sentence || { start: ev.start, end: ev.end };
  let first = null;
  for (const p of box.querySelectorAll("[data-start]")) {
    const b0 = Number(p.dataset.start);
    const b1 = Number(p.dataset.end);
    if (b0 >= ev.start && b1 <= ev.end) {
      p.classList.add("ev-words");
      p.dataset.ev = "words";
      if (!first) first = p;
    } else if (b0 >= sent.start && b1 <= sent.end) {
      p.classList.add("ev-sentence");
      p.dataset.ev = "sentence";
    }
  }
  const caption = $("report-event");
  const where = eventPlace(ev);
  caption.replaceChildren(
    ...[
      ploverBadge(ev.plover),
      el("b", { text: eventActors(ev) }),
      where ? el("span", { class: "lab", text: `${where}${ev.place_precision ? ` (${ev.place_precision})` : ""}` }) : null,
      el("span", { class: "lab", text: ev.date || ev.published || "" }),
      statusBadge(ev.status),
      ev.trigger ? el("span", { class: "lab", text: `“${ev.trigger}”` }) : null,
    ].filter(Boolean),
  );
  caption.dataset.id = ev.id;
  caption.hidden = false;
  if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
}

/** A stored event of `report` by its id, or null. */
async function eventById(id, report) {
  const events = await fetchAll(`/api/events?${query({ report, status: "all", limit: 1000 })}`, "events", 10);
  return events.find((ev) => String(ev.id) === String(id)) || null;
}

/** The report's claims-layer span of a stored claim (they share their byte range). */
function claimSpan(rep, claim) {
  return (rep.layers.claims || []).find((s) => s.start === claim.start && s.end === claim.end) || null;
}

/** A stored claim of `report` by its id, or null. */
async function claimById(id, report) {
  const claims = await fetchAll(`/api/claims?${query({ report, limit: 1000 })}`, "claims", 10);
  return claims.find((c) => String(c.id) === String(id)) || null;
}

/**
 * Opens a report; `focus` is a byte range `{start, end}` to highlight, `{claim}`, a
 * stored claim (as the claims API gives it) whose roles to mark, or `{event}`, a stored
 * event (as the events API gives it) whose sentence and words to mark.
 */
async function selectReport(id, focus) {
  writeState(
    {
      report: id,
      claim: focus && focus.claim ? String(focus.claim.id) : "",
      event: focus && focus.event ? String(focus.event.id) : "",
    },
    true,
  );
  for (const tr of $("reports").querySelectorAll("tbody tr")) tr.classList.toggle("sel", tr.dataset.id === id);
  for (const c of map.svg.querySelectorAll("circle.place")) c.classList.toggle("sel", c.dataset.report === id);
  markClaims();
  markEvents();
  await loadReport(focus);
}

async function loadReport(focus) {
  if (!state.report) {
    currentReport = null;
    currentEvent = null;
    $("report-empty").hidden = false;
    $("report-body").hidden = true;
    $("report-meta").textContent = "";
    return;
  }
  try {
    // A shared URL names the event by id: look it up among the report's events.
    const [rep, found] = await Promise.all([
      api(`/api/reports/${encodeURIComponent(state.report)}`),
      !focus && state.event ? eventById(state.event, state.report).catch(() => null) : null,
    ]);
    currentEvent = (focus && focus.event) || found || null;
    renderReport(rep);
    let claim = focus && focus.claim;
    if (!focus && state.claim) claim = await claimById(state.claim, rep.id).catch(() => null);
    const span = claim ? claimSpan(rep, claim) : null;
    currentClaim = span;
    if (span) focusClaim(span, null);
    else if (currentEvent) focusEvent(currentEvent, null);
    else if (focus && !focus.claim && !focus.event) focusSpan(focus.start, focus.end, null);
    else $("report-panel").scrollIntoView({ block: "nearest" });
  } catch (e) {
    $("report-empty").hidden = false;
    $("report-body").hidden = true;
    $("report-empty").textContent = `Report ${state.report}: ${e.message}`;
  }
}

// ---------- loading ----------

let refreshGeneration = 0;

async function refresh() {
  const gen = ++refreshGeneration;
  setStatus("loading…");
  markTimeline();
  showActorFilter();
  const claims = refreshClaims();
  try {
    const filters = { q: state.q, since: state.since, until: state.until, actor: state.actor };
    const reportsP = fetchAll(`/api/reports?${query({ ...filters, limit: 500 })}`, "reports", 10);
    // The events (table and map) load beside the rest; a search keeps the listed reports' only.
    const events = refreshEvents(reportsP.then((rs) => new Set(rs.map((r) => r.id))));
    const [reports, actors, stats, places] = await Promise.all([
      reportsP,
      api(`/api/actors?${query({ since: state.since, until: state.until, limit: ACTORS_SHOWN })}`),
      state.actor ? api(`/api/stats?${query({ actor: state.actor })}`) : null,
      fetchAll(`/api/spans?${query({ layer: "places", since: state.since, until: state.until, limit: 1000 })}`, "spans", 10),
    ]);
    if (gen !== refreshGeneration) return;
    const listed = new Set(reports.map((r) => r.id));
    listedReports = listed;
    const titles = new Map(reports.map((r) => [r.id, r.title]));
    const mine = places.filter((s) => listed.has(s.report));
    const counts = new Map();
    for (const s of mine) counts.set(s.report, (counts.get(s.report) || 0) + 1);
    drawActors(actors.actors);
    // the timeline follows the actor filter: that actor's reports per day
    if (allDays.length) drawTimeline(stats ? stats.reports_per_day || [] : allDays, allDays);
    drawReports(reports, counts);
    await map.ready;
    if (gen !== refreshGeneration) return;
    await drawPlaces(mine, titles);
    await Promise.all([claims, events]);
    setStatus("");
  } catch (e) {
    if (gen === refreshGeneration) setStatus(`error: ${e.message}`);
  }
}

/** Draws the open report again (another layer shown), keeping its claim or event marked. */
function rerenderReport() {
  if (!currentReport) return;
  renderReport(currentReport);
  if (currentClaim && state.claim) focusClaim(currentClaim, null);
  else if (currentEvent && state.event) focusEvent(currentEvent, null);
}

function syncInputs() {
  $("f-q").value = state.q;
  $("f-since").value = state.since;
  $("f-until").value = state.until;
  $("f-layer").value = state.layer;
  $("f-stance").value = state.stance;
  $("f-by").value = state.by;
  $("f-type").value = state.type;
  $("f-indicator").value = state.indicator;
}

function initFilters() {
  const sel = $("f-layer");
  for (const l of LAYERS) sel.append(el("option", { value: l, text: l }));
  for (const st of STANCES) $("f-stance").append(el("option", { value: st, text: st }));
  for (const f of FAMILIES) {
    const group = el("optgroup", { label: FAMILY_NAMES[f] });
    for (const t of PLOVER_FAMILIES[f]) group.append(el("option", { value: t, text: t }));
    $("f-type").append(group);
  }
  for (const i of INDICATORS) $("f-indicator").append(el("option", { value: i, text: i.replace(/_/g, " ") }));
  syncInputs();
  let timer = null;
  $("f-q").addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      writeState({ q: $("f-q").value.trim() }, false);
      refresh();
    }, 250);
  });
  $("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    clearTimeout(timer);
    writeState({ q: $("f-q").value.trim() }, true);
    refresh();
  });
  for (const k of ["since", "until"]) {
    $(`f-${k}`).addEventListener("change", () => {
      writeState({ [k]: $(`f-${k}`).value }, true);
      refresh();
    });
  }
  sel.addEventListener("change", () => {
    writeState({ layer: sel.value }, true);
    rerenderReport();
  });
  $("f-actor-clear").addEventListener("click", () => setActor(""));
  for (const k of ["stance", "by"]) {
    $(`f-${k}`).addEventListener("change", () => {
      writeState({ [k]: $(`f-${k}`).value }, true);
      refreshClaims();
    });
  }
  for (const k of ["type", "indicator"]) {
    $(`f-${k}`).addEventListener("change", () => {
      writeState({ [k]: $(`f-${k}`).value }, true);
      if (k === "indicator") {
        drawIndicatorLegend();
        if (allDays.length) drawTimeline(allDays);
      }
      refreshEvents();
    });
  }
  for (const b of document.querySelectorAll(".ledger-tools .sort")) {
    b.addEventListener("click", () => {
      ledgerSort = b.dataset.sort;
      drawLedger(ledgerClaims);
    });
  }
  $("f-clear").addEventListener("click", () => {
    writeState({ q: "", since: "", until: "", layer: "", actor: "", type: "", indicator: "", stance: "", by: "" }, true);
    syncInputs();
    drawIndicatorLegend();
    refresh();
    rerenderReport();
  });
  window.addEventListener("popstate", () => {
    state = readState();
    syncInputs();
    drawIndicatorLegend();
    refresh();
    loadReport();
  });
}

async function main() {
  map.svg = $("map");
  initMapLayers();
  setView(viewOf(REGION));
  initMapInteraction();
  initFilters();
  initTimelineBrush();
  setStatus("loading…");
  // The outlines (the largest response) load beside everything else; the layers drawn on
  // them wait for `map.ready`.
  map.ready = api("/api/geo/countries")
    .then((countries) => {
      map.countries = countries;
      drawCountries(countries);
    })
    .catch((e) => setStatus(`error: ${e.message}`));
  const timelineReady = Promise.all([
    api("/api/stats"),
    api("/api/indicators?interval=week&limit=9").catch(() => null),
  ])
    .then(([stats, series]) => {
      allDays = stats.reports_per_day || [];
      indicatorSeries = series;
      drawTimeline(allDays);
      drawIndicatorLegend();
    })
    .catch((e) => setStatus(`error: ${e.message}`));
  await timelineReady;
  await Promise.all([refresh(), loadReport(), map.ready]);
  // Every initial fetch is drawn: the page is ready (the browser tests time first load to here).
  performance.mark("spillover-ready");
  document.documentElement.dataset.ready = "1";
  document.body.dataset.ready = "true";
}

main();
