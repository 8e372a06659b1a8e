import check from "../../../checks/cloudtrail/bucket-not-public.js";
import { checkCases } from "../../support/check-tester.js";
import type { Fetched } from "../../../src/inventory/index.js";
import type { PublicAccessBlock } from "../../../src/services/s3/inventory.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { ALL_ON, bucket, policy } from "../../support/fixtures/s3.js";
import { trail, trailsInventory, US } from "../../services/cloudtrail/fixtures.js";

const s3 = (b: ReturnType<typeof bucket>, accountPab: Fetched<PublicAccessBlock | null> = ok(null)) => ({
  s3: { buckets: ok([b]), accountPublicAccessBlock: accountPab },
});
const publicRead = policy({ Sid: "Open", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::trail-logs/*" });
const allUsersWrite = ok({
  grants: [{ granteeType: "Group", granteeUri: "http://acs.amazonaws.com/groups/global/AllUsers", permission: "WRITE" }],
});

export default checkCases(check, {
  pass: [
    { name: "a private bucket", inventory: trailsInventory({ [US]: [trail("main")] }, s3(bucket("trail-logs"))) },
    {
      name: "a public policy neutralised by account-level Block Public Access",
      inventory: trailsInventory({ [US]: [trail("main")] }, s3(bucket("trail-logs", { policy: ok(publicRead) }), ok(ALL_ON))),
    },
  ],
  fail: [
    {
      name: "a public-read policy: high",
      inventory: trailsInventory({ [US]: [trail("main")] }, s3(bucket("trail-logs", { policy: ok(publicRead) }))),
      findings: [{ status: "FAIL", severity: "high", resource: { id: "trail-logs" }, responsibility: { layer: "data" } }],
    },
    {
      name: "an ACL letting everyone write: critical",
      inventory: trailsInventory({ [US]: [trail("main")] }, s3(bucket("trail-logs", { acl: allUsersWrite }))),
      findings: [{ status: "FAIL", severity: "critical" }],
    },
  ],
  error: [
    {
      name: "the policy could not be read",
      inventory: trailsInventory({ [US]: [trail("main")] }, s3(bucket("trail-logs", { policy: denied("s3.bucketPolicy") }))),
      findings: [{ status: "ERROR", error: { operation: "GetBucketPolicy" } }],
    },
    {
      name: "the bucket is in another account",
      inventory: trailsInventory({ [US]: [trail("main", { s3BucketName: "elsewhere" })] }, s3(bucket("trail-logs"))),
      findings: [{ status: "ERROR", error: { code: "BucketNotInAccount" } }],
    },
  ],
});
