import { expect } from "vitest";
import check from "../../../checks/ec2/security-group-admin-ports-open.js";
import { checkCases } from "../../support/check-tester.js";
import { denied } from "../../support/fixtures/index.js";
import { groupsRegion, perm, regional, sg } from "../../support/fixtures/ec2.js";

const ssh = () => [perm("tcp", 22, 22, ["0.0.0.0/0"])];
const port2222 = regional({ ec2: { "us-east-1": groupsRegion([sg("sg-2222", [perm("tcp", 2222, 2222, ["0.0.0.0/0"])])]) } });

export default checkCases(check, {
  pass: [
    {
      name: "closed and narrow groups",
      inventory: regional({
        ec2: {
          "us-east-1": groupsRegion([
            sg("sg-private", [perm("tcp", 22, 22, ["10.0.0.0/8", "172.16.0.0/12"])]),
            sg("sg-web", [perm("tcp", 80, 80, ["0.0.0.0/0"]), perm("tcp", 443, 443, ["0.0.0.0/0", "::/0"])]),
            sg("sg-nearby", [perm("tcp", 23, 3388, ["0.0.0.0/0"])]),
          ]),
        },
      }),
      findings: [
        { resource: { id: "sg-private" }, status: "PASS" },
        {
          resource: { id: "sg-web" },
          status: "PASS",
          evidence: { internetIngressRules: ["tcp 80 from 0.0.0.0/0", "tcp 443 from 0.0.0.0/0", "tcp 443 from ::/0"] },
        },
        { resource: { id: "sg-nearby" }, status: "PASS" },
      ],
    },
    {
      name: "a port outside the default administration ports",
      inventory: port2222,
      findings: [{ resource: { id: "sg-2222" }, status: "PASS" }],
    },
  ],
  fail: [
    {
      name: "SSH, RDP, port ranges and protocol -1 from the internet",
      inventory: regional({
        ec2: {
          "us-east-1": groupsRegion([
            sg("sg-ssh", ssh()),
            sg("sg-rdp6", [perm("tcp", 3389, 3389, ["::/0"])]),
            sg("sg-range", [perm("tcp", 0, 1024, ["0.0.0.0/0"])]),
            sg("sg-all", [perm("-1", undefined, undefined, ["0.0.0.0/0"])]),
          ]),
        },
      }),
      findings: [
        { resource: { id: "sg-ssh" }, status: "FAIL", responsibility: { layer: "network", serviceModel: "infrastructure" } },
        { resource: { id: "sg-rdp6" }, status: "FAIL" },
        { resource: { id: "sg-range" }, status: "FAIL" },
        { resource: { id: "sg-all" }, status: "FAIL" },
      ],
      assert: ([sshGroup, rdp6, range, all]) => {
        expect(sshGroup!.message).toContain("tcp 22 from 0.0.0.0/0 (opens SSH (22))");
        expect(rdp6!.message).toContain("tcp 3389 from ::/0 (opens RDP (3389))");
        expect(range!.evidence.rules).toEqual([{ protocol: "tcp", ports: "0-1024", cidr: "0.0.0.0/0", opens: ["SSH (22)"] }]);
        expect(all!.evidence.rules).toEqual([{ protocol: "-1", ports: "all", cidr: "0.0.0.0/0", opens: ["SSH (22)", "RDP (3389)"] }]);
        expect(sshGroup!.resource).toEqual({
          arn: "arn:aws:ec2:us-east-1:123456789012:security-group/sg-ssh",
          id: "sg-ssh",
          type: "AWS::EC2::SecurityGroup",
        });
      },
    },
    {
      name: "the same rule graded by exposure: public running instance > attached > unattached",
      inventory: regional({
        ec2: { "us-east-1": groupsRegion([sg("sg-exposed", ssh()), sg("sg-attached", ssh()), sg("sg-unattached", ssh())]) },
      }),
      findings: [
        {
          resource: { id: "sg-exposed" },
          status: "FAIL",
          severity: "critical",
          evidence: {
            exposure: { state: "exposed", instances: [{ instanceId: "i-web", publicIp: "54.1.2.3", networkInterfaceId: "eni-i-web" }] },
          },
        },
        { resource: { id: "sg-attached" }, status: "FAIL", severity: "high" },
        { resource: { id: "sg-unattached" }, status: "FAIL", severity: "medium" },
      ],
      assert: ([exposed, , unattached]) => {
        expect(exposed!.message).toContain("exposed: attached to running instance i-web at 54.1.2.3");
        expect(unattached!.message).toContain("not attached to any network interface");
      },
    },
    {
      name: "an IPv6-only rule does not expose an instance that has only a public IPv4 address",
      inventory: regional({ ec2: { "us-east-1": groupsRegion([sg("sg-exposed", [perm("tcp", 22, 22, ["::/0"])])]) } }),
      findings: [{ status: "FAIL", severity: "high" }],
    },
    {
      name: "stays FAIL at base severity when exposure data failed to read, and says so",
      inventory: regional({ ec2: { "us-east-1": groupsRegion([sg("sg-attached", ssh())], { instances: denied("ec2.instances") }) } }),
      findings: [{ status: "FAIL", severity: "high" }],
      assert: ([f]) => expect(f!.message).toContain("exposure unknown (ec2:DescribeInstances failed with UnauthorizedOperation)"),
    },
    {
      name: "uses the configured administration ports",
      inventory: port2222,
      settings: { adminPorts: [22, 2222] },
      findings: [{ resource: { id: "sg-2222" }, status: "FAIL" }],
      assert: ([f]) => expect(f!.message).toContain("opens port 2222"),
    },
  ],
  error: [
    {
      name: "ERROR for a region whose security groups could not be read; the others are evaluated",
      inventory: regional({
        ec2: {
          "us-east-1": groupsRegion([sg("sg-ssh", ssh())]),
          "eu-west-1": groupsRegion([], { securityGroups: denied("ec2.securityGroups", { region: "eu-west-1" }) }),
        },
      }),
      findings: [
        { region: "us-east-1", status: "FAIL" },
        { region: "eu-west-1", status: "ERROR", resource: { arn: "arn:aws:ec2:eu-west-1:123456789012:account" } },
      ],
      assert: ([, f]) => expect(f!.message).toContain("DescribeSecurityGroups failed with UnauthorizedOperation"),
    },
    {
      name: "ERROR, not PASS, for a scanned region that was never collected",
      inventory: regional({ regions: ["us-east-1", "ap-south-1"], ec2: { "us-east-1": groupsRegion([]) } }),
      findings: [{ region: "ap-south-1", status: "ERROR", error: { code: "NotCollected" } }],
    },
  ],
});
