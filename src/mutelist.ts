import type { Finding } from "./results.js";
import { wildcardMatch } from "./wildcard.js";

/**
 * One accepted risk, or one accepted gap: FAIL and ERROR findings it matches become MUTED with its
 * reason, until it expires. Patterns accept `*` (any run) and `?` (one character).
 */
export interface Mute {
  checkId: string;
  /** The resource's ARN or id. */
  resource: string;
  region?: string;
  accountId?: string;
  /** Every tag given must be on the resource with that value (values are patterns too). */
  tags?: Record<string, string>;
  /** Why the risk is accepted, and by whom: required. */
  reason: string;
  /** The last day (YYYY-MM-DD, UTC) the entry mutes; from the day after, it no longer does. */
  expires?: string;
}

/** A mute that has passed its expiry date: it mutes nothing and is reported so someone renews or removes it. */
export interface ExpiredMute {
  checkId: string;
  resource: string;
  reason: string;
  expires: string;
}

/** The end of an entry's last day, UTC. */
const expiryTime = (expires: string): number => Date.parse(`${expires.slice(0, 10)}T23:59:59.999Z`);

/** The entries still in force at `now`, and those that have expired. */
export function mutesInForce(mutes: readonly Mute[], now: Date): { active: Mute[]; expired: ExpiredMute[] } {
  const active: Mute[] = [];
  const expired: ExpiredMute[] = [];
  for (const m of mutes) {
    if (m.expires !== undefined && expiryTime(m.expires) < now.getTime()) {
      expired.push({ checkId: m.checkId, resource: m.resource, reason: m.reason, expires: m.expires });
    } else active.push(m);
  }
  return { active, expired };
}

const matches = (pattern: string | undefined, value: string): boolean => pattern === undefined || wildcardMatch(pattern, value);

/** Tags of the resources that have them, by ARN (for entries that match by tag). */
export type TagIndex = ReadonlyMap<string, Readonly<Record<string, string>>>;

function tagsMatch(wanted: Mute["tags"], arn: string, tags: TagIndex): boolean {
  if (!wanted) return true;
  const have = tags.get(arn);
  if (!have) return false;
  return Object.entries(wanted).every(([key, pattern]) => have[key] !== undefined && wildcardMatch(pattern, have[key]));
}

/** The first entry matching a FAIL or ERROR finding; entries with tags match resources that carry those tags. */
export function findMute(mutes: readonly Mute[], finding: Finding, tags: TagIndex = new Map()): Mute | undefined {
  if (finding.status !== "FAIL" && finding.status !== "ERROR") return undefined;
  return mutes.find(
    (m) =>
      matches(m.checkId, finding.checkId) &&
      (matches(m.resource, finding.resource.arn) || matches(m.resource, finding.resource.id)) &&
      matches(m.region, finding.region) &&
      matches(m.accountId, finding.accountId) &&
      tagsMatch(m.tags, finding.resource.arn, tags),
  );
}
