import { expect } from "vitest";
import check from "../../../checks/ec2/security-group-broad-public-ingress.js";
import { checkCases } from "../../support/check-tester.js";
import { denied } from "../../support/fixtures/index.js";
import { groupsRegion, perm, regional, sg } from "../../support/fixtures/ec2.js";

export default checkCases(check, {
  pass: [
    {
      name: "private ranges, narrow public ranges, a broad range to an unguarded port, and /0 (the per-port checks')",
      inventory: regional({
        ec2: {
          "us-east-1": groupsRegion([
            sg("sg-a", [
              perm("tcp", 22, 22, ["10.0.0.0/8", "100.64.0.0/10", "203.0.113.0/24", "52.94.0.0/16"]),
              perm("tcp", 443, 443, ["0.0.0.0/1", "128.0.0.0/1"]),
              perm("tcp", 3389, 3389, ["0.0.0.0/0", "::/0", "fd00::/8"]),
            ]),
          ]),
        },
      }),
      findings: [
        {
          resource: { id: "sg-a" },
          status: "PASS",
          message:
            "Security group sg-a (name-sg-a) in vpc-1 allows no ingress from broad public ranges (IPv4 /1-/8, IPv6 /1-/32) to all ports or the guarded ports.",
          evidence: { internetIngressRules: ["tcp 443 from 0.0.0.0/1", "tcp 443 from 128.0.0.0/1"] },
        },
      ],
    },
  ],
  fail: [
    {
      name: "the internet split in halves, a provider's /8 on every port, an IPv6 /16 to a database",
      inventory: regional({
        ec2: {
          "us-east-1": groupsRegion([
            sg("sg-exposed", [perm("tcp", 22, 22, ["0.0.0.0/1", "128.0.0.0/1"])]),
            sg("sg-attached", [perm("-1", undefined, undefined, ["52.0.0.0/8"])]),
            sg("sg-v6", [perm("tcp", 3306, 3306, ["2600::/16"])]),
          ]),
        },
      }),
      findings: [
        { resource: { id: "sg-exposed" }, status: "FAIL", severity: "critical" },
        {
          resource: { id: "sg-attached" },
          status: "FAIL",
          severity: "high",
          evidence: { rules: [{ cidr: "52.0.0.0/8", opens: ["all ports"] }] },
        },
        {
          resource: { id: "sg-v6" },
          status: "FAIL",
          severity: "medium",
          evidence: { rules: [{ cidr: "2600::/16", opens: ["MySQL/Aurora (3306)"] }] },
        },
      ],
      assert: ([exposed]) => {
        expect(exposed!.message).toContain("tcp 22 from 0.0.0.0/1 (opens SSH (22))");
        expect(exposed!.message).toContain("tcp 22 from 128.0.0.0/1 (opens SSH (22))");
        expect(exposed!.responsibility.layer).toBe("network");
      },
    },
    {
      name: "follows settings.broadPublicPrefix",
      inventory: regional({ ec2: { "us-east-1": groupsRegion([sg("sg-x", [perm("tcp", 88, 88, ["52.94.0.0/16"])])]) } }),
      settings: { broadPublicPrefix: { ipv4: 16, ipv6: 48 } },
      findings: [{ status: "FAIL", evidence: { rules: [{ cidr: "52.94.0.0/16", opens: ["Kerberos (88)"] }] } }],
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
