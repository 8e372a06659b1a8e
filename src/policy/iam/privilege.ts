/**
 * How much an identity may do, in the terms other services' checks need: is it an
 * administrator, may it write across whole services, may it read broadly. Built on the
 * effective-permissions analysis and the catalogue's access levels, never on hand lists of actions.
 */
import { fullAdmin, iamPermissionsManagementActions, type AdminVerdict } from "./admin.js";
import type { ActionCatalog, AccessLevel } from "./catalog.js";
import { openEscalationPaths, type OpenEscalationPath } from "./escalation.js";
import type { ActionVerdict, EffectivePermissions } from "./permissions.js";

/**
 * Actions the catalogue files under Write or Permissions management whose names only read
 * (athena:GetSessionEndpoint, iot:ListSubscriptions, …): they are not counted as writes. The same
 * rule the permissions-management analysis uses.
 */
const READ_VERB = /^[^:]+:(get|list|describe|search|view|batchget)/i;

const hasWildcard = (pattern: string): boolean => /[*?]/.test(pattern);

/** Why an identity counts as an administrator. */
export type AdminReason =
  | { kind: "full-admin"; verdict: AdminVerdict }
  | { kind: "iam-permissions-management"; actions: ActionVerdict[] }
  | { kind: "privilege-escalation"; paths: OpenEscalationPath[] };

/**
 * Administrative permissions: full administrator (`*` on `*`, or a NotAction that keeps IAM
 * permissions management), or IAM permissions-management actions on broad resources, or an open
 * privilege-escalation path. Each lets the holder give itself anything. Undefined: none of these.
 */
export function administrativeReason(perms: EffectivePermissions): AdminReason | undefined {
  // Identities holding the same policies share their permissions, and so these answers.
  if (!adminReasons.has(perms)) adminReasons.set(perms, judgeAdministrative(perms));
  return adminReasons.get(perms);
}

const adminReasons = new WeakMap<EffectivePermissions, AdminReason | undefined>();

function judgeAdministrative(perms: EffectivePermissions): AdminReason | undefined {
  const admin = fullAdmin(perms);
  if (admin.admin) return { kind: "full-admin", verdict: admin };
  const pm = perms.broadlyAllowed(iamPermissionsManagementActions(perms.catalog));
  if (pm.length > 0) return { kind: "iam-permissions-management", actions: pm };
  const paths = openEscalationPaths(perms);
  if (paths.length > 0) return { kind: "privilege-escalation", paths };
  return undefined;
}

/** `full administrator`, `IAM permissions management (iam:AttachRolePolicy, …)`, `privilege escalation via iam:PassRole+ec2`. */
export function describeAdminReason(reason: AdminReason): string {
  switch (reason.kind) {
    case "full-admin":
      return "full administrator access";
    case "iam-permissions-management":
      return `IAM permissions management on all resources (${reason.actions
        .slice(0, 3)
        .map((v) => v.action)
        .join(", ")}${reason.actions.length > 3 ? ", …" : ""})`;
    case "privilege-escalation":
      return `a privilege-escalation path (${reason.paths
        .slice(0, 3)
        .map((p) => p.path.id)
        .join(", ")}${reason.paths.length > 3 ? ", …" : ""})`;
  }
}

/** One service the identity may write to across the board, with a few of the actions that show it. */
export interface ServiceWideWrite {
  service: string;
  /** The wildcard pattern (or NotAction) that grants the writes. */
  grantedBy: string[];
  examples: string[];
  /** How many Write / Permissions-management actions of the service it may perform on broad resources. */
  count: number;
}

/**
 * Write access across whole services: Write or Permissions-management actions (the catalogue's
 * access levels; read-named ones aside) allowed on broad resources through a wildcard Action
 * (`s3:*`, `ec2:Create*`, `*`) or a NotAction, after Deny and the permissions boundary.
 * Explicitly listed actions are not counted: they are what purpose-built policies such as
 * AmazonSSMManagedInstanceCore or CloudWatchAgentServerPolicy grant on `*`, not a blanket grant.
 */
export function serviceWideWrites(perms: EffectivePermissions): ServiceWideWrite[] {
  let writes = serviceWrites.get(perms);
  if (!writes) serviceWrites.set(perms, (writes = judgeServiceWideWrites(perms)));
  return [...writes];
}

const serviceWrites = new WeakMap<EffectivePermissions, ServiceWideWrite[]>();

function judgeServiceWideWrites(perms: EffectivePermissions): ServiceWideWrite[] {
  const catalog = perms.catalog;
  const byService = new Map<string, ServiceWideWrite>();
  const writes = writeKeys(catalog);
  for (const c of perms.allowStatements) {
    const s = c.statement;
    const wildcards = s.notActions ? [`NotAction ${JSON.stringify(s.notActions)}`] : (s.actions ?? []).filter(hasWildcard);
    if (wildcards.length === 0) continue;
    for (const key of c.actions) {
      if (!writes.has(key)) continue;
      // The key must come from a wildcard of this statement, not from an explicit action listed beside it.
      if (s.actions && !wildcards.some((p) => catalog.expand(p).has(key))) continue;
      const verdict = perms.check(key);
      if (!verdict.broad) continue;
      const service = key.slice(0, key.indexOf(":"));
      const entry = byService.get(service) ?? { service, grantedBy: [], examples: [], count: 0 };
      if (!entry.examples.includes(verdict.action)) {
        entry.count++;
        if (entry.examples.length < 3) entry.examples.push(verdict.action);
      }
      for (const w of wildcards) if (!entry.grantedBy.includes(w)) entry.grantedBy.push(w);
      byService.set(service, entry);
    }
  }
  return [...byService.values()].sort((a, b) => b.count - a.count || a.service.localeCompare(b.service));
}

const keysCache = new WeakMap<ActionCatalog, Map<AccessLevel | "write", Set<string>>>();

function levelKeys(catalog: ActionCatalog, level: AccessLevel | "write"): Set<string> {
  let byLevel = keysCache.get(catalog);
  if (!byLevel) keysCache.set(catalog, (byLevel = new Map<AccessLevel | "write", Set<string>>()));
  let keys = byLevel.get(level);
  if (!keys) {
    keys =
      level === "write"
        ? new Set(
            [...catalog.withAccessLevel("Write"), ...catalog.withAccessLevel("Permissions management")].filter((k) => !READ_VERB.test(k)),
          )
        : new Set(catalog.withAccessLevel(level));
    byLevel.set(level, keys);
  }
  return keys;
}

const writeKeys = (catalog: ActionCatalog): Set<string> => levelKeys(catalog, "write");

/**
 * The share of the catalogue's Read-level actions an identity may perform on broad resources at
 * which it counts as holding broad read. AWS's ReadOnlyAccess allows about 70% of them on `*`,
 * SecurityAudit about 27% and ViewOnlyAccess about 10% (measured against the catalogue), so half
 * separates "reads everything, data included" from auditing and viewing policies.
 */
export const BROAD_READ_SHARE = 0.5;

export interface ReadBreadth {
  /** Read-level actions allowed on broad resources. */
  allowed: number;
  /** Read-level actions in the catalogue. */
  total: number;
  share: number;
  broad: boolean;
  /** Services with the most broadly readable actions, for evidence. */
  topServices: string[];
}

/** How much of the catalogue's Read access level an identity holds on broad resources. */
export function readBreadth(perms: EffectivePermissions): ReadBreadth {
  let breadth = readBreadths.get(perms);
  if (!breadth) readBreadths.set(perms, (breadth = judgeReadBreadth(perms)));
  return breadth;
}

const readBreadths = new WeakMap<EffectivePermissions, ReadBreadth>();

function judgeReadBreadth(perms: EffectivePermissions): ReadBreadth {
  const reads = levelKeys(perms.catalog, "Read");
  const perService = new Map<string, number>();
  let allowed = 0;
  for (const key of reads) {
    if (!perms.check(key).broad) continue;
    allowed++;
    const service = key.slice(0, key.indexOf(":"));
    perService.set(service, (perService.get(service) ?? 0) + 1);
  }
  const total = reads.size;
  const share = total === 0 ? 0 : allowed / total;
  const topServices = [...perService.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([s]) => s);
  return { allowed, total, share, broad: share >= BROAD_READ_SHARE, topServices };
}
