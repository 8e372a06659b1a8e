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
  resource: ResourceRef;
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

/**
 * `a.localeCompare(b)` without its cost: String.prototype.localeCompare with no locale or options
 * compares as a default Intl.Collator does (ECMA-402), and one collator made once is many times
 * faster than a call that resolves the locale each time (sorting 300,000 findings).
 */
export const compareText: (a: string, b: string) => number = new Intl.Collator().compare;

/** Worst first: severity, then check, then resource, then region. */
export const worstFirst = (a: Finding, b: Finding): number =>
  severityRank(b.severity) - severityRank(a.severity) ||
  compareText(a.checkId, b.checkId) ||
  compareText(a.resource.arn, b.resource.arn) ||
  compareText(a.region, b.region);

/**
 * The first `k` of `items` in the order of `compare`, exactly as a (stable) sort would give them,
 * without sorting them all: O(n·log k) comparisons for n items, for "the 10 worst of 300,000".
 */
export function firstK<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  if (k <= 0) return kept;
  for (const item of items) {
    // Equal items keep their input order (a stable sort's): a later one goes after those it equals.
    if (kept.length === k && compare(item, kept[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(item, kept[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    kept.splice(lo, 0, item);
    if (kept.length > k) kept.pop();
  }
  return kept;
}
