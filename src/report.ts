/** The report model: what a scan produced, which every output format renders (none re-evaluates). */
import type { BaselineSummary } from "./baseline.js";
import type { Check } from "./check.js";
import type { ExpiredMute } from "./mutelist.js";
import { summarize } from "./engine.js";
import type { FrameworkId } from "./frameworks/index.js";
import type { CallError, ServiceId } from "./inventory/index.js";
import { buildMatrix, type ResponsibilityMatrix } from "./matrix.js";
import { DEFAULT_AWS_MODEL, type AwsModelBox, type Layer, type ServiceModel } from "./responsibility.js";
import type { Finding, Remediation, Severity, Summary } from "./results.js";
import { serviceById } from "./services/index.js";
import { TOOL_VERSION } from "./version.js";

/**
 * The version of the JSON report's shape (reports/schema/report.schema.json). 2.0: a finding carries
 * its layer, and its check's remediation, compliance and models only in `checks[]`.
 */
export const REPORT_SCHEMA_VERSION = "2.0";

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

/** A check that ran, with the metadata a report format needs to describe it (SARIF rules, HTML). */
export interface CheckInfo {
  id: string;
  title: string;
  service: ServiceId;
  layer: Layer;
  severity: Severity;
  rationale: string;
  remediation: Remediation;
  compliance: Partial<Record<FrameworkId, string[]>>;
  awsModel: AwsModelBox;
  serviceModel: ServiceModel;
}

/** The mutelist in effect: how many entries, and those that have expired (they mute nothing). */
export interface MutelistInfo {
  entries: number;
  expired: ExpiredMute[];
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: "yourside"; version: string };
  scan: ScanInfo;
  checks: CheckInfo[];
  findings: Finding[];
  summary: Summary;
  responsibilityMatrix: ResponsibilityMatrix;
  mutelist: MutelistInfo;
  /** With --baseline: the earlier scan, and its failures that are resolved or could not be assessed now. */
  baseline?: BaselineSummary;
}

export interface ReportExtras {
  mutelist?: MutelistInfo;
  baseline?: BaselineSummary;
}

/** What makes two failed calls the same call. */
const callKey = (e: CallError): string => JSON.stringify([e.service, e.operation, e.region, e.code, e.resource ?? null]);

/**
 * Whether the picture is partial in a way nobody accepted: an ERROR finding, or a failed call that no
 * muted ERROR finding accounts for. What exit code 3 means.
 */
export function incompleteUnaccepted(report: Pick<Report, "findings" | "scan">): boolean {
  if (report.findings.some((f) => f.status === "ERROR")) return true;
  if (report.scan.errors.length === 0) return false;
  const accepted = new Set(report.findings.flatMap((f) => (f.muted?.of === "ERROR" && f.error ? [callKey(f.error)] : [])));
  return report.scan.errors.some((e) => !accepted.has(callKey(e)));
}

export const checkInfo = (c: Check): CheckInfo => ({
  id: c.id,
  title: c.title,
  service: c.service,
  layer: c.layer,
  severity: c.severity,
  rationale: c.rationale,
  remediation: c.remediation,
  compliance: c.compliance,
  awsModel: c.awsModel ?? DEFAULT_AWS_MODEL[c.layer],
  serviceModel: serviceById(c.service).model,
});

export function buildReport(scan: ScanInfo, findings: readonly Finding[], checks: readonly Check[], extras: ReportExtras = {}): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: "yourside", version: TOOL_VERSION },
    scan,
    checks: checks.map(checkInfo),
    findings: [...findings],
    summary: summarize(findings),
    responsibilityMatrix: buildMatrix(scan.services, checks, findings),
    mutelist: extras.mutelist ?? { entries: 0, expired: [] },
    ...(extras.baseline ? { baseline: extras.baseline } : {}),
  };
}
