import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { forEachTrail } from "./lib/trails.js";

export default defineCheck({
  id: "cloudtrail-kms-encryption",
  title: "CloudTrail trails encrypt their log files with a KMS key",
  service: "cloudtrail",
  layer: "encryption",
  severity: "medium",
  needs: ["cloudtrail.trails"],
  rationale:
    "Log files are encrypted with SSE-S3 by default, which anyone who can read the bucket can decrypt. With SSE-KMS, " +
    "reading them also needs kms:Decrypt on a customer managed key, so access to the audit trail is controlled and logged separately.",
  remediation: {
    text: "Create a customer managed key whose policy lets CloudTrail encrypt with it, and set it on the trail.",
    cli: "aws cloudtrail update-trail --name <trail-arn> --kms-key-id <key-arn>",
    url: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["4.5"], [FRAMEWORKS.fsbp]: ["CloudTrail.2"] },
  evaluate: (inv, ctx) =>
    forEachTrail(inv, ctx, (trail, { resource, region }) =>
      trail.kmsKeyId
        ? pass(resource, region, `Trail ${trail.name} encrypts its log files with KMS key ${trail.kmsKeyId}.`, { kmsKeyId: trail.kmsKeyId })
        : fail(resource, region, `Trail ${trail.name} has no KMS key: its log files are encrypted with SSE-S3 only.`, { kmsKeyId: null }),
    ),
});
