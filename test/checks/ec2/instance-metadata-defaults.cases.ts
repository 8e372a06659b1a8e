import check from "../../../checks/ec2/instance-metadata-defaults.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { regional } from "../../support/fixtures/ec2.js";

export default checkCases(check, {
  pass: [
    {
      name: "HttpTokens required, or the endpoint disabled",
      inventory: regional({
        ec2: {
          "us-east-1": { instanceMetadataDefaults: ok({ httpTokens: "required", httpPutResponseHopLimit: 2, managedBy: "account" }) },
          "eu-west-1": { instanceMetadataDefaults: ok({ httpEndpoint: "disabled" }) },
        },
      }),
      findings: [
        {
          region: "us-east-1",
          status: "PASS",
          message: "New instances in us-east-1 require IMDSv2 by default (HttpTokens required).",
          evidence: { httpTokens: "required", httpPutResponseHopLimit: 2 },
          responsibility: { layer: "os" },
        },
        { region: "eu-west-1", status: "PASS", message: "New instances in eu-west-1 have the metadata endpoint disabled by default." },
      ],
    },
  ],
  fail: [
    {
      name: "no defaults set, or HttpTokens optional: medium",
      inventory: regional({
        ec2: {
          "us-east-1": { instanceMetadataDefaults: ok({}) },
          "eu-west-1": { instanceMetadataDefaults: ok({ httpTokens: "optional" }) },
        },
      }),
      findings: [
        {
          region: "us-east-1",
          status: "FAIL",
          severity: "medium",
          message:
            "The account sets no instance metadata defaults in us-east-1: new instances allow IMDSv1 unless their AMI or launch settings say otherwise.",
        },
        {
          region: "eu-west-1",
          status: "FAIL",
          message: "The instance metadata defaults in eu-west-1 do not require IMDSv2 (HttpTokens optional).",
        },
      ],
    },
  ],
  error: [
    {
      name: "GetInstanceMetadataDefaults denied",
      inventory: regional({ ec2: { "us-east-1": { instanceMetadataDefaults: denied("ec2.instanceMetadataDefaults") } } }),
      findings: [{ status: "ERROR", error: { operation: "GetInstanceMetadataDefaults", code: "UnauthorizedOperation" } }],
    },
  ],
});
