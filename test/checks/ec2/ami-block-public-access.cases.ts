import check from "../../../checks/ec2/ami-block-public-access.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { regional } from "../../support/fixtures/ec2.js";

export default checkCases(check, {
  pass: [
    {
      name: "block-new-sharing",
      inventory: regional({ ec2: { "us-east-1": { imageBlockPublicAccess: ok({ state: "block-new-sharing", managedBy: "account" }) } } }),
      findings: [{ status: "PASS", message: "Block public access for AMIs is on in us-east-1.", responsibility: { layer: "data" } }],
    },
  ],
  fail: [
    {
      name: "unblocked: high",
      inventory: regional({ ec2: { "eu-west-1": { imageBlockPublicAccess: ok({ state: "unblocked" }) } } }),
      findings: [
        {
          status: "FAIL",
          severity: "high",
          region: "eu-west-1",
          message: "Block public access for AMIs is off in eu-west-1 (unblocked): AMIs can be made public.",
        },
      ],
    },
  ],
  error: [
    {
      name: "GetImageBlockPublicAccessState denied",
      inventory: regional({ ec2: { "us-east-1": { imageBlockPublicAccess: denied("ec2.imageBlockPublicAccess") } } }),
      findings: [{ status: "ERROR", error: { operation: "GetImageBlockPublicAccessState" } }],
    },
  ],
});
