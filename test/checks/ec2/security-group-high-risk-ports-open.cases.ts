import { expect } from "vitest";
import check from "../../../checks/ec2/security-group-high-risk-ports-open.js";
import { checkCases } from "../../support/check-tester.js";
import { denied } from "../../support/fixtures/index.js";
import { groupsRegion, perm, regional, sg } from "../../support/fixtures/ec2.js";

export default checkCases(check, {
  pass: [
    {
      name: "directory ports from a private range; ports other checks judge are left to them",
      inventory: regional({
        ec2: {
          "us-east-1": groupsRegion([
            sg("sg-dc", [perm("tcp", 88, 88, ["10.0.0.0/8"]), perm("tcp", 389, 389, ["10.0.0.0/8"])]),
            sg("sg-ssh-db", [perm("tcp", 22, 22, ["0.0.0.0/0"]), perm("tcp", 3306, 3306, ["0.0.0.0/0"])]),
          ]),
        },
      }),
      findings: [
        {
          resource: { id: "sg-dc" },
          status: "PASS",
          message: "Security group sg-dc (name-sg-dc) in vpc-1 allows no ingress from 0.0.0.0/0 or ::/0 to the configured high-risk ports.",
        },
        { resource: { id: "sg-ssh-db" }, status: "PASS" },
      ],
    },
  ],
  fail: [
    {
      name: "Kerberos and LDAP from the internet, graded by exposure",
      inventory: regional({
        ec2: {
          "us-east-1": groupsRegion([
            sg("sg-exposed", [perm("tcp", 88, 88, ["0.0.0.0/0"]), perm("udp", 464, 464, ["0.0.0.0/0"])]),
            sg("sg-attached", [perm("tcp", 636, 636, ["::/0"])]),
            sg("sg-loose", [perm("tcp", 0, 1000, ["0.0.0.0/0"])]),
          ]),
        },
      }),
      findings: [
        { resource: { id: "sg-exposed" }, status: "FAIL", severity: "critical" },
        { resource: { id: "sg-attached" }, status: "FAIL", severity: "high" },
        { resource: { id: "sg-loose" }, status: "FAIL", severity: "medium" },
      ],
      assert: ([exposed, attached, loose]) => {
        expect(exposed!.message).toContain("tcp 88 from 0.0.0.0/0 (opens Kerberos (88))");
        expect(exposed!.message).toContain("udp 464 from 0.0.0.0/0 (opens Kerberos (464))");
        expect(attached!.evidence.rules).toEqual([{ protocol: "tcp", ports: "636", cidr: "::/0", opens: ["LDAP (636)"] }]);
        expect((loose!.evidence.rules as { opens: string[] }[])[0]!.opens).toEqual([
          "SMTP (25)",
          "Kerberos (88, 464, 749, 750)",
          "POP3 (110)",
          "Microsoft RPC (135)",
          "IMAP (143)",
          "LDAP (389, 636)",
        ]);
        expect(exposed!.compliance).toEqual({ "aws-fsbp": ["EC2.19"] });
      },
    },
    {
      name: "follows settings.highRiskPorts; a port also on the sensitive list is not reported twice",
      inventory: regional({
        ec2: { "us-east-1": groupsRegion([sg("sg-x", [perm("tcp", 9000, 9000, ["0.0.0.0/0"]), perm("tcp", 3306, 3306, ["0.0.0.0/0"])])]) },
      }),
      settings: { highRiskPorts: { SonarQube: [9000], "MySQL again": [3306] } },
      findings: [{ status: "FAIL", evidence: { rules: [{ ports: "9000", opens: ["SonarQube (9000)"] }] } }],
      assert: ([f]) => expect(f!.evidence.rules).toHaveLength(1),
    },
  ],
  error: [
    {
      name: "the security groups could not be read",
      inventory: regional({ ec2: { "us-east-1": groupsRegion([], { securityGroups: denied("ec2.securityGroups") }) } }),
      findings: [{ status: "ERROR", error: { operation: "DescribeSecurityGroups" } }],
    },
  ],
});
