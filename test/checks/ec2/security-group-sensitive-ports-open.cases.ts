import { expect } from "vitest";
import check from "../../../checks/ec2/security-group-sensitive-ports-open.js";
import { checkCases } from "../../support/check-tester.js";
import { denied } from "../../support/fixtures/index.js";
import { groupsRegion, perm, regional, sg } from "../../support/fixtures/ec2.js";

const port8080 = regional({ ec2: { "us-east-1": groupsRegion([sg("sg-x", [perm("tcp", 8080, 8080, ["0.0.0.0/0"])])]) } });

export default checkCases(check, {
  pass: [
    {
      name: "80/443 from the internet and a database port from a private range",
      inventory: regional({
        ec2: {
          "us-east-1": groupsRegion([
            sg("sg-web", [perm("tcp", 80, 80, ["0.0.0.0/0"]), perm("tcp", 443, 443, ["0.0.0.0/0", "::/0"])]),
            sg("sg-db-private", [perm("tcp", 5432, 5432, ["10.0.0.0/16"])]),
          ]),
        },
      }),
      findings: [
        { resource: { id: "sg-web" }, status: "PASS" },
        { resource: { id: "sg-db-private" }, status: "PASS" },
      ],
    },
    { name: "a port not on the default list", inventory: port8080, findings: [{ resource: { id: "sg-x" }, status: "PASS" }] },
  ],
  fail: [
    {
      name: "database and service ports, naming the service",
      inventory: regional({
        ec2: {
          "us-east-1": groupsRegion([
            sg("sg-attached", [perm("tcp", 3306, 3306, ["0.0.0.0/0"]), perm("tcp", 6379, 6379, ["::/0"])]),
            sg("sg-telnet", [perm("tcp", 23, 23, ["0.0.0.0/0"])]),
          ]),
        },
      }),
      findings: [
        { resource: { id: "sg-attached" }, status: "FAIL", severity: "high" },
        { resource: { id: "sg-telnet" }, status: "FAIL", severity: "medium" },
      ],
      assert: ([attached]) => {
        expect(attached!.message).toContain("tcp 3306 from 0.0.0.0/0 (opens MySQL/Aurora (3306))");
        expect(attached!.message).toContain("tcp 6379 from ::/0 (opens Redis (6379))");
      },
    },
    {
      name: "follows the configured list",
      inventory: port8080,
      settings: { sensitivePorts: { Jenkins: [8080] } },
      findings: [{ resource: { id: "sg-x" }, status: "FAIL" }],
      assert: ([f]) =>
        expect(f!.evidence.rules).toEqual([{ protocol: "tcp", ports: "8080", cidr: "0.0.0.0/0", opens: ["Jenkins (8080)"] }]),
    },
    {
      name: "groups the opened ports by service in message and evidence",
      inventory: regional({ ec2: { "us-east-1": groupsRegion([sg("sg-wide", [perm("tcp", 0, 3306, ["0.0.0.0/0"])])]) } }),
      findings: [{ resource: { id: "sg-wide" }, status: "FAIL" }],
      assert: ([f]) => {
        expect(f!.evidence.rules).toEqual([
          {
            protocol: "tcp",
            ports: "0-3306",
            cidr: "0.0.0.0/0",
            opens: [
              "FTP (20, 21)",
              "Telnet (23)",
              "NetBIOS (137, 138)",
              "SMB/CIFS (139, 445)",
              "Microsoft SQL Server (1433, 1434)",
              "Oracle (1521, 2483, 2484)",
              "CIFS/NFS (2049)",
              "Docker API (2375, 2376)",
              "MySQL/Aurora (3306)",
            ],
          },
        ]);
        expect(f!.message).toContain("tcp 0-3306 from 0.0.0.0/0 (opens FTP (20, 21), Telnet (23), NetBIOS (137, 138) and 6 more)");
      },
    },
  ],
  error: [
    {
      name: "the security groups could not be read",
      inventory: regional({
        ec2: { "us-east-1": groupsRegion([], { securityGroups: denied("ec2.securityGroups", { message: "not authorized" }) }) },
      }),
      findings: [{ status: "ERROR", error: { operation: "DescribeSecurityGroups" } }],
      assert: ([f]) =>
        expect(f!.message).toBe("Could not evaluate: DescribeSecurityGroups failed with UnauthorizedOperation (not authorized)."),
    },
  ],
});
