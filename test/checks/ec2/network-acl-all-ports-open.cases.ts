import { expect } from "vitest";
import check from "../../../checks/ec2/network-acl-all-ports-open.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { CATCH_ALL_DENY, nacl, naclEntry, regional } from "../../support/fixtures/ec2.js";

export default checkCases(check, {
  pass: [
    {
      name: "only web ports allowed; every port allowed from a private range; a deny of everything first",
      inventory: regional({
        ec2: {
          "us-east-1": {
            networkAcls: ok([
              nacl("acl-web", [
                naclEntry(100, "allow", "6", "0.0.0.0/0", [443, 443]),
                naclEntry(110, "allow", "6", "0.0.0.0/0", [1024, 65535]),
                ...CATCH_ALL_DENY,
              ]),
              nacl("acl-private", [naclEntry(100, "allow", "-1", "10.0.0.0/8"), ...CATCH_ALL_DENY]),
              nacl("acl-deny-first", [
                naclEntry(50, "deny", "-1", "0.0.0.0/0"),
                naclEntry(100, "allow", "-1", "0.0.0.0/0"),
                ...CATCH_ALL_DENY,
              ]),
            ]),
          },
        },
      }),
      findings: [
        {
          resource: { id: "acl-web", type: "AWS::EC2::NetworkAcl" },
          status: "PASS",
          message: "Network ACL acl-web in vpc-1 does not let 0.0.0.0/0 or ::/0 reach every port.",
        },
        { resource: { id: "acl-private" }, status: "PASS" },
        { resource: { id: "acl-deny-first" }, status: "PASS" },
      ],
    },
  ],
  fail: [
    {
      name: "the default ACL's allow-all, naming each protocol and family it opens: medium",
      inventory: regional({
        ec2: {
          "us-east-1": {
            networkAcls: ok([
              nacl("acl-default", [naclEntry(100, "allow", "-1", "0.0.0.0/0"), naclEntry(101, "allow", "-1", "::/0"), ...CATCH_ALL_DENY], {
                isDefault: true,
              }),
            ]),
          },
        },
      }),
      findings: [
        {
          status: "FAIL",
          severity: "medium",
          message:
            "Network ACL acl-default (default) in vpc-1: rule 100: allow all traffic (protocol -1) from 0.0.0.0/0 opens every port (tcp/ipv4, udp/ipv4); rule 101: allow all traffic (protocol -1) from ::/0 opens every port (tcp/ipv6, udp/ipv6).",
          evidence: { isDefault: true, exceptions: [] },
        },
      ],
    },
    {
      name: "tcp 0-65535 after denies of single ports: the denies are listed as exceptions",
      inventory: regional({
        ec2: {
          "us-east-1": {
            networkAcls: ok([
              nacl("acl-holes", [
                naclEntry(90, "deny", "6", "0.0.0.0/0", [22, 22]),
                naclEntry(100, "allow", "6", "0.0.0.0/0", [0, 65535]),
                ...CATCH_ALL_DENY,
              ]),
            ]),
          },
        },
      }),
      findings: [
        { status: "FAIL", evidence: { openings: [{ protocol: "tcp", family: "ipv4" }], exceptions: [{ ruleNumber: 90, ports: "22" }] } },
      ],
      assert: ([f]) => expect(f!.message).toContain(", except what rule 90 deny"),
    },
  ],
  error: [
    {
      name: "DescribeNetworkAcls denied",
      inventory: regional({ ec2: { "us-east-1": { networkAcls: denied("ec2.networkAcls") } } }),
      findings: [{ status: "ERROR", error: { operation: "DescribeNetworkAcls" } }],
    },
  ],
});
