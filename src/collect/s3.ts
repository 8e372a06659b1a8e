import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
  S3Client,
  type Bucket,
  type PublicAccessBlockConfiguration,
} from "@aws-sdk/client-s3";
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from "@aws-sdk/client-s3-control";
import type { Fetched } from "../inventory/index.js";
import type { PublicAccessBlock, S3Bucket, S3Inventory } from "../inventory/s3.js";
import { allPages, type CollectContext, type Collector } from "./context.js";

const toPab = (c: PublicAccessBlockConfiguration | undefined): PublicAccessBlock => ({
  BlockPublicAcls: c?.BlockPublicAcls === true,
  IgnorePublicAcls: c?.IgnorePublicAcls === true,
  BlockPublicPolicy: c?.BlockPublicPolicy === true,
  RestrictPublicBuckets: c?.RestrictPublicBuckets === true,
});

/** GetBucketLocation answers "" (or nothing) for us-east-1 and the legacy "EU" for eu-west-1. */
export const regionFromLocation = (constraint: string | undefined | null): string =>
  !constraint ? "us-east-1" : constraint === "EU" ? "eu-west-1" : constraint;

function s3Client(ctx: CollectContext, region: string): S3Client {
  const client = ctx.session.client(S3Client, "s3", region);
  // A wrong guess at the region must not fail the call: S3 tells us where the bucket lives.
  client.config.followRegionRedirects = true;
  return client;
}

async function listBuckets(ctx: CollectContext): Promise<Fetched<Bucket[]>> {
  const region = ctx.session.homeRegion;
  return ctx.read("s3", region, "ListBuckets", () =>
    allPages(paginateListBuckets({ client: s3Client(ctx, region) }, {}), (page) => page.Buckets),
  );
}

async function collectBucket(ctx: CollectContext, bucket: Bucket): Promise<S3Bucket> {
  const name = bucket.Name ?? "";
  const home = ctx.session.homeRegion;
  const location = await ctx.read(
    "s3",
    home,
    "GetBucketLocation",
    async () => regionFromLocation((await s3Client(ctx, home).send(new GetBucketLocationCommand({ Bucket: name }))).LocationConstraint),
    name,
  );
  const region = location.ok ? location.value : home;
  const client = s3Client(ctx, region);
  const Bucket = name;

  const [publicAccessBlock, policy, policyStatusIsPublic, acl, encryption, ownership, versioning, logging] = await Promise.all([
    ctx.wants("s3.bucketPublicAccessBlock")
      ? ctx.readOptional(
          "s3",
          region,
          "GetPublicAccessBlock",
          ["NoSuchPublicAccessBlockConfiguration"],
          async () => toPab((await client.send(new GetPublicAccessBlockCommand({ Bucket }))).PublicAccessBlockConfiguration),
          name,
        )
      : undefined,
    ctx.wants("s3.bucketPolicy")
      ? ctx.readOptional(
          "s3",
          region,
          "GetBucketPolicy",
          ["NoSuchBucketPolicy"],
          async () => (await client.send(new GetBucketPolicyCommand({ Bucket }))).Policy ?? null,
          name,
        )
      : undefined,
    ctx.wants("s3.bucketPolicyStatus")
      ? ctx.readOptional(
          "s3",
          region,
          "GetBucketPolicyStatus",
          ["NoSuchBucketPolicy"],
          async () => (await client.send(new GetBucketPolicyStatusCommand({ Bucket }))).PolicyStatus?.IsPublic ?? null,
          name,
        )
      : undefined,
    ctx.wants("s3.bucketAcl")
      ? ctx.read(
          "s3",
          region,
          "GetBucketAcl",
          async () => {
            const out = await client.send(new GetBucketAclCommand({ Bucket }));
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
          name,
        )
      : undefined,
    ctx.wants("s3.bucketEncryption")
      ? ctx.readOptional(
          "s3",
          region,
          "GetBucketEncryption",
          ["ServerSideEncryptionConfigurationNotFoundError"],
          async () => {
            const rules = (await client.send(new GetBucketEncryptionCommand({ Bucket }))).ServerSideEncryptionConfiguration?.Rules ?? [];
            return rules.map((r) => ({
              algorithm: r.ApplyServerSideEncryptionByDefault?.SSEAlgorithm ?? "none",
              ...(r.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID
                ? { kmsKeyId: r.ApplyServerSideEncryptionByDefault.KMSMasterKeyID }
                : {}),
              ...(r.BucketKeyEnabled !== undefined ? { bucketKeyEnabled: r.BucketKeyEnabled } : {}),
            }));
          },
          name,
        )
      : undefined,
    ctx.wants("s3.bucketOwnership")
      ? ctx.readOptional(
          "s3",
          region,
          "GetBucketOwnershipControls",
          ["OwnershipControlsNotFoundError"],
          async () =>
            (await client.send(new GetBucketOwnershipControlsCommand({ Bucket }))).OwnershipControls?.Rules?.[0]?.ObjectOwnership ?? null,
          name,
        )
      : undefined,
    ctx.wants("s3.bucketVersioning")
      ? ctx.read(
          "s3",
          region,
          "GetBucketVersioning",
          async () => {
            const out = await client.send(new GetBucketVersioningCommand({ Bucket }));
            return { status: out.Status ?? null, mfaDelete: out.MFADelete ?? null };
          },
          name,
        )
      : undefined,
    ctx.wants("s3.bucketLogging")
      ? ctx.read(
          "s3",
          region,
          "GetBucketLogging",
          async () => {
            const enabled = (await client.send(new GetBucketLoggingCommand({ Bucket }))).LoggingEnabled;
            return enabled?.TargetBucket
              ? { targetBucket: enabled.TargetBucket, ...(enabled.TargetPrefix ? { targetPrefix: enabled.TargetPrefix } : {}) }
              : null;
          },
          name,
        )
      : undefined,
  ]);

  return {
    name,
    arn: `arn:${ctx.scope.partition}:s3:::${name}`,
    region: location,
    ...(bucket.CreationDate ? { createdAt: bucket.CreationDate.toISOString() } : {}),
    ...(publicAccessBlock ? { publicAccessBlock } : {}),
    ...(policy ? { policy } : {}),
    ...(policyStatusIsPublic ? { policyStatusIsPublic } : {}),
    ...(acl ? { acl } : {}),
    ...(encryption ? { encryption } : {}),
    ...(ownership ? { ownership } : {}),
    ...(versioning ? { versioning } : {}),
    ...(logging ? { logging } : {}),
  };
}

export const s3Collector: Collector<"s3"> = {
  service: "s3",
  async collect(ctx) {
    const home = ctx.session.homeRegion;
    const accountPublicAccessBlock = ctx.wants("s3.accountPublicAccessBlock")
      ? ctx.readOptional("s3-control", home, "GetPublicAccessBlock", ["NoSuchPublicAccessBlockConfiguration"], async () => {
          const client = ctx.session.client(S3ControlClient, "s3-control", home);
          const out = await client.send(new GetAccountPublicAccessBlockCommand({ AccountId: ctx.scope.accountId }));
          return toPab(out.PublicAccessBlockConfiguration);
        })
      : undefined;

    const listed = await listBuckets(ctx);
    let buckets: S3Inventory["buckets"];
    if (listed.ok) {
      ctx.progress(`s3: ${listed.value.length} buckets`);
      buckets = { ok: true, value: await Promise.all(listed.value.map((b) => collectBucket(ctx, b))) };
    } else {
      buckets = listed;
    }
    const pab = await accountPublicAccessBlock;
    return { buckets, ...(pab ? { accountPublicAccessBlock: pab } : {}) };
  },
};
