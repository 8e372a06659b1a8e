/**
 * `--format ocsf`: every finding as an OCSF 1.5.0 Compliance Finding event (class_uid 2003, with the
 * `cloud` profile), in a JSON array, one event per line. Field names and enum values are OCSF's
 * (reports/schema/ocsf/compliance_finding-1.5.0.schema.json, generated from OCSF's published schema;
 * the tests validate every event against it). What OCSF has no attribute for (the layer, the fix
 * list's rank and commands, a mute, a failed call) is under `unmapped.yourside`.
 */
import { FRAMEWORK_INFO, type FrameworkId } from "../src/frameworks/index.js";
import type { BacklogItem, CheckInfo, Report } from "../src/report.js";
import type { Finding, Severity } from "../src/results.js";
import type { Renderer } from "./renderer.js";

export const OCSF_VERSION = "1.5.0";

const CLASS_UID = 2003;
const CATEGORY_UID = 2;
/** activity_id 1 (Create): type_uid = class_uid * 100 + activity_id. */
const ACTIVITY = { id: 1, name: "Create" } as const;

/** OCSF severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical. */
const SEVERITY: Record<Severity, { id: number; name: string }> = {
  informational: { id: 1, name: "Informational" },
  low: { id: 2, name: "Low" },
  medium: { id: 3, name: "Medium" },
  high: { id: 4, name: "High" },
  critical: { id: 5, name: "Critical" },
};

/** compliance.status_id: 1 Pass, 3 Fail, 0 Unknown (could not evaluate). */
function complianceStatus(f: Finding): { id: number; name: string } {
  const verdict = f.status === "MUTED" ? f.muted?.of : f.status;
  if (verdict === "PASS") return { id: 1, name: "Pass" };
  if (verdict === "FAIL") return { id: 3, name: "Fail" };
  return { id: 0, name: "Unknown" };
}

/** The finding's workflow status_id: 3 Suppressed for a muted finding, else 1 New (as Prowler does). */
const findingStatus = (f: Finding): { id: number; name: string } =>
  f.status === "MUTED" ? { id: 3, name: "Suppressed" } : { id: 1, name: "New" };

const millis = (iso: string): number => Date.parse(iso);

export function ocsfEvent(report: Report, f: Finding, fix: BacklogItem | undefined, check: CheckInfo | undefined): Record<string, unknown> {
  const time = millis(report.scan.finishedAt);
  const severity = SEVERITY[f.severity];
  const status = findingStatus(f);
  const compliance = complianceStatus(f);
  const frameworks = Object.entries(f.compliance).filter(([, ids]) => ids.length > 0) as [FrameworkId, string[]][];
  const references = frameworks.flatMap(([framework, ids]) => ids.map((id) => `${FRAMEWORK_INFO[framework]?.label ?? framework} ${id}`));
  const partition = f.resource.arn.split(":")[1];
  const remediationText = check?.remediation.text ?? f.remediation.text;
  const url = check?.remediation.url ?? f.remediation.url;
  return {
    activity_id: ACTIVITY.id,
    activity_name: ACTIVITY.name,
    category_uid: CATEGORY_UID,
    category_name: "Findings",
    class_uid: CLASS_UID,
    class_name: "Compliance Finding",
    type_uid: CLASS_UID * 100 + ACTIVITY.id,
    type_name: `Compliance Finding: ${ACTIVITY.name}`,
    time,
    severity_id: severity.id,
    severity: severity.name,
    status_id: status.id,
    status: status.name,
    status_code: f.status,
    status_detail: f.message,
    message: f.message,
    metadata: {
      version: OCSF_VERSION,
      product: { name: "yourside", uid: "yourside", vendor_name: "yourside", version: report.tool.version },
      profiles: ["cloud"],
      event_code: f.checkId,
      uid: f.id,
    },
    finding_info: {
      uid: f.id,
      title: f.title,
      ...(check ? { desc: check.rationale } : {}),
      types: [`layer:${f.responsibility.layer}`],
      created_time: f.firstSeen ? millis(f.firstSeen) : time,
      ...(f.firstSeen ? { first_seen_time: millis(f.firstSeen) } : {}),
      last_seen_time: time,
    },
    compliance: {
      control: f.checkId,
      status_id: compliance.id,
      status: compliance.name,
      ...(frameworks.length > 0 ? { standards: frameworks.map(([framework]) => FRAMEWORK_INFO[framework]?.title ?? framework) } : {}),
      ...(references.length > 0 ? { requirements: references } : {}),
    },
    cloud: {
      provider: "AWS",
      ...(f.region !== "global" && f.region !== "unknown" ? { region: f.region } : {}),
      account: { uid: f.accountId, type_id: 10, type: "AWS Account" },
      ...(partition ? { cloud_partition: partition } : {}),
    },
    resources: [
      {
        uid: f.resource.arn,
        name: f.resource.id,
        type: f.resource.type,
        ...(f.region !== "global" && f.region !== "unknown" ? { region: f.region } : {}),
        ...(partition ? { cloud_partition: partition } : {}),
        group: { name: f.service },
        data: f.evidence,
      },
    ],
    remediation: { desc: remediationText, ...(url ? { references: [url] } : {}) },
    unmapped: {
      yourside: {
        layer: f.responsibility.layer,
        serviceModel: f.responsibility.serviceModel,
        awsModel: f.responsibility.awsModel,
        ...(fix ? { fix: { rank: fix.rank, title: fix.title, commands: fix.commands } } : {}),
        ...(f.muted ? { muted: f.muted } : {}),
        ...(f.error ? { error: f.error } : {}),
        ...(f.change ? { change: f.change } : {}),
        scanId: report.scan.id,
      },
    },
  };
}

export function* renderOcsf(report: Report): Generator<string> {
  const fixOf = new Map(report.backlog.flatMap((item) => item.findings.map((id) => [id, item] as const)));
  const checks = new Map(report.checks.map((c) => [c.id, c]));
  const { findings } = report;
  if (findings.length === 0) {
    yield "[]\n";
    return;
  }
  yield "[\n";
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    yield `${JSON.stringify(ocsfEvent(report, f, fixOf.get(f.id), checks.get(f.checkId)))}${i < findings.length - 1 ? "," : ""}\n`;
  }
  yield "]\n";
}

export const ocsfRenderer: Renderer = {
  format: "ocsf",
  extension: "ocsf.json",
  description: "OCSF 1.5.0 Compliance Finding events (class 2003), as Security Lake and Prowler read",
  render: renderOcsf,
};
