import { expect } from "vitest";
import check from "../../../checks/s3/bucket-versioning.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { bucket, s3Inventory } from "../../support/fixtures/s3.js";

export default checkCases(check, {
  pass: [{ name: "enabled", inventory: s3Inventory([bucket("on", { versioning: ok({ status: "Enabled", mfaDelete: null }) })]) }],
  fail: [
    {
      name: "suspended",
      inventory: s3Inventory([bucket("sus", { versioning: ok({ status: "Suspended", mfaDelete: null }) })]),
      assert: ([f]) => expect(f!.message).toContain("suspended"),
    },
    { name: "never enabled", inventory: s3Inventory([bucket("never")]) },
  ],
  error: [{ name: "unread", inventory: s3Inventory([bucket("x", { versioning: denied("s3.bucketVersioning") })]) }],
});
