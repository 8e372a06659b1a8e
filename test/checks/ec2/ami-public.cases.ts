import check from "../../../checks/ec2/ami-public.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { image, regional } from "../../support/fixtures/ec2.js";

export default checkCases(check, {
  pass: [
    {
      name: "a private image",
      inventory: regional({ ec2: { "us-east-1": { images: ok([image("ami-priv", false)]) } } }),
      findings: [
        {
          status: "PASS",
          resource: { id: "ami-priv", type: "AWS::EC2::Image" },
          message: "AMI ami-priv (img-ami-priv) is private (Public: false).",
        },
      ],
    },
  ],
  fail: [
    {
      name: "fails public images and passes private ones; ERROR where the images could not be read",
      inventory: regional({
        ec2: {
          "us-east-1": { images: ok([image("ami-pub", true), image("ami-priv", false)]) },
          "eu-west-1": { images: denied("ec2.images", { region: "eu-west-1" }) },
        },
      }),
      findings: [
        {
          resource: { id: "ami-pub" },
          status: "FAIL",
          severity: "critical",
          message: "AMI ami-pub (img-ami-pub) is public (Public: true): any AWS account can launch it.",
          responsibility: { layer: "data" },
        },
        { resource: { id: "ami-priv" }, status: "PASS", severity: "critical" },
        { resource: { id: "123456789012" }, status: "ERROR", severity: "critical" },
      ],
    },
  ],
  error: [
    {
      name: "the images could not be read",
      inventory: regional({ ec2: { "us-east-1": { images: denied("ec2.images") } } }),
      findings: [{ status: "ERROR", error: { operation: "DescribeImages", code: "UnauthorizedOperation" } }],
    },
  ],
});
