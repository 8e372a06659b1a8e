/**
 * Whether a bucket is open to everyone through its policy or its ACL, with Block Public Access
 * taken into account: what the S3 public-access checks report, and what other services' checks
 * (the CloudTrail log bucket) reuse.
 */
import type { EvaluationContext, Gated } from "../../../src/check.js";
import { publicGrants, type PublicGrant } from "../../../src/policy/s3-public.js";
import type { S3Bucket } from "../../../src/services/s3/inventory.js";
import { bucketPolicy, effectivePab, type BucketAt } from "./buckets.js";

/** The Block Public Access setting that neutralises a public grant, and where it is on. */
export interface Neutraliser {
  setting: "RestrictPublicBuckets" | "IgnorePublicAcls";
  level: "bucket" | "account";
}

/** `RestrictPublicBuckets (account)`, as evidence carries it. */
export const neutralisedBy = (n: Neutraliser): string => `${n.setting} (${n.level})`;

export type PolicyExposure =
  | { public: false; reason: "no-policy" }
  | { public: false; reason: "no-public-grant"; awsSaysPublic: boolean | null }
  | { public: false; reason: "neutralised"; grants: PublicGrant[]; awsSaysPublic: boolean | null; by: Neutraliser }
  | { public: true; grants: PublicGrant[]; awsSaysPublic: boolean | null };

/** GetBucketPolicyStatus, a second signal: its own failure never hides the policy's verdict. */
function awsVerdict(ctx: EvaluationContext, bucket: S3Bucket, region: string): boolean | null {
  const status = ctx.read("s3.bucketPolicyStatus", bucket, region);
  return status.ok ? status.value : null;
}

/**
 * A policy statement that allows everyone without a pinning condition makes the bucket public,
 * unless RestrictPublicBuckets (bucket or account) neutralises it. Block Public Access is read only
 * when a public grant needs it.
 */
export function policyExposure(ctx: EvaluationContext, bucket: S3Bucket, at: BucketAt): Gated<PolicyExposure> {
  const policy = bucketPolicy(ctx, bucket, at);
  if (!policy.ok) return policy;
  if (policy.value === null) return { ok: true, value: { public: false, reason: "no-policy" } };
  const awsSaysPublic = awsVerdict(ctx, bucket, at.region);
  const grants = publicGrants(policy.value);
  if (grants.length === 0 && awsSaysPublic !== true)
    return { ok: true, value: { public: false, reason: "no-public-grant", awsSaysPublic } };
  const pab = effectivePab(ctx, bucket, at);
  if (!pab.ok) return pab;
  const level = pab.value.source.RestrictPublicBuckets;
  if (level)
    return {
      ok: true,
      value: { public: false, reason: "neutralised", grants, awsSaysPublic, by: { setting: "RestrictPublicBuckets", level } },
    };
  return { ok: true, value: { public: true, grants, awsSaysPublic } };
}

export const PUBLIC_GROUPS: Record<string, string> = {
  "http://acs.amazonaws.com/groups/global/AllUsers": "AllUsers (everyone)",
  "http://acs.amazonaws.com/groups/global/AuthenticatedUsers": "AuthenticatedUsers (any AWS account)",
};
/** The Object Ownership setting under which S3 ignores ACLs. */
export const ACLS_DISABLED = "BucketOwnerEnforced";
const WRITE_PERMISSIONS = new Set(["WRITE", "WRITE_ACP", "FULL_CONTROL"]);

export interface PublicAclGrant {
  grantee: string;
  permission: string;
}

export type AclExposure =
  | { public: false; reason: "acls-disabled" }
  | { public: false; reason: "no-public-grant" }
  | { public: false; reason: "neutralised"; grants: PublicAclGrant[]; by: Neutraliser }
  | { public: true; grants: PublicAclGrant[]; write: boolean };

/**
 * ACL grants to AllUsers or AuthenticatedUsers make the bucket public, unless IgnorePublicAcls neutralises them.
 * With Object Ownership BucketOwnerEnforced, ACLs are disabled and grant nothing, whatever they hold: the
 * ACL is not consulted (and collection does not read it). Unknown ownership falls back to the ACL itself.
 */
export function aclExposure(ctx: EvaluationContext, bucket: S3Bucket, at: BucketAt): Gated<AclExposure> {
  const ownership = ctx.read("s3.bucketOwnership", bucket, at.region);
  if (ownership.ok && ownership.value === ACLS_DISABLED) return { ok: true, value: { public: false, reason: "acls-disabled" } };
  const acl = ctx.read("s3.bucketAcl", bucket, at.region);
  if (!acl.ok) return acl;
  const open = acl.value.grants.filter((g) => g.granteeUri && PUBLIC_GROUPS[g.granteeUri]);
  if (open.length === 0) return { ok: true, value: { public: false, reason: "no-public-grant" } };
  const grants = open.map((g) => ({ grantee: PUBLIC_GROUPS[g.granteeUri!]!, permission: g.permission }));
  const pab = effectivePab(ctx, bucket, at);
  if (!pab.ok) return pab;
  const level = pab.value.source.IgnorePublicAcls;
  if (level) return { ok: true, value: { public: false, reason: "neutralised", grants, by: { setting: "IgnorePublicAcls", level } } };
  return { ok: true, value: { public: true, grants, write: open.some((g) => WRITE_PERMISSIONS.has(g.permission)) } };
}
