import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { htmlRenderer, pageAssets, renderHtml } from "../../../reports/html.js";
import { COL, dataPieces, pageData, pageOrder, scriptSafeJson, type PageTables, type Row } from "../../../reports/html/data.js";
import { RENDERERS } from "../../../reports/index.js";
import { renderToString } from "../../../reports/renderer.js";
import type { Finding } from "../../../src/results.js";
import { HOSTILE, HOSTILE_VALUES, hostileReport } from "../../support/hostile.js";
import { bucket, buildFixtureReport, fixtureFindings, makeFinding } from "../../support/report-fixture.js";

const html = (report = buildFixtureReport()) => renderToString(htmlRenderer, report);

/** The page's markup with the data element's text taken out, and that text. */
function split(page: string): { markup: string; data: string } {
  const open = '<script type="application/json" id="ys-data">';
  const start = page.indexOf(open) + open.length;
  const end = page.indexOf("</script>", start);
  return { markup: page.slice(0, start) + page.slice(end), data: page.slice(start, end) };
}

const parsed = (page: string) => JSON.parse(split(page).data) as { tables: PageTables; rows: Row[] };

describe("the HTML report", () => {
  it("is registered as --format html, written to yourside-report.html", () => {
    expect(RENDERERS.html).toBe(htmlRenderer);
    expect(htmlRenderer.extension).toBe("html");
  });

  it("is one document whose only scripts are the data element and the page's own script, under a CSP that forbids all network", () => {
    const page = html();
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toEqual(['<script type="application/json" id="ys-data">', "<script>"]);
    // Nothing refers outside the page: no src, no stylesheet link, no external URL but the remediation references.
    expect(page).not.toMatch(/\ssrc=|<link\b|<iframe|<object|<embed|<base\b|@import|url\(/i);
    const { css, script, csp } = pageAssets();
    const meta = page.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
    expect(meta).toBe(csp);
    const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    expect(csp.split("; ")).toEqual([
      "default-src 'none'",
      `script-src ${hash(script)}`,
      `style-src ${hash(css)}`,
      "base-uri 'none'",
      "form-action 'none'",
    ]);
    // The policy comes before anything it governs, and the hashed texts are what the page holds.
    expect(page.indexOf("Content-Security-Policy")).toBeLessThan(page.indexOf("<style>"));
    expect(page).toContain(`<style>${css}</style>`);
    expect(page).toContain(`<script>${script}</script>`);
    // No inline style attributes or event handlers, which the policy would refuse.
    expect(split(page).markup).not.toMatch(/\sstyle=|\son[a-z]+=/i);
  });

  it("says a partial scan first, with its failed calls", () => {
    const page = html();
    const main = page.slice(page.indexOf("<main>"));
    expect(main.startsWith('<main><section id="completeness" class="banner partial" role="alert"')).toBe(true);
    expect(main).toContain("Partial scan: 2 AWS calls failed; 2 results could not be assessed");
    expect(main).toContain("<code>s3control:GetPublicAccessBlock</code>");
    expect(main).toContain("<code>s3:GetBucketPolicy</code>");
    expect(main.indexOf("Partial scan")).toBeLessThan(main.indexOf('id="matrix"'));
    const complete = html(
      buildFixtureReport({ findings: fixtureFindings().filter((f) => f.status !== "ERROR"), scan: { complete: true, errors: [] } }),
    );
    expect(complete).toContain('class="banner complete"');
    expect(complete).not.toContain("Partial scan");
  });

  it("draws the matrix: provider cells as AWS's, customer cells by state, linked to their findings", () => {
    const page = html();
    expect(page).toContain('<a href="#cell-s3-data" data-service="s3" data-layer="data"');
    expect(page).toMatch(/<td class="cell c-failing" title="s3 · Customer data: failing \(3 fail · 2 error · 1 pass\)/);
    expect(page).toMatch(/<td class="cell c-provider" title="s3 · Physical facilities &amp; hardware: AWS\./);
    expect(page).toMatch(/<td class="cell c-not-covered" title="iam · Customer data: not covered\./);
    // EC2 runs on the customer's OS: os is theirs; the managed platform does not exist for it.
    expect(page).toMatch(
      /<td class="cell c-not-selected" title="ec2 · Operating system &amp; instance configuration: not selected\. [^"]*not selected: ec2-instance-imdsv2/,
    );
    expect(page).toMatch(/<td class="cell c-not-applicable" title="ec2 · Managed platform &amp; service software: n\/a\./);
    // A cell without results links nowhere.
    expect(page).not.toContain('href="#cell-iam-data"');
  });

  it("ranks the fix list with its filled-in commands, each item linking to the findings it closes", () => {
    const report = buildFixtureReport();
    const page = html(report);
    const fix = page.slice(page.indexOf('<section id="fix"'), page.indexOf('<section id="compliance"'));
    expect(report.backlog.length).toBeGreaterThan(2);
    const titles = [...fix.matchAll(/<strong class="ttl">([^<]*)<\/strong>/g)].map((m) => m[1]);
    expect(titles).toEqual(report.backlog.map((b) => b.title.replace(/&/g, "&amp;")));
    const first = report.backlog[0]!;
    expect(fix).toContain(`<li class="fix sev-line-${first.severity}" id="fix-1"><details open>`);
    expect(fix).toContain(
      `<pre class="cli"><code>${first.commands.join("\n").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;")}</code></pre>`,
    );
    expect(fix).toContain(`<a href="#findings?fix=1" data-fix="1">`);
    const { tables, rows } = parsed(page);
    expect(tables.fixes).toHaveLength(report.backlog.length);
    expect(tables.fixes.map((ix) => ix.map((i) => rows[i]![COL.findingId]))).toEqual(report.backlog.map((b) => b.findings));
  });

  it("summarises compliance per framework: a bar of requirement statuses and every requirement with its checks", () => {
    const report = buildFixtureReport();
    const page = html(report);
    const section = page.slice(page.indexOf('<section id="compliance"'), page.indexOf('<section id="scope"'));
    for (const fw of report.compliance) {
      expect(section).toContain(`<div class="framework" id="compliance-${fw.framework}">`);
      expect(section).toContain(`${fw.label}: ${fw.requirements.length} requirements`);
    }
    const cis = report.compliance.find((c) => c.label === "CIS")!;
    const failing = cis.requirements.find((r) => r.status === "failing")!;
    expect(section).toContain(`<code>${failing.id}</code>`);
    expect(section).toContain(`<a href="#check-${failing.checks[0]}">`);
    expect(section.match(/<tr><td><code>/g)).toHaveLength(report.compliance.reduce((n, c) => n + c.requirements.length, 0));
    // The bar's segments are in proportion to the counts and fill it.
    const bar = section.match(/<svg class="bar"[^>]*>(.*?)<\/svg>/)![1]!;
    const widths = [...bar.matchAll(/width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(1000, 0);
    expect(widths).toHaveLength(Object.values(cis.counts).filter((n) => n > 0).length);
  });

  it("records the audit facts: principal, collection time, selection, settings, mutelist in force", () => {
    const report = buildFixtureReport({
      scan: {
        principal: "arn:aws:sts::123456789012:assumed-role/auditor/session",
        collectedAt: "2025-06-01T09:58:00.000Z",
        selection: { services: ["s3", "iam"], checks: null, severities: ["critical", "high"], compliance: null, regions: ["us-east-1"] },
      },
    });
    report.mutelist = {
      entries: 1,
      active: [{ checkId: "s3-bucket-tls-only", resource: "legacy-uploads", reason: "tracked in SEC-142", expires: "2027-01-31" }],
      expired: [],
    };
    const scope = html(report).split('<section id="scope"')[1]!.split("</section>")[0]!;
    expect(scope).toContain("<dt>Principal</dt><dd><code>arn:aws:sts::123456789012:assumed-role/auditor/session</code></dd>");
    expect(scope).toContain("<dt>Collected</dt><dd>2025-06-01 09:58 UTC (this scan)</dd>");
    expect(scope).toContain("<dd>--services s3,iam · --severity critical,high · --regions us-east-1</dd>");
    expect(scope).toContain(`&quot;minimumPasswordLength&quot;: ${report.scan.settings.minimumPasswordLength}`);
    expect(scope).toContain("<td><code>s3-bucket-tls-only</code></td><td><code>legacy-uploads</code></td>");
    expect(scope).toContain(`<dt>Tool</dt><dd>yourside ${report.tool.version}</dd>`);
  });

  it("embeds every finding compactly, worst first, with what the page shows of it", () => {
    const report = buildFixtureReport();
    const { tables, rows } = parsed(html(report));
    expect(rows).toHaveLength(report.findings.length);
    expect(tables.col).toEqual(COL);
    const ordered = pageOrder(report.findings);
    expect(rows.map((r) => r[COL.findingId])).toEqual(ordered.map((f) => f.id));
    expect(rows.map((r) => tables.statuses[r[COL.status]])).toEqual(ordered.map((f) => f.status));
    expect([...new Set(ordered.map((f) => f.status))]).toEqual(["FAIL", "ERROR", "MUTED", "PASS"]);
    const first = rows[0]!;
    const f = ordered[0]!;
    expect({
      check: tables.checks[first[COL.check]]!.id,
      severity: tables.severities[first[COL.severity]],
      account: tables.accounts[first[COL.account]],
      region: tables.regions[first[COL.region]],
      type: tables.types[first[COL.type]],
      id: first[COL.id],
      arn: first[COL.arn] === 0 ? first[COL.id] : first[COL.arn],
      message: first[COL.message],
      evidence: first[COL.evidence],
    }).toEqual({
      check: f.checkId,
      severity: f.severity,
      account: f.accountId,
      region: f.region,
      type: f.resource.type,
      id: f.resource.id,
      arn: f.resource.arn,
      message: f.message,
      evidence: f.evidence,
    });
    const muted = rows.find((r) => tables.statuses[r[COL.status]] === "MUTED")!;
    expect(muted[COL.extra]).toEqual({ muted: { reason: "Legacy uploader cannot use TLS; replacement tracked in SEC-142", of: "FAIL" } });
    const check = tables.checks.find((c) => c.id === "s3-bucket-public-policy")!;
    expect(tables.services[check.s]).toBe("s3");
    expect(tables.layers[check.l]).toBe("data");
    expect(check.remediation.cli).toMatch(/^aws s3api/);
  });

  it("keeps a finding whose check the report lacks, with the finding's own title and remediation", () => {
    const orphan: Finding = { ...fixtureFindings()[0]!, checkId: "s3-retired-check", title: "A retired check" };
    const { tables, rows } = parsed(html(buildFixtureReport({ findings: [orphan] })));
    expect(tables.checks[rows[0]![COL.check]]).toMatchObject({ id: "s3-retired-check", title: "A retired check" });
  });

  describe("hostile text from AWS", () => {
    const page = html(hostileReport());
    const { markup, data } = split(page);

    it("is escaped wherever the markup shows it: no tag, attribute or end tag comes from it", () => {
      for (const value of HOSTILE_VALUES) expect(markup).not.toContain(value);
      expect(markup).not.toMatch(
        /<img\b|<svg(?! class="bar" viewBox="0 0 1000 16" preserveAspectRatio="none" role="img" aria-label="[^"<]*">)/i,
      );
      expect(markup).toContain("bucket&lt;img src=x onerror=&quot;window.__pwned='img'&quot;>");
      // The page's only end tags of script, style and noscript are its own.
      expect(page.match(/<\/script/gi)).toHaveLength(2);
      expect(page.match(/<\/style/gi)).toHaveLength(1);
      expect(page.match(/<\/noscript/gi)).toHaveLength(1);
      expect(page.match(/<!--/g)).toBeNull();
    });

    it("is written into the data element with <, > and & escaped, and reads back unchanged", () => {
      expect(data).not.toMatch(/[<>&\u2028\u2029]/);
      const { rows } = JSON.parse(data) as { rows: Row[] };
      const values = JSON.stringify(rows);
      for (const value of HOSTILE_VALUES) expect(values).toContain(JSON.stringify(value).slice(1, -1));
      const first = rows.find((r) => r[COL.id] === `bucket${HOSTILE.img}`)!;
      expect(first[COL.arn]).toBe(`arn:aws:s3:::${HOSTILE.script}`);
      expect(first[COL.extra]).toMatchObject({ tags: { owner: HOSTILE.script, Name: HOSTILE.noscript, note: HOSTILE.separators } });
    });
  });

  it("scriptSafeJson: any value reads back unchanged, and its text holds no <, >, & or line separator", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: "binary", maxLength: 200 }), (value, text) => {
        for (const v of [value, text, { [text]: [text, value] }]) {
          const json = scriptSafeJson(v);
          expect(json).not.toMatch(/[<>&\u2028\u2029]/);
          expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(v)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("streams: a large report is many pieces, none of them large", () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      makeFinding("s3-bucket-versioning", { status: i % 3 ? "PASS" : "FAIL", resource: bucket(`b-${i}`), message: "Versioning is off" }),
    );
    const report = buildFixtureReport({ findings: many });
    const pieces = [...renderHtml(report)];
    expect(pieces.length).toBeGreaterThan(10);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(400_000);
    const { tables, rows } = pageData(report, pageOrder(report.findings));
    expect(JSON.parse([...dataPieces(tables, rows)].join(""))).toMatchObject({ rows: { length: 5000 } });
  });

  it("lists what is not passing without the script, by service and layer, the check's fix once", () => {
    const page = html();
    const noscript = page.slice(page.indexOf("<noscript>"), page.indexOf("</noscript>"));
    expect(noscript).toContain('<h3 id="cell-s3-data">s3 · Customer data');
    expect(noscript).toContain("public-website");
    expect(noscript).not.toContain("private-data"); // only PASS findings
    expect(noscript.match(/Fix: /g)?.length).toBe(
      new Set(
        fixtureFindings()
          .filter((f) => f.status !== "PASS")
          .map((f) => f.checkId),
      ).size,
    );
  });
});
