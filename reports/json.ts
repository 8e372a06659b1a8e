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

export function jsonFinding(f: Finding): JsonFinding {
  const { remediation: _remediation, compliance: _compliance, responsibility, ...rest } = f;
  const { id, checkId, title, status, severity, service, accountId, region, resource, message, evidence, ...optional } = rest;
  return {
    id,
    checkId,
    title,
    status,
    severity,
    service,
    accountId,
    region,
    resource,
    layer: responsibility.layer,
    message,
    evidence,
    ...optional,
  };
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
