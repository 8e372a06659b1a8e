import type { Check } from "../src/check.js";
import { summarize } from "../src/engine.js";
import type { CallError, ServiceId } from "../src/inventory/index.js";
import type { Layer } from "../src/responsibility.js";
import { buildMatrix, type ResponsibilityMatrix } from "../src/matrix.js";
import type { Finding, Severity, Summary } from "../src/results.js";
import { TOOL_VERSION } from "../src/version.js";

export const REPORT_SCHEMA_VERSION = "1.0";

export interface ScanInfo {
  id: string;
  startedAt: string;
  finishedAt: string;
  accounts: string[];
  regions: string[];
  services: string[];
  /** False when any AWS call failed or any check could not evaluate. */
  complete: boolean;
  errors: CallError[];
  /** AWS calls per `service:Operation`. */
  stats: Record<string, number>;
  /** "live" or the snapshot file the findings were evaluated from. */
  source: string;
}

export interface CheckSummary {
  id: string;
  title: string;
  service: ServiceId;
  layer: Layer;
  severity: Severity;
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: "yourside"; version: string };
  scan: ScanInfo;
  checks: CheckSummary[];
  findings: Finding[];
  summary: Summary;
  responsibilityMatrix: ResponsibilityMatrix;
}

export function buildReport(scan: ScanInfo, findings: readonly Finding[], checks: readonly Check[]): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: "yourside", version: TOOL_VERSION },
    scan,
    checks: checks.map((c) => ({ id: c.id, title: c.title, service: c.service, layer: c.layer, severity: c.severity })),
    findings: [...findings],
    summary: summarize(findings),
    responsibilityMatrix: buildMatrix(scan.services, checks, findings),
  };
}

export const renderJson = (report: Report): string => `${JSON.stringify(report, null, 2)}\n`;
