import { describe, expect, it } from "vitest";
import { evaluate } from "../../../src/engine.js";
import { DEFAULT_SETTINGS } from "../../../src/settings.js";
import adminPorts from "../../../checks/ec2/security-group-admin-ports.js";
import allPorts from "../../../checks/ec2/security-group-all-ports.js";
import sensitivePorts from "../../../checks/ec2/security-group-sensitive-ports.js";
import defaultGroup from "../../../checks/ec2/default-security-group.js";
import { denied, eniOf, instance, inventory, ok, perm, sg } from "../../fixtures/ec2/builders.js";
import type { Ec2RegionInventory, SecurityGroup } from "../../../src/inventory/ec2.js";

/** One region with the given groups; `web` (public, running) carries sg-exposed, `db` (private) carries sg-attached. */
function region(groups: SecurityGroup[], overrides: Partial<Ec2RegionInventory> = {}): Ec2RegionInventory {
  const web = instance("i-web", { groups: ["sg-exposed"], publicIp: "54.1.2.3" });
  const db = instance("i-db", { groups: ["sg-attached"] });
  return {
    securityGroups: ok(groups),
    instances: ok([web, db]),
    networkInterfaces: ok([eniOf(web), eniOf(db)]),
    ...overrides,
  };
}

const byGroup = (findings: ReturnType<typeof evaluate>) => Object.fromEntries(findings.map((f) => [f.resource.id, f]));

describe("ec2-security-group-admin-ports-open", () => {
  it("fails SSH, RDP, port ranges and protocol -1 from the internet; passes closed and narrow groups", () => {
    const inv = inventory({
      ec2: {
        "us-east-1": region([
          sg("sg-ssh", [perm("tcp", 22, 22, ["0.0.0.0/0"])]),
          sg("sg-rdp6", [perm("tcp", 3389, 3389, ["::/0"])]),
          sg("sg-range", [perm("tcp", 0, 1024, ["0.0.0.0/0"])]),
          sg("sg-all", [perm("-1", undefined, undefined, ["0.0.0.0/0"])]),
          sg("sg-private", [perm("tcp", 22, 22, ["10.0.0.0/8", "172.16.0.0/12"])]),
          sg("sg-web", [perm("tcp", 80, 80, ["0.0.0.0/0"]), perm("tcp", 443, 443, ["0.0.0.0/0", "::/0"])]),
          sg("sg-nearby", [perm("tcp", 23, 3388, ["0.0.0.0/0"])]),
        ]),
      },
    });
    const f = byGroup(evaluate(inv, [adminPorts]));
    expect(Object.fromEntries(Object.entries(f).map(([id, x]) => [id, x.status]))).toEqual({
      "sg-ssh": "FAIL",
      "sg-rdp6": "FAIL",
      "sg-range": "FAIL",
      "sg-all": "FAIL",
      "sg-private": "PASS",
      "sg-web": "PASS",
      "sg-nearby": "PASS",
    });
    expect(f["sg-ssh"]?.message).toContain("tcp 22 from 0.0.0.0/0 (opens SSH (22))");
    expect(f["sg-rdp6"]?.message).toContain("tcp 3389 from ::/0 (opens RDP (3389))");
    expect(f["sg-range"]?.evidence.rules).toEqual([{ protocol: "tcp", ports: "0-1024", cidr: "0.0.0.0/0", opens: ["SSH (22)"] }]);
    expect(f["sg-all"]?.evidence.rules).toEqual([{ protocol: "-1", ports: "all", cidr: "0.0.0.0/0", opens: ["SSH (22)", "RDP (3389)"] }]);
    expect(f["sg-web"]?.evidence.internetIngressRules).toEqual(["tcp 80 from 0.0.0.0/0", "tcp 443 from 0.0.0.0/0", "tcp 443 from ::/0"]);
    expect(f["sg-ssh"]?.resource).toEqual({
      arn: "arn:aws:ec2:us-east-1:123456789012:security-group/sg-ssh",
      id: "sg-ssh",
      type: "AWS::EC2::SecurityGroup",
    });
    expect(f["sg-ssh"]?.responsibility).toMatchObject({ layer: "network", serviceModel: "infrastructure" });
  });

  it("grades the same rule by exposure: public running instance > attached > unattached", () => {
    const rule = () => [perm("tcp", 22, 22, ["0.0.0.0/0"])];
    const inv = inventory({
      ec2: { "us-east-1": region([sg("sg-exposed", rule()), sg("sg-attached", rule()), sg("sg-unattached", rule())]) },
    });
    const f = byGroup(evaluate(inv, [adminPorts]));
    expect(f["sg-exposed"]?.severity).toBe("critical");
    expect(f["sg-attached"]?.severity).toBe("high");
    expect(f["sg-unattached"]?.severity).toBe("medium");
    expect(f["sg-exposed"]?.message).toContain("exposed: attached to running instance i-web at 54.1.2.3");
    expect(f["sg-exposed"]?.evidence.exposure).toMatchObject({
      state: "exposed",
      instances: [{ instanceId: "i-web", publicIp: "54.1.2.3", networkInterfaceId: "eni-i-web" }],
    });
    expect(f["sg-unattached"]?.message).toContain("not attached to any network interface");
  });

  it("an IPv6-only rule does not expose an instance that has only a public IPv4 address", () => {
    const inv = inventory({ ec2: { "us-east-1": region([sg("sg-exposed", [perm("tcp", 22, 22, ["::/0"])])]) } });
    const [f] = evaluate(inv, [adminPorts]);
    expect(f).toMatchObject({ status: "FAIL", severity: "high" });
  });

  it("stays FAIL at base severity when exposure data failed to read, and says so", () => {
    const inv = inventory({
      ec2: {
        "us-east-1": region([sg("sg-attached", [perm("tcp", 22, 22, ["0.0.0.0/0"])])], { instances: denied("DescribeInstances") }),
      },
    });
    const [f] = evaluate(inv, [adminPorts]);
    expect(f).toMatchObject({ status: "FAIL", severity: "high" });
    expect(f?.message).toContain("exposure unknown (ec2:DescribeInstances failed with UnauthorizedOperation)");
  });

  it("reports ERROR for a region whose security groups could not be read and evaluates the others", () => {
    const inv = inventory({
      ec2: {
        "us-east-1": region([sg("sg-ssh", [perm("tcp", 22, 22, ["0.0.0.0/0"])])]),
        "eu-west-1": region([], { securityGroups: denied("DescribeSecurityGroups", "eu-west-1") }),
      },
    });
    const findings = evaluate(inv, [adminPorts]);
    expect(findings.map((f) => [f.region, f.status])).toEqual([
      ["us-east-1", "FAIL"],
      ["eu-west-1", "ERROR"],
    ]);
    expect(findings[1]?.message).toContain("DescribeSecurityGroups failed with UnauthorizedOperation");
    expect(findings[1]?.resource.arn).toBe("arn:aws:ec2:eu-west-1:123456789012:account");
  });

  it("reports ERROR, not PASS, for a scanned region that was never collected", () => {
    const inv = inventory({ regions: ["us-east-1", "ap-south-1"], ec2: { "us-east-1": region([]) } });
    const findings = evaluate(inv, [adminPorts]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ region: "ap-south-1", status: "ERROR", error: { code: "NotCollected" } });
  });

  it("uses the configured administration ports", () => {
    const inv = inventory({ ec2: { "us-east-1": region([sg("sg-2222", [perm("tcp", 2222, 2222, ["0.0.0.0/0"])])]) } });
    expect(evaluate(inv, [adminPorts])[0]?.status).toBe("PASS");
    const custom = evaluate(inv, [adminPorts], { settings: { ...DEFAULT_SETTINGS, adminPorts: [22, 2222] } });
    expect(custom[0]).toMatchObject({ status: "FAIL" });
    expect(custom[0]?.message).toContain("opens port 2222");
  });
});

describe("ec2-security-group-all-ports-open", () => {
  it("fails protocol -1 and full tcp/udp ranges from the internet, passes anything narrower", () => {
    const inv = inventory({
      ec2: {
        "us-east-1": region([
          sg("sg-exposed", [perm("-1", undefined, undefined, ["0.0.0.0/0"])]),
          sg("sg-udp6", [perm("udp", 0, 65535, ["::/0"])]),
          sg("sg-high", [perm("tcp", 1024, 65535, ["0.0.0.0/0"])]),
          sg("sg-self", [perm("-1", undefined, undefined, [], { referencedGroupIds: ["sg-self"] })]),
        ]),
      },
    });
    const f = byGroup(evaluate(inv, [allPorts]));
    expect(f["sg-exposed"]).toMatchObject({ status: "FAIL", severity: "critical" });
    expect(f["sg-exposed"]?.message).toContain("all traffic (protocol -1) from 0.0.0.0/0 (opens all ports)");
    expect(f["sg-udp6"]).toMatchObject({ status: "FAIL", severity: "medium" });
    expect(f["sg-high"]?.status).toBe("PASS");
    expect(f["sg-self"]?.status).toBe("PASS");
  });
});

describe("ec2-security-group-sensitive-ports-open", () => {
  it("fails database and service ports, names the service, and does not flag 80/443", () => {
    const inv = inventory({
      ec2: {
        "us-east-1": region([
          sg("sg-attached", [perm("tcp", 3306, 3306, ["0.0.0.0/0"]), perm("tcp", 6379, 6379, ["::/0"])]),
          sg("sg-web", [perm("tcp", 80, 80, ["0.0.0.0/0"]), perm("tcp", 443, 443, ["0.0.0.0/0", "::/0"])]),
          sg("sg-db-private", [perm("tcp", 5432, 5432, ["10.0.0.0/16"])]),
          sg("sg-telnet", [perm("tcp", 23, 23, ["0.0.0.0/0"])]),
        ]),
      },
    });
    const f = byGroup(evaluate(inv, [sensitivePorts]));
    expect(f["sg-attached"]).toMatchObject({ status: "FAIL", severity: "high" });
    expect(f["sg-attached"]?.message).toContain("tcp 3306 from 0.0.0.0/0 (opens MySQL/Aurora (3306))");
    expect(f["sg-attached"]?.message).toContain("tcp 6379 from ::/0 (opens Redis (6379))");
    expect(f["sg-web"]?.status).toBe("PASS");
    expect(f["sg-db-private"]?.status).toBe("PASS");
    expect(f["sg-telnet"]).toMatchObject({ status: "FAIL", severity: "medium" });
  });

  it("follows the configured list", () => {
    const inv = inventory({ ec2: { "us-east-1": region([sg("sg-x", [perm("tcp", 8080, 8080, ["0.0.0.0/0"])])]) } });
    expect(evaluate(inv, [sensitivePorts])[0]?.status).toBe("PASS");
    const settings = { ...DEFAULT_SETTINGS, sensitivePorts: { Jenkins: [8080] } };
    const [f] = evaluate(inv, [sensitivePorts], { settings });
    expect(f?.status).toBe("FAIL");
    expect(f?.evidence.rules).toEqual([{ protocol: "tcp", ports: "8080", cidr: "0.0.0.0/0", opens: ["Jenkins (8080)"] }]);
  });
});

describe("ec2-default-security-group-restricts-all", () => {
  it("fails a default group with rules, naming them; passes an empty one; ignores non-default groups", () => {
    const inv = inventory({
      ec2: {
        "us-east-1": region([
          sg("sg-d1", [perm("-1", undefined, undefined, [], { referencedGroupIds: ["sg-d1"] })], {
            groupName: "default",
            vpcId: "vpc-1",
            egress: [perm("-1", undefined, undefined, ["0.0.0.0/0"])],
          }),
          sg("sg-d2", [], { groupName: "default", vpcId: "vpc-2" }),
          sg("sg-app", [perm("tcp", 22, 22, ["0.0.0.0/0"])]),
        ]),
      },
    });
    const f = byGroup(evaluate(inv, [defaultGroup]));
    expect(Object.keys(f).sort()).toEqual(["sg-d1", "sg-d2"]);
    expect(f["sg-d1"]).toMatchObject({ status: "FAIL", severity: "high" });
    expect(f["sg-d1"]?.message).toContain("inbound all traffic (protocol -1) from sg-d1 (itself)");
    expect(f["sg-d1"]?.message).toContain("outbound all traffic (protocol -1) to 0.0.0.0/0");
    expect(f["sg-d1"]?.evidence).toMatchObject({
      vpcId: "vpc-1",
      egress: [{ protocol: "-1", ports: "all", peers: ["0.0.0.0/0"] }],
    });
    expect(f["sg-d2"]?.status).toBe("PASS");
    expect(f["sg-d1"]?.compliance).toEqual({ "cis-aws-foundations-6.0": ["6.5"], "aws-fsbp": ["EC2.2"] });
  });

  it("reports ERROR for the region whose groups could not be read", () => {
    const inv = inventory({ ec2: { "us-east-1": { securityGroups: denied("DescribeSecurityGroups") } } });
    expect(evaluate(inv, [defaultGroup]).map((f) => f.status)).toEqual(["ERROR"]);
  });
});

describe("ec2-security-group-sensitive-ports-open wording", () => {
  it("groups the opened ports by service in message and evidence", () => {
    const inv = inventory({ ec2: { "us-east-1": region([sg("sg-wide", [perm("tcp", 0, 3306, ["0.0.0.0/0"])])]) } });
    const [f] = evaluate(inv, [sensitivePorts]);
    expect(f?.evidence.rules).toEqual([
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
    expect(f?.message).toContain("tcp 0-3306 from 0.0.0.0/0 (opens FTP (20, 21), Telnet (23), NetBIOS (137, 138) and 6 more)");
  });
});
