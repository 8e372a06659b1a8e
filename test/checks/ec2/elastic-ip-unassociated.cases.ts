import check from "../../../checks/ec2/elastic-ip-unassociated.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { address, regional } from "../../support/fixtures/ec2.js";

export default checkCases(check, {
  pass: [
    {
      name: "associated with an instance",
      inventory: regional({ ec2: { "us-east-1": { addresses: ok([address("eipalloc-1", "54.1.2.3", "i-web")]) } } }),
      findings: [
        {
          status: "PASS",
          resource: { id: "eipalloc-1", type: "AWS::EC2::EIP", arn: "arn:aws:ec2:us-east-1:123456789012:elastic-ip/eipalloc-1" },
          message: "Elastic IP 54.1.2.3 is associated with i-web.",
        },
      ],
    },
  ],
  fail: [
    {
      name: "associated with nothing: low hygiene",
      inventory: regional({
        ec2: { "us-east-1": { addresses: ok([address("eipalloc-2", "54.9.9.9"), address("eipalloc-1", "54.1.2.3", "i-web")]) } },
      }),
      findings: [
        {
          resource: { id: "eipalloc-2" },
          status: "FAIL",
          severity: "low",
          message: "Elastic IP 54.9.9.9 (eipalloc-2) is not associated with anything.",
          evidence: { publicIp: "54.9.9.9", associationId: null, instanceId: null },
          compliance: { "aws-security-hub": ["EC2.12"] },
          responsibility: { layer: "network" },
        },
        { resource: { id: "eipalloc-1" }, status: "PASS" },
      ],
    },
  ],
  error: [
    {
      name: "DescribeAddresses denied",
      inventory: regional({ ec2: { "us-east-1": { addresses: denied("ec2.addresses") } } }),
      findings: [{ status: "ERROR", error: { operation: "DescribeAddresses" } }],
    },
  ],
});
