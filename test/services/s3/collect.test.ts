import { beforeEach, describe, expect, it } from "vitest";
import { mockClient } from "aws-sdk-client-mock";
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketReplicationCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import {
  GetAccessPointCommand,
  GetPublicAccessBlockCommand as GetAccountPabCommand,
  ListAccessPointsCommand,
  S3ControlClient,
} from "@aws-sdk/client-s3-control";
import s3Service, { regionFromLocation } from "../../../src/services/s3/index.js";
import { allSlicesOf, awsError, collect, testContext, testSession } from "../../support/collect.js";

const s3 = mockClient(S3Client);
const s3control = mockClient(S3ControlClient);
const ALL = allSlicesOf(s3Service);

function seedPrivateBucket() {
  s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: "alpha", CreationDate: new Date("2026-01-01T00:00:00Z") }] });
  s3.on(GetBucketLocationCommand).resolves({ LocationConstraint: "eu-west-1" });
  s3.on(GetPublicAccessBlockCommand).rejects(awsError("NoSuchPublicAccessBlockConfiguration", 404));
  s3.on(GetBucketPolicyCommand).rejects(awsError("NoSuchBucketPolicy", 404));
  s3.on(GetBucketPolicyStatusCommand).rejects(awsError("NoSuchBucketPolicy", 404));
  s3.on(GetBucketAclCommand).resolves({
    Owner: { ID: "o" },
    Grants: [{ Grantee: { Type: "CanonicalUser", ID: "o" }, Permission: "FULL_CONTROL" }],
  });
  s3.on(GetBucketEncryptionCommand).rejects(awsError("ServerSideEncryptionConfigurationNotFoundError", 404));
  s3.on(GetBucketOwnershipControlsCommand).rejects(awsError("OwnershipControlsNotFoundError", 404));
  s3.on(GetBucketVersioningCommand).resolves({});
  s3.on(GetBucketLoggingCommand).resolves({});
  s3.on(GetBucketTaggingCommand).rejects(awsError("NoSuchTagSet", 404));
  s3.on(GetObjectLockConfigurationCommand).rejects(awsError("ObjectLockConfigurationNotFoundError", 404));
  s3.on(GetBucketReplicationCommand).rejects(awsError("ReplicationConfigurationNotFoundError", 404));
  s3control.on(GetAccountPabCommand).rejects(awsError("NoSuchPublicAccessBlockConfiguration", 404));
  s3control.on(ListAccessPointsCommand).resolves({ AccessPointList: [] });
}

describe("S3 collector", () => {
  beforeEach(() => {
    s3.reset();
    s3control.reset();
  });

  it("turns every 'not configured' answer into a fact (null), not an error", async () => {
    seedPrivateBucket();
    const ctx = testContext(ALL);
    const inv = await collect(s3Service, ctx);
    expect(ctx.errors).toEqual([]);
    expect(inv.accountPublicAccessBlock).toEqual({ ok: true, value: null });
    expect(inv.buckets?.ok).toBe(true);
    const [b] = inv.buckets?.ok ? inv.buckets.value : [];
    expect(b).toMatchObject({
      name: "alpha",
      arn: "arn:aws:s3:::alpha",
      region: { ok: true, value: "eu-west-1" },
      createdAt: "2026-01-01T00:00:00.000Z",
      publicAccessBlock: { ok: true, value: null },
      policy: { ok: true, value: null },
      encryption: { ok: true, value: null },
      ownership: { ok: true, value: null },
      versioning: { ok: true, value: { status: null, mfaDelete: null } },
      logging: { ok: true, value: null },
      tags: { ok: true, value: null },
      accessPoints: { ok: true, value: [] },
      objectLock: { ok: true, value: null },
      replication: { ok: true, value: null },
    });
    // No policy: no policy status to ask for.
    expect(b).not.toHaveProperty("policyStatusIsPublic");
    expect(s3.commandCalls(GetBucketPolicyStatusCommand)).toHaveLength(0);
  });

  it("reads bucket tags as a record", async () => {
    seedPrivateBucket();
    s3.on(GetBucketTaggingCommand).resolves({
      TagSet: [
        { Key: "env", Value: "prod" },
        { Key: "owner", Value: "data" },
      ],
    });
    const ctx = testContext(ALL);
    const inv = await collect(s3Service, ctx);
    const [b] = inv.buckets?.ok ? inv.buckets.value : [];
    expect(b!.tags).toEqual({ ok: true, value: { env: "prod", owner: "data" } });
    expect(ctx.errors).toEqual([]);
  });

  it("records AccessDenied as data for exactly the field it affects", async () => {
    seedPrivateBucket();
    s3.on(GetBucketPolicyCommand).rejects(awsError("AccessDenied", 403));
    const ctx = testContext(ALL);
    const inv = await collect(s3Service, ctx);
    const [b] = inv.buckets?.ok ? inv.buckets.value : [];
    expect(b!.policy).toEqual({
      ok: false,
      error: expect.objectContaining({
        service: "s3",
        region: "eu-west-1",
        operation: "GetBucketPolicy",
        code: "AccessDenied",
        resource: "alpha",
      }),
    });
    expect(b!.acl?.ok).toBe(true);
    expect(ctx.errors).toHaveLength(1);
  });

  it("lists a region's access points once for all its buckets, each bucket keeping its own; a failed listing is one failed call", async () => {
    seedPrivateBucket();
    s3.on(ListBucketsCommand).resolves({
      Buckets: ["alpha", "beta", "gamma"].map((Name) => ({ Name, CreationDate: new Date("2026-01-01T00:00:00Z") })),
    });
    s3control.on(ListAccessPointsCommand).resolves({
      AccessPointList: [
        { Name: "a1", Bucket: "alpha", NetworkOrigin: "VPC" },
        { Name: "b1", Bucket: "beta", NetworkOrigin: "Internet" },
        { Name: "b2", Bucket: "beta", NetworkOrigin: "VPC" },
        { Name: "elsewhere", Bucket: "someone-elses", NetworkOrigin: "Internet" },
      ],
    });
    s3control.on(GetAccessPointCommand).resolves({});
    const ctx = testContext(ALL);
    const inv = await collect(s3Service, ctx);
    const byName = Object.fromEntries((inv.buckets?.ok ? inv.buckets.value : []).map((b) => [b.name, b.accessPoints]));
    const names = (f: (typeof byName)[string]) => (f?.ok ? f.value.map((ap) => ap.name) : f);
    expect(Object.fromEntries(Object.entries(byName).map(([k, v]) => [k, names(v)]))).toEqual({
      alpha: ["a1"],
      beta: ["b1", "b2"],
      gamma: [],
    });
    expect(s3control.commandCalls(ListAccessPointsCommand)).toHaveLength(1);
    expect(ctx.errors).toEqual([]);

    s3control.on(ListAccessPointsCommand).rejects(awsError("AccessDenied", 403));
    const denied = testContext(ALL);
    const again = await collect(s3Service, denied);
    const failed = (again.buckets?.ok ? again.buckets.value : []).map((b) => b.accessPoints);
    expect(failed).toHaveLength(3);
    for (const f of failed) expect(f).toMatchObject({ ok: false, error: { operation: "ListAccessPoints", code: "AccessDenied" } });
    // One call failed: one entry, naming the region's listing rather than whichever bucket saw it first.
    expect(denied.errors).toEqual([expect.objectContaining({ operation: "ListAccessPoints", code: "AccessDenied", region: "eu-west-1" })]);
    expect(denied.errors[0]).not.toHaveProperty("resource");
  });

  it("never turns a failed ListBuckets into an empty list", async () => {
    s3.on(ListBucketsCommand).rejects(awsError("AccessDenied", 403));
    s3control.on(GetAccountPabCommand).resolves({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: false,
      },
    });
    const ctx = testContext(ALL);
    const inv = await collect(s3Service, ctx);
    expect(inv.buckets).toMatchObject({ ok: false, error: { operation: "ListBuckets", code: "AccessDenied" } });
    expect(inv.accountPublicAccessBlock).toEqual({
      ok: true,
      value: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: false },
    });
  });

  it("collects only the slices asked for", async () => {
    seedPrivateBucket();
    const ctx = testContext(["s3.buckets", "s3.bucketLogging"]);
    const inv = await collect(s3Service, ctx);
    const [b] = inv.buckets?.ok ? inv.buckets.value : [];
    expect(Object.keys(b!).sort()).toEqual(["arn", "createdAt", "logging", "name", "region"]);
    expect(s3.commandCalls(GetBucketPolicyCommand)).toHaveLength(0);
    expect(s3control.commandCalls(GetAccountPabCommand)).toHaveLength(0);
  });

  it("keeps policy text, ACL grants, encryption rules and logging target", async () => {
    seedPrivateBucket();
    s3.on(GetBucketPolicyCommand).resolves({ Policy: '{"Statement":[]}' });
    s3.on(GetBucketPolicyStatusCommand).resolves({ PolicyStatus: { IsPublic: true } });
    s3.on(GetBucketAclCommand).resolves({
      Grants: [{ Grantee: { Type: "Group", URI: "http://acs.amazonaws.com/groups/global/AllUsers" }, Permission: "READ" }],
    });
    s3.on(GetBucketEncryptionCommand).resolves({
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: "k" }, BucketKeyEnabled: true }],
      },
    });
    s3.on(GetBucketOwnershipControlsCommand).resolves({ OwnershipControls: { Rules: [{ ObjectOwnership: "ObjectWriter" }] } });
    s3.on(GetBucketLoggingCommand).resolves({ LoggingEnabled: { TargetBucket: "logs", TargetPrefix: "alpha/" } });
    s3.on(GetBucketVersioningCommand).resolves({ Status: "Enabled", MFADelete: "Disabled" });
    const inv = await collect(s3Service, testContext(ALL));
    const [b] = inv.buckets?.ok ? inv.buckets.value : [];
    expect(b).toMatchObject({
      policy: { ok: true, value: '{"Statement":[]}' },
      policyStatusIsPublic: { ok: true, value: true },
      acl: {
        ok: true,
        value: { grants: [{ granteeType: "Group", granteeUri: "http://acs.amazonaws.com/groups/global/AllUsers", permission: "READ" }] },
      },
      encryption: { ok: true, value: [{ algorithm: "aws:kms", kmsKeyId: "k", bucketKeyEnabled: true }] },
      ownership: { ok: true, value: "ObjectWriter" },
      logging: { ok: true, value: { targetBucket: "logs", targetPrefix: "alpha/" } },
      versioning: { ok: true, value: { status: "Enabled", mfaDelete: "Disabled" } },
    });
  });

  it("reads access points (one GetAccessPoint each, a failure kept on the access point), Object Lock and replication", async () => {
    seedPrivateBucket();
    s3control.on(ListAccessPointsCommand).resolves({
      AccessPointList: [
        { Name: "open", Bucket: "alpha", NetworkOrigin: "Internet", AccessPointArn: "arn:aws:s3:eu-west-1:123456789012:accesspoint/open" },
        { Name: "in-vpc", Bucket: "alpha", NetworkOrigin: "VPC", VpcConfiguration: { VpcId: "vpc-1" } },
        { Name: "hidden", Bucket: "alpha", NetworkOrigin: "Internet" },
      ],
    });
    s3control.on(GetAccessPointCommand, { Name: "open" }).resolves({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: false,
        RestrictPublicBuckets: false,
      },
    });
    s3control.on(GetAccessPointCommand, { Name: "in-vpc" }).resolves({});
    s3control.on(GetAccessPointCommand, { Name: "hidden" }).rejects(awsError("AccessDenied", 403));
    s3.on(GetObjectLockConfigurationCommand).resolves({
      ObjectLockConfiguration: { ObjectLockEnabled: "Enabled", Rule: { DefaultRetention: { Mode: "GOVERNANCE", Days: 30 } } },
    });
    s3.on(GetBucketReplicationCommand).resolves({
      ReplicationConfiguration: {
        Role: "arn:aws:iam::123456789012:role/replication",
        Rules: [{ ID: "dr", Status: "Enabled", Destination: { Bucket: "arn:aws:s3:::alpha-dr", Account: "210987654321" } }],
      },
    });
    const ctx = testContext(["s3.bucketAccessPoints", "s3.bucketObjectLock", "s3.bucketReplication"]);
    const inv = await collect(s3Service, ctx);
    const [b] = inv.buckets?.ok ? inv.buckets.value : [];
    expect(b!.accessPoints).toEqual({
      ok: true,
      value: [
        {
          name: "open",
          arn: "arn:aws:s3:eu-west-1:123456789012:accesspoint/open",
          bucket: "alpha",
          networkOrigin: "Internet",
          publicAccessBlock: {
            ok: true,
            value: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false },
          },
        },
        {
          name: "in-vpc",
          // The ARN is built in the bucket's region when the listing gives none.
          arn: "arn:aws:s3:eu-west-1:123456789012:accesspoint/in-vpc",
          bucket: "alpha",
          networkOrigin: "VPC",
          vpcId: "vpc-1",
          publicAccessBlock: { ok: true, value: null },
        },
        {
          name: "hidden",
          arn: "arn:aws:s3:eu-west-1:123456789012:accesspoint/hidden",
          bucket: "alpha",
          networkOrigin: "Internet",
          publicAccessBlock: {
            ok: false,
            error: expect.objectContaining({
              service: "s3-control",
              operation: "GetAccessPoint",
              code: "AccessDenied",
              resource: "hidden",
            }),
          },
        },
      ],
    });
    // One listing of the region's access points for this account, in the largest pages (not one per bucket).
    expect(s3control.commandCalls(ListAccessPointsCommand).map((c) => c.args[0].input)).toEqual([
      { AccountId: "123456789012", MaxResults: 1000 },
    ]);
    expect(s3control.commandCalls(GetAccessPointCommand)).toHaveLength(3);
    expect(b!.objectLock).toEqual({ ok: true, value: { enabled: true, defaultRetention: { mode: "GOVERNANCE", days: 30 } } });
    expect(b!.replication).toEqual({
      ok: true,
      value: {
        role: "arn:aws:iam::123456789012:role/replication",
        rules: [{ id: "dr", status: "Enabled", destinationBucket: "arn:aws:s3:::alpha-dr", destinationAccount: "210987654321" }],
      },
    });
    expect(ctx.errors.map((e) => `${e.region}:${e.service}:${e.operation}:${e.resource}`)).toEqual([
      "eu-west-1:s3-control:GetAccessPoint:hidden",
    ]);
  });

  it("plans: no GetBucketAcl where ACLs are disabled, no GetBucketLocation where ListBuckets names the region; --collect-all reads both", async () => {
    seedPrivateBucket();
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: "alpha", BucketRegion: "ap-south-1" }] });
    s3.on(GetBucketOwnershipControlsCommand).resolves({ OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] } });
    const session = testSession();
    const planned = await collect(s3Service, testContext(ALL, ["us-east-1"], session));
    const [b] = planned.buckets?.ok ? planned.buckets.value : [];
    expect(b!.region).toEqual({ ok: true, value: "ap-south-1" });
    expect(b).not.toHaveProperty("acl");
    expect(b!.ownership).toEqual({ ok: true, value: "BucketOwnerEnforced" });
    expect(s3.commandCalls(GetBucketLocationCommand)).toHaveLength(0);
    expect(s3.commandCalls(GetBucketAclCommand)).toHaveLength(0);
    expect(session.recorder.stats().skipped).toEqual({ "s3:GetBucketAcl": 1, "s3:GetBucketPolicyStatus": 1 });

    const all = await collect(s3Service, testContext(ALL, ["us-east-1"], testSession(), { collectAll: true }));
    const [eager] = all.buckets?.ok ? all.buckets.value : [];
    expect(eager!.acl?.ok).toBe(true);
    expect(eager!.policyStatusIsPublic).toEqual({ ok: true, value: null });
    expect(s3.commandCalls(GetBucketAclCommand)).toHaveLength(1);
  });

  it("an unreadable Object Ownership leaves the ACL to be read", async () => {
    seedPrivateBucket();
    s3.on(GetBucketOwnershipControlsCommand).rejects(awsError("AccessDenied", 403));
    const inv = await collect(s3Service, testContext(ALL));
    const [b] = inv.buckets?.ok ? inv.buckets.value : [];
    expect(b!.ownership?.ok).toBe(false);
    expect(b!.acl?.ok).toBe(true);
  });

  it("maps GetBucketLocation's legacy answers to regions", () => {
    expect(regionFromLocation(undefined)).toBe("us-east-1");
    expect(regionFromLocation("")).toBe("us-east-1");
    expect(regionFromLocation("EU")).toBe("eu-west-1");
    expect(regionFromLocation("ap-south-1")).toBe("ap-south-1");
  });
});
