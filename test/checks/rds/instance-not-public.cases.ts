import { expect } from "vitest";
import check from "../../../checks/rds/instance-not-public.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok } from "../../support/fixtures/index.js";
import { perm, sg } from "../../support/fixtures/ec2.js";
import type { SecurityGroup } from "../../../src/services/ec2/inventory.js";
import type { DbInstance } from "../../../src/services/rds/inventory.js";
import { dbInstance, EU, member, rdsInventory, US } from "../../services/rds/fixtures.js";

const OPEN_5432 = sg("sg-db", [perm("tcp", 5432, 5432, ["0.0.0.0/0"])], { groupName: "db-open" });
const PUBLIC: Partial<DbInstance> = { publiclyAccessible: true };

/** One region of instances, with its security groups read. */
const withGroups = (instances: DbInstance[], groups: SecurityGroup[]) =>
  rdsInventory({ [US]: { instances } }, { [US]: { securityGroups: ok(groups) } });

export default checkCases(check, {
  pass: [
    {
      name: "private instances, an Aurora member too, even behind a group open to the internet",
      inventory: withGroups([dbInstance("orders"), member("a-1", "a")], [OPEN_5432]),
      findings: [
        {
          status: "PASS",
          resource: { id: "orders" },
          evidence: { publiclyAccessible: false, securityGroups: ["sg-db"] },
          responsibility: { layer: "network" },
        },
        { status: "PASS", resource: { id: "a-1" }, evidence: { cluster: "a" } },
      ],
      assert: ([f]) => expect(f!.message).toBe("DB instance orders (postgres) is not publicly accessible."),
    },
    {
      name: "a private instance needs no EC2 data",
      inventory: rdsInventory({ [US]: { instances: [dbInstance("orders")] } }),
    },
  ],
  fail: [
    {
      name: "public, and a security group admits 0.0.0.0/0 on its port: critical",
      inventory: withGroups([dbInstance("legacy", PUBLIC)], [OPEN_5432]),
      findings: [
        {
          status: "FAIL",
          severity: "critical",
          evidence: {
            publiclyAccessible: true,
            port: 5432,
            internetIngress: [{ groupId: "sg-db", groupName: "db-open", rule: "tcp 5432 from 0.0.0.0/0" }],
          },
        },
      ],
      assert: ([f]) =>
        expect(f!.message).toBe(
          "DB instance legacy (postgres) is publicly accessible and open to the internet on port 5432: sg-db (db-open): tcp 5432 from 0.0.0.0/0.",
        ),
    },
    {
      name: "public, and all traffic from the internet admitted: critical",
      inventory: withGroups([dbInstance("legacy", PUBLIC)], [sg("sg-db", [perm("-1", undefined, undefined, ["0.0.0.0/0"])])]),
      findings: [{ status: "FAIL", severity: "critical" }],
    },
    {
      name: "public, but the internet rules open other ports, UDP, or IPv6 to an IPv4-only instance: high",
      inventory: withGroups(
        [dbInstance("legacy", PUBLIC)],
        [
          sg("sg-db", [
            perm("tcp", 22, 22, ["0.0.0.0/0"]),
            perm("udp", 5432, 5432, ["0.0.0.0/0"]),
            perm("tcp", 5432, 5432, ["::/0", "10.0.0.0/8"]),
          ]),
        ],
      ),
      findings: [{ status: "FAIL", severity: "high", evidence: { internetIngress: [] } }],
      assert: ([f]) => expect(f!.message).toContain("none of its security groups (sg-db) admits the internet on port 5432"),
    },
    {
      name: "public and dual-stack, a group admits ::/0 on its port: critical",
      inventory: withGroups([dbInstance("v6", { ...PUBLIC, networkType: "DUAL" })], [sg("sg-db", [perm("tcp", 5000, 6000, ["::/0"])])]),
      findings: [{ status: "FAIL", severity: "critical", evidence: { internetIngress: [{ rule: "tcp 5000-6000 from ::/0" }] } }],
    },
    {
      name: "public, its security groups could not be read: high, saying so, never a PASS",
      inventory: rdsInventory(
        { [EU]: { instances: [dbInstance("legacy", PUBLIC, EU)] } },
        { [EU]: { securityGroups: denied("ec2.securityGroups", { region: EU }) } },
      ),
      findings: [
        {
          status: "FAIL",
          region: EU,
          severity: "high",
          evidence: { internetIngress: "unknown: ec2:DescribeSecurityGroups failed with UnauthorizedOperation; judged without it" },
        },
      ],
      assert: ([f]) =>
        expect(f!.message).toContain(
          "whether its security groups admit the internet is unknown (ec2:DescribeSecurityGroups failed with UnauthorizedOperation)",
        ),
    },
    {
      name: "public, EC2 not in the inventory (a snapshot of RDS alone): high, saying so",
      inventory: rdsInventory({ [US]: { instances: [dbInstance("legacy", PUBLIC)] } }),
      findings: [
        {
          status: "FAIL",
          severity: "high",
          evidence: { internetIngress: "unknown: ec2:DescribeSecurityGroups failed with NotCollected; judged without it" },
        },
      ],
    },
    {
      name: "public, a group the EC2 listing lacks, and no port reported yet",
      inventory: withGroups(
        [dbInstance("new", { ...PUBLIC, port: undefined }), dbInstance("odd", { ...PUBLIC, vpcSecurityGroups: [{ groupId: "sg-gone" }] })],
        [OPEN_5432],
      ),
      findings: [
        { status: "FAIL", severity: "high", evidence: { internetIngress: "unknown: the instance reports no port" } },
        { status: "FAIL", severity: "high", evidence: { internetIngress: [], groupsNotListed: ["sg-gone"] } },
      ],
    },
  ],
  error: [
    {
      name: "the instances could not be listed",
      inventory: rdsInventory({ [US]: { instances: denied("rds.instances") } }, { [US]: { securityGroups: ok([OPEN_5432]) } }),
    },
  ],
});
