import type { Finding } from "./results.js";
import { wildcardMatch, wildcardRegExp } from "./wildcard.js";

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

/** Tags of the resources that have them, by ARN (for entries that match by tag). */
export type TagIndex = ReadonlyMap<string, Readonly<Record<string, string>>>;

type Test = (value: string) => boolean;
const ANY: Test = () => true;
/** A pattern compiled once (entries are matched against every FAIL and ERROR finding of the scan). */
const tester = (pattern: string | undefined): Test => {
  if (pattern === undefined) return ANY;
  if (!pattern.includes("*") && !pattern.includes("?")) return (value) => value === pattern;
  const re = wildcardRegExp(pattern);
  return (value) => re.test(value);
};

interface Compiled {
  /** Position in the list: the first matching entry wins. */
  index: number;
  mute: Mute;
  checkId: Test;
  resource: Test;
  region: Test;
  accountId: Test;
}

/** Entries by exact check id, and those whose check id has a wildcard; computed once per list. */
interface MuteIndex {
  byCheck: Map<string, Compiled[]>;
  wildcard: Compiled[];
}

const indexes = new WeakMap<readonly Mute[], MuteIndex>();

function indexOf(mutes: readonly Mute[]): MuteIndex {
  let index = indexes.get(mutes);
  if (!index) {
    index = { byCheck: new Map(), wildcard: [] };
    mutes.forEach((mute, i) => {
      const c: Compiled = {
        index: i,
        mute,
        checkId: tester(mute.checkId),
        resource: tester(mute.resource),
        region: tester(mute.region),
        accountId: tester(mute.accountId),
      };
      if (mute.checkId.includes("*") || mute.checkId.includes("?")) index!.wildcard.push(c);
      else {
        const list = index!.byCheck.get(mute.checkId) ?? [];
        list.push(c);
        index!.byCheck.set(mute.checkId, list);
      }
    });
    indexes.set(mutes, index);
  }
  return index;
}

function tagsMatch(wanted: Mute["tags"], arn: string, tags: TagIndex): boolean {
  if (!wanted) return true;
  const have = tags.get(arn);
  if (!have) return false;
  return Object.entries(wanted).every(([key, pattern]) => have[key] !== undefined && wildcardMatch(pattern, have[key]));
}

/** The first entry matching a FAIL or ERROR finding; entries with tags match resources that carry those tags. */
export function findMute(mutes: readonly Mute[], finding: Finding, tags: TagIndex = new Map()): Mute | undefined {
  if (finding.status !== "FAIL" && finding.status !== "ERROR") return undefined;
  if (mutes.length === 0) return undefined;
  const { byCheck, wildcard } = indexOf(mutes);
  const exact = byCheck.get(finding.checkId) ?? [];
  const matches = (c: Compiled): boolean =>
    c.checkId(finding.checkId) &&
    (c.resource(finding.resource.arn) || c.resource(finding.resource.id)) &&
    c.region(finding.region) &&
    c.accountId(finding.accountId) &&
    tagsMatch(c.mute.tags, finding.resource.arn, tags);
  // The two lists in the order of the mutelist: the first entry that matches wins.
  let i = 0;
  let j = 0;
  while (i < exact.length || j < wildcard.length) {
    const next = j >= wildcard.length || (i < exact.length && exact[i]!.index < wildcard[j]!.index) ? exact[i++]! : wildcard[j++]!;
    if (matches(next)) return next.mute;
  }
  return undefined;
}
