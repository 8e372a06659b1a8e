import { expect } from "vitest";
import check from "../../../checks/cloudtrail/bucket-access-logging.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { bucket } from "../../support/fixtures/s3.js";
import { EU, trail, trailsInventory, US } from "../../services/cloudtrail/fixtures.js";

const s3 = (...buckets: ReturnType<typeof bucket>[]) => ({ s3: { buckets: ok(buckets), accountPublicAccessBlock: ok(null) } });

export default checkCases(check, {
  pass: [
    {
      name: "the trail's bucket logs requests; one finding for a bucket two trails share, in the bucket's region",
      inventory: trailsInventory(
        { [US]: [trail("main"), trail("second")] },
        s3(bucket("trail-logs", { region: ok(EU), logging: ok({ targetBucket: "access-logs" }) })),
      ),
      findings: [{ status: "PASS", region: EU, resource: { id: "trail-logs", type: "AWS::S3::Bucket" } }],
      assert: ([f]) => expect(f!.evidence.trails).toHaveLength(2),
    },
  ],
  fail: [
    {
      name: "the trail's bucket does not log",
      inventory: trailsInventory({ [US]: [trail("main")] }, s3(bucket("trail-logs"))),
      assert: ([f]) =>
        expect(f!.message).toBe("Bucket trail-logs, where trail main delivers its logs, has server access logging disabled."),
    },
  ],
  error: [
    {
      name: "the bucket is not in this account (central logging): ERROR, never a guess",
      inventory: trailsInventory({ [US]: [trail("main", { s3BucketName: "org-central-logs" })] }, s3(bucket("other"))),
      findings: [{ status: "ERROR", error: { code: "BucketNotInAccount", operation: "ListBuckets", resource: "org-central-logs" } }],
    },
    {
      name: "S3 is not in the inventory (a snapshot of CloudTrail alone)",
      inventory: trailsInventory({ [US]: [trail("main")] }),
      findings: [{ status: "ERROR", error: { code: "NotCollected", operation: "ListBuckets" } }],
    },
    {
      name: "the bucket's logging could not be read",
      inventory: trailsInventory({ [US]: [trail("main")] }, s3(bucket("trail-logs", { logging: denied("s3.bucketLogging") }))),
    },
  ],
});
