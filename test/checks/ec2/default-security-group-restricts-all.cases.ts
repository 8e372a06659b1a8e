import { expect } from "vitest";
import check from "../../../checks/ec2/default-security-group-restricts-all.js";
import { checkCases } from "../../support/check-tester.js";
import { denied } from "../../support/fixtures/index.js";
import { groupsRegion, perm, regional, sg } from "../../support/fixtures/ec2.js";

export default checkCases(check, {
  pass: [
    {
      name: "an empty default group; non-default groups are not judged",
      inventory: regional({
        ec2: {
          "us-east-1": groupsRegion([
            sg("sg-d2", [], { groupName: "default", vpcId: "vpc-2" }),
            sg("sg-app", [perm("tcp", 22, 22, ["0.0.0.0/0"])]),
          ]),
        },
      }),
      findings: [{ resource: { id: "sg-d2" }, status: "PASS" }],
    },
  ],
  fail: [
    {
      name: "a default group with rules, naming them; non-default groups are not judged",
      inventory: regional({
        ec2: {
          "us-east-1": groupsRegion([
            sg("sg-d1", [perm("-1", undefined, undefined, [], { referencedGroupIds: ["sg-d1"] })], {
              groupName: "default",
              vpcId: "vpc-1",
              egress: [perm("-1", undefined, undefined, ["0.0.0.0/0"])],
            }),
            sg("sg-app", [perm("tcp", 22, 22, ["0.0.0.0/0"])]),
          ]),
        },
      }),
      findings: [
        {
          resource: { id: "sg-d1" },
          status: "FAIL",
          severity: "high",
          evidence: { vpcId: "vpc-1", egress: [{ protocol: "-1", ports: "all", peers: ["0.0.0.0/0"] }] },
        },
      ],
      assert: ([d1]) => {
        expect(d1!.message).toContain("inbound all traffic (protocol -1) from sg-d1 (itself)");
        expect(d1!.message).toContain("outbound all traffic (protocol -1) to 0.0.0.0/0");
        expect(d1!.compliance).toEqual({ "cis-aws-foundations-6.0": ["6.5"], "aws-fsbp": ["EC2.2"] });
      },
    },
  ],
  error: [
    {
      name: "the region's groups could not be read",
      inventory: regional({ ec2: { "us-east-1": { securityGroups: denied("ec2.securityGroups") } } }),
      findings: [{ status: "ERROR" }],
    },
  ],
});
