import check from "../../../checks/ec2/security-group-unused.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { eni, groupsRegion, regional, sg } from "../../support/fixtures/ec2.js";

export default checkCases(check, {
  pass: [
    {
      name: "groups carried by an instance or by another interface (a load balancer); the default group is not judged",
      inventory: regional({
        ec2: {
          "us-east-1": groupsRegion([sg("sg-exposed"), sg("sg-lb"), sg("sg-default", [], { groupName: "default" })], {
            networkInterfaces: ok([eni("eni-lb", ["sg-lb"], { interfaceType: "network_load_balancer" })]),
          }),
        },
      }),
      findings: [
        { resource: { id: "sg-exposed" }, status: "PASS", evidence: { attachedInterfaceIds: ["eni-i-web"] } },
        {
          resource: { id: "sg-lb" },
          status: "PASS",
          message: "Security group sg-lb (name-sg-lb) in vpc-1 is in use (1 network interface(s)).",
          evidence: { attachedInterfaceIds: ["eni-lb"] },
        },
      ],
    },
  ],
  fail: [
    {
      name: "a group nothing carries: low",
      inventory: regional({ ec2: { "us-east-1": groupsRegion([sg("sg-old"), sg("sg-attached")]) } }),
      findings: [
        {
          resource: { id: "sg-old", type: "AWS::EC2::SecurityGroup" },
          status: "FAIL",
          severity: "low",
          message: "Security group sg-old (name-sg-old) in vpc-1 is not attached to any network interface or instance.",
          evidence: { groupId: "sg-old", attachedInterfaceIds: [] },
          compliance: { "aws-security-hub": ["EC2.22"] },
        },
        { resource: { id: "sg-attached" }, status: "PASS" },
      ],
    },
  ],
  error: [
    {
      name: "the network interfaces could not be read: ERROR, never 'unused'",
      inventory: regional({ ec2: { "us-east-1": groupsRegion([sg("sg-old")], { networkInterfaces: denied("ec2.networkInterfaces") }) } }),
      findings: [{ status: "ERROR", error: { operation: "DescribeNetworkInterfaces" } }],
    },
  ],
});
