import { expect } from "vitest";
import check from "../../../checks/config/recorder-enabled.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { configuredRegion, recorder } from "../../support/fixtures/config.js";
import { regional } from "../../support/fixtures/ec2.js";

/** What AWS Config answers a denied read with. */
const CONFIG_DENIED = "AccessDeniedException";

export default checkCases(check, {
  pass: [
    {
      name: "every region records everything and delivers; one result per region with a stable ARN",
      inventory: regional({ config: { "us-east-1": configuredRegion({ global: true }), "eu-west-1": configuredRegion() } }),
      findings: [
        {
          region: "us-east-1",
          status: "PASS",
          resource: { arn: "arn:aws:config:us-east-1:123456789012:recorder" },
          message: 'AWS Config in us-east-1: recorder "default" is recording all supported resource types; delivery channel "default".',
          responsibility: { layer: "monitoring", serviceModel: "abstracted" },
        },
        { region: "eu-west-1", status: "PASS", resource: { arn: "arn:aws:config:eu-west-1:123456789012:recorder" } },
      ],
      assert: ([f]) => expect(f!.compliance).toEqual({ "cis-aws-foundations-6.0": ["4.3"], "aws-fsbp": ["Config.1"] }),
    },
  ],
  fail: [
    {
      name: "no recorder and no delivery channel, naming both",
      inventory: regional({ config: { "eu-west-1": { recorders: ok([]), recorderStatuses: ok([]), deliveryChannels: ok([]) } } }),
      findings: [{ status: "FAIL", message: "AWS Config in eu-west-1: no configuration recorder exists; no delivery channel exists." }],
    },
    {
      name: "a recorder that is stopped, failing, or records only some types",
      inventory: regional({
        config: {
          "r-stopped": configuredRegion({ recording: false }),
          "r-failing": configuredRegion({ lastStatus: "FAILURE" }),
          "r-partial": {
            ...configuredRegion(),
            recorders: ok([
              recorder("default", {
                allSupported: false,
                recordingStrategy: "INCLUSION_BY_RESOURCE_TYPES",
                resourceTypes: ["AWS::EC2::Instance"],
              }),
            ]),
          },
          "r-excluding": {
            ...configuredRegion(),
            recorders: ok([
              recorder("default", { recordingStrategy: "EXCLUSION_BY_RESOURCE_TYPES", excludedResourceTypes: ["AWS::EC2::Volume"] }),
            ]),
          },
        },
      }),
      findings: [
        { region: "r-stopped", status: "FAIL", message: 'AWS Config in r-stopped: recorder "default" is not recording (recording=false).' },
        { region: "r-failing", status: "FAIL", message: 'AWS Config in r-failing: recorder "default" last status is FAILURE.' },
        {
          region: "r-partial",
          status: "FAIL",
          message:
            'AWS Config in r-partial: recorder "default" does not record all supported resource types (allSupported=false, records only 1 listed type(s)).',
        },
        { region: "r-excluding", status: "FAIL" },
      ],
      assert: ([, , , excluding]) => expect(excluding!.message).toContain("excludes AWS::EC2::Volume"),
    },
    {
      name: "a service-linked recorder does not count",
      inventory: regional({
        config: {
          "us-east-1": {
            ...configuredRegion(),
            recorders: ok([
              recorder("AWSConfigurationRecorderForX", { servicePrincipal: "securityhub.amazonaws.com", recordingScope: "INTERNAL" }),
            ]),
          },
        },
      }),
      findings: [{ status: "FAIL" }],
      assert: ([f]) => expect(f!.message).toContain("no configuration recorder exists"),
    },
    {
      name: "FAIL, not ERROR, when what was read already proves a problem",
      inventory: regional({
        config: {
          "eu-west-1": {
            recorders: ok([]),
            recorderStatuses: ok([]),
            deliveryChannels: denied("config.deliveryChannels", { region: "eu-west-1", code: CONFIG_DENIED }),
          },
          "ap-south-1": {
            recorders: denied("config.recorders", { region: "ap-south-1", code: CONFIG_DENIED }),
            recorderStatuses: ok([]),
            deliveryChannels: ok([]),
          },
        },
      }),
      findings: [
        {
          region: "eu-west-1",
          status: "FAIL",
          message: "AWS Config in eu-west-1: no configuration recorder exists.",
          evidence: { unread: ["config:DescribeDeliveryChannels AccessDeniedException"] },
        },
        // The recorder list is unreadable, but no delivery channel is a proven problem.
        { region: "ap-south-1", status: "FAIL", message: "AWS Config in ap-south-1: no delivery channel exists." },
      ],
    },
  ],
  error: [
    {
      name: "a read failed and nothing read proves a problem",
      inventory: regional({
        config: { "us-east-1": { ...configuredRegion(), recorderStatuses: denied("config.recorderStatus", { code: CONFIG_DENIED }) } },
      }),
      findings: [
        { region: "us-east-1", status: "ERROR", error: { operation: "DescribeConfigurationRecorderStatus", code: CONFIG_DENIED } },
      ],
    },
    {
      name: "ERROR for a scanned region that was never collected",
      inventory: regional({ regions: ["us-east-1", "sa-east-1"], config: { "us-east-1": configuredRegion() } }),
      findings: [
        { region: "us-east-1", status: "PASS" },
        { region: "sa-east-1", status: "ERROR", error: { code: "NotCollected" } },
      ],
      assert: ([collected]) => expect(collected!.error).toBeUndefined(),
    },
  ],
});
