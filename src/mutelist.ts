import type { Finding } from "./results.js";
import { wildcardMatch } from "./wildcard.js";

/** One accepted risk: findings it matches become MUTED with its reason. Patterns accept `*` (any run) and `?` (one character). */
export interface Mute {
  checkId: string;
  resource: string;
  region?: string;
  accountId?: string;
  reason: string;
}

const matches = (pattern: string | undefined, value: string): boolean => pattern === undefined || wildcardMatch(pattern, value);

export function findMute(mutes: readonly Mute[], finding: Finding): Mute | undefined {
  return mutes.find(
    (m) =>
      matches(m.checkId, finding.checkId) &&
      (matches(m.resource, finding.resource.arn) || matches(m.resource, finding.resource.id)) &&
      matches(m.region, finding.region) &&
      matches(m.accountId, finding.accountId),
  );
}
