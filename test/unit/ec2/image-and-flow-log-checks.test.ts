import { describe, expect, it } from "vitest";
import { evaluate } from "../../../src/engine.js";
import amiPublic from "../../../checks/ec2/ami-public.js";
import flowLogs from "../../../checks/ec2/vpc-flow-logs.js";
import type { FlowLog, Vpc } from "../../../src/inventory/ec2.js";
import { ACCOUNT, denied, inventory, ok } from "../../fixtures/ec2/builders.js";

describe("ec2-ami-public", () => {
  it("fails public images and passes private ones", () => {
    const image = (imageId: string, pub: boolean) => ({
      imageId,
      arn: `arn:aws:ec2:us-east-1::image/${imageId}`,
      name: `img-${imageId}`,
      public: pub,
    });
    const inv = inventory({
      ec2: {
        "us-east-1": { images: ok([image("ami-pub", true), image("ami-priv", false)]) },
        "eu-west-1": { images: denied("DescribeImages", "eu-west-1") },
      },
    });
    const findings = evaluate(inv, [amiPublic]);
    expect(findings.map((f) => `${f.resource.id}:${f.status}:${f.severity}`)).toEqual([
      "ami-pub:FAIL:critical",
      "ami-priv:PASS:critical",
      "123456789012:ERROR:critical",
    ]);
    expect(findings[0]?.message).toBe("AMI ami-pub (img-ami-pub) is public (Public: true): any AWS account can launch it.");
    expect(findings[0]?.responsibility.layer).toBe("data");
  });
});

describe("ec2-vpc-flow-logs-enabled", () => {
  const vpc = (vpcId: string, isDefault = false): Vpc => ({ vpcId, arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc/${vpcId}`, isDefault });
  const log = (flowLogId: string, resourceId: string, trafficType: string, status = "ACTIVE"): FlowLog => ({
    flowLogId,
    resourceId,
    trafficType,
    status,
  });

  it("passes a VPC with an active flow log capturing ALL or REJECT; fails none, ACCEPT-only or inactive", () => {
    const inv = inventory({
      ec2: {
        "us-east-1": {
          vpcs: ok([vpc("vpc-all"), vpc("vpc-reject"), vpc("vpc-none", true), vpc("vpc-accept"), vpc("vpc-subnet-only")]),
          flowLogs: ok([
            log("fl-1", "vpc-all", "ALL"),
            log("fl-2", "vpc-reject", "REJECT"),
            log("fl-3", "vpc-accept", "ACCEPT"),
            log("fl-4", "subnet-1", "ALL"),
          ]),
        },
      },
    });
    const f = Object.fromEntries(evaluate(inv, [flowLogs]).map((x) => [x.resource.id, x]));
    expect(f["vpc-all"]).toMatchObject({ status: "PASS", message: "VPC vpc-all has active flow log fl-1 capturing ALL traffic." });
    expect(f["vpc-reject"]?.status).toBe("PASS");
    expect(f["vpc-none"]).toMatchObject({ status: "FAIL", message: "VPC vpc-none (default VPC) has no flow log." });
    expect(f["vpc-accept"]?.message).toBe("VPC vpc-accept has no active flow log capturing rejected traffic (fl-3: ACTIVE/ACCEPT).");
    expect(f["vpc-subnet-only"]?.status).toBe("FAIL");
    expect(f["vpc-all"]?.responsibility.layer).toBe("monitoring");
    expect(f["vpc-all"]?.compliance).toEqual({ "cis-aws-foundations-6.0": ["4.7"], "aws-fsbp": ["EC2.6"] });
  });

  it("reports ERROR per VPC when flow logs could not be read, and per region when VPCs could not", () => {
    const inv = inventory({
      ec2: {
        "us-east-1": { vpcs: ok([vpc("vpc-a"), vpc("vpc-b")]), flowLogs: denied("DescribeFlowLogs") },
        "eu-west-1": { vpcs: denied("DescribeVpcs", "eu-west-1"), flowLogs: ok([]) },
      },
    });
    expect(evaluate(inv, [flowLogs]).map((f) => `${f.region}:${f.resource.id}:${f.status}:${f.error?.operation}`)).toEqual([
      "us-east-1:vpc-a:ERROR:DescribeFlowLogs",
      "us-east-1:vpc-b:ERROR:DescribeFlowLogs",
      "eu-west-1:123456789012:ERROR:DescribeVpcs",
    ]);
  });
});
