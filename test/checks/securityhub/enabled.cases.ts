import { expect } from "vitest";
import check from "../../../checks/securityhub/enabled.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT, denied } from "../../support/fixtures/index.js";
import { EU, hub, hubsInventory, US } from "../../services/securityhub/fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "enabled in every scanned region: one result per region, on a stable hub resource",
      inventory: hubsInventory({ [US]: hub(US), [EU]: hub(EU, { subscribedAt: "2026-03-01T00:00:00.000Z" }) }),
      findings: [
        {
          status: "PASS",
          region: US,
          resource: { arn: `arn:aws:securityhub:${US}:${ACCOUNT}:hub/default`, id: `${ACCOUNT}/${US}`, type: "AWS::SecurityHub::Hub" },
          message: `Security Hub is enabled in ${US} since 2026-01-15T09:30:00.000Z (hub arn:aws:securityhub:${US}:${ACCOUNT}:hub/default).`,
          responsibility: { layer: "monitoring", serviceModel: "abstracted" },
        },
        { status: "PASS", region: EU, resource: { id: `${ACCOUNT}/${EU}` } },
      ],
      assert: ([f]) => {
        expect(f!.compliance).toEqual({ "cis-aws-foundations-6.0": ["5.16"] });
        expect(f!.evidence).toMatchObject({ hub: { controlFindingGenerator: "SECURITY_CONTROL" } });
      },
    },
  ],
  fail: [
    {
      name: "not enabled in one region (DescribeHub: not subscribed): that region fails, the other passes",
      inventory: hubsInventory({ [US]: hub(US), [EU]: null }),
      findings: [
        { status: "PASS", region: US },
        {
          status: "FAIL",
          region: EU,
          severity: "medium",
          resource: { arn: `arn:aws:securityhub:${EU}:${ACCOUNT}:hub/default` },
          message: `Security Hub is not enabled in ${EU}: DescribeHub says the account is not subscribed.`,
          evidence: { hub: null },
        },
      ],
    },
  ],
  error: [
    {
      name: "DescribeHub denied in a region: ERROR there on the same hub resource, never a FAIL from unread data",
      inventory: hubsInventory({
        [US]: denied("securityhub.hub", { region: US, code: "AccessDeniedException" }),
        [EU]: null,
      }),
      findings: [
        {
          status: "ERROR",
          region: US,
          resource: { id: `${ACCOUNT}/${US}`, type: "AWS::SecurityHub::Hub" },
          error: { service: "securityhub", operation: "DescribeHub", code: "AccessDeniedException" },
        },
        { status: "FAIL", region: EU },
      ],
    },
    {
      name: "a scanned region that was not collected",
      inventory: { ...hubsInventory({ [US]: hub(US) }), regions: [US, EU] },
      findings: [
        { status: "PASS", region: US },
        { status: "ERROR", region: EU, error: { code: "NotCollected", operation: "DescribeHub" } },
      ],
    },
  ],
});
