import { expect } from "vitest";
import check from "../../../checks/cloudtrail/trail-logging.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { EU, trail, trailsInventory, US } from "../../services/cloudtrail/fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "a logging trail, reported once in its home region though two scanned regions list it",
      inventory: trailsInventory({ [US]: [trail("main")], [EU]: [trail("main")] }),
      findings: [{ status: "PASS", region: US, resource: { id: "main", type: "AWS::CloudTrail::Trail" } }],
    },
  ],
  fail: [
    {
      name: "a trail that exists but is not logging",
      inventory: trailsInventory({
        [EU]: [trail("stopped", { homeRegion: EU, status: ok({ isLogging: false, stopLoggingTime: "2026-06-01T00:00:00.000Z" }) })],
      }),
      findings: [{ status: "FAIL", region: EU }],
      assert: ([f]) => expect(f!.message).toBe("Trail stopped exists but is not logging (stopped at 2026-06-01T00:00:00.000Z)."),
    },
  ],
  error: [
    {
      name: "the status could not be read",
      inventory: trailsInventory({ [US]: [trail("main", { status: denied("cloudtrail.trailStatus") })] }),
    },
    {
      name: "a region's trails could not be listed; the other region's are still judged",
      inventory: trailsInventory({ [US]: [trail("main")], [EU]: denied("cloudtrail.trails", { region: EU }) }),
      findings: [
        { status: "ERROR", region: EU, resource: { arn: `arn:aws:cloudtrail:${EU}:123456789012:account` } },
        { status: "PASS", region: US },
      ],
    },
  ],
});
