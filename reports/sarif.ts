/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers, shaped by what GitHub accepts:
 *
 * - One run per file, `automationDetails.id` = `yourside/<accounts>/` (a distinct category per account set).
 * - One rule per check that ran; one result per FAIL finding, worst first, at most `maxResults`.
 * - Every result has a relative pseudo-path `aws/<account>/<region>/<service>/<resource>` with
 *   `startLine: 1` (GitHub rejects results without a physical location, and `arn:` parses as a URI
 *   scheme), the ARN as a logical location, and `primaryLocationLineHash` = `<finding id>:1`.
 * - ERROR results and failed AWS calls become `toolExecutionNotifications`; an incomplete scan
 *   sets `executionSuccessful: false`.
 * - MUTED findings are left out by default: GitHub does not honour SARIF `suppressions` and would
 *   open an alert for an accepted risk. `includeMuted` emits them with an external suppression for
 *   viewers that do honour it.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Location, Log, Notification, ReportingDescriptor, ReportingDescriptorReference, Result, Run } from "sarif";
import type { CallError } from "../src/inventory/index.js";
import { LAYER_TITLES, type Layer } from "../src/responsibility.js";
import { worstFirst, type Finding, type Severity } from "../src/results.js";
import { packageRoot } from "../src/version.js";
import type { CheckInfo, Report } from "../src/report.js";
import type { Renderer } from "./renderer.js";
import { clip } from "../src/wording.js";
import { jsonPieces } from "../src/json-file.js";

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

/** GitHub keeps at most 25,000 results per run. */
export const MAX_RESULTS_PER_RUN = 25_000;
export const MAX_NOTIFICATIONS = 1_000;
/** GitHub's limit for rule short and full descriptions. */
export const MAX_DESCRIPTION_CHARS = 1_024;
/** GitHub keeps at most 10 tags per rule. */
export const MAX_TAGS = 10;

/**
 * GitHub's `security-severity` score per severity: > 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium,
 * 0.1–3.9 low. Informational has no score on purpose: GitHub reads "0.0" as "no score" (it then
 * shows the `level`, and users reported "0.0" alerts shown as "Error"), and any positive score
 * would badge an informational finding as "Low". Without a score GitHub shows its level: "Note".
 */
export const SECURITY_SEVERITY: Readonly<Record<Severity, string | undefined>> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "2.0",
  informational: undefined,
};

export const SARIF_LEVEL: Readonly<Record<Severity, Result.level>> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  informational: "note",
};

export interface SarifOptions {
  /** Emit MUTED findings as results with an external suppression (default false: GitHub ignores suppressions). */
  includeMuted?: boolean;
  /** Results kept per run, worst first (default 25,000). */
  maxResults?: number;
  /** Tool execution notifications kept (default 1,000); the rest are counted in one more notification. */
  maxNotifications?: number;
  /** `tool.driver.informationUri`; defaults to package.json `homepage` when present. */
  informationUri?: string;
}

/** Notification descriptors (`tool.driver.notifications`), referenced by index. */
const NOTIFICATIONS = [
  {
    id: "YS0001",
    name: "AwsCallFailed",
    short: "An AWS API call failed.",
    full: "An AWS API call the scan made failed (for example AccessDenied or throttling); the data it would have returned is missing, so the scan is incomplete.",
    help: "Grant the scanning role the read-only permission named in the message (see `yourside policy`), or retry the scan; the JSON report lists every failed call.",
  },
  {
    id: "YS0002",
    name: "CheckNotEvaluated",
    short: "A check could not evaluate a resource.",
    full: "A check could not evaluate a resource because data it needs could not be read; the result is ERROR, neither PASS nor FAIL.",
    help: "Fix the failed call named in the message and scan again; until then this resource's compliance with the check is unknown.",
  },
  {
    id: "YS0003",
    name: "ResultsTruncated",
    short: "Only the most severe results were written.",
    full: "The scan found more failing findings than a SARIF consumer keeps per run; only the most severe were written to this file.",
    help: "Read the JSON report for every finding, or narrow the scan with --services, --checks, --regions or --severity.",
  },
  {
    id: "YS0004",
    name: "NotificationsTruncated",
    short: "Not every scan problem is listed.",
    full: "More problems occurred during the scan than are listed as notifications in this file.",
    help: "Read the JSON report: scan.errors and the ERROR results list all of them.",
  },
] as const;
type NotificationName = (typeof NOTIFICATIONS)[number]["name"];

const descriptorRef = (name: NotificationName): ReportingDescriptorReference => {
  const index = NOTIFICATIONS.findIndex((n) => n.name === name);
  return { id: NOTIFICATIONS[index]!.id, index };
};

// ---- small text helpers ----------------------------------------------------------------

/** SARIF messages are sentences: end them with a period. */
const sentence = (text: string): string => {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
};

const pascalCase = (id: string): string =>
  id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");

const SAFE_SEGMENT = /[^A-Za-z0-9._-]/g;
const MAX_SEGMENT = 128;

/** One path segment of safe characters only (`A-Z a-z 0-9 . _ - ~`): no `:`, `/`, spaces, `%`, and never `.` or `..`. */
export function pathSegment(raw: string): string {
  let s = raw.replace(SAFE_SEGMENT, "_");
  if (s === "" || /^\.+$/.test(s)) s = s.replace(/\./g, "_") || "_";
  // Over-long ids keep a readable prefix and a hash of the full id, so they stay distinct.
  return s.length > MAX_SEGMENT ? `${s.slice(0, MAX_SEGMENT - 9)}~${createHash("sha256").update(raw).digest("hex").slice(0, 8)}` : s;
}

/**
 * The stable, relative pseudo-path GitHub shows for a finding: `aws/<account>/<region>/<service>/<resource id>`.
 * It names no file in the repository (GitHub accepts that and shows the alert without a snippet).
 */
export const resourcePath = (f: Pick<Finding, "accountId" | "region" | "service" | "resource">): string =>
  ["aws", f.accountId, f.region, f.service, f.resource.id].map(pathSegment).join("/");

const locationOf = (f: Finding): Location => ({
  physicalLocation: {
    artifactLocation: { uri: resourcePath(f) },
    region: { startLine: 1 },
  },
  logicalLocations: [{ name: f.resource.id, fullyQualifiedName: f.resource.arn, kind: "resource" }],
});

// ---- rules -------------------------------------------------------------------------------

/** The metadata a rule is made of: the check when we have it, else what the finding carries. */
interface RuleSource {
  id: string;
  title: string;
  service: string;
  layer: Layer;
  severity: Severity;
  rationale: string;
  remediation: Finding["remediation"];
  compliance: Record<string, string[]>;
  awsModel: string;
  serviceModel: string;
}

const fromCheck = (c: CheckInfo): RuleSource => ({ ...c });

const fromFinding = (f: Finding, severity: Severity): RuleSource => ({
  id: f.checkId,
  title: f.title,
  service: f.service,
  layer: f.responsibility.layer,
  severity,
  rationale: f.title,
  remediation: f.remediation,
  compliance: f.compliance,
  awsModel: f.responsibility.awsModel,
  serviceModel: f.responsibility.serviceModel,
});

const complianceRefs = (compliance: Record<string, string[]>): string[] =>
  Object.entries(compliance).flatMap(([framework, ids]) => ids.map((id) => `${framework}/${id}`));

export function ruleTags(r: Pick<RuleSource, "service" | "layer" | "compliance">): string[] {
  const tags = ["security", "aws", `aws/${r.service}`, `layer/${r.layer}`, ...complianceRefs(r.compliance)];
  return [...new Set(tags)].slice(0, MAX_TAGS);
}

function helpText(r: RuleSource): string {
  const lines = [
    sentence(r.rationale),
    "",
    `Responsibility: customer, layer "${r.layer}" (${LAYER_TITLES[r.layer]}); AWS model: ${r.awsModel}; service model: ${r.serviceModel}.`,
    `Remediation: ${sentence(r.remediation.text)}`,
  ];
  if (r.remediation.cli) lines.push(`CLI: ${r.remediation.cli}`);
  if (r.remediation.url) lines.push(`Reference: ${r.remediation.url}`);
  const compliance = Object.entries(r.compliance).map(([framework, ids]) => `${framework} ${ids.join(", ")}`);
  if (compliance.length > 0) lines.push(`Compliance: ${compliance.join("; ")}`);
  return lines.join("\n");
}

function helpMarkdown(r: RuleSource): string {
  const parts = [
    sentence(r.rationale),
    `**Responsibility:** customer · layer \`${r.layer}\` (${LAYER_TITLES[r.layer]}) · AWS model: *${r.awsModel}* · service model: ${r.serviceModel}`,
    `**Remediation:** ${sentence(r.remediation.text)}`,
  ];
  if (r.remediation.cli) parts.push(`\`\`\`sh\n${r.remediation.cli}\n\`\`\``);
  if (r.remediation.url) parts.push(`**Reference:** <${r.remediation.url}>`);
  const compliance = Object.entries(r.compliance).map(([framework, ids]) => `- ${framework}: ${ids.join(", ")}`);
  if (compliance.length > 0) parts.push(`**Compliance:**\n\n${compliance.join("\n")}`);
  return parts.join("\n\n");
}

function toRule(r: RuleSource): ReportingDescriptor {
  const score = SECURITY_SEVERITY[r.severity];
  return {
    id: r.id,
    name: pascalCase(r.id),
    shortDescription: { text: clip(sentence(r.title), MAX_DESCRIPTION_CHARS) },
    fullDescription: { text: clip(sentence(r.rationale), MAX_DESCRIPTION_CHARS) },
    ...(r.remediation.url ? { helpUri: r.remediation.url } : {}),
    help: { text: helpText(r), markdown: helpMarkdown(r) },
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
    properties: {
      ...(score ? { "security-severity": score } : {}),
      precision: "high",
      tags: ruleTags(r),
      severity: r.severity,
      service: r.service,
      layer: r.layer,
      awsModel: r.awsModel,
      serviceModel: r.serviceModel,
      compliance: r.compliance,
    },
  };
}

/** Rules for the checks that ran, in catalogue order, plus any check a finding names that the report lacks. */
function ruleSources(report: Report): RuleSource[] {
  const sources = new Map<string, RuleSource>();
  for (const check of report.checks) sources.set(check.id, fromCheck(check));
  for (const f of report.findings) {
    if (!sources.has(f.checkId)) sources.set(f.checkId, fromFinding(f, f.severity));
  }
  return [...sources.values()];
}

// ---- results and notifications --------------------------------------------------------

function toResult(f: Finding, ruleIndex: number): Result {
  const result: Result = {
    ruleId: f.checkId,
    ruleIndex,
    level: SARIF_LEVEL[f.severity],
    message: { text: sentence(f.message) },
    locations: [locationOf(f)],
    partialFingerprints: { primaryLocationLineHash: `${f.id}:1` },
    properties: {
      findingId: f.id,
      severity: f.severity,
      layer: f.responsibility.layer,
      serviceModel: f.responsibility.serviceModel,
      awsModel: f.responsibility.awsModel,
      accountId: f.accountId,
      region: f.region,
      resourceArn: f.resource.arn,
      resourceType: f.resource.type,
      evidence: f.evidence,
    },
  };
  if (f.status === "MUTED") {
    result.suppressions = [{ kind: "external", status: "accepted", justification: f.muted?.reason ?? "muted" }];
  }
  return result;
}

const callText = (e: CallError): string =>
  `${e.service}:${e.operation} failed in ${e.region} with ${e.code}${e.resource ? ` for ${e.resource}` : ""}${e.message ? `: ${e.message}` : ""}`;

function callNotification(e: CallError): Notification {
  return {
    descriptor: descriptorRef("AwsCallFailed"),
    level: "error",
    message: { text: sentence(callText(e)) },
    properties: { ...e },
  };
}

function errorNotification(f: Finding, ruleIndex: number): Notification {
  return {
    descriptor: descriptorRef("CheckNotEvaluated"),
    associatedRule: { id: f.checkId, index: ruleIndex },
    level: "error",
    message: { text: sentence(f.message) },
    locations: [locationOf(f)],
    properties: { findingId: f.id, ...(f.error ? { error: { ...f.error } } : {}) },
  };
}

// ---- the log ------------------------------------------------------------------------------

let homepage: string | null | undefined;
function packageHomepage(): string | undefined {
  if (homepage === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { homepage?: unknown };
      homepage = typeof pkg.homepage === "string" ? pkg.homepage : null;
    } catch {
      homepage = null;
    }
  }
  return homepage ?? undefined;
}

export function buildSarif(report: Report, options: SarifOptions = {}): Log {
  const maxResults = options.maxResults ?? MAX_RESULTS_PER_RUN;
  const maxNotifications = options.maxNotifications ?? MAX_NOTIFICATIONS;
  const informationUri = options.informationUri ?? packageHomepage();

  const sources = ruleSources(report);
  const ruleIndex = new Map(sources.map((r, i) => [r.id, i]));
  const indexOf = (f: Finding): number => ruleIndex.get(f.checkId) ?? -1;

  const reportable = report.findings
    .filter((f) => f.status === "FAIL" || (options.includeMuted === true && f.status === "MUTED"))
    .sort(worstFirst);
  const kept = reportable.slice(0, maxResults);
  const results = kept.map((f) => toResult(f, indexOf(f)));

  const errorFindings = report.findings.filter((f) => f.status === "ERROR").sort(worstFirst);
  const problems: Notification[] = [
    ...report.scan.errors.map(callNotification),
    ...errorFindings.map((f) => errorNotification(f, indexOf(f))),
  ];
  const notifications = problems.slice(0, maxNotifications);
  if (problems.length > notifications.length) {
    notifications.push({
      descriptor: descriptorRef("NotificationsTruncated"),
      level: "warning",
      message: {
        text: `${problems.length - notifications.length} more of ${problems.length} scan problems are not listed here; the JSON report has all of them.`,
      },
    });
  }
  if (reportable.length > kept.length) {
    const lowest = kept.at(-1)?.severity;
    notifications.push({
      descriptor: descriptorRef("ResultsTruncated"),
      level: "warning",
      message: {
        text: `Only the ${kept.length} most severe of ${reportable.length} failing findings are in this SARIF run (limit ${maxResults}${lowest ? `, lowest kept severity: ${lowest}` : ""}); the JSON report has all of them.`,
      },
      properties: { total: reportable.length, kept: kept.length },
    });
  }

  const muted = report.findings.filter((f) => f.status === "MUTED").length;
  const run: Run = {
    tool: {
      driver: {
        name: report.tool.name,
        fullName: "yourside AWS cloud security posture scanner",
        version: report.tool.version,
        semanticVersion: report.tool.version,
        ...(informationUri ? { informationUri } : {}),
        rules: sources.map(toRule),
        notifications: NOTIFICATIONS.map((n) => ({
          id: n.id,
          name: n.name,
          shortDescription: { text: n.short },
          fullDescription: { text: n.full },
          help: { text: n.help },
        })),
      },
    },
    automationDetails: { id: `yourside/${report.scan.accounts.map(pathSegment).join("+")}/` },
    invocations: [
      {
        executionSuccessful: report.scan.complete && errorFindings.length === 0,
        startTimeUtc: report.scan.startedAt,
        endTimeUtc: report.scan.finishedAt,
        toolExecutionNotifications: notifications,
      },
    ],
    results,
    properties: {
      scanId: report.scan.id,
      accounts: report.scan.accounts,
      regions: report.scan.regions,
      source: report.scan.source,
      complete: report.scan.complete,
      countsByStatus: report.summary.byStatus,
      mutedFindings: muted,
      mutedIncluded: options.includeMuted === true,
      resultsOmitted: reportable.length - kept.length,
    },
  };
  return { $schema: SARIF_SCHEMA_URI, version: "2.1.0", runs: [run] };
}

/**
 * The SARIF file's text in pieces: `JSON.stringify(log, null, 2)` and a newline, no piece larger than
 * one member of a result or notification, or the rules (the log holds at most 25,000 results, and
 * their text together can still be a hundred MB).
 */
export function* renderSarifPieces(report: Report, options: SarifOptions = {}): Generator<string> {
  // log > runs > run > results > result > its members: each member below that is one JSON.stringify.
  yield* jsonPieces(buildSarif(report, options), 2, 5);
  yield "\n";
}

/** The SARIF file's text as one string (tests, small reports). */
export const renderSarif = (report: Report, options: SarifOptions = {}): string => [...renderSarifPieces(report, options)].join("");

export const sarifRenderer: Renderer = {
  format: "sarif",
  extension: "sarif",
  description: "SARIF 2.1.0, for GitHub code scanning",
  render: (report) => renderSarifPieces(report),
};
