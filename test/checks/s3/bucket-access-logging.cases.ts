import { expect } from "vitest";
import check from "../../../checks/s3/bucket-access-logging.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { bucket, s3Inventory } from "../../support/fixtures/s3.js";

export default checkCases(check, {
  pass: [
    {
      name: "logs to a bucket",
      inventory: s3Inventory([bucket("l", { logging: ok({ targetBucket: "logs", targetPrefix: "l/" }) })]),
      assert: ([f]) => {
        expect(f!.message).toContain("s3://logs/l/");
        expect(f!.responsibility.layer).toBe("monitoring");
      },
    },
  ],
  fail: [{ name: "logging disabled", inventory: s3Inventory([bucket("n")]) }],
  error: [{ name: "unread", inventory: s3Inventory([bucket("x", { logging: denied("s3.bucketLogging") })]) }],
});
