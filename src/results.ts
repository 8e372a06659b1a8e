import type { CallError } from "./inventory/index.js";
import type { Layer, Responsibility } from "./responsibility.js";
import type { ServiceId } from "./inventory/index.js";

export const STATUSES = ["PASS", "FAIL", "ERROR", "MUTED"] as const;
export type Status = (typeof STATUSES)[number];

export const SEVERITIES = ["critical", "high", "medium", "low", "informational"] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * Who can reach what a failing finding is about, worst first: anyone on the internet (or any AWS
 * principal), other AWS accounts, or only principals of the account. The fix list ranks by it
 * after severity.
 */
export const EXPOSURES = ["public", "cross-account", "internal"] as const;
export type Exposure = (typeof EXPOSURES)[number];

/** What whoever reaches it can do, worst first; the fix list ranks by it after exposure. */
export const BLAST_RADII = ["admin", "write", "read"] as const;
export type BlastRadius = (typeof BLAST_RADII)[number];

/** A check's risk beyond its severity: how far its failures are exposed, and what they let someone do. */
export interface Risk {
  exposure?: Exposure;
  blastRadius?: BlastRadius;
}

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
  /**
   * The AWS CLI command(s). `<placeholders>` are filled per finding in the report's fix list
   * (src/remediation.ts): by convention (`<region>`, `<ACCOUNT_ID>`, the resource's own id by its
   * type: `<BUCKET>` of a bucket, `<group-id>` of a security group, …) or from `fill`.
   */
  cli?: string;
  /** The command for findings on a resource of this type (CloudFormation type), instead of `cli`: a role's fix is not a user's. */
  cliByResourceType?: Record<string, string>;
  url?: string;
  /**
   * Where the value of a `<placeholder>` of `cli` is, when no convention says: a path into the
   * finding (`evidence.groupId`, `resource.arn`, `evidence.ipPermissions`; a non-string value is
   * written as JSON).
   */
  fill?: Record<string, string>;
  /**
   * The one change that closes this finding, named so that findings it shares with are grouped
   * under it in the fix list: findings whose `fix` reads the same once filled are one item
   * ("Remove internet ingress from security group <group-id> in <region>").
   */
  fix?: string;
  /** Checks whose FAIL findings in the same account this check's fix closes as well (an account-wide setting). */
  closes?: string[];
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

/** Counts per key; every key is present, zeros included. */
export type CountsBy<K extends string> = Record<K, number>;

export interface Summary {
  byStatus: CountsBy<Status>;
  bySeverity: CountsBy<Severity>;
  byLayer: CountsBy<Layer>;
  /** FAIL counts per severity: what --fail-on reads. */
  failingBySeverity: CountsBy<Severity>;
  /** FAIL counts per layer. */
  failingByLayer: CountsBy<Layer>;
}

/** A count of zero for every key. */
export const zeroCounts = <K extends string>(keys: readonly K[]): CountsBy<K> => Object.fromEntries(keys.map((k) => [k, 0])) as CountsBy<K>;

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
