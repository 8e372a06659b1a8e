/**
 * The HTML report in a real browser: headless Chromium (the system's; see test/support/browser.ts)
 * opens the report of the demo, of a moto scan with hostile tags and names, and of a report whose
 * every AWS-chosen string is hostile. Screenshots go to test-results/.
 */
import { createServer, type Server } from "node:http";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand, CreateTagsCommand, EC2Client } from "@aws-sdk/client-ec2";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { htmlRenderer } from "../../reports/html.js";
import type { JsonReport } from "../../reports/json.js";
import { renderToString } from "../../reports/renderer.js";
import { LAYERS } from "../../src/responsibility.js";
import { launchChromium, openPage, screenshotPath, type PageWatch } from "../support/browser.js";
import { runCli } from "../support/cli.js";
import { HOSTILE, HOSTILE_VALUES, hostileReport } from "../support/hostile.js";
import { startMoto, type MotoServer } from "../support/moto.js";
import { seedEc2Scenario, US } from "../services/ec2/scenario.js";

type JsonFinding = JsonReport["findings"][number];

const shownText = (page: Page) => page.locator("#shown").textContent();
const rowCount = (page: Page) => page.locator("#rows > li").count();

/** What the page's text search matches, as the page's script does it. */
const searchable = (f: JsonFinding, title: string): string =>
  [f.resource.id, f.resource.arn, f.message, f.checkId, title, f.id, ...Object.entries(f.resource.tags ?? {}).map(([k, v]) => `${k}=${v}`)]
    .join("\n")
    .toLowerCase();

/** The page did nothing a report must not: no console error or warning, no uncaught error, no dialog, no request but its own file. */
function expectQuiet(watch: PageWatch, url: string): void {
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
  expect(watch.dialogs).toEqual([]);
  expect(watch.requests).toEqual([url]);
}

/** Nothing hostile ran: no payload set its marker, made an element, or added a script. */
async function expectInert(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await page.locator("img, iframe, object, embed, svg:not(.bar)").count()).toBe(0);
  // The only pictures are the compliance bars: the page's own SVG, rectangles only.
  expect(await page.locator("svg.bar > :not(rect)").count()).toBe(0);
  expect(await page.evaluate(() => Array.from(document.scripts, (s) => s.type || "classic"))).toEqual(["application/json", "classic"]);
  // The page's own script ran to its end.
  expect(await page.evaluate(() => document.documentElement.dataset.ready)).toBe("1");
}

/** Opens every listed finding (their details are built on demand) and returns the list's text. */
async function openAll(page: Page): Promise<string> {
  await page.evaluate(() => {
    document.querySelectorAll<HTMLDetailsElement>("#rows details").forEach((d) => (d.open = true));
  });
  return page.locator("#rows").innerText();
}

let launched: Browser | undefined;
let launchError: unknown;

// Without Chromium every test fails with the install command (none is skipped).
beforeAll(async () => {
  try {
    launched = await launchChromium();
  } catch (err) {
    launchError = err;
  }
});
afterAll(async () => launched?.close());

function chromium(): Browser {
  if (!launched) throw launchError instanceof Error ? launchError : new Error(String(launchError));
  return launched;
}

describe("the demo's HTML report in Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "yourside-html-demo-"));
  const file = join(dir, "yourside-report.html");
  const url = pathToFileURL(file).href;
  let report: JsonReport;
  const title = (checkId: string) => report.checks.find((c) => c.id === checkId)?.title ?? checkId;

  beforeAll(async () => {
    const run = await runCli(["demo", "--format", "html,json", "--output-dir", dir]);
    expect(run.code, run.stderr).toBe(0);
    report = JSON.parse(readFileSync(join(dir, "yourside-report.json"), "utf8")) as JsonReport;
  });

  it("renders the matrix and the findings, filters them, opens one; no console error and no request; screenshots", async () => {
    const watch = await openPage(chromium(), url, { height: 1800 });
    const { page } = watch;
    const services = Object.entries(report.responsibilityMatrix.services);
    // The matrix: a row per service, every provider cell AWS's, every customer cell with failures failing.
    expect(await page.locator("table.matrix tbody tr").count()).toBe(report.scan.services.length);
    const cells = services.flatMap(([, row]) => Object.values(row.cells));
    expect(await page.locator("td.cell.c-provider").count()).toBe(cells.filter((c) => c.owner === "provider").length);
    for (const state of ["failing", "passing", "not-covered", "not-applicable"]) {
      expect(await page.locator(`td.cell.c-${state}`).count(), state).toBe(cells.filter((c) => c.state === state).length);
    }
    // The fix list, ranked, and the compliance summaries, before the findings.
    expect(await page.locator("#fix ol.backlog > li").count()).toBe(Math.min(report.backlog.length, 200));
    expect(await page.locator("#fix ol.backlog > li .ttl").first().textContent()).toBe(report.backlog[0]!.title);
    expect(await page.locator("#fix ol.backlog > li pre.cli").first().textContent()).toBe(report.backlog[0]!.commands.join("\n"));
    expect(await page.locator("#compliance .framework h3").allTextContents()).toEqual(
      report.compliance.map((c) => `${c.title} (reference)`),
    );
    expect(await page.locator("#compliance .framework").first().locator("table.reqs tbody tr").count()).toBe(
      report.compliance[0]!.requirements.length,
    );
    expect(await page.locator("td.cell.c-provider").first().textContent()).toBe("AWS");
    // The findings: the first page of rows, worst first.
    const total = report.findings.length;
    expect(await shownText(page)).toBe(`All ${total} findings; showing 200.`);
    expect(await rowCount(page)).toBe(200);
    expect(await page.locator("#rows > li").first().getAttribute("class")).toBe("f st-FAIL");
    await page.screenshot({ path: screenshotPath("html-demo.png") });

    // A matrix cell filters the list to its service and layer, and the address says so.
    await page.click("a[data-service=ec2][data-layer=network]");
    const inCell = report.findings.filter((f) => f.service === "ec2" && f.layer === "network");
    expect(await shownText(page)).toBe(`${inCell.length} of ${total} findings match; showing ${inCell.length}.`);
    expect(await page.evaluate(() => location.hash)).toBe("#findings?layer=network&service=ec2");
    const metas = await page.locator("#rows .meta").allTextContents();
    expect(metas.every((m) => m.startsWith("ec2 · network · "))).toBe(true);

    // A fix-list item's link lists the findings it closes; a compliance requirement's check, that check's findings.
    const fix = report.backlog.find((item) => item.findings.length > 1)!;
    await page.click(`a[data-fix="${fix.rank}"]`);
    expect(await shownText(page)).toBe(
      `${fix.findings.length} of ${total} findings match (those fix ${fix.rank} closes); showing ${fix.findings.length}.`,
    );
    expect((await page.locator("#rows details").evaluateAll((ds) => ds.map((d) => d.id))).sort()).toEqual(
      fix.findings.map((id) => `finding-${id}`).sort(),
    );
    const cis = report.compliance.find((c) => c.label === "CIS")!;
    const requirement = cis.requirements.find((r) => r.status === "failing")!;
    await page.click("#compliance details summary");
    await page.locator(`#compliance a[href="#check-${requirement.checks[0]}"]`).first().click();
    const ofCheck = report.findings.filter((f) => f.checkId === requirement.checks[0]);
    expect(await shownText(page)).toBe(`${ofCheck.length} of ${total} findings match; showing ${ofCheck.length}.`);
    await page.click("a[data-service=ec2][data-layer=network]");

    // Opening a finding shows its message, evidence and remediation.
    await page.locator("#rows summary").first().click();
    const firstId = await page.locator("#rows details").first().getAttribute("id");
    const first = report.findings.find((f) => `finding-${f.id}` === firstId)!;
    const check = report.checks.find((c) => c.id === first.checkId)!;
    const body = page.locator("#rows .fbody").first();
    expect(await body.locator("p.msg").textContent()).toBe(first.message);
    expect(await body.locator("pre.evidence").textContent()).toBe(JSON.stringify(first.evidence, null, 2));
    expect(await body.locator("pre.cli").textContent()).toBe(check.remediation.cli);
    // A failing finding points to its item of the fix list, whose commands are filled in.
    const item = report.backlog.find((b) => b.findings.includes(first.id))!;
    expect(await body.locator("p.infix a").getAttribute("href")).toBe(`#fix-${item.rank}`);
    await page.screenshot({ path: screenshotPath("html-demo-finding.png") });

    // Each filter, alone, gives what the JSON report holds.
    const filters: [string, string, (f: JsonFinding) => boolean][] = [
      ["layer", "identity", (f) => f.layer === "identity"],
      ["severity", "critical", (f) => f.severity === "critical"],
      ["status", "PASS", (f) => f.status === "PASS"],
      ["service", "s3", (f) => f.service === "s3"],
      ["account", report.scan.accounts[0]!, () => true],
      ["region", "eu-west-1", (f) => f.region === "eu-west-1"],
      ["check", "iam-privilege-escalation", (f) => f.checkId === "iam-privilege-escalation"],
    ];
    for (const [name, value, keep] of filters) {
      await page.click("#filters button[type=reset]");
      await page.selectOption(`#flt-${name}`, value);
      const n = report.findings.filter(keep).length;
      expect(n, name).toBeGreaterThan(0);
      expect(await shownText(page), `${name}=${value}`).toBe(
        n === total ? `All ${total} findings; showing 200.` : `${n} of ${total} findings match; showing ${Math.min(n, 200)}.`,
      );
    }
    // Filters combine; the severity badges of the rows are the severity asked for.
    await page.selectOption("#flt-check", "");
    await page.selectOption("#flt-region", "eu-west-1");
    await page.selectOption("#flt-severity", "high");
    const highEu = report.findings.filter((f) => f.region === "eu-west-1" && f.severity === "high");
    expect(await shownText(page)).toBe(`${highEu.length} of ${total} findings match; showing ${highEu.length}.`);
    expect(new Set(await page.locator("#rows .sev").allTextContents())).toEqual(new Set(["high"]));
    // Text search: resource, ARN, message, check, tags.
    await page.click("#filters button[type=reset]");
    await page.fill("#flt-q", "web-v1");
    const q = report.findings.filter((f) => searchable(f, title(f.checkId)).includes("web-v1"));
    await expect.poll(() => shownText(page)).toBe(`${q.length} of ${total} findings match; showing ${q.length}.`);
    // Clearing shows everything again, and "show more" the rest.
    await page.click("#filters button[type=reset]");
    await expect.poll(() => shownText(page)).toBe(`All ${total} findings; showing 200.`);
    // (The next page also loads by itself when the button scrolls into view: a click by the script, not the pointer, races nothing.)
    // Each "show more" adds a page of 200 rows, until all are shown.
    for (let shown = 200; shown < total; shown += 200) {
      await page.evaluate(() => document.getElementById("more")!.click());
      expect(await rowCount(page)).toBe(Math.min(shown + 200, total));
    }
    expect(await rowCount(page)).toBe(total);
    expect(await page.locator("#more-wrap").isHidden()).toBe(true);
    expectQuiet(watch, url);
    await watch.context.close();
  });

  it("opens a linked finding by its address, alone and open", async () => {
    const target = report.findings.find((f) => f.status === "FAIL" && f.severity === "critical")!;
    const watch = await openPage(chromium(), `${url}#finding-${target.id}`);
    expect(await rowCount(watch.page)).toBe(1);
    expect(await watch.page.locator(`#finding-${target.id}`).getAttribute("open")).toBe("");
    expect(await watch.page.locator("#rows p.msg").textContent()).toBe(target.message);
    // (A request's URL has no fragment.)
    expectQuiet(watch, url);
    await watch.context.close();
  });

  it("without JavaScript shows completeness, the matrix and the failing findings by service and layer", async () => {
    const watch = await openPage(chromium(), url, { javaScript: false });
    const { page } = watch;
    expect(await page.locator("#completeness h2").textContent()).toBe("Complete scan");
    expect(await page.locator("table.matrix tbody tr").count()).toBe(report.scan.services.length);
    expect(await page.locator("#filters").isHidden()).toBe(true);
    expect(await page.locator("#rows > li").count()).toBe(0);
    // A matrix cell's link lands on its group of the no-script list.
    await page.click("a[data-service=ec2][data-layer=network]");
    expect(await page.locator("#cell-ec2-network").isVisible()).toBe(true);
    const failing = report.findings.filter((f) => f.service === "ec2" && f.layer === "network" && f.status !== "PASS");
    const group = page.locator(".group", { has: page.locator("#cell-ec2-network") });
    expect(await group.locator("li.f").count()).toBe(Math.min(failing.length, 20));
    const groups = await page.locator(".static .group h3").count();
    const withResults = Object.values(report.responsibilityMatrix.services).flatMap((row) =>
      LAYERS.filter((l) => Object.values(row.cells[l].results).some((n) => n > 0)),
    );
    expect(groups).toBe(withResults.length);
    await page.screenshot({ path: screenshotPath("html-demo-noscript.png") });
    expectQuiet(watch, url);
    await watch.context.close();
  });

  it("refuses every request by its Content-Security-Policy: fetch, image, stylesheet, frame and injected script are blocked, the server sees none", async () => {
    const hits: string[] = [];
    const server: Server = createServer((req, res) => {
      hits.push(req.url ?? "");
      res.end("x");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // No route here: what stops the requests is the page's own policy.
    const context = await chromium().newContext();
    const page = await context.newPage();
    try {
      await page.goto(url);
      const result = await page.evaluate(async (base: string) => {
        const violations: string[] = [];
        document.addEventListener("securitypolicyviolation", (e) => violations.push(e.effectiveDirective));
        let fetched: string;
        try {
          await fetch(`${base}/fetch`);
          fetched = "yes";
        } catch {
          fetched = "refused";
        }
        const add = <E extends HTMLElement>(e: E) => {
          document.body.append(e);
          return e;
        };
        const img = add(Object.assign(document.createElement("img"), { src: `${base}/img` }));
        await new Promise((r) => ((img.onerror = r), (img.onload = r)));
        add(Object.assign(document.createElement("link"), { rel: "stylesheet", href: `${base}/css` }));
        add(Object.assign(document.createElement("iframe"), { src: `${base}/frame` }));
        add(Object.assign(document.createElement("script"), { textContent: "window.__injected = 1" }));
        add(Object.assign(document.createElement("script"), { src: `${base}/script.js` }));
        navigator.sendBeacon(`${base}/beacon`, "x");
        await new Promise((r) => setTimeout(r, 500));
        return { fetched, violations, injected: (window as unknown as { __injected?: number }).__injected ?? null };
      }, base);
      expect(result.fetched).toBe("refused");
      expect(result.injected).toBeNull();
      expect(new Set(result.violations)).toEqual(new Set(["connect-src", "img-src", "style-src-elem", "frame-src", "script-src-elem"]));
      expect(hits).toEqual([]);
    } finally {
      await context.close();
      await new Promise((r) => server.close(r));
    }
  });
});

describe("hostile text in Chromium", () => {
  it("a report with hostile resource names, ARNs, tags, messages, evidence and failed-call messages: all text, nothing runs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "yourside-html-hostile-"));
    const file = join(dir, "hostile.html");
    writeFileSync(file, renderToString(htmlRenderer, hostileReport()));
    const url = pathToFileURL(file).href;
    const watch = await openPage(chromium(), url);
    const { page } = watch;
    await page.fill("#flt-q", "__pwned");
    await expect.poll(() => rowCount(page)).toBe(2);
    const text = await openAll(page);
    for (const value of [HOSTILE.img, HOSTILE.script, HOSTILE.comment, HOSTILE.noscript, HOSTILE.style, HOSTILE.attribute]) {
      expect(text).toContain(value);
    }
    // The failed call's hostile message is text in the partial-scan table too.
    expect(await page.locator("table.calls td.msg").first().textContent()).toBe(HOSTILE.script);
    await expectInert(page);
    await page.screenshot({ path: screenshotPath("html-hostile.png") });
    expectQuiet(watch, url);
    await watch.context.close();

    // Without the script the no-script list is real markup: still no element and no request from the values.
    const plain = await openPage(chromium(), url, { javaScript: false });
    expect(await plain.page.locator("img, svg:not(.bar)").count()).toBe(0);
    const staticText = await plain.page.locator(".static").innerText();
    for (const value of [HOSTILE.img, HOSTILE.script, HOSTILE.noscript]) expect(staticText).toContain(value);
    expectQuiet(plain, url);
    await plain.context.close();
    expect(HOSTILE_VALUES.length).toBeGreaterThan(5);
  });

  describe("a moto scan of EC2 with hostile tags and names (and Access Analyzer, which moto lacks: a partial scan)", () => {
    let moto: MotoServer;
    const dir = mkdtempSync(join(tmpdir(), "yourside-html-moto-"));
    const file = join(dir, "yourside-report.html");
    const url = pathToFileURL(file).href;
    let report: JsonReport;
    let hostileGroup: string;

    beforeAll(async () => {
      moto = await startMoto();
      const scenario = await seedEc2Scenario(moto);
      const ec2 = new EC2Client(moto.clientConfig(US));
      // Tag values can be anything on EC2; group names and descriptions are limited on AWS, not in moto — and a report must not care.
      const created = await ec2.send(
        new CreateSecurityGroupCommand({ GroupName: `ops${HOSTILE.img}`, Description: HOSTILE.script, VpcId: scenario.defaultVpc[US] }),
      );
      hostileGroup = created.GroupId!;
      await ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: hostileGroup,
          IpPermissions: [{ IpProtocol: "tcp", FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
        }),
      );
      await ec2.send(
        new CreateTagsCommand({
          Resources: [hostileGroup, scenario.groups.openSsh],
          Tags: [
            { Key: "owner", Value: HOSTILE.script },
            { Key: HOSTILE.attribute, Value: HOSTILE.comment },
            { Key: "note", Value: HOSTILE.separators },
          ],
        }),
      );
      // The instance's Name tag is in the open-ssh group's message ("attached to running instance … (name)").
      await ec2.send(
        new CreateTagsCommand({ Resources: [scenario.instances.webV1], Tags: [{ Key: "Name", Value: `web${HOSTILE.noscript}` }] }),
      );
      ec2.destroy();
      const run = await runCli([
        "scan",
        "--endpoint-url",
        moto.url,
        "--regions",
        "us-east-1,eu-west-1",
        "--services",
        "ec2,accessanalyzer",
        "--format",
        "html,json",
        "--output-dir",
        dir,
        "--fail-on",
        "none",
      ]);
      // Exit 3: moto answers Access Analyzer's ListAnalyzers with HTTP 500.
      expect(run.code, run.stderr).toBe(3);
      report = JSON.parse(readFileSync(join(dir, "yourside-report.json"), "utf8")) as JsonReport;
    }, 180_000);
    afterAll(async () => moto?.stop());

    it("says first that the scan is partial, with the failed calls; shows the hostile values as text and runs none", async () => {
      const hostile = report.findings.filter((f) => f.resource.id === hostileGroup || f.resource.tags?.owner === HOSTILE.script);
      expect(hostile.length).toBeGreaterThan(1);
      expect(report.findings.some((f) => f.message.includes(`web${HOSTILE.noscript}`))).toBe(true);

      const watch = await openPage(chromium(), url);
      const { page } = watch;
      const firstSection = page.locator("main > section").first();
      expect(await firstSection.getAttribute("class")).toBe("banner partial");
      expect(await firstSection.locator("h2").textContent()).toMatch(/^Partial scan: \d+ AWS calls failed/);
      await page.screenshot({ path: screenshotPath("html-moto-partial.png") });
      const calls = await page.locator("table.calls tbody td:first-child").allTextContents();
      expect(calls).toContain("access-analyzer:ListAnalyzers");

      await page.fill("#flt-q", "__pwned");
      const matching = report.findings.filter((f) => searchable(f, "").includes("__pwned"));
      await expect.poll(() => rowCount(page)).toBe(matching.length);
      const text = await openAll(page);
      for (const value of [HOSTILE.img, HOSTILE.script, HOSTILE.comment, HOSTILE.attribute, HOSTILE.noscript])
        expect(text).toContain(value);
      // The tags are shown as tags, key and value.
      const tag = page.locator(".tag", { has: page.locator(".tk", { hasText: "owner" }) }).first();
      expect(await tag.locator(".tv").textContent()).toBe(HOSTILE.script);
      await expectInert(page);
      await page.locator(`#finding-${hostile[0]!.id}`).scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath("html-moto-hostile.png") });
      expectQuiet(watch, url);
      await watch.context.close();

      const plain = await openPage(chromium(), url, { javaScript: false });
      expect(await plain.page.locator("img, svg:not(.bar)").count()).toBe(0);
      expect(await plain.page.locator(".static").innerText()).toContain(`ops${HOSTILE.img}`);
      expectQuiet(plain, url);
      await plain.context.close();
    });
  });
});
