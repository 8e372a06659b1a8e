import { expect } from "vitest";
import check from "../../../checks/s3/account-block-public-access.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { ALL_ON, s3Inventory } from "../../support/fixtures/s3.js";

export default checkCases(check, {
  pass: [
    {
      name: "all four settings on",
      inventory: s3Inventory([], ok(ALL_ON)),
      findings: [
        {
          status: "PASS",
          resource: { arn: "arn:aws:s3::123456789012:account" },
          responsibility: { layer: "data", awsModel: "Customer data", serviceModel: "abstracted", owner: "customer" },
        },
      ],
    },
  ],
  fail: [
    {
      name: "names the settings that are off",
      inventory: s3Inventory([], ok({ ...ALL_ON, RestrictPublicBuckets: false, IgnorePublicAcls: false })),
      assert: ([f]) => {
        expect(f!.message).toContain("IgnorePublicAcls, RestrictPublicBuckets");
        expect(f!.evidence.settingsOff).toEqual(["IgnorePublicAcls", "RestrictPublicBuckets"]);
      },
    },
    { name: "not configured at all", inventory: s3Inventory([], ok(null)) },
  ],
  error: [
    {
      name: "the setting could not be read: ERROR naming the operation",
      inventory: s3Inventory([], denied("s3.accountPublicAccessBlock")),
      findings: [{ status: "ERROR", error: { operation: "GetPublicAccessBlock", code: "AccessDenied" } }],
      assert: ([f]) => expect(f!.message).toContain("GetPublicAccessBlock failed with AccessDenied"),
    },
  ],
});
