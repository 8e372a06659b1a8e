import { expect } from "vitest";
import check from "../../../checks/accessanalyzer/enabled.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT, denied } from "../../support/fixtures/index.js";
import { analyzer, analyzersInventory, EU, US } from "../../services/accessanalyzer/fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "an active ACCOUNT analyzer in one region and an active ORGANIZATION analyzer in the other",
      inventory: analyzersInventory({
        [US]: [analyzer("unused", US, { type: "ACCOUNT_UNUSED_ACCESS" }), analyzer("external", US)],
        [EU]: [analyzer("org", EU, { type: "ORGANIZATION" })],
      }),
      findings: [
        {
          status: "PASS",
          region: US,
          resource: {
            arn: `arn:aws:access-analyzer:${US}:${ACCOUNT}:analyzer`,
            id: `${ACCOUNT}/${US}`,
            type: "AWS::AccessAnalyzer::Analyzer",
          },
          message: `IAM Access Analyzer in ${US}: external access analyzer external (ACCOUNT, ACTIVE).`,
          responsibility: { layer: "identity", serviceModel: "abstracted" },
        },
        { status: "PASS", region: EU, message: `IAM Access Analyzer in ${EU}: external access analyzer org (ORGANIZATION, ACTIVE).` },
      ],
      assert: ([f]) => {
        expect(f!.compliance).toEqual({ "cis-aws-foundations-6.0": ["2.19"], "aws-security-hub": ["IAM.28"] });
        expect((f!.evidence as { analyzers: { name: string }[] }).analyzers.map((a) => a.name)).toEqual(["unused", "external"]);
      },
    },
  ],
  fail: [
    {
      name: "no analyzer at all in a region",
      inventory: analyzersInventory({ [US]: [analyzer("external", US)], [EU]: [] }),
      findings: [
        { status: "PASS", region: US },
        {
          status: "FAIL",
          region: EU,
          severity: "high",
          message: `IAM Access Analyzer in ${EU}: no external access analyzer exists.`,
          evidence: { analyzers: [] },
        },
      ],
    },
    {
      name: "only unused-access and internal-access analyzers: they do not look for external access",
      inventory: analyzersInventory({
        [EU]: [
          analyzer("unused", EU, { type: "ACCOUNT_UNUSED_ACCESS" }),
          analyzer("internal", EU, { type: "ORGANIZATION_INTERNAL_ACCESS" }),
        ],
      }),
      findings: [
        {
          status: "FAIL",
          message: `IAM Access Analyzer in ${EU}: no external access analyzer exists (only unused (ACCOUNT_UNUSED_ACCESS, ACTIVE), internal (ORGANIZATION_INTERNAL_ACCESS, ACTIVE), which do not look for external access).`,
        },
      ],
    },
    {
      name: "an external access analyzer that is not ACTIVE (disabled, failed or still creating)",
      inventory: analyzersInventory({
        [US]: [analyzer("org", US, { type: "ORGANIZATION", status: "DISABLED", statusReason: "AWS_SERVICE_ACCESS_DISABLED" })],
        [EU]: [analyzer("new", EU, { status: "CREATING" })],
      }),
      findings: [
        {
          status: "FAIL",
          region: US,
          message: `IAM Access Analyzer in ${US}: no external access analyzer is ACTIVE (org (ORGANIZATION, DISABLED: AWS_SERVICE_ACCESS_DISABLED)).`,
        },
        {
          status: "FAIL",
          region: EU,
          message: `IAM Access Analyzer in ${EU}: no external access analyzer is ACTIVE (new (ACCOUNT, CREATING)).`,
        },
      ],
    },
  ],
  error: [
    {
      name: "ListAnalyzers denied in a region: ERROR there, on the region's resource",
      inventory: analyzersInventory({
        [US]: [analyzer("external", US)],
        [EU]: denied("accessanalyzer.analyzers", { region: EU, code: "AccessDeniedException" }),
      }),
      findings: [
        { status: "PASS", region: US },
        {
          status: "ERROR",
          region: EU,
          resource: { id: `${ACCOUNT}/${EU}`, type: "AWS::AccessAnalyzer::Analyzer" },
          error: { service: "access-analyzer", operation: "ListAnalyzers", code: "AccessDeniedException" },
        },
      ],
    },
    {
      name: "an endpoint that does not implement Access Analyzer (moto answers HTML with HTTP 500): ERROR, never a verdict",
      inventory: analyzersInventory({
        [US]: denied("accessanalyzer.analyzers", {
          region: US,
          code: "HTTP500",
          message:
            "Unexpected token '<', \"<!doctype \"... is not valid JSON Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.",
        }),
      }),
      findings: [{ status: "ERROR", message: expect.stringContaining("ListAnalyzers failed with HTTP500") }],
    },
  ],
});
