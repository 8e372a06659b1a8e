import { expect } from "vitest";
import check from "../../../checks/s3/bucket-acls-disabled.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { bucket, s3Inventory } from "../../support/fixtures/s3.js";

export default checkCases(check, {
  pass: [
    {
      name: "BucketOwnerEnforced",
      inventory: s3Inventory([bucket("a", { ownership: ok("BucketOwnerEnforced") })]),
      assert: ([f]) => expect(f!.responsibility.layer).toBe("application"),
    },
  ],
  fail: [
    { name: "ObjectWriter", inventory: s3Inventory([bucket("b", { ownership: ok("ObjectWriter") })]) },
    { name: "no ownership controls", inventory: s3Inventory([bucket("c", { ownership: ok(null) })]) },
  ],
  error: [
    { name: "unread", inventory: s3Inventory([bucket("d", { ownership: denied("s3.bucketOwnership") })]) },
    {
      name: "not collected",
      inventory: s3Inventory([bucket("e", { ownership: undefined })]),
      findings: [{ status: "ERROR", error: { code: "NotCollected", operation: "GetBucketOwnershipControls" } }],
    },
  ],
});
