import {
  CreateBucketCommand,
  PutBucketAclCommand,
  PutBucketEncryptionCommand,
  PutBucketLoggingCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { CreateAccessPointCommand } from "@aws-sdk/client-s3-control";
import { TEST_ACCOUNT, type MotoServer } from "../../support/moto.js";
import { s3ControlFor, s3For } from "../../support/seed.js";

/** The account the partner-share bucket is shared with (in no organization moto knows). */
export const PARTNER_ACCOUNT = "210987654321";

export const ALL_ON = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
const policy = (bucket: string, ...statements: object[]) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: statements.map((s) => ({ Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`], ...s })),
  });
const publicRead = { Sid: "PublicRead", Effect: "Allow", Principal: "*", Action: "s3:GetObject" };
const denyHttp = {
  Sid: "DenyHttp",
  Effect: "Deny",
  Principal: "*",
  Action: "s3:*",
  Condition: { Bool: { "aws:SecureTransport": "false" } },
};

async function create(s3: S3Client, bucket: string, region: string, objectLock = false) {
  await s3.send(
    new CreateBucketCommand({
      Bucket: bucket,
      ...(region === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: region as "eu-west-1" } }),
      ...(objectLock ? { ObjectLockEnabledForBucket: true } : {}),
    }),
  );
}

/** Public, private and edge-case buckets in two regions. */
export async function seedS3Scenario(moto: MotoServer) {
  const us = s3For(moto, "us-east-1");
  const eu = s3For(moto, "eu-west-1");
  await create(us, "public-read-policy", "us-east-1");
  await us.send(new PutBucketPolicyCommand({ Bucket: "public-read-policy", Policy: policy("public-read-policy", publicRead) }));

  await create(eu, "public-write-policy", "eu-west-1");
  await eu.send(
    new PutBucketPolicyCommand({
      Bucket: "public-write-policy",
      Policy: policy("public-write-policy", {
        Sid: "Upload",
        Effect: "Allow",
        Principal: { AWS: "*" },
        Action: ["s3:PutObject", "s3:GetObject"],
      }),
    }),
  );

  await create(us, "vpce-only", "us-east-1");
  await us.send(
    new PutBucketPolicyCommand({
      Bucket: "vpce-only",
      Policy: policy("vpce-only", {
        ...publicRead,
        Sid: "FromVpce",
        Action: "s3:*",
        Condition: { StringEquals: { "aws:SourceVpce": "vpce-0a1b2c3d" } },
      }),
    }),
  );

  await create(us, "mixed-policy", "us-east-1");
  await us.send(
    new PutBucketPolicyCommand({
      Bucket: "mixed-policy",
      Policy: policy(
        "mixed-policy",
        {
          Sid: "OrgOnly",
          Effect: "Allow",
          Principal: "*",
          Action: "s3:*",
          Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } },
        },
        publicRead,
      ),
    }),
  );

  await create(us, "neutralised", "us-east-1");
  await us.send(new PutBucketPolicyCommand({ Bucket: "neutralised", Policy: policy("neutralised", publicRead) }));
  await us.send(
    new PutPublicAccessBlockCommand({ Bucket: "neutralised", PublicAccessBlockConfiguration: { ...ALL_ON, BlockPublicPolicy: false } }),
  );

  await create(us, "public-acl", "us-east-1");
  await us.send(new PutBucketAclCommand({ Bucket: "public-acl", ACL: "public-read" }));

  await create(eu, "access-logs", "eu-west-1");
  const logDelivery = 'uri="http://acs.amazonaws.com/groups/s3/LogDelivery"';
  await eu.send(
    new PutBucketAclCommand({
      Bucket: "access-logs",
      GrantWrite: logDelivery,
      GrantReadACP: logDelivery,
      GrantFullControl: `id="${"a".repeat(64)}"`,
    }),
  );
  await create(eu, "hardened", "eu-west-1");
  await eu.send(new PutPublicAccessBlockCommand({ Bucket: "hardened", PublicAccessBlockConfiguration: ALL_ON }));
  await eu.send(
    new PutBucketOwnershipControlsCommand({
      Bucket: "hardened",
      OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] },
    }),
  );
  await eu.send(
    new PutBucketEncryptionCommand({
      Bucket: "hardened",
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: "alias/data" }, BucketKeyEnabled: true }],
      },
    }),
  );
  await eu.send(new PutBucketPolicyCommand({ Bucket: "hardened", Policy: policy("hardened", denyHttp) }));
  await eu.send(new PutBucketVersioningCommand({ Bucket: "hardened", VersioningConfiguration: { Status: "Enabled" } }));
  await eu.send(
    new PutBucketLoggingCommand({
      Bucket: "hardened",
      BucketLoggingStatus: { LoggingEnabled: { TargetBucket: "access-logs", TargetPrefix: "hardened/" } },
    }),
  );

  await create(us, "sse-s3", "us-east-1");
  await us.send(
    new PutBucketEncryptionCommand({
      Bucket: "sse-s3",
      ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }] },
    }),
  );

  // Who outside the account reaches the data: a partner account reads partner-share, directly and
  // through an access point with Block Public Access off.
  await create(us, "partner-share", "us-east-1");
  await us.send(
    new PutBucketPolicyCommand({
      Bucket: "partner-share",
      Policy: policy("partner-share", {
        Sid: "PartnerRead",
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${PARTNER_ACCOUNT}:root` },
        Action: ["s3:GetObject", "s3:ListBucket"],
      }),
    }),
  );
  await us.send(new PutPublicAccessBlockCommand({ Bucket: "partner-share", PublicAccessBlockConfiguration: ALL_ON }));
  const control = s3ControlFor(moto);
  const off = { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false };
  await control.send(
    new CreateAccessPointCommand({
      AccountId: TEST_ACCOUNT,
      Name: "partner-ap",
      Bucket: "partner-share",
      PublicAccessBlockConfiguration: off,
    }),
  );
  control.destroy();

  // vault: Object Lock (versioning comes with it), the replica of hardened.
  await create(eu, "vault", "eu-west-1", true);
  await eu.send(
    new PutBucketReplicationCommand({
      Bucket: "hardened",
      ReplicationConfiguration: {
        Role: `arn:aws:iam::${TEST_ACCOUNT}:role/s3-replication`,
        Rules: [
          {
            ID: "to-vault",
            Status: "Enabled",
            Priority: 1,
            Filter: { Prefix: "" },
            DeleteMarkerReplication: { Status: "Disabled" },
            Destination: { Bucket: "arn:aws:s3:::vault" },
          },
        ],
      },
    }),
  );
}

export const S3_SCENARIO_BUCKETS = [
  "public-read-policy",
  "public-write-policy",
  "vpce-only",
  "mixed-policy",
  "neutralised",
  "public-acl",
  "access-logs",
  "hardened",
  "sse-s3",
  "partner-share",
  "vault",
];

/** The scenario the sample account (`yourside demo`) is made of. */
export const seed = seedS3Scenario;
