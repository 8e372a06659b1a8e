import { expect } from "vitest";
import check from "../../../checks/ec2/instance-imdsv2-required.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { instance, regional } from "../../support/fixtures/ec2.js";
import type { Instance } from "../../../src/services/ec2/inventory.js";

const instances = (...list: Instance[]) => regional({ ec2: { "us-east-1": { instances: ok(list) } } });

export default checkCases(check, {
  pass: [
    {
      name: "HttpTokens=required, or the metadata endpoint disabled",
      inventory: instances(
        instance("i-v2", { metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" } }),
        instance("i-off", { metadataOptions: { httpTokens: "optional", httpEndpoint: "disabled" } }),
      ),
      findings: [
        { resource: { id: "i-v2" }, status: "PASS" },
        { resource: { id: "i-off" }, status: "PASS" },
      ],
    },
  ],
  fail: [
    {
      name: "optional tokens, running or stopped, or no metadata options reported; a terminated instance is skipped",
      inventory: instances(
        instance("i-v1", {
          name: "legacy",
          metadataOptions: { httpTokens: "optional", httpEndpoint: "enabled", httpPutResponseHopLimit: 1 },
        }),
        instance("i-stopped", { state: "stopped", metadataOptions: { httpTokens: "optional", httpEndpoint: "enabled" } }),
        instance("i-gone", { state: "terminated", metadataOptions: { httpTokens: "optional" } }),
        instance("i-unknown", { metadataOptions: undefined }),
      ),
      findings: [
        {
          resource: { id: "i-v1" },
          status: "FAIL",
          severity: "high",
          message: "Instance i-v1 (legacy) allows IMDSv1: HttpTokens=optional, HttpEndpoint=enabled (instance running).",
          evidence: { instanceId: "i-v1", httpTokens: "optional", httpEndpoint: "enabled", httpPutResponseHopLimit: 1 },
          responsibility: { layer: "os", serviceModel: "infrastructure" },
        },
        { resource: { id: "i-stopped" }, status: "FAIL" },
        { resource: { id: "i-unknown" }, status: "FAIL" },
      ],
      assert: ([v1]) => expect(v1!.compliance).toEqual({ "cis-aws-foundations-6.0": ["6.7"], "aws-fsbp": ["EC2.8"] }),
    },
  ],
  error: [
    {
      name: "the instances of a region could not be read",
      inventory: regional({ ec2: { "us-east-1": { instances: denied("ec2.instances") } } }),
      findings: [{ status: "ERROR", error: { operation: "DescribeInstances", code: "UnauthorizedOperation" } }],
    },
  ],
});
