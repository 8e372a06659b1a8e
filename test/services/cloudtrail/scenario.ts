import {
  CloudTrailClient,
  CreateTrailCommand,
  PutEventSelectorsCommand,
  StartLoggingCommand,
  StopLoggingCommand,
} from "@aws-sdk/client-cloudtrail";
import { CreateBucketCommand, PutBucketAclCommand, PutBucketLoggingCommand, PutBucketPolicyCommand } from "@aws-sdk/client-s3";
import { TEST_ACCOUNT, type MotoServer } from "../../support/moto.js";
import { s3For } from "../../support/seed.js";

export const US = "us-east-1";
export const EU = "eu-west-1";

/** What the scenario made, for the assertions. */
export const SCENARIO = {
  /** us-east-1, multi-region, logging, validated, KMS, every management and S3 object event; private bucket with access logging. */
  orgTrail: { name: "org-trail", bucket: "org-trail-logs", arn: `arn:aws:cloudtrail:${US}:${TEST_ACCOUNT}:trail/org-trail` },
  /** eu-west-1, single-region, never started, no validation, no KMS; its bucket is public-read by ACL and does not log. */
  euTrail: { name: "eu-app-trail", bucket: "eu-trail-logs", arn: `arn:aws:cloudtrail:${EU}:${TEST_ACCOUNT}:trail/eu-app-trail` },
  accessLogs: "org-trail-access-logs",
  kmsKeyId: `arn:aws:kms:${US}:${TEST_ACCOUNT}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`,
} as const;

/** The bucket policy CloudTrail needs: the service principal, pinned to this account's trails. */
const deliveryPolicy = (bucket: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AclCheck",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:GetBucketAcl",
        Resource: `arn:aws:s3:::${bucket}`,
      },
      {
        Sid: "Write",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: `arn:aws:s3:::${bucket}/AWSLogs/${TEST_ACCOUNT}/*`,
        Condition: { StringEquals: { "aws:SourceAccount": TEST_ACCOUNT } },
      },
    ],
  });

/**
 * A good multi-region trail homed in us-east-1 and a neglected single-region one in eu-west-1
 * (which moto, like AWS, lists in eu-west-1 only, while the multi-region trail shows in both).
 */
export async function seed(moto: MotoServer): Promise<void> {
  const s3us = s3For(moto, US);
  const s3eu = s3For(moto, EU);
  const us = new CloudTrailClient(moto.clientConfig(US));
  const eu = new CloudTrailClient(moto.clientConfig(EU));
  try {
    const { orgTrail, euTrail, accessLogs, kmsKeyId } = SCENARIO;
    await s3us.send(new CreateBucketCommand({ Bucket: accessLogs }));
    const logDelivery = 'uri="http://acs.amazonaws.com/groups/s3/LogDelivery"';
    await s3us.send(
      new PutBucketAclCommand({
        Bucket: accessLogs,
        GrantWrite: logDelivery,
        GrantReadACP: logDelivery,
        GrantFullControl: `id="${"a".repeat(64)}"`,
      }),
    );
    await s3us.send(new CreateBucketCommand({ Bucket: orgTrail.bucket }));
    await s3us.send(new PutBucketPolicyCommand({ Bucket: orgTrail.bucket, Policy: deliveryPolicy(orgTrail.bucket) }));
    await s3us.send(
      new PutBucketLoggingCommand({
        Bucket: orgTrail.bucket,
        BucketLoggingStatus: { LoggingEnabled: { TargetBucket: accessLogs, TargetPrefix: `${orgTrail.bucket}/` } },
      }),
    );
    await us.send(
      new CreateTrailCommand({
        Name: orgTrail.name,
        S3BucketName: orgTrail.bucket,
        IsMultiRegionTrail: true,
        IncludeGlobalServiceEvents: true,
        EnableLogFileValidation: true,
        KmsKeyId: kmsKeyId,
      }),
    );
    await us.send(
      new PutEventSelectorsCommand({
        TrailName: orgTrail.name,
        EventSelectors: [
          { ReadWriteType: "All", IncludeManagementEvents: true, DataResources: [{ Type: "AWS::S3::Object", Values: ["arn:aws:s3"] }] },
        ],
      }),
    );
    await us.send(new StartLoggingCommand({ Name: orgTrail.name }));

    await s3eu.send(new CreateBucketCommand({ Bucket: euTrail.bucket, CreateBucketConfiguration: { LocationConstraint: EU } }));
    await s3eu.send(new PutBucketAclCommand({ Bucket: euTrail.bucket, ACL: "public-read" }));
    await eu.send(new CreateTrailCommand({ Name: euTrail.name, S3BucketName: euTrail.bucket }));
    // Advanced selectors recording management events and one bucket's object reads: not every bucket.
    await eu.send(
      new PutEventSelectorsCommand({
        TrailName: euTrail.name,
        AdvancedEventSelectors: [
          { Name: "Management events", FieldSelectors: [{ Field: "eventCategory", Equals: ["Management"] }] },
          {
            Name: "Payroll reads",
            FieldSelectors: [
              { Field: "eventCategory", Equals: ["Data"] },
              { Field: "resources.type", Equals: ["AWS::S3::Object"] },
              { Field: "readOnly", Equals: ["true"] },
              { Field: "resources.ARN", StartsWith: [`arn:aws:s3:::${euTrail.bucket}/payroll/`] },
            ],
          },
        ],
      }),
    );
  } finally {
    for (const c of [s3us, s3eu, us, eu]) c.destroy();
  }
}

/** Stops the multi-region trail's logging (what an intruder does first). */
export async function stopOrgTrail(moto: MotoServer): Promise<void> {
  const us = new CloudTrailClient(moto.clientConfig(US));
  try {
    await us.send(new StopLoggingCommand({ Name: SCENARIO.orgTrail.name }));
  } finally {
    us.destroy();
  }
}
