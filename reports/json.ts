import type { Report } from "../src/report.js";
import type { Finding } from "../src/results.js";
import type { Layer } from "../src/responsibility.js";
import type { Renderer } from "./renderer.js";

/**
 * A finding as the JSON report writes it: what is about the resource. What is about the check (its
 * remediation, compliance references, service model and AWS model box) is in `checks[]` once, joined
 * by `checkId`; the layer stays on the finding, since every consumer filters by it.
 */
export type JsonFinding = Omit<Finding, "remediation" | "compliance" | "responsibility"> & { layer: Layer };

/** The JSON report document. */
export type JsonReport = Omit<Report, "findings"> & { findings: JsonFinding[] };

/** Members a JSON finding lays out itself (or leaves to `checks[]`); any other member follows, in the finding's order. */
const LAID_OUT: ReadonlySet<string> = new Set([
  "id",
  "checkId",
  "title",
  "status",
  "severity",
  "service",
  "accountId",
  "region",
  "resource",
  "message",
  "evidence",
  "remediation",
  "compliance",
  "responsibility",
]);

export function jsonFinding(f: Finding): JsonFinding {
  // Built member by member (no rest destructuring, which copies through the slow path): this runs once per finding.
  const out: JsonFinding = {
    id: f.id,
    checkId: f.checkId,
    title: f.title,
    status: f.status,
    severity: f.severity,
    service: f.service,
    accountId: f.accountId,
    region: f.region,
    resource: f.resource,
    layer: f.responsibility.layer,
    message: f.message,
    evidence: f.evidence,
  };
  const optional = out as unknown as Record<string, unknown>;
  for (const key of Object.keys(f)) if (!LAID_OUT.has(key)) optional[key] = (f as unknown as Record<string, unknown>)[key];
  return out;
}

/**
 * The report, pretty-printed, with one finding per line (greppable, diffable, and written one
 * finding at a time however many there are).
 */
export function* renderJson(report: Report): Generator<string> {
  const { findings } = report;
  const skeleton = JSON.stringify({ ...report, findings: 0 }, null, 2);
  // A raw newline only occurs between members (inside strings it is escaped): this is the top-level key.
  const marker = '\n  "findings": 0';
  const at = skeleton.indexOf(marker);
  const head = skeleton.slice(0, at + marker.length - 1);
  const tail = skeleton.slice(at + marker.length);
  if (findings.length === 0) {
    yield `${head}[]${tail}\n`;
    return;
  }
  yield `${head}[\n`;
  for (let i = 0; i < findings.length; i++) yield `    ${JSON.stringify(jsonFinding(findings[i]!))}${i < findings.length - 1 ? "," : ""}\n`;
  yield `  ]${tail}\n`;
}

export const jsonRenderer: Renderer = {
  format: "json",
  extension: "json",
  description: "the full report",
  render: renderJson,
};
