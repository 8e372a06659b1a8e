import { expect } from "vitest";
import check from "../../../checks/ec2/instance-profile-attached.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT, denied, ok } from "../../support/fixtures/index.js";
import { instance, regional } from "../../support/fixtures/ec2.js";
import type { Instance } from "../../../src/services/ec2/inventory.js";

const instances = (...list: Instance[]) => regional({ ec2: { "us-east-1": { instances: ok(list) } } });
const PROFILE = `arn:aws:iam::${ACCOUNT}:instance-profile/app`;

export default checkCases(check, {
  pass: [
    {
      name: "a running and a stopped instance with a profile; terminated and shutting-down instances are not judged",
      inventory: instances(
        instance("i-app", { name: "app", iamInstanceProfileArn: PROFILE }),
        instance("i-stopped", { state: "stopped", iamInstanceProfileArn: PROFILE }),
        instance("i-gone", { state: "terminated", iamInstanceProfileArn: null }),
        instance("i-leaving", { state: "shutting-down", iamInstanceProfileArn: null }),
      ),
      findings: [
        {
          resource: { id: "i-app", type: "AWS::EC2::Instance" },
          status: "PASS",
          region: "us-east-1",
          message: `Instance i-app (app) has the IAM instance profile ${PROFILE}.`,
          evidence: { instanceId: "i-app", state: "running", iamInstanceProfileArn: PROFILE },
        },
        { resource: { id: "i-stopped" }, status: "PASS" },
      ],
    },
  ],
  fail: [
    {
      name: "no profile (recorded as null), running or stopped",
      inventory: instances(
        instance("i-bare", { name: "legacy", iamInstanceProfileArn: null }),
        instance("i-parked", { state: "stopped", iamInstanceProfileArn: null }),
        instance("i-app", { iamInstanceProfileArn: PROFILE }),
      ),
      findings: [
        {
          resource: { id: "i-bare" },
          status: "FAIL",
          severity: "medium",
          message: "Instance i-bare (legacy) (running) has no IAM instance profile.",
          evidence: { iamInstanceProfileArn: null },
          responsibility: { layer: "identity", serviceModel: "infrastructure" },
        },
        { resource: { id: "i-parked" }, status: "FAIL", message: "Instance i-parked (stopped) has no IAM instance profile." },
        { resource: { id: "i-app" }, status: "PASS" },
      ],
      assert: ([bare]) => expect(bare!.compliance).toEqual({ "cis-aws-foundations-6.0": ["2.17"] }),
    },
  ],
  error: [
    {
      name: "the instances of a region could not be read",
      inventory: regional({ ec2: { "us-east-1": { instances: denied("ec2.instances") } } }),
      findings: [{ status: "ERROR", error: { operation: "DescribeInstances", code: "UnauthorizedOperation" } }],
    },
    {
      // A snapshot written before instance profiles were recorded: the field is absent, which is neither "none" nor a profile.
      name: "an instance without the field (older snapshot): ERROR NotCollected for it, no guess; recorded instances are still judged",
      inventory: instances(instance("i-old"), instance("i-new", { iamInstanceProfileArn: null })),
      findings: [
        {
          resource: { id: "i-old" },
          status: "ERROR",
          region: "us-east-1",
          error: { service: "ec2", operation: "DescribeInstances", code: "NotCollected", resource: "i-old" },
        },
        { resource: { id: "i-new" }, status: "FAIL" },
      ],
      assert: ([old]) => expect(old!.message).toContain("does not record the instance's IAM instance profile"),
    },
  ],
});
