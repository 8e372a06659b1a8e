import { describe, expect, it } from "vitest";
import { evaluate } from "../../../src/engine.js";
import naclAdmin from "../../../checks/ec2/network-acl-admin-ports.js";
import { CATCH_ALL_DENY, denied, inventory, nacl, naclEntry, ok } from "../../fixtures/ec2/builders.js";

describe("ec2-network-acl-admin-ports-open", () => {
  it("fails an ACL whose first internet entry for 22/3389 allows, naming the rule; passes one that denies first", () => {
    const inv = inventory({
      ec2: {
        "us-east-1": {
          networkAcls: ok([
            nacl(
              "acl-default",
              [naclEntry(100, "allow", "-1", "0.0.0.0/0"), naclEntry(100, "allow", "-1", "0.0.0.0/0", undefined, true), ...CATCH_ALL_DENY],
              { isDefault: true },
            ),
            nacl("acl-locked", [
              naclEntry(10, "deny", "6", "0.0.0.0/0", [22, 22]),
              naclEntry(11, "deny", "6", "0.0.0.0/0", [3389, 3389]),
              naclEntry(12, "deny", "17", "0.0.0.0/0", [22, 22]),
              naclEntry(13, "deny", "17", "0.0.0.0/0", [3389, 3389]),
              naclEntry(100, "allow", "-1", "0.0.0.0/0"),
              ...CATCH_ALL_DENY,
            ]),
            nacl("acl-web", [
              naclEntry(100, "allow", "6", "0.0.0.0/0", [443, 443]),
              naclEntry(110, "allow", "6", "10.0.0.0/8", [22, 22]),
              ...CATCH_ALL_DENY,
            ]),
            nacl("acl-ssh6", [naclEntry(120, "allow", "6", "::/0", [22, 22]), ...CATCH_ALL_DENY]),
          ]),
        },
      },
    });
    const f = Object.fromEntries(evaluate(inv, [naclAdmin]).map((x) => [x.resource.id, x]));
    expect(f["acl-default"]?.status).toBe("FAIL");
    expect(f["acl-default"]?.message).toBe(
      "Network ACL acl-default (default) in vpc-1: rule 100: allow all traffic (protocol -1) from 0.0.0.0/0 admits tcp SSH (22), udp SSH (22), tcp RDP (3389), udp RDP (3389).",
    );
    expect(f["acl-default"]?.evidence.openings).toContainEqual({
      port: 22,
      protocol: "tcp",
      family: "ipv4",
      entry: { ruleNumber: 100, action: "allow", protocol: "-1", ports: "all", cidr: "0.0.0.0/0" },
    });
    expect(f["acl-locked"]?.status).toBe("PASS");
    expect(f["acl-web"]?.status).toBe("PASS");
    expect(f["acl-ssh6"]?.status).toBe("FAIL");
    expect(f["acl-ssh6"]?.message).toContain("rule 120: allow tcp 22 from ::/0 admits tcp SSH (22)");
    expect(f["acl-ssh6"]?.resource).toEqual({
      arn: "arn:aws:ec2:us-east-1:123456789012:network-acl/acl-ssh6",
      id: "acl-ssh6",
      type: "AWS::EC2::NetworkAcl",
    });
    expect(f["acl-ssh6"]?.compliance).toEqual({ "cis-aws-foundations-6.0": ["6.2"], "aws-fsbp": ["EC2.21"] });
  });

  it("reports ERROR in the region whose ACLs could not be read", () => {
    const inv = inventory({
      ec2: {
        "us-east-1": { networkAcls: ok([nacl("acl-ok", CATCH_ALL_DENY)]) },
        "eu-west-1": { networkAcls: denied("DescribeNetworkAcls", "eu-west-1") },
      },
    });
    expect(evaluate(inv, [naclAdmin]).map((f) => `${f.region}:${f.status}`)).toEqual(["us-east-1:PASS", "eu-west-1:ERROR"]);
  });
});
