#!/usr/bin/env node
// HTML report benchmark: a synthetic estate of N findings (the demo account's findings repeated over
// many accounts, regions and resources, so the evidence, messages and fix list are realistic), the
// time to build the report model and to render its HTML, the file's size, and how fast headless
// Chromium opens it: until the load event, until the page's script has listed the first rows, and
// for a filter over all findings. Needs `npm run build` (it uses dist/) and the system's Chromium
// (apt-get install -y chromium, or YOURSIDE_CHROMIUM).
// Usage: node bench/html.bench.mjs [findings=100000 | demo] [out.html]   ("demo": the demo account's findings as they are)
/* global document, location -- page functions run in Chromium */
import { createWriteStream, statSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { htmlRenderer } from "../dist/reports/html.js";
import { demoSnapshotPath } from "../dist/src/demo.js";
import { evaluate } from "../dist/src/engine.js";
import { buildReport } from "../dist/src/report.js";
import { CHECKS } from "../dist/src/services/index.js";
import { loadSnapshot } from "../dist/src/snapshot.js";

const demo = process.argv[2] === "demo";
const wanted = demo ? 0 : Number(process.argv[2] ?? 100_000);
const out = process.argv[3] ?? join(mkdtempSync(join(tmpdir(), "yourside-html-bench-")), "report.html");
const executablePath = process.env.YOURSIDE_CHROMIUM ?? "/usr/bin/chromium";
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

// ---- a synthetic estate ----
const inventory = loadSnapshot(demoSnapshotPath());
const base = evaluate(inventory, CHECKS);
const accounts = Array.from({ length: 20 }, (_, i) => String(100000000000 + i * 7919));
const regions = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"];
const findings = demo ? [...base] : [];
for (let copy = 0; findings.length < wanted; copy++) {
  const accountId = accounts[copy % accounts.length];
  for (const f of base) {
    if (findings.length === wanted) break;
    const region = f.region === "global" ? "global" : regions[copy % regions.length];
    const suffix = `-${copy}`;
    findings.push({
      ...f,
      id: `${f.id.slice(0, 24)}${copy.toString(16).padStart(8, "0")}`,
      accountId,
      region,
      resource: { ...f.resource, id: `${f.resource.id}${suffix}`, arn: `${f.resource.arn.replace(f.accountId, accountId)}${suffix}` },
    });
  }
}
const scan = {
  id: "bench",
  startedAt: inventory.collectedAt,
  finishedAt: inventory.collectedAt,
  accounts: demo ? [inventory.accountId] : accounts,
  regions: demo ? Object.keys(inventory.ec2?.regions ?? {}) : regions,
  services: [...new Set(CHECKS.map((c) => c.service))],
  complete: true,
  errors: [],
  stats: {},
  source: "synthetic",
};

let t0 = process.hrtime.bigint();
const report = buildReport(scan, findings, CHECKS);
const modelMs = ms(t0);

t0 = process.hrtime.bigint();
const file = createWriteStream(out);
for (const piece of htmlRenderer.render(report)) if (!file.write(piece)) await once(file, "drain");
file.end();
await once(file, "finish");
const renderMs = ms(t0);
const bytes = statSync(out).size;
// Again, in memory: the first render includes reading the page's assets and warming up.
t0 = process.hrtime.bigint();
let chars = 0;
for (const piece of htmlRenderer.render(report)) chars += piece.length;
const warmMs = ms(t0);

// ---- Chromium ----
const browser = await chromium.launch({ executablePath, args: process.getuid?.() === 0 ? ["--no-sandbox"] : [] });
const runs = [];
try {
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    t0 = process.hrtime.bigint();
    await page.goto(pathToFileURL(out).href, { waitUntil: "load", timeout: 120_000 });
    const loadMs = ms(t0);
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 120_000 });
    const readyMs = ms(t0);
    const paint = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null);
    const shown = await page.locator("#shown").textContent();
    t0 = process.hrtime.bigint();
    await page.selectOption("#flt-severity", "critical");
    await page.waitForFunction(() => /match/.test(document.getElementById("shown").textContent));
    const filterMs = ms(t0);
    t0 = process.hrtime.bigint();
    await page.fill("#flt-q", "web-v1");
    await page.waitForFunction(() => /web-v1/.test(location.hash));
    const searchMs = ms(t0) - 150; // the search box waits 150 ms for typing to stop
    const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
    runs.push({ loadMs, readyMs, paint, filterMs, searchMs, heap, shown, errors });
    await context.close();
  }
} finally {
  await browser.close();
}

const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[1];
const round = (n) => (n === null || n === undefined ? "n/a" : Math.round(n));
console.log(`findings: ${findings.length.toLocaleString("en-US")}; fix-list items: ${report.backlog.length.toLocaleString("en-US")}`);
console.log(
  `report model (buildReport): ${round(modelMs)} ms; HTML render: ${round(renderMs)} ms to the file (again, in memory: ${round(warmMs)} ms for ${chars.toLocaleString("en-US")} characters); file: ${(bytes / 1e6).toFixed(1)} MB (${out})`,
);
console.log(
  `Chromium ${browser.version()} (median of 3): first contentful paint ${round(median("paint"))} ms, load ${round(median("loadMs"))} ms, ` +
    `rows listed ${round(median("readyMs"))} ms; filter by severity ${round(median("filterMs"))} ms; text search ${round(median("searchMs"))} ms; ` +
    `JS heap ${runs[0].heap ? `${Math.round(runs[0].heap / 1e6)} MB` : "n/a"}`,
);
console.log(`first view: ${runs[0].shown}`);
const errors = runs.flatMap((r) => r.errors);
if (errors.length > 0) {
  console.error(`page errors: ${errors.join("; ")}`);
  process.exitCode = 1;
}
