import { isEveryone, statementCoversAction, statementName, type Condition, type PolicyDocument, type Statement } from "./document.js";
import { CALLER_PINNING_KEYS, pinsCaller } from "./pinning.js";

/**
 * Condition keys that pin a grant to known callers in a bucket policy: the global ones and S3's
 * access point keys. A statement restricted by one of them (with fixed values, non-negated, not
 * IfExists) is not public — the same idea AWS uses for "public" in Block Public Access.
 */
const S3_PINNING_KEYS: ReadonlySet<string> = new Set([...CALLER_PINNING_KEYS, "s3:dataaccesspointaccount", "s3:dataaccesspointarn"]);

/** Representative S3 actions, grouped by how bad public access to them is. */
export const S3_WRITE_ACTIONS = [
  "s3:PutObject",
  "s3:DeleteObject",
  "s3:DeleteObjectVersion",
  "s3:PutObjectAcl",
  "s3:PutBucketPolicy",
  "s3:DeleteBucketPolicy",
  "s3:PutBucketAcl",
  "s3:DeleteBucket",
  "s3:PutBucketPublicAccessBlock",
  "s3:PutLifecycleConfiguration",
  "s3:PutBucketVersioning",
] as const;
export const S3_READ_ACTIONS = [
  "s3:GetObject",
  "s3:GetObjectVersion",
  "s3:ListBucket",
  "s3:ListBucketVersions",
  "s3:GetObjectAcl",
  "s3:GetBucketAcl",
  "s3:GetBucketPolicy",
  "s3:ListMultipartUploadParts",
] as const;

/** Whether one condition limits a bucket policy statement to known callers. */
export const conditionPins = (c: Condition): boolean => pinsCaller(c, S3_PINNING_KEYS);

export interface PublicGrant {
  statement: string;
  actions: string[];
  /** The representative actions the grant covers after Deny statements are taken into account. */
  effectiveActions: string[];
  access: "write" | "read";
}

const unconditionalEveryoneDeny = (s: Statement): boolean =>
  s.effect === "Deny" && (isEveryone(s.principal) || s.notPrincipal !== undefined) && s.conditions.length === 0;

/** Allow statements that grant anyone access, with the actions that survive unconditional Deny statements. */
export function publicGrants(policy: PolicyDocument): PublicGrant[] {
  const denies = policy.statements.filter(unconditionalEveryoneDeny);
  const grants: PublicGrant[] = [];
  for (const s of policy.statements) {
    if (s.effect !== "Allow") continue;
    // Allow + NotPrincipal grants everyone except the listed principals.
    const toEveryone = isEveryone(s.principal) || s.notPrincipal !== undefined;
    if (!toEveryone || s.conditions.some(conditionPins)) continue;
    const literal = (s.actions ?? []).filter((a) => !a.includes("*"));
    const candidates = [...new Set([...S3_WRITE_ACTIONS, ...S3_READ_ACTIONS, ...literal])];
    const effective = candidates.filter((a) => statementCoversAction(s, a) && !denies.some((d) => statementCoversAction(d, a)));
    if (effective.length === 0) continue;
    const write =
      effective.some((a) => (S3_WRITE_ACTIONS as readonly string[]).includes(a)) ||
      effective.some((a) => /^s3:(Put|Delete|Create|Restore|Replicate|Abort)/i.test(a));
    grants.push({
      statement: statementName(s),
      actions: s.actions ?? (s.notActions ? s.notActions.map((a) => `NotAction ${a}`) : []),
      effectiveActions: effective,
      access: write ? "write" : "read",
    });
  }
  return grants;
}

/** A Deny for everyone when aws:SecureTransport is false (or TLS version is too low), covering the bucket's objects. */
export function deniesInsecureTransport(policy: PolicyDocument): string | undefined {
  for (const s of policy.statements) {
    if (s.effect !== "Deny" || !(isEveryone(s.principal) || s.notPrincipal !== undefined)) continue;
    if (!statementCoversAction(s, "s3:GetObject") || !statementCoversAction(s, "s3:PutObject")) continue;
    const tls = s.conditions.some(
      (c) =>
        (c.key === "aws:securetransport" && c.operator.toLowerCase().startsWith("bool") && c.values.includes("false")) ||
        (c.key === "s3:tlsversion" && c.operator.toLowerCase().startsWith("numericlessthan")),
    );
    if (tls) return statementName(s);
  }
  return undefined;
}
