import { expect } from "vitest";
import check from "../../../checks/guardduty/enabled.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT, denied, ok } from "../../support/fixtures/index.js";
import { detector, detectorsInventory, EU, settings, US } from "../../services/guardduty/fixtures.js";

const D1 = "12abc34d567e8fa901bc2d34e56789f0";
const D2 = "0f98e76d543c2ba109fe8d76c54321ab";

export default checkCases(check, {
  pass: [
    {
      name: "an enabled detector in every scanned region: one result per region, on a stable resource",
      inventory: detectorsInventory({ [US]: [detector(D1, US)], [EU]: [detector(D2, EU)] }),
      findings: [
        {
          status: "PASS",
          region: US,
          resource: { arn: `arn:aws:guardduty:${US}:${ACCOUNT}:detector`, id: `${ACCOUNT}/${US}`, type: "AWS::GuardDuty::Detector" },
          message: `GuardDuty is enabled in ${US}: detector ${D1} is ENABLED.`,
          evidence: { detectors: [{ id: D1, status: "ENABLED" }] },
          responsibility: { layer: "monitoring", serviceModel: "abstracted" },
        },
        { status: "PASS", region: EU, resource: { id: `${ACCOUNT}/${EU}` } },
      ],
      assert: ([f]) => expect(f!.compliance).toEqual({ "aws-fsbp": ["GuardDuty.1"] }),
    },
    {
      name: "an enabled detector passes even when another detector of the region could not be read",
      inventory: detectorsInventory({
        [US]: [detector(D2, US, denied("guardduty.detector", { resource: D2, code: "AccessDeniedException" })), detector(D1, US)],
      }),
      findings: [{ status: "PASS", message: `GuardDuty is enabled in ${US}: detector ${D1} is ENABLED.` }],
    },
  ],
  fail: [
    {
      name: "no detector in a region: not enabled there",
      inventory: detectorsInventory({ [US]: [detector(D1, US)], [EU]: [] }),
      findings: [
        { status: "PASS", region: US },
        {
          status: "FAIL",
          region: EU,
          severity: "high",
          message: `GuardDuty is not enabled in ${EU}: the region has no detector.`,
          evidence: { detectors: [] },
        },
      ],
    },
    {
      name: "a detector that exists but is suspended (status DISABLED) has its own message",
      inventory: detectorsInventory({ [EU]: [detector(D2, EU, ok(settings("DISABLED")))] }),
      findings: [
        {
          status: "FAIL",
          region: EU,
          message: `GuardDuty is suspended in ${EU}: detector ${D2} (status DISABLED) exists but is not ENABLED, so nothing is analysed.`,
          evidence: { detectors: [{ id: D2, status: "DISABLED" }] },
        },
      ],
    },
  ],
  error: [
    {
      name: "ListDetectors denied: ERROR for that region, on the region's resource",
      inventory: detectorsInventory({
        [US]: denied("guardduty.detectors", { region: US, code: "AccessDeniedException" }),
        [EU]: [detector(D2, EU)],
      }),
      findings: [
        {
          status: "ERROR",
          region: US,
          resource: { id: `${ACCOUNT}/${US}`, type: "AWS::GuardDuty::Detector" },
          error: { service: "guardduty", operation: "ListDetectors", code: "AccessDeniedException" },
        },
        { status: "PASS", region: EU },
      ],
    },
    {
      name: "GetDetector denied for the only detector: its status is unknown, so ERROR, never a FAIL or PASS",
      inventory: detectorsInventory({
        [EU]: [detector(D2, EU, denied("guardduty.detector", { region: EU, resource: D2, code: "AccessDeniedException" }))],
      }),
      findings: [
        {
          status: "ERROR",
          region: EU,
          resource: { id: `${ACCOUNT}/${EU}` },
          error: { operation: "GetDetector", resource: D2 },
          evidence: { detectors: [{ id: D2, unread: "GetDetector AccessDeniedException" }] },
        },
      ],
    },
  ],
});
