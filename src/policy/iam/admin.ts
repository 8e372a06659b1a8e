import type { ActionCatalog } from "./catalog.js";
import { EffectivePermissions, toGrant, type Grant, type LoadedPolicy } from "./permissions.js";

/**
 * Reads that the catalogue files under "Permissions management" (billing:GetResourcePolicy,
 * glue:GetQuery, quicksight:DescribeTopicPermissions, …): they change no permission, so the
 * permissions-management analyses leave them out.
 */
const READ_VERB = /^[^:]+:(get|list|describe|search|view|batchget)/i;

const pmCache = new WeakMap<ActionCatalog, string[]>();

/** Every action that changes permissions (access level "Permissions management", minus read-named actions), as keys. */
export function permissionsManagementActions(catalog: ActionCatalog): string[] {
  let keys = pmCache.get(catalog);
  if (!keys) {
    keys = catalog.withAccessLevel("Permissions management").filter((k) => !READ_VERB.test(k));
    pmCache.set(catalog, keys);
  }
  return keys;
}

const iamPmCache = new WeakMap<ActionCatalog, string[]>();

/** IAM's own permissions-management actions: whoever holds all of them on `*` can grant themselves anything. */
export function iamPermissionsManagementActions(catalog: ActionCatalog): string[] {
  let keys = iamPmCache.get(catalog);
  if (!keys) iamPmCache.set(catalog, (keys = permissionsManagementActions(catalog).filter((k) => k.startsWith("iam:"))));
  return keys;
}

const EVERY_ACTION = new Set(["*", "*:*"]);

export interface AdminVerdict {
  admin: boolean;
  /** `wildcard`: Action `*` on `*`; `notaction`: a NotAction statement on `*` whose remainder still manages IAM. */
  via?: "wildcard" | "notaction";
  /** The statements that make the identity an administrator. */
  grants: Grant[];
}

/**
 * Full administrator: an Allow of every action on every resource, as `Action: "*"` or as a
 * `NotAction` whose remainder still includes IAM permissions management, where the identity
 * keeps (after explicit Deny and its permissions boundary) at least one IAM
 * permissions-management action on `*`. With that it can lift any exception carved out of
 * `*`; without it (e.g. `Deny iam:*`, a read-only boundary) it is not an administrator.
 */
export function fullAdmin(perms: EffectivePermissions): AdminVerdict {
  // Identities holding the same policies share their permissions, and so this verdict.
  let verdict = adminVerdicts.get(perms);
  if (!verdict) adminVerdicts.set(perms, (verdict = judgeAdmin(perms)));
  return verdict;
}

const adminVerdicts = new WeakMap<EffectivePermissions, AdminVerdict>();

function judgeAdmin(perms: EffectivePermissions): AdminVerdict {
  const catalog = perms.catalog;
  const iamPm = iamPermissionsManagementActions(catalog);
  const candidates = perms.allowStatements.filter((c) => {
    if (c.breadth !== "all") return false;
    const s = c.statement;
    if (s.actions) return s.actions.some((a) => EVERY_ACTION.has(a.trim()));
    return s.notActions !== undefined && iamPm.some((k) => c.actions.has(k));
  });
  if (candidates.length === 0) return { admin: false, grants: [] };
  const kept = iamPm.find((k) => candidates.some((c) => c.actions.has(k)) && perms.check(k).allResources);
  if (kept === undefined) return { admin: false, grants: [] };
  const grants = candidates
    .map((c) => toGrant(catalog, c, kept))
    .map((g) => (g.matchedBy.startsWith("NotAction") ? g : { ...g, matchedBy: "*" }));
  const via = candidates.some((c) => c.statement.actions) ? "wildcard" : "notaction";
  return { admin: true, via, grants };
}

/** The same test for one policy document on its own (FSBP IAM.1 / CIS 2.15 look at policies). */
export function policyGrantsFullAdmin(catalog: ActionCatalog, policy: LoadedPolicy): AdminVerdict {
  return fullAdmin(new EffectivePermissions(catalog, [policy]));
}
