import { expect } from "vitest";
import check from "../../../checks/ec2/security-group-all-ports-open.js";
import { checkCases } from "../../support/check-tester.js";
import { denied } from "../../support/fixtures/index.js";
import { groupsRegion, perm, regional, sg } from "../../support/fixtures/ec2.js";

export default checkCases(check, {
  pass: [
    {
      name: "anything narrower than all ports, and all traffic from the group itself",
      inventory: regional({
        ec2: {
          "us-east-1": groupsRegion([
            sg("sg-high", [perm("tcp", 1024, 65535, ["0.0.0.0/0"])]),
            sg("sg-self", [perm("-1", undefined, undefined, [], { referencedGroupIds: ["sg-self"] })]),
          ]),
        },
      }),
      findings: [
        { resource: { id: "sg-high" }, status: "PASS" },
        { resource: { id: "sg-self" }, status: "PASS" },
      ],
    },
  ],
  fail: [
    {
      name: "protocol -1 and full tcp/udp ranges from the internet",
      inventory: regional({
        ec2: {
          "us-east-1": groupsRegion([
            sg("sg-exposed", [perm("-1", undefined, undefined, ["0.0.0.0/0"])]),
            sg("sg-udp6", [perm("udp", 0, 65535, ["::/0"])]),
          ]),
        },
      }),
      findings: [
        { resource: { id: "sg-exposed" }, status: "FAIL", severity: "critical" },
        { resource: { id: "sg-udp6" }, status: "FAIL", severity: "medium" },
      ],
      assert: ([exposed]) => expect(exposed!.message).toContain("all traffic (protocol -1) from 0.0.0.0/0 (opens all ports)"),
    },
  ],
  error: [
    {
      name: "the security groups could not be read",
      inventory: regional({ ec2: { "us-east-1": groupsRegion([], { securityGroups: denied("ec2.securityGroups") }) } }),
      findings: [{ status: "ERROR", error: { operation: "DescribeSecurityGroups", code: "UnauthorizedOperation" } }],
    },
  ],
});
