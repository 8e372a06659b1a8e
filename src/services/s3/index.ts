import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  GetBucketReplicationCommand,
  GetObjectLockConfigurationCommand,
  paginateListBuckets,
  S3Client,
  type PublicAccessBlockConfiguration,
} from "@aws-sdk/client-s3";
import {
  GetAccessPointCommand,
  GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand,
  paginateListAccessPoints,
  S3ControlClient,
} from "@aws-sdk/client-s3-control";
import { s3Checks } from "../../../checks/s3/index.js";
import { ACLS_DISABLED } from "../../../checks/s3/lib/exposure.js";
import { op, type Fetched } from "../../inventory/common.js";
import { allPages, opt, tagsOf } from "../../collect/sdk.js";
import { defineService, itemSlices, topSlices } from "../define.js";
import { bucketResource, type PublicAccessBlock, type S3AccessPoint, type S3Bucket, type S3Inventory } from "./inventory.js";

const toPab = (c: PublicAccessBlockConfiguration | undefined): PublicAccessBlock => ({
  BlockPublicAcls: c?.BlockPublicAcls === true,
  IgnorePublicAcls: c?.IgnorePublicAcls === true,
  BlockPublicPolicy: c?.BlockPublicPolicy === true,
  RestrictPublicBuckets: c?.RestrictPublicBuckets === true,
});

/** GetBucketLocation answers "" (or nothing) for us-east-1 and the legacy "EU" for eu-west-1. */
export const regionFromLocation = (constraint: string | undefined | null): string =>
  !constraint ? "us-east-1" : constraint === "EU" ? "eu-west-1" : constraint;

const account = topSlices<S3Inventory>();

const accountPublicAccessBlock = account("accountPublicAccessBlock", {
  id: "s3.accountPublicAccessBlock",
  description: "account-level Block Public Access",
  operations: [op("s3-control", "GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock")],
  absent: ["NoSuchPublicAccessBlockConfiguration"],
  read: async (ctx) =>
    toPab(
      (await ctx.client(S3ControlClient).send(new GetAccountPublicAccessBlockCommand({ AccountId: ctx.accountId })))
        .PublicAccessBlockConfiguration,
    ),
});

const getBucketLocation = op("s3", "GetBucketLocation");

const buckets = account("buckets", {
  id: "s3.buckets",
  description: "bucket list and each bucket's region",
  operations: [op("s3", "ListBuckets", "s3:ListAllMyBuckets"), getBucketLocation],
  read: async (ctx) => {
    const client = ctx.client(S3Client);
    const listed = await allPages(paginateListBuckets({ client }, {}), (page) => page.Buckets);
    return Promise.all(
      listed.map(async (bucket): Promise<S3Bucket> => {
        const name = bucket.Name ?? "";
        // ListBuckets names each bucket's region on AWS; GetBucketLocation only where it does not (older endpoints, moto).
        const region: Fetched<string> = bucket.BucketRegion
          ? { ok: true, value: bucket.BucketRegion }
          : await ctx.attempt(
              getBucketLocation,
              async () => regionFromLocation((await client.send(new GetBucketLocationCommand({ Bucket: name }))).LocationConstraint),
              name,
            );
        return {
          name,
          arn: `arn:${ctx.partition}:s3:::${name}`,
          region,
          ...(bucket.CreationDate ? { createdAt: bucket.CreationDate.toISOString() } : {}),
        };
      }),
    );
  },
  // Each bucket is read in its own region: a bucket whose region could not be read, through the home region.
  items: { resource: bucketResource, name: (b) => b.name, region: (b, fallback) => (b.region.ok ? b.region.value : fallback) },
});

const bucket = itemSlices(buckets);

const bucketPublicAccessBlock = bucket("publicAccessBlock", {
  id: "s3.bucketPublicAccessBlock",
  description: "bucket-level Block Public Access",
  operations: [op("s3", "GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock")],
  absent: ["NoSuchPublicAccessBlockConfiguration"],
  read: async (ctx, b) =>
    toPab((await ctx.client(S3Client).send(new GetPublicAccessBlockCommand({ Bucket: b.name }))).PublicAccessBlockConfiguration),
});

const bucketPolicy = bucket("policy", {
  id: "s3.bucketPolicy",
  description: "bucket policy documents",
  operations: [op("s3", "GetBucketPolicy")],
  absent: ["NoSuchBucketPolicy"],
  read: async (ctx, b) => (await ctx.client(S3Client).send(new GetBucketPolicyCommand({ Bucket: b.name }))).Policy ?? null,
});

const bucketPolicyStatus = bucket("policyStatusIsPublic", {
  id: "s3.bucketPolicyStatus",
  description: "AWS's own public-policy verdict",
  operations: [op("s3", "GetBucketPolicyStatus")],
  absent: ["NoSuchBucketPolicy"],
  // A bucket without a policy has no policy status (AWS answers NoSuchBucketPolicy).
  plan: { after: ["s3.bucketPolicy"], needless: (b) => b.policy?.ok === true && b.policy.value === null },
  read: async (ctx, b) =>
    (await ctx.client(S3Client).send(new GetBucketPolicyStatusCommand({ Bucket: b.name }))).PolicyStatus?.IsPublic ?? null,
});

const bucketAcl = bucket("acl", {
  id: "s3.bucketAcl",
  description: "bucket ACLs",
  operations: [op("s3", "GetBucketAcl")],
  // With ACLs disabled (AWS's default for new buckets since April 2023) no ACL grant applies.
  plan: { after: ["s3.bucketOwnership"], needless: (b) => b.ownership?.ok === true && b.ownership.value === ACLS_DISABLED },
  read: async (ctx, b) => {
    const out = await ctx.client(S3Client).send(new GetBucketAclCommand({ Bucket: b.name }));
    return {
      ...(out.Owner?.ID ? { ownerId: out.Owner.ID } : {}),
      grants: (out.Grants ?? []).map((g) => ({
        granteeType: g.Grantee?.Type ?? "Unknown",
        ...(g.Grantee?.URI ? { granteeUri: g.Grantee.URI } : {}),
        ...(g.Grantee?.ID ? { granteeId: g.Grantee.ID } : {}),
        permission: g.Permission ?? "Unknown",
      })),
    };
  },
});

const bucketEncryption = bucket("encryption", {
  id: "s3.bucketEncryption",
  description: "default bucket encryption",
  operations: [op("s3", "GetBucketEncryption", "s3:GetEncryptionConfiguration")],
  absent: ["ServerSideEncryptionConfigurationNotFoundError"],
  read: async (ctx, b) => {
    const out = await ctx.client(S3Client).send(new GetBucketEncryptionCommand({ Bucket: b.name }));
    return (out.ServerSideEncryptionConfiguration?.Rules ?? []).map((r) => ({
      algorithm: r.ApplyServerSideEncryptionByDefault?.SSEAlgorithm ?? "none",
      ...(r.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID ? { kmsKeyId: r.ApplyServerSideEncryptionByDefault.KMSMasterKeyID } : {}),
      ...(r.BucketKeyEnabled !== undefined ? { bucketKeyEnabled: r.BucketKeyEnabled } : {}),
    }));
  },
});

const bucketOwnership = bucket("ownership", {
  id: "s3.bucketOwnership",
  description: "Object Ownership controls",
  operations: [op("s3", "GetBucketOwnershipControls")],
  absent: ["OwnershipControlsNotFoundError"],
  read: async (ctx, b) =>
    (await ctx.client(S3Client).send(new GetBucketOwnershipControlsCommand({ Bucket: b.name }))).OwnershipControls?.Rules?.[0]
      ?.ObjectOwnership ?? null,
});

const bucketVersioning = bucket("versioning", {
  id: "s3.bucketVersioning",
  description: "versioning and MFA delete",
  operations: [op("s3", "GetBucketVersioning")],
  read: async (ctx, b) => {
    const out = await ctx.client(S3Client).send(new GetBucketVersioningCommand({ Bucket: b.name }));
    return { status: out.Status ?? null, mfaDelete: out.MFADelete ?? null };
  },
});

const bucketLogging = bucket("logging", {
  id: "s3.bucketLogging",
  description: "server access logging",
  operations: [op("s3", "GetBucketLogging")],
  read: async (ctx, b) => {
    const enabled = (await ctx.client(S3Client).send(new GetBucketLoggingCommand({ Bucket: b.name }))).LoggingEnabled;
    return enabled?.TargetBucket
      ? { targetBucket: enabled.TargetBucket, ...(enabled.TargetPrefix ? { targetPrefix: enabled.TargetPrefix } : {}) }
      : null;
  },
});

const bucketTags = bucket("tags", {
  id: "s3.bucketTags",
  description: "bucket tags (read only for mutelist entries that match by tag)",
  operations: [op("s3", "GetBucketTagging")],
  absent: ["NoSuchTagSet"],
  read: async (ctx, b) => tagsOf((await ctx.client(S3Client).send(new GetBucketTaggingCommand({ Bucket: b.name }))).TagSet).tags ?? null,
});

// ---- access points, Object Lock, replication ----------------------------------------------------

const getAccessPoint = op("s3-control", "GetAccessPoint", "s3:GetAccessPoint");

const bucketAccessPoints = bucket("accessPoints", {
  id: "s3.bucketAccessPoints",
  description: "each bucket's access points and their own Block Public Access",
  operations: [op("s3-control", "ListAccessPoints", "s3:ListAccessPoints"), getAccessPoint],
  read: async (ctx, b) => {
    const client = ctx.client(S3ControlClient);
    // An access point lives in its bucket's region: one listing of the region's (1000 a page, the
    // API's largest) serves every bucket there, instead of one call per bucket.
    const inRegion = await ctx.shared("s3-control:ListAccessPoints", () =>
      allPages(paginateListAccessPoints({ client, pageSize: 1000 }, { AccountId: ctx.accountId }), (page) => page.AccessPointList),
    );
    const listed = inRegion.filter((ap) => ap.Bucket === b.name);
    return Promise.all(
      listed.map(async (ap): Promise<S3AccessPoint> => {
        const name = ap.Name ?? "";
        const publicAccessBlock = await ctx.attempt(
          getAccessPoint,
          async () => {
            const out = await client.send(new GetAccessPointCommand({ AccountId: ctx.accountId, Name: name }));
            return out.PublicAccessBlockConfiguration ? toPab(out.PublicAccessBlockConfiguration) : null;
          },
          name,
        );
        return {
          name,
          arn: ap.AccessPointArn ?? `arn:${ctx.partition}:s3:${ctx.region}:${ctx.accountId}:accesspoint/${name}`,
          bucket: ap.Bucket ?? b.name,
          ...opt("networkOrigin", ap.NetworkOrigin),
          ...opt("vpcId", ap.VpcConfiguration?.VpcId),
          publicAccessBlock,
        };
      }),
    );
  },
});

const bucketObjectLock = bucket("objectLock", {
  id: "s3.bucketObjectLock",
  description: "Object Lock configuration",
  operations: [op("s3", "GetObjectLockConfiguration", "s3:GetBucketObjectLockConfiguration")],
  absent: ["ObjectLockConfigurationNotFoundError"],
  read: async (ctx, b) => {
    const config = (await ctx.client(S3Client).send(new GetObjectLockConfigurationCommand({ Bucket: b.name }))).ObjectLockConfiguration;
    if (!config) return null;
    const retention = config.Rule?.DefaultRetention;
    return {
      enabled: config.ObjectLockEnabled === "Enabled",
      ...(retention
        ? { defaultRetention: { ...opt("mode", retention.Mode), ...opt("days", retention.Days), ...opt("years", retention.Years) } }
        : {}),
    };
  },
});

const bucketReplication = bucket("replication", {
  id: "s3.bucketReplication",
  description: "replication configuration",
  operations: [op("s3", "GetBucketReplication", "s3:GetReplicationConfiguration")],
  absent: ["ReplicationConfigurationNotFoundError"],
  read: async (ctx, b) => {
    const config = (await ctx.client(S3Client).send(new GetBucketReplicationCommand({ Bucket: b.name }))).ReplicationConfiguration;
    if (!config) return null;
    return {
      ...opt("role", config.Role),
      rules: (config.Rules ?? []).map((r) => ({
        ...opt("id", r.ID),
        status: r.Status ?? "Disabled",
        ...opt("destinationBucket", r.Destination?.Bucket),
        ...opt("destinationAccount", r.Destination?.Account),
      })),
    };
  },
});

export default defineService({
  id: "s3",
  title: "Amazon S3",
  scope: "global",
  model: "abstracted",
  clients: { s3: S3Client, "s3-control": S3ControlClient },
  schemaType: "S3Inventory",
  slices: [
    buckets,
    bucketPublicAccessBlock,
    bucketPolicy,
    bucketPolicyStatus,
    bucketAcl,
    bucketEncryption,
    bucketOwnership,
    bucketVersioning,
    bucketLogging,
    bucketTags,
    accountPublicAccessBlock,
    bucketAccessPoints,
    bucketObjectLock,
    bucketReplication,
  ],
  checks: s3Checks,
  tags: {
    slices: ["s3.bucketTags"],
    of: (data) =>
      data.buckets?.ok ? data.buckets.value.flatMap((b) => (b.tags?.ok && b.tags.value ? [[b.arn, b.tags.value] as const] : [])) : [],
  },
});
