import type { CallError } from "./inventory/index.js";
import type { Layer, Responsibility } from "./responsibility.js";
import type { ServiceId } from "./inventory/index.js";

export const STATUSES = ["PASS", "FAIL", "ERROR", "MUTED"] as const;
export type Status = (typeof STATUSES)[number];

export const SEVERITIES = ["critical", "high", "medium", "low", "informational"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const severityRank = (s: Severity): number => SEVERITIES.length - SEVERITIES.indexOf(s);
export const atLeast = (s: Severity, threshold: Severity): boolean => severityRank(s) >= severityRank(threshold);

export interface ResourceRef {
  arn: string;
  id: string;
  type: string;
}

/** A finding's resource: what the check named, and the resource's tags where the inventory holds them. */
export interface FindingResource extends ResourceRef {
  /** The resource's tags (EC2 and IAM from their listings; S3 when bucket tags were read): chosen by whoever can tag it. */
  tags?: Record<string, string>;
}

export type Evidence = Record<string, unknown>;

/** What a check says about one resource; the engine turns it into a Finding. */
export interface Outcome {
  status: "PASS" | "FAIL" | "ERROR";
  resource: ResourceRef;
  region: string;
  message: string;
  evidence?: Evidence;
  /** Overrides the check's severity for this resource (e.g. write access is worse than read). */
  severity?: Severity;
  /** For ERROR: the failed call that made evaluation impossible. */
  error?: CallError;
}

export interface Remediation {
  text: string;
  cli?: string;
  url?: string;
}

export interface Finding {
  id: string;
  checkId: string;
  title: string;
  status: Status;
  severity: Severity;
  service: ServiceId;
  accountId: string;
  region: string;
  resource: FindingResource;
  responsibility: Responsibility;
  message: string;
  evidence: Evidence;
  remediation: Remediation;
  compliance: Record<string, string[]>;
  error?: CallError;
  /** For MUTED: the mutelist entry's reason and expiry, and what the finding would have been. */
  muted?: { reason: string; of: "FAIL" | "ERROR"; expires?: string };
  /** With --baseline, for FAIL and MUTED findings: failing in the baseline too, or not. */
  change?: "new" | "unchanged";
  /** For FAIL and MUTED findings: when a scan first found it failing (carried forward from the baseline). */
  firstSeen?: string;
}

export type CountsBy<K extends string> = Partial<Record<K, number>>;

export interface Summary {
  byStatus: CountsBy<Status>;
  bySeverity: CountsBy<Severity>;
  byLayer: CountsBy<Layer>;
  /** FAIL counts per severity: what --fail-on reads. */
  failingBySeverity: CountsBy<Severity>;
}

/** Worst first: severity, then check, then resource, then region. */
export const worstFirst = (a: Finding, b: Finding): number =>
  severityRank(b.severity) - severityRank(a.severity) ||
  a.checkId.localeCompare(b.checkId) ||
  a.resource.arn.localeCompare(b.resource.arn) ||
  a.region.localeCompare(b.region);
