// End-to-end tests of the dashboard: the real `spillover` binary serving the demo data,
// driven in Debian's headless Chromium through playwright-core.
//
//   SPILLOVER_BIN=target/release/spillover node --test web/tests/
//
// Env: SPILLOVER_BIN (default ../target/release/spillover relative to web/, i.e. the
// repository's target/release/spillover), CHROMIUM (default /usr/bin/chromium),
// SCREENSHOT_DIR (default web/tests/screenshots/).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.resolve(here, "..");
const repo = path.resolve(web, "..");
const bin = path.resolve(repo, process.env.SPILLOVER_BIN || path.join(web, "../target/release/spillover"));
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const shots = path.resolve(process.env.SCREENSHOT_DIR || path.join(here, "screenshots"));
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

let tmp;
let server;
let base;
let context;
let page;
const consoleErrors = [];

function startServer(db) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ["serve", "--db", db, "--addr", "127.0.0.1:0"], {
      cwd: repo,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`server did not start in 15 s: ${out}${err}`)), 15000);
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/ at http:\/\/([^/\s]+)\//);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: `http://${m[1]}` });
      }
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${out}${err}`));
    });
  });
}

async function shot(name) {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

before(async () => {
  assert.ok(fs.existsSync(bin), `no spillover binary at ${bin} (build it, or set SPILLOVER_BIN)`);
  assert.ok(fs.existsSync(chromiumPath), `no Chromium at ${chromiumPath} (apt-get install chromium)`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "spillover-dash-"));
  const db = path.join(tmp, "demo.db");
  const demo = spawnSync(bin, ["demo", "--db", db, "--samples", path.join(repo, "data/samples")], {
    cwd: repo,
    encoding: "utf8",
    timeout: 60000,
  });
  assert.equal(demo.status, 0, `spillover demo failed: ${demo.stdout}${demo.stderr}`);
  ({ child: server, base } = await startServer(db));
  context = await chromium.launchPersistentContext(path.join(tmp, "profile"), {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 1000 },
  });
  page = context.pages()[0] || (await context.newPage());
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  page.setDefaultTimeout(10000);
});

after(async () => {
  if (context) await context.close().catch(() => {});
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => {
      const t = setTimeout(() => {
        server.kill("SIGKILL");
        r();
      }, 3000);
      server.once("exit", () => {
        clearTimeout(t);
        r();
      });
    });
  }
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const rows = () => page.locator("#reports tbody tr");

test("the map renders countries and places", async () => {
  await page.goto(base + "/");
  await page.waitForSelector("body[data-ready=true]");
  const countries = await page.locator("#map path.country").count();
  assert.ok(countries > 50, `${countries} country paths`);
  await page.waitForSelector("#map circle.place");
  const circles = await page.locator("#map circle.place").count();
  assert.ok(circles >= 1, `${circles} place circles`);
  const tip = await page.locator("#map circle.place title").first().textContent();
  assert.match(tip, / — /, "a circle's tooltip names the place and the report");
  assert.ok((await page.locator("#timeline rect.bar").count()) > 0, "timeline bars");
  assert.ok((await rows().count()) > 1, "reports listed");
  await shot("map");
});

test("a search filter narrows the table and stays in the URL", async () => {
  const all = await rows().count();
  // A word of the first listed report's title, present in some reports but not all.
  const word = "Torkham";
  await page.fill("#f-q", word);
  await page.waitForFunction(
    (n) => {
      const k = document.querySelectorAll("#reports tbody tr").length;
      return k > 0 && k < n && new URL(location.href).searchParams.get("q") === "Torkham";
    },
    all,
  );
  const narrowed = await rows().count();
  assert.ok(narrowed > 0 && narrowed < all, `${narrowed} of ${all}`);
  assert.equal(new URL(page.url()).searchParams.get("q"), word);
  await shot("search");
});

test("clicking a report then a place highlights the place's words", async () => {
  // A listed report with places.
  const id = await page.$$eval("#reports tbody tr", (trs) => {
    const tr = trs.find((t) => t.cells[3].textContent !== "0");
    return tr ? tr.dataset.id : null;
  });
  assert.ok(id, "a listed report with places");
  await page.click(`#reports tbody tr[data-id="${id}"]`);
  await page.waitForSelector("#report-body:not([hidden]) #report-items button[data-layer=places]");
  assert.equal(new URL(page.url()).searchParams.get("report"), id);
  const report = await (await fetch(`${base}/api/reports/${id}`)).json();
  const places = report.layers.places;
  assert.ok(places.length > 0);
  const buttons = page.locator("#report-items button[data-layer=places]");
  assert.equal(await buttons.count(), places.length);
  // The last place: likeliest to sit after non-ASCII text, so byte offsets matter.
  const i = places.length - 1;
  await buttons.nth(i).click();
  const lit = await page.$$eval("#report-text .hl.focus", (es) => es.map((e) => e.textContent).join(""));
  assert.equal(lit, places[i].text);
  // Every layer of the report is drawn, each span's text where the API says it is.
  const spans = await page.$$eval("#report-text .hl", (es) =>
    es.map((e) => [Number(e.dataset.start), Number(e.dataset.end), e.textContent]),
  );
  const bytes = Buffer.from(report.text, "utf8");
  for (const [s, e, t] of spans) assert.equal(bytes.subarray(s, e).toString("utf8"), t);
  const layers = new Set(await page.$$eval("#report-text .hl", (es) => es.flatMap((e) => e.dataset.layers.split(" "))));
  for (const [name, list] of Object.entries(report.layers)) {
    if (list.length) assert.ok(layers.has(name), `layer ${name} highlighted`);
  }
  fs.mkdirSync(shots, { recursive: true });
  await page.locator("#report-panel").screenshot({ path: path.join(shots, "report.png") });
});

test("a shared URL restores the view", async () => {
  const url = page.url();
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]");
  const u = new URL(url);
  assert.equal(await page.inputValue("#f-q"), u.searchParams.get("q"));
  await page.waitForSelector("#report-body:not([hidden])");
  assert.ok((await rows().count()) > 0);
  await shot("dashboard");
});

test("the actors panel filters the reports to one actor", async () => {
  await page.goto(base + "/");
  await page.waitForSelector("body[data-ready=true]");
  const total = (await (await fetch(`${base}/api/reports?limit=500`)).json()).reports.length;
  await page.waitForFunction((n) => document.querySelectorAll("#reports tbody tr").length === n, total);
  // The panel: at most 20 actors, most reported first, the Taliban among them.
  const listed = await page.$$eval("#actors tbody tr[data-key]", (trs) =>
    trs.map((tr) => ({
      key: tr.dataset.key,
      name: tr.cells[0].textContent,
      kind: tr.querySelector(".kind").dataset.kind,
      reports: Number(tr.cells[3].textContent),
    })),
  );
  assert.ok(listed.length > 1 && listed.length <= 20, `${listed.length} actors`);
  const api = (await (await fetch(`${base}/api/actors?limit=20`)).json()).actors;
  assert.deepEqual(
    listed.map((a) => a.key),
    api.map((a) => a.key),
  );
  const taliban = listed.find((a) => a.key === "taliban");
  assert.ok(taliban, `the Taliban listed: ${listed.map((a) => a.name).join(", ")}`);
  assert.match(taliban.name, /Taliban/);
  assert.equal(taliban.kind, "armed_group");

  // Clicking it narrows the table to the reports that mention it, as the API counts them.
  const expected = (await (await fetch(`${base}/api/reports?actor=taliban&limit=500`)).json()).reports.map((r) => r.id);
  assert.ok(expected.length > 0 && expected.length < total, `${expected.length} of ${total}`);
  assert.equal(taliban.reports, expected.length);
  await page.click('#actors tbody tr[data-key="taliban"]');
  await page.waitForFunction((n) => document.querySelectorAll("#reports tbody tr").length === n, expected.length);
  const shown = await page.$$eval("#reports tbody tr", (trs) => trs.map((tr) => tr.dataset.id));
  assert.deepEqual(shown, expected);
  assert.equal(new URL(page.url()).searchParams.get("actor"), "taliban");
  assert.ok(await page.isVisible("#f-actor"), "the filter chip shows");
  assert.match(await page.textContent("#f-actor-name"), /Taliban/);
  assert.ok(await page.locator('#actors tbody tr.sel[data-key="taliban"]').count(), "the actor is marked");
  // The map follows: every place dot belongs to a listed report.
  const dots = await page.$$eval("#map circle.place", (cs) => cs.map((c) => c.dataset.report));
  assert.ok(dots.every((id) => expected.includes(id)), "map dots of other reports");
  // The timeline follows too: its bars add up to the actor's dated reports.
  const days = (await (await fetch(`${base}/api/stats?actor=taliban`)).json()).reports_per_day;
  const dated = days.reduce((n, d) => n + d.reports, 0);
  const all = (await (await fetch(`${base}/api/stats`)).json()).reports_per_day.reduce((n, d) => n + d.reports, 0);
  assert.ok(dated > 0 && dated < all, `${dated} of ${all} dated reports`);
  await page.waitForFunction((n) => document.querySelectorAll("#timeline rect.bar").length === n, days.length);
  const bars = await page.$$eval("#timeline rect.bar title", (ts) =>
    ts.reduce((n, t) => n + Number(t.textContent.split(": ")[1].split(" ")[0]), 0),
  );
  assert.equal(bars, dated);
  await shot("actors");

  // The report view lists the report's actors with kind and, for persons, their role.
  // A listed report naming a person with a title or role.
  let report = null;
  let person = null;
  for (const id of expected) {
    const r = await (await fetch(`${base}/api/reports/${id}`)).json();
    person = r.layers.actors.find((a) => a.label === "person" && a.key && (a.attrs.role || a.attrs.title));
    if (person) {
      report = r;
      break;
    }
  }
  assert.ok(person, "a Taliban report names a person with a title or role");
  await page.click(`#reports tbody tr[data-id="${report.id}"]`);
  await page.waitForSelector('#report-actors li[data-key="taliban"]');
  const keys = new Set(report.layers.actors.map((a) => a.key));
  assert.equal(await page.locator("#report-actors li").count(), keys.size);
  assert.equal(await page.textContent('#report-actors li[data-key="taliban"] .kind'), "armed group");
  const who = await page.textContent(`#report-actors li[data-key="${person.key}"] .who`);
  assert.ok(who.includes(person.attrs.role || person.attrs.title), who);
  assert.equal(await page.textContent(`#report-actors li[data-key="${person.key}"] .kind`), "person");
  fs.mkdirSync(shots, { recursive: true });
  await page.locator("#report-panel").screenshot({ path: path.join(shots, "report-actors.png") });

  // A shared URL keeps the filter; clearing it brings every report back.
  await page.goto(base + "/?actor=taliban");
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await rows().count(), expected.length);
  await page.click("#f-actor-clear");
  await page.waitForFunction((n) => document.querySelectorAll("#reports tbody tr").length === n, total);
  assert.equal(new URL(page.url()).searchParams.get("actor"), null);
  assert.ok(await page.isHidden("#f-actor"));
});

// ---------- claims ledger ----------

const getJson = async (p) => (await fetch(base + p)).json();
const ledgerRows = () => page.locator("#claims tbody tr[data-id]");

/** The texts of a claim's role spans (`source`, `cue` or `content`), joined. */
function roleText(report, claim, role) {
  const bytes = Buffer.from(report.text, "utf8");
  return claim.attrs[`${role}_spans`].map(([s, e]) => bytes.subarray(s, e).toString("utf8")).join("");
}

/** Waits for the report view to mark `claim` (a record of /api/claims) and checks its words. */
async function assertClaimOpen(claim) {
  await page.waitForFunction(
    ({ report, id }) => {
      const u = new URL(location.href).searchParams;
      return u.get("report") === report && u.get("claim") === String(id) && document.querySelector("#report-text [data-role=content]");
    },
    { report: claim.report, id: claim.id },
  );
  const report = await getJson(`/api/reports/${claim.report}`);
  const span = report.layers.claims.find((s) => s.start === claim.start && s.end === claim.end);
  assert.ok(span, "the claim is a span of the report's claims layer");
  for (const role of ["source", "cue", "content"]) {
    const shown = await page.$$eval(`#report-text [data-role=${role}]`, (es) => es.map((e) => e.textContent).join(""));
    assert.equal(shown, roleText(report, span, role), `${role} marked`);
  }
  assert.ok((await page.locator("#report-text [data-role=content]").count()) > 0);
  assert.equal(await page.getAttribute("#report-claim .stance", "data-stance"), claim.stance);
  assert.ok(await page.isVisible("#report-claim"), "the claim's caption shows");
  // Scrolled to: the content is inside the report text's visible box.
  await page.waitForFunction(() => {
    const box = document.querySelector("#report-text").getBoundingClientRect();
    const hit = document.querySelector("#report-text [data-role=content]").getBoundingClientRect();
    return hit.top >= box.top - 1 && hit.bottom <= box.bottom + 1;
  });
}

test("the claims ledger lists the claims with their stances", async () => {
  await page.goto(base + "/");
  await page.waitForSelector("body[data-ready=true]");
  const claims = (await getJson("/api/claims?limit=1000")).claims;
  assert.ok(claims.length > 20, `${claims.length} claims in the samples`);
  await page.waitForFunction((n) => document.querySelectorAll("#claims tbody tr[data-id]").length === n, claims.length);
  const rows = await page.$$eval("#claims tbody tr[data-id]", (trs) =>
    trs.map((tr) => ({
      id: tr.dataset.id,
      stance: tr.querySelector(".stance").dataset.stance,
      hedged: tr.querySelector(".stance").classList.contains("hedged"),
      speaker: tr.querySelector(".speaker").textContent,
      cue: tr.querySelector(".cue").textContent,
      content: tr.querySelector(".content").textContent,
      title: tr.querySelector(".claim .title").textContent,
    })),
  );
  // In the API's order (the date said, newest first), each with its stance, speaker and report.
  assert.deepEqual(
    rows.map((r) => r.id),
    claims.map((c) => String(c.id)),
  );
  rows.forEach((r, i) => {
    const c = claims[i];
    assert.equal(r.stance, c.stance);
    assert.equal(r.hedged, c.hedged);
    assert.equal(r.cue, c.cue || "");
    assert.equal(r.title, c.title || "(untitled)");
    assert.ok(c.content.startsWith(r.content.replace(/…$/, "")), `content of ${c.id}`);
    if (c.speaker_name) assert.ok(c.speaker_name.startsWith(r.speaker.replace(/…$/, "")), `speaker of ${c.id}`);
  });
  const stances = new Set(rows.map((r) => r.stance));
  for (const s of ["asserts", "accuses", "denies"]) assert.ok(stances.has(s), `a claim that ${s}`);
  // Stances look different.
  const colour = (s) =>
    page.$eval(`#claims tbody tr[data-stance=${s}] .stance`, (e) => getComputedStyle(e).backgroundColor);
  assert.notEqual(await colour("accuses"), await colour("denies"));

  // Grouped by speaker: one group row per speaker, its claims under it.
  await page.click('.ledger-tools .sort[data-sort="speaker"]');
  const groups = await page.$$eval("#claims tbody tr.group", (trs) => trs.map((tr) => tr.dataset.group));
  assert.equal(groups.length, new Set(groups).size, "each speaker once");
  assert.ok(groups.includes("Taliban"), groups.join(", "));
  await page.click('.ledger-tools .sort[data-sort="date"]');
  assert.equal(await page.locator("#claims tbody tr.group").count(), 0);
});

test("the stance and speaker filters narrow the ledger and stay in the URL", async () => {
  const denials = (await getJson("/api/claims?stance=denies&limit=1000")).claims;
  assert.ok(denials.length > 1, `${denials.length} denials`);
  await page.selectOption("#f-stance", "denies");
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll("#claims tbody tr[data-id]").length === n &&
      new URL(location.href).searchParams.get("stance") === "denies",
    denials.length,
  );
  const stances = await page.$$eval("#claims tbody tr[data-id]", (trs) => trs.map((tr) => tr.dataset.stance));
  assert.ok(stances.every((s) => s === "denies"), stances.join(" "));

  // The speaker filter offers the speakers of the denials; the Taliban deny most.
  const byTaliban = (await getJson("/api/claims?stance=denies&by=taliban&limit=1000")).claims;
  assert.ok(byTaliban.length > 0 && byTaliban.length < denials.length, `${byTaliban.length} of ${denials.length}`);
  await page.selectOption("#f-by", "taliban");
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll("#claims tbody tr[data-id]").length === n &&
      new URL(location.href).searchParams.get("by") === "taliban",
    byTaliban.length,
  );
  const ids = await page.$$eval("#claims tbody tr[data-id]", (trs) => trs.map((tr) => tr.dataset.id));
  assert.deepEqual(ids, byTaliban.map((c) => String(c.id)));

  // A shared URL restores both filters; Back drops the last one.
  await page.goto(page.url());
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.inputValue("#f-stance"), "denies");
  assert.equal(await page.inputValue("#f-by"), "taliban");
  assert.equal(await ledgerRows().count(), byTaliban.length);
  await page.goBack();
  await page.waitForFunction((n) => document.querySelectorAll("#claims tbody tr[data-id]").length === n, denials.length);
  assert.equal(new URL(page.url()).searchParams.get("by"), null);
  await page.selectOption("#f-stance", "");
  await page.waitForFunction(() => !new URL(location.href).searchParams.has("stance"));
});

test("the contradictions list shows each pair side by side with its sources and reason", async () => {
  await page.goto(base + "/");
  await page.waitForSelector("body[data-ready=true]");
  const pairs = (await getJson("/api/contradictions?limit=200")).contradictions;
  // The accusation and the denial of data/samples/text/pk-fo-briefing-ttp-sanctuaries-2024-03.txt.
  const seed = pairs.find(
    (p) => p.a.speaker === "pak" && p.a.stance === "accuses" && p.b.speaker === "taliban" && p.b.stance === "denies",
  );
  assert.ok(seed, `Pakistan's accusation against the Taliban's denial: ${pairs.map((p) => p.reason).join("; ")}`);
  assert.match(seed.reason, /accuses vs denies: harbours_militants/);
  assert.equal(await page.locator("#contradictions .pair").count(), pairs.length);
  const pair = page.locator(`#contradictions .pair[data-a="${seed.a.id}"][data-b="${seed.b.id}"]`);
  assert.equal(await pair.locator(".reason").textContent(), seed.reason);
  for (const [which, c] of [["a", seed.a], ["b", seed.b]]) {
    const side = pair.locator(`.side-${which}`);
    assert.equal(await side.locator(".speaker").textContent(), c.speaker_name);
    assert.equal(await side.locator(".stance").getAttribute("data-stance"), c.stance);
    assert.equal(await side.locator(".source .title").textContent(), c.title);
    assert.equal(await side.locator(".date").textContent(), c.date.value);
    assert.ok(c.content.startsWith((await side.locator(".content").textContent()).replace(/…$/, "")));
  }
  // Side by side: the same height on the page, the older claim on the left.
  const a = await pair.locator(".side-a").boundingBox();
  const b = await pair.locator(".side-b").boundingBox();
  assert.ok(a.x + a.width <= b.x, `a ends at ${a.x + a.width}, b starts at ${b.x}`);
  assert.ok(Math.abs(a.y - b.y) < 2, `a at ${a.y}, b at ${b.y}`);

  // The actor filter narrows the pairs as the API's `about` does.
  const aboutIskp = (await getJson("/api/contradictions?about=iskp&limit=200")).contradictions;
  const aboutTaliban = (await getJson("/api/contradictions?about=taliban&limit=200")).contradictions;
  assert.ok(aboutTaliban.some((p) => p.a.id === seed.a.id && p.b.id === seed.b.id));
  await page.goto(base + "/?actor=taliban");
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.locator("#contradictions .pair").count(), aboutTaliban.length);
  const claimsAbout = (await getJson("/api/claims?about=taliban&limit=1000")).claims;
  assert.equal(await ledgerRows().count(), claimsAbout.length);
  await page.goto(base + "/?actor=iskp");
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.locator("#contradictions .pair").count(), aboutIskp.length);

  // The screenshot: the Taliban's claims and the claims about them, grouped by stance.
  await page.goto(base + "/?actor=taliban");
  await page.waitForSelector("body[data-ready=true]");
  await page.click('.ledger-tools .sort[data-sort="stance"]');
  const groups = await page.$$eval("#claims tbody tr.group", (trs) => trs.map((tr) => tr.dataset.group));
  assert.equal(groups[0], "accuses", groups.join(", "));
  await page.locator(".claims-panel").scrollIntoViewIfNeeded();
  fs.mkdirSync(shots, { recursive: true });
  await page.locator(".claims-panel").screenshot({ path: path.join(shots, "claims.png") });
});

test("clicking a claim opens its report with the source, cue and content marked", async () => {
  const pairs = (await getJson("/api/contradictions?about=taliban&limit=200")).contradictions;
  const seed = pairs.find((p) => p.a.speaker === "pak" && p.b.speaker === "taliban" && p.b.stance === "denies");
  assert.ok(seed);
  // Either side of a pair opens its report at the claim.
  await page.click(`#contradictions .pair[data-a="${seed.a.id}"][data-b="${seed.b.id}"] .side-b`);
  await assertClaimOpen(seed.b);
  assert.match(await page.textContent("#report-claim"), /Taliban/);
  assert.ok(await page.locator(`#contradictions .side.sel[data-id="${seed.b.id}"]`).count(), "the side is marked");

  // A ledger row does the same.
  await page.click(`#claims tbody tr[data-id="${seed.a.id}"]`);
  await assertClaimOpen(seed.a);
  assert.ok(await page.locator(`#claims tbody tr.sel[data-id="${seed.a.id}"]`).count(), "the row is marked");
  fs.mkdirSync(shots, { recursive: true });
  await page.locator("#report-panel").screenshot({ path: path.join(shots, "report-claim.png") });

  // A shared URL reopens the claim, even with another layer shown.
  const u = new URL(page.url());
  u.searchParams.set("layer", "places");
  await page.goto(u.toString());
  await page.waitForSelector("body[data-ready=true]");
  await assertClaimOpen(seed.a);
  // Another item of the report clears the claim's marks.
  await page.locator("#report-items button[data-layer=places]").first().click();
  assert.equal(await page.locator("#report-text [data-role]").count(), 0);
  assert.ok(await page.isHidden("#report-claim"));
  assert.equal(new URL(page.url()).searchParams.get("claim"), null);
});

test("no console errors", () => {
  assert.deepEqual(consoleErrors, []);
});
