/**
 * Which statements of an EFS file system policy give everyone access to the file system's data,
 * and how much: read (ClientMount), write (ClientWrite), root (ClientRootAccess).
 */
import { isEveryone, statementCoversAction, statementName, type PolicyDocument, type Statement } from "./document.js";
import { conditionPins } from "./s3-public.js";

/** The actions EFS authorizes NFS clients with, from least to most. */
export const EFS_CLIENT_ACTIONS = [
  "elasticfilesystem:ClientMount",
  "elasticfilesystem:ClientWrite",
  "elasticfilesystem:ClientRootAccess",
] as const;

export type EfsAccess = "read" | "write" | "root";

export interface EfsPublicGrant {
  statement: string;
  /** The client actions the statement gives everyone, after unconditional Deny statements for everyone. */
  actions: string[];
  /** The most it gives: root > write > read. */
  access: EfsAccess;
}

const toEveryone = (s: Statement): boolean => isEveryone(s.principal) || s.notPrincipal !== undefined;

/**
 * Allow statements for everyone (Principal "*", {"AWS": "*"}, or NotPrincipal) without a condition that
 * pins them to known callers (`conditionPins`: source VPC or endpoint, organization, account, narrow IP
 * range, …). aws:SecureTransport, elasticfilesystem:AccessedViaMountTarget and
 * elasticfilesystem:AccessPointArn do not say who the caller is, so they do not pin.
 */
export function efsPublicGrants(policy: PolicyDocument): EfsPublicGrant[] {
  const denies = policy.statements.filter((s) => s.effect === "Deny" && toEveryone(s) && s.conditions.length === 0);
  const grants: EfsPublicGrant[] = [];
  for (const s of policy.statements) {
    if (s.effect !== "Allow" || !toEveryone(s) || s.conditions.some(conditionPins)) continue;
    const actions = EFS_CLIENT_ACTIONS.filter((a) => statementCoversAction(s, a) && !denies.some((d) => statementCoversAction(d, a)));
    if (actions.length === 0) continue;
    const access: EfsAccess = actions.includes("elasticfilesystem:ClientRootAccess")
      ? "root"
      : actions.includes("elasticfilesystem:ClientWrite")
        ? "write"
        : "read";
    grants.push({ statement: statementName(s), actions: [...actions], access });
  }
  return grants;
}
