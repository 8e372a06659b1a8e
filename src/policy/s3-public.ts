import { isEveryone, statementCoversAction, statementName, type Condition, type PolicyDocument, type Statement } from "./document.js";

/**
 * Condition keys that pin a grant to known callers. A statement restricted by one of them
 * (with fixed values, non-negated, not IfExists) is not public — the same idea AWS uses
 * for "public" in Block Public Access.
 */
const PINNING_KEYS = new Set([
  "aws:sourcevpce",
  "aws:sourcevpc",
  "aws:sourceip",
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:principalaccount",
  "aws:principalarn",
  "aws:sourceaccount",
  "aws:sourcearn",
  "aws:sourceowner",
  "aws:sourceorgid",
  "aws:sourceorgpaths",
  "aws:userid",
  "aws:username",
  "s3:dataaccesspointaccount",
  "s3:dataaccesspointarn",
]);

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

/** The narrowest IPv4/IPv6 prefix still treated as "the internet" for aws:SourceIp. */
const BROAD_IPV4_PREFIX = 8;
const BROAD_IPV6_PREFIX = 32;

function isBroadCidr(value: string): boolean {
  const [addr, prefixText] = value.split("/");
  if (addr === undefined) return true;
  const prefix = prefixText === undefined ? (addr.includes(":") ? 128 : 32) : Number(prefixText);
  if (!Number.isInteger(prefix)) return true;
  return addr.includes(":") ? prefix < BROAD_IPV6_PREFIX : prefix < BROAD_IPV4_PREFIX;
}

/** Whether one condition limits the statement to known callers. */
export function conditionPins(c: Condition): boolean {
  if (!PINNING_KEYS.has(c.key)) return false;
  const op = c.operator.toLowerCase();
  // Negated operators, IfExists (absent key passes) and ForAllValues (empty set passes) do not pin.
  if (op.includes("not") || op.endsWith("ifexists") || op.startsWith("forallvalues:")) return false;
  if (c.values.length === 0 || c.values.some((v) => v === "*" || v === "")) return false;
  if (c.key === "aws:sourceip") return op.includes("ipaddress") && !c.values.some(isBroadCidr);
  // A wildcard inside an account/org/VPC value could match anyone's.
  if (op.includes("like") && c.values.some((v) => /^[*?]|:[*?]*:|^arn:[^:]*:[^:]*:[^:]*:\*/.test(v))) return false;
  return true;
}

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
