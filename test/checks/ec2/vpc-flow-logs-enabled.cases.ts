import { expect } from "vitest";
import check from "../../../checks/ec2/vpc-flow-logs-enabled.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { flowLog, regional, vpc } from "../../support/fixtures/ec2.js";
import type { Vpc } from "../../../src/services/ec2/inventory.js";

/** The flow logs of the region: one per VPC but vpc-none and vpc-subnet-only, and one on a subnet. */
const FLOW_LOGS = [
  flowLog("fl-1", "vpc-all", "ALL"),
  flowLog("fl-2", "vpc-reject", "REJECT"),
  flowLog("fl-3", "vpc-accept", "ACCEPT"),
  flowLog("fl-4", "subnet-1", "ALL"),
];
const withFlowLogs = (...vpcs: Vpc[]) => regional({ ec2: { "us-east-1": { vpcs: ok(vpcs), flowLogs: ok(FLOW_LOGS) } } });

export default checkCases(check, {
  pass: [
    {
      name: "an active flow log capturing ALL or REJECT",
      inventory: withFlowLogs(vpc("vpc-all"), vpc("vpc-reject")),
      findings: [
        { resource: { id: "vpc-all" }, status: "PASS", message: "VPC vpc-all has active flow log fl-1 capturing ALL traffic." },
        { resource: { id: "vpc-reject" }, status: "PASS" },
      ],
      assert: ([all]) => {
        expect(all!.responsibility.layer).toBe("monitoring");
        expect(all!.compliance).toEqual({ "cis-aws-foundations-6.0": ["4.7"], "aws-fsbp": ["EC2.6"] });
      },
    },
  ],
  fail: [
    {
      name: "no flow log, an ACCEPT-only one, or one on a subnet only",
      inventory: withFlowLogs(vpc("vpc-none", true), vpc("vpc-accept"), vpc("vpc-subnet-only")),
      findings: [
        { resource: { id: "vpc-none" }, status: "FAIL", message: "VPC vpc-none (default VPC) has no flow log." },
        {
          resource: { id: "vpc-accept" },
          status: "FAIL",
          message: "VPC vpc-accept has no active flow log capturing rejected traffic (fl-3: ACTIVE/ACCEPT).",
        },
        { resource: { id: "vpc-subnet-only" }, status: "FAIL" },
      ],
    },
    {
      name: "an inactive flow log",
      inventory: regional({
        ec2: { "us-east-1": { vpcs: ok([vpc("vpc-off")]), flowLogs: ok([flowLog("fl-5", "vpc-off", "ALL", "INACTIVE")]) } },
      }),
      findings: [{ status: "FAIL", message: "VPC vpc-off has no active flow log capturing rejected traffic (fl-5: INACTIVE/ALL)." }],
    },
  ],
  error: [
    {
      name: "ERROR per VPC when flow logs could not be read, and per region when VPCs could not",
      inventory: regional({
        ec2: {
          "us-east-1": { vpcs: ok([vpc("vpc-a"), vpc("vpc-b")]), flowLogs: denied("ec2.flowLogs") },
          "eu-west-1": { vpcs: denied("ec2.vpcs", { region: "eu-west-1" }), flowLogs: ok([]) },
        },
      }),
      findings: [
        { region: "us-east-1", resource: { id: "vpc-a" }, status: "ERROR", error: { operation: "DescribeFlowLogs" } },
        { region: "us-east-1", resource: { id: "vpc-b" }, status: "ERROR", error: { operation: "DescribeFlowLogs" } },
        { region: "eu-west-1", resource: { id: "123456789012" }, status: "ERROR", error: { operation: "DescribeVpcs" } },
      ],
    },
  ],
});
