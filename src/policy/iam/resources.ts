import { wildcardMatch } from "../document.js";

/**
 * How much of the account a resource pattern reaches:
 * - `all`: every resource of every service (`*`, `arn:aws:*:*:*:*`);
 * - `type`: every resource of a type or service (`arn:aws:iam::123456789012:role/*`, `arn:aws:s3:::*`);
 *   for the actions that use that type, as good as `*`;
 * - `scoped`: named resources or a narrower prefix (`arn:aws:iam::123456789012:role/app-*`).
 */
export type ResourceBreadth = "all" | "type" | "scoped";

const RANK: Record<ResourceBreadth, number> = { scoped: 0, type: 1, all: 2 };

export const widest = (a: ResourceBreadth, b: ResourceBreadth): ResourceBreadth => (RANK[a] >= RANK[b] ? a : b);
export const narrowest = (a: ResourceBreadth, b: ResourceBreadth): ResourceBreadth => (RANK[a] <= RANK[b] ? a : b);
export const isBroad = (b: ResourceBreadth): boolean => b !== "scoped";

export function resourceBreadth(pattern: string): ResourceBreadth {
  const p = pattern.trim();
  if (p === "*") return "all";
  const parts = p.split(":");
  if (parts[0] !== "arn") return "scoped";
  if (parts.length >= 2 && parts.slice(2).every((x) => x === "*")) return "all";
  if (parts.length < 6) return "scoped";
  const resource = parts.slice(5).join(":");
  if (resource === "*") return "type";
  // `role/*`, `function:*`: a type name followed by nothing but a wildcard.
  if (/^[^*?/:]+[/:]\*$/.test(resource)) return "type";
  return "scoped";
}

/** Fills an ARN format's variables: partition, region and account from the pattern, the rest `*`. */
function instantiate(format: string, patternParts: readonly string[]): string {
  return format.replace(/\$\{([^}]+)\}/g, (_, name: string) =>
    name === "Partition"
      ? (patternParts[1] ?? "*")
      : name === "Region"
        ? (patternParts[3] ?? "*")
        : name === "Account"
          ? (patternParts[4] ?? "*")
          : "*",
  );
}

/**
 * The breadth of a Resource pattern for an action whose resource types have the given ARN
 * formats: `type` when the pattern covers every resource of one of those types (in the
 * pattern's own partition, region and account). `formats` undefined (unknown action): the
 * generic reading of the pattern; empty (an action that only takes `*`): `scoped` unless `all`.
 */
export function resourceBreadthFor(pattern: string, formats: readonly string[] | undefined): ResourceBreadth {
  const generic = resourceBreadth(pattern);
  if (generic === "all" || formats === undefined) return generic;
  const parts = pattern.trim().split(":");
  return formats.some((f) => wildcardMatch(pattern.trim(), instantiate(f, parts))) ? "type" : "scoped";
}

/** The Resource / NotResource part of a statement. */
export interface ResourceScope {
  resources?: readonly string[];
  notResources?: readonly string[];
}

/** A statement's reach: the widest of its Resource patterns; `NotResource` reaches all but its exceptions. */
export function scopeBreadth(scope: ResourceScope): ResourceBreadth {
  if (scope.notResources) return scope.notResources.length === 0 ? "all" : "type";
  return (scope.resources ?? []).map(resourceBreadth).reduce<ResourceBreadth>(widest, "scoped");
}

const hasWildcard = (s: string): boolean => /[*?]/.test(s);

/**
 * Whether a Deny statement's resources cover everything an Allow statement's resources
 * reach, so the Deny cancels the Allow entirely. When unsure, it does not (the Allow stands).
 */
export function denyCovers(deny: ResourceScope, allow: ResourceScope): boolean {
  if (deny.resources) {
    if (deny.resources.some((p) => resourceBreadth(p) === "all")) return true;
    if (allow.notResources || !allow.resources?.length) return false;
    return allow.resources.every((r) => deny.resources!.some((d) => wildcardMatch(d, r)));
  }
  if (deny.notResources) {
    if (allow.notResources || !allow.resources?.length) return false;
    // The Deny spares what NotResource names: it covers a concrete allowed ARN outside that list.
    return allow.resources.every((r) => !hasWildcard(r) && !deny.notResources!.some((n) => wildcardMatch(n, r)));
  }
  return false;
}
