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

test("no console errors", () => {
  assert.deepEqual(consoleErrors, []);
});
