import { expect } from "vitest";
import check from "../../../checks/ec2/network-acl-admin-ports-open.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { CATCH_ALL_DENY, nacl, naclEntry, regional } from "../../support/fixtures/ec2.js";
import type { NetworkAcl } from "../../../src/services/ec2/inventory.js";

const acls = (...list: NetworkAcl[]) => regional({ ec2: { "us-east-1": { networkAcls: ok(list) } } });

export default checkCases(check, {
  pass: [
    {
      name: "the first internet entry for 22/3389 denies, or only a private range may reach them",
      inventory: acls(
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
      ),
      findings: [
        { resource: { id: "acl-locked" }, status: "PASS" },
        { resource: { id: "acl-web" }, status: "PASS" },
      ],
    },
  ],
  fail: [
    {
      name: "the first internet entry for 22/3389 allows, naming the rule",
      inventory: acls(
        nacl(
          "acl-default",
          [naclEntry(100, "allow", "-1", "0.0.0.0/0"), naclEntry(100, "allow", "-1", "0.0.0.0/0", undefined, true), ...CATCH_ALL_DENY],
          { isDefault: true },
        ),
        nacl("acl-ssh6", [naclEntry(120, "allow", "6", "::/0", [22, 22]), ...CATCH_ALL_DENY]),
      ),
      findings: [
        {
          resource: { id: "acl-default" },
          status: "FAIL",
          message:
            "Network ACL acl-default (default) in vpc-1: rule 100: allow all traffic (protocol -1) from 0.0.0.0/0 admits tcp SSH (22), udp SSH (22), tcp RDP (3389), udp RDP (3389).",
        },
        { resource: { id: "acl-ssh6" }, status: "FAIL" },
      ],
      assert: ([all, ssh6]) => {
        expect(all!.evidence.openings).toContainEqual({
          port: 22,
          protocol: "tcp",
          family: "ipv4",
          entry: { ruleNumber: 100, action: "allow", protocol: "-1", ports: "all", cidr: "0.0.0.0/0" },
        });
        expect(ssh6!.message).toContain("rule 120: allow tcp 22 from ::/0 admits tcp SSH (22)");
        expect(ssh6!.resource).toEqual({
          arn: "arn:aws:ec2:us-east-1:123456789012:network-acl/acl-ssh6",
          id: "acl-ssh6",
          type: "AWS::EC2::NetworkAcl",
        });
        expect(ssh6!.compliance).toEqual({ "cis-aws-foundations-6.0": ["6.2"], "aws-fsbp": ["EC2.21"] });
      },
    },
  ],
  error: [
    {
      name: "ERROR in the region whose ACLs could not be read",
      inventory: regional({
        ec2: {
          "us-east-1": { networkAcls: ok([nacl("acl-ok", CATCH_ALL_DENY)]) },
          "eu-west-1": { networkAcls: denied("ec2.networkAcls", { region: "eu-west-1" }) },
        },
      }),
      findings: [
        { region: "us-east-1", status: "PASS" },
        { region: "eu-west-1", status: "ERROR" },
      ],
    },
  ],
});
