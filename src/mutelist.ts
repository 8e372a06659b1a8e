import type { Finding } from "./results.js";

/** One accepted risk: findings it matches become MUTED with its reason. Patterns accept `*`. */
export interface Mute {
  checkId: string;
  resource: string;
  region?: string;
  accountId?: string;
  reason: string;
}

const globToRegExp = (glob: string): RegExp =>
  new RegExp(
    `^${glob
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );

const matches = (pattern: string | undefined, value: string): boolean => pattern === undefined || globToRegExp(pattern).test(value);

export function findMute(mutes: readonly Mute[], finding: Finding): Mute | undefined {
  return mutes.find(
    (m) =>
      matches(m.checkId, finding.checkId) &&
      (matches(m.resource, finding.resource.arn) || matches(m.resource, finding.resource.id)) &&
      matches(m.region, finding.region) &&
      matches(m.accountId, finding.accountId),
  );
}
