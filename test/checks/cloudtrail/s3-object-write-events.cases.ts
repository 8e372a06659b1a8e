import { expect } from "vitest";
import check from "../../../checks/cloudtrail/s3-object-write-events.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { advanced, basic, eq, MANAGEMENT_AND_S3, trail, trailsInventory, US } from "../../services/cloudtrail/fixtures.js";

const s3Objects = eq("resources.type", "AWS::S3::Object");
const data = eq("eventCategory", "Data");
const withAdvanced = (...selectors: ReturnType<typeof advanced>[]) => ok({ basic: [], advanced: selectors });

export default checkCases(check, {
  pass: [
    {
      name: "basic selector for arn:aws:s3, ReadWriteType All",
      inventory: trailsInventory({ [US]: [trail("main", { selectors: ok(MANAGEMENT_AND_S3) })] }),
    },
    {
      name: "basic selector for arn:aws:s3:::, WriteOnly",
      inventory: trailsInventory({
        [US]: [
          trail("main", {
            selectors: ok({ basic: [basic("WriteOnly", [{ type: "AWS::S3::Object", values: ["arn:aws:s3:::"] }])], advanced: [] }),
          }),
        ],
      }),
    },
    {
      name: "advanced selector for every S3 object, writes only, leaving out the trail's own bucket",
      inventory: trailsInventory({
        [US]: [
          trail("main", {
            selectors: withAdvanced(
              advanced("s3 writes", data, s3Objects, eq("readOnly", "false"), {
                field: "resources.ARN",
                notStartsWith: ["arn:aws:s3:::trail-logs/"],
              }),
            ),
          }),
        ],
      }),
    },
  ],
  fail: [
    {
      name: "reads only",
      inventory: trailsInventory({
        [US]: [trail("main", { selectors: withAdvanced(advanced("s3 reads", data, s3Objects, eq("readOnly", "true"))) })],
      }),
      assert: ([f]) => expect(f!.message).toContain("records S3 data events for all buckets: read only"),
    },
    {
      name: "one bucket only (resources.ARN StartsWith)",
      inventory: trailsInventory({
        [US]: [
          trail("main", {
            selectors: withAdvanced(advanced("one", data, s3Objects, { field: "resources.ARN", startsWith: ["arn:aws:s3:::payroll/"] })),
          }),
        ],
      }),
    },
    {
      name: "some API calls only (eventName)",
      inventory: trailsInventory({
        [US]: [trail("main", { selectors: withAdvanced(advanced("puts", data, s3Objects, eq("eventName", "PutObject"))) })],
      }),
    },
    {
      name: "every bucket, but on a single-region trail",
      inventory: trailsInventory({ [US]: [trail("local", { multiRegion: false, selectors: ok(MANAGEMENT_AND_S3) })] }),
      assert: ([f]) => expect(f!.message).toContain("trail local covers only us-east-1"),
    },
    {
      name: "every bucket, but the trail is not logging",
      inventory: trailsInventory({ [US]: [trail("main", { status: ok({ isLogging: false }), selectors: ok(MANAGEMENT_AND_S3) })] }),
    },
    { name: "management events only", inventory: trailsInventory({ [US]: [trail("main")] }) },
  ],
  error: [
    {
      name: "selectors unread and no other trail qualifies",
      inventory: trailsInventory({ [US]: [trail("main", { selectors: denied("cloudtrail.eventSelectors") })] }),
      findings: [{ status: "ERROR", error: { operation: "GetEventSelectors" } }],
    },
  ],
});
