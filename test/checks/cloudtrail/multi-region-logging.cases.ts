import { expect } from "vitest";
import check from "../../../checks/cloudtrail/multi-region-logging.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, inventory, ok } from "../../support/fixtures/index.js";
import { advanced, basic, eq, EU, trail, trailsInventory, US } from "../../services/cloudtrail/fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "a logging multi-region trail with basic selectors for every management event",
      inventory: trailsInventory({ [US]: [trail("main")], [EU]: [] }),
      findings: [{ status: "PASS", region: "global", resource: { type: "AWS::::Account" }, evidence: { trails: [{ meets: true }] } }],
      assert: ([f]) => expect(f!.message).toContain("Trail main (us-east-1)"),
    },
    {
      name: "advanced selectors: one for reads and one for writes cover both",
      inventory: trailsInventory({
        [US]: [
          trail("adv", {
            selectors: ok({
              basic: [],
              advanced: [
                advanced("reads", eq("eventCategory", "Management"), eq("readOnly", "true")),
                advanced("writes", eq("eventCategory", "Management"), eq("readOnly", "false")),
              ],
            }),
          }),
        ],
      }),
    },
    {
      name: "a trail without selectors records every management event (AWS's default)",
      inventory: trailsInventory({ [US]: [trail("defaults", { selectors: ok({ basic: [], advanced: [] }) })] }),
    },
    {
      name: "one good trail is enough, whatever the others lack",
      inventory: trailsInventory({ [US]: [trail("main")], [EU]: [trail("eu-local", { homeRegion: EU, multiRegion: false })] }),
    },
  ],
  fail: [
    {
      name: "no trail at all",
      inventory: trailsInventory({ [US]: [], [EU]: [] }),
      assert: ([f]) => expect(f!.message).toContain("No CloudTrail trail exists in the scanned regions (us-east-1, eu-west-1)"),
    },
    {
      name: "a multi-region trail that exists but is not logging: its own message",
      inventory: trailsInventory({
        [US]: [trail("stopped", { status: ok({ isLogging: false, stopLoggingTime: "2026-06-01T00:00:00.000Z" }) })],
      }),
      assert: ([f]) => expect(f!.message).toContain("multi-region trail stopped exists but is not logging"),
    },
    {
      name: "only single-region trails",
      inventory: trailsInventory({ [US]: [trail("local", { multiRegion: false })] }),
      assert: ([f]) => expect(f!.message).toContain("trail local covers only us-east-1"),
    },
    {
      name: "management events recorded for writes only",
      inventory: trailsInventory({ [US]: [trail("writes", { selectors: ok({ basic: [basic("WriteOnly")], advanced: [] }) })] }),
      assert: ([f]) => expect(f!.message).toContain("records management events: write only"),
    },
    {
      name: "advanced selectors with data events only",
      inventory: trailsInventory({
        [US]: [
          trail("data", {
            selectors: ok({ basic: [], advanced: [advanced("s3", eq("eventCategory", "Data"), eq("resources.type", "AWS::S3::Object"))] }),
          }),
        ],
      }),
    },
  ],
  error: [
    {
      name: "no trail qualifies and one region's trails could not be listed",
      inventory: trailsInventory({ [US]: [trail("local", { multiRegion: false })], [EU]: denied("cloudtrail.trails", { region: EU }) }),
      findings: [{ status: "ERROR", error: { operation: "DescribeTrails", region: EU }, evidence: { unreadRegions: [EU] } }],
    },
    {
      name: "the only multi-region trail's status could not be read",
      inventory: trailsInventory({ [US]: [trail("main", { status: denied("cloudtrail.trailStatus") })] }),
      findings: [{ status: "ERROR", error: { operation: "GetTrailStatus" } }],
    },
    {
      name: "the only multi-region trail's selectors could not be read",
      inventory: trailsInventory({ [US]: [trail("main", { selectors: denied("cloudtrail.eventSelectors") })] }),
      findings: [{ status: "ERROR", error: { operation: "GetEventSelectors" } }],
    },
    {
      name: "CloudTrail is not in the inventory",
      inventory: inventory(),
      findings: [{ status: "ERROR", error: { code: "NotCollected" } }],
    },
  ],
});
