import check from "../../../checks/config/global-resources-recorded.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { configuredRegion, recorder } from "../../support/fixtures/config.js";
import { regional } from "../../support/fixtures/ec2.js";

/** A region whose recorders could not be read (AWS Config's own denial code). */
const unreadable = { recorders: denied("config.recorders", { region: "eu-west-1", code: "AccessDeniedException" }) };

export default checkCases(check, {
  pass: [
    {
      name: "one scanned region records global types",
      inventory: regional({ config: { "us-east-1": configuredRegion({ global: true }), "eu-west-1": configuredRegion() } }),
      findings: [
        {
          status: "PASS",
          region: "global",
          resource: { arn: "arn:aws:config::123456789012:global-resource-recording" },
          evidence: { recordingGlobalTypesIn: [{ region: "us-east-1", recorder: "default" }] },
        },
      ],
    },
    {
      name: "an explicit inclusion of the IAM types counts",
      inventory: regional({
        config: {
          "us-east-1": {
            ...configuredRegion(),
            recorders: ok([
              recorder("default", {
                allSupported: false,
                recordingStrategy: "INCLUSION_BY_RESOURCE_TYPES",
                resourceTypes: ["AWS::IAM::User", "AWS::IAM::Group", "AWS::IAM::Role", "AWS::IAM::Policy"],
              }),
            ]),
          },
        },
      }),
    },
    {
      name: "PASS wins over an unreadable region",
      inventory: regional({ config: { "us-east-1": configuredRegion({ global: true }), "eu-west-1": unreadable } }),
    },
  ],
  fail: [
    {
      name: "no region records global types",
      inventory: regional({ config: { "us-east-1": configuredRegion(), "eu-west-1": configuredRegion() } }),
      findings: [
        {
          status: "FAIL",
          message:
            "No recorder in the scanned regions (us-east-1, eu-west-1) is recording global IAM resource types (includeGlobalResourceTypes).",
        },
      ],
    },
    {
      name: "the region that would record them is not recording",
      inventory: regional({ config: { "us-east-1": configuredRegion({ global: true, recording: false }) } }),
    },
  ],
  error: [
    {
      name: "no region proves it and some region could not be read",
      inventory: regional({ config: { "us-east-1": configuredRegion(), "eu-west-1": unreadable } }),
      findings: [{ status: "ERROR", error: { region: "eu-west-1", operation: "DescribeConfigurationRecorders" } }],
    },
  ],
});
