import { expect } from "vitest";
import check from "../../../checks/ec2/security-group-cifs-open.js";
import { checkCases } from "../../support/check-tester.js";
import { denied } from "../../support/fixtures/index.js";
import { groupsRegion, perm, regional, sg } from "../../support/fixtures/ec2.js";

export default checkCases(check, {
  pass: [
    {
      name: "445 from a private range, NetBIOS 139 and UDP 445 from the internet (not CIFS over TCP), and other ports",
      inventory: regional({
        ec2: {
          "us-east-1": groupsRegion([
            sg("sg-private", [perm("tcp", 445, 445, ["10.0.0.0/8"])]),
            sg("sg-netbios", [perm("tcp", 139, 139, ["0.0.0.0/0"]), perm("udp", 445, 445, ["0.0.0.0/0"])]),
            sg("sg-web", [perm("tcp", 443, 443, ["0.0.0.0/0", "::/0"])]),
          ]),
        },
      }),
      findings: [
        { resource: { id: "sg-private" }, status: "PASS" },
        { resource: { id: "sg-netbios" }, status: "PASS" },
        { resource: { id: "sg-web" }, status: "PASS" },
      ],
      assert: ([f]) => expect(f!.message).toContain("allows no ingress from 0.0.0.0/0 or ::/0 to CIFS (tcp 445)"),
    },
    {
      name: "independent of the sensitive-port settings: an empty list changes nothing",
      inventory: regional({ ec2: { "us-east-1": groupsRegion([sg("sg-web", [perm("tcp", 80, 80, ["0.0.0.0/0"])])]) } }),
      settings: { sensitivePorts: {} },
    },
  ],
  fail: [
    {
      name: "445 itself, a range covering it and protocol -1, over IPv4 and IPv6, graded by exposure",
      inventory: regional({
        ec2: {
          "us-east-1": groupsRegion([
            sg("sg-exposed", [perm("tcp", 445, 445, ["0.0.0.0/0"])]),
            sg("sg-attached", [perm("tcp", 400, 500, ["::/0"])]),
            sg("sg-loose", [perm("-1", undefined, undefined, ["0.0.0.0/0"])]),
          ]),
        },
      }),
      // Even with no sensitive ports configured: CIS 6.1.2 holds whatever the settings say.
      settings: { sensitivePorts: {} },
      findings: [
        {
          resource: { id: "sg-exposed", type: "AWS::EC2::SecurityGroup" },
          status: "FAIL",
          severity: "critical",
          evidence: {
            rules: [{ protocol: "tcp", ports: "445", cidr: "0.0.0.0/0", opens: ["CIFS (445)"] }],
            exposure: { state: "exposed" },
          },
          responsibility: { layer: "network" },
        },
        { resource: { id: "sg-attached" }, status: "FAIL", severity: "high", evidence: { rules: [{ ports: "400-500", cidr: "::/0" }] } },
        { resource: { id: "sg-loose" }, status: "FAIL", severity: "medium", evidence: { exposure: { state: "unattached" } } },
      ],
      assert: ([exposed]) => {
        expect(exposed!.message).toContain("tcp 445 from 0.0.0.0/0 (opens CIFS (445))");
        expect(exposed!.compliance).toEqual({ "cis-aws-foundations-6.0": ["6.1.2"] });
      },
    },
  ],
  error: [
    {
      name: "the security groups of a region could not be read",
      inventory: regional({ ec2: { "us-east-1": { securityGroups: denied("ec2.securityGroups") } } }),
      findings: [{ status: "ERROR", error: { operation: "DescribeSecurityGroups", code: "UnauthorizedOperation" } }],
    },
  ],
});
