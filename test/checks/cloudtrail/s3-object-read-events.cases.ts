import { expect } from "vitest";
import check from "../../../checks/cloudtrail/s3-object-read-events.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { advanced, basic, eq, MANAGEMENT_AND_S3, trail, trailsInventory, US } from "../../services/cloudtrail/fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "basic selector for every object, ReadWriteType All",
      inventory: trailsInventory({ [US]: [trail("main", { selectors: ok(MANAGEMENT_AND_S3) })] }),
    },
    {
      name: "advanced selector for every S3 object, no readOnly condition",
      inventory: trailsInventory({
        [US]: [
          trail("main", {
            selectors: ok({ basic: [], advanced: [advanced("s3", eq("eventCategory", "Data"), eq("resources.type", "AWS::S3::Object"))] }),
          }),
        ],
      }),
    },
  ],
  fail: [
    {
      name: "writes only",
      inventory: trailsInventory({
        [US]: [
          trail("main", {
            selectors: ok({ basic: [basic("WriteOnly", [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }])], advanced: [] }),
          }),
        ],
      }),
      assert: ([f]) => expect(f!.message).toContain("write only"),
    },
    {
      name: "a DynamoDB data resource is not S3",
      inventory: trailsInventory({
        [US]: [
          trail("main", {
            selectors: ok({ basic: [basic("All", [{ type: "AWS::DynamoDB::Table", values: ["arn:aws:dynamodb"] }])], advanced: [] }),
          }),
        ],
      }),
    },
  ],
  error: [
    {
      name: "the status could not be read",
      inventory: trailsInventory({ [US]: [trail("main", { status: denied("cloudtrail.trailStatus") })] }),
    },
  ],
});
