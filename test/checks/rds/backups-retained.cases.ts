import { expect } from "vitest";
import check from "../../../checks/rds/backups-retained.js";
import { checkCases } from "../../support/check-tester.js";
import { denied } from "../../support/fixtures/index.js";
import { databases, dbCluster, dbInstance, member, rdsInventory, US } from "../../services/rds/fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "7 days on an instance and a cluster; a read replica without backups is not judged",
      inventory: rdsInventory({
        [US]: databases(
          [
            dbInstance("orders"),
            dbInstance("orders-replica", { readReplicaSourceId: "orders", backupRetentionPeriod: 0 }),
            member("a-1", "a"),
          ],
          [dbCluster("a", ["a-1"])],
        ),
      }),
      findings: [
        {
          status: "PASS",
          resource: { id: "orders" },
          evidence: { backupRetentionPeriod: 7, requiredDays: 7 },
          responsibility: { layer: "data" },
        },
        { status: "PASS", resource: { id: "a", type: "AWS::RDS::DBCluster" } },
      ],
      assert: ([f]) => expect(f!.message).toBe("DB instance orders (postgres) keeps automated backups for 7 days (at least 7 days)."),
    },
    {
      name: "a longer requirement, met",
      settings: { minimumBackupRetentionDays: 14 },
      inventory: rdsInventory({ [US]: databases([dbInstance("orders", { backupRetentionPeriod: 35 })]) }),
    },
  ],
  fail: [
    {
      name: "automated backups off: high; a day of backups: medium",
      inventory: rdsInventory({
        [US]: databases([dbInstance("off", { backupRetentionPeriod: 0 })], [dbCluster("short", [], { backupRetentionPeriod: 1 })]),
      }),
      findings: [
        { status: "FAIL", resource: { id: "off" }, severity: "high" },
        { status: "FAIL", resource: { id: "short" }, severity: "medium", evidence: { backupRetentionPeriod: 1 } },
      ],
      assert: (findings) => {
        expect(findings[0]!.message).toBe(
          "DB instance off (postgres) has automated backups turned off (retention period 0): it cannot be restored to a point in time.",
        );
        expect(findings[1]!.message).toBe(
          "DB cluster short (aurora-postgresql; no instances) keeps automated backups for 1 day, fewer than the 7 days required.",
        );
      },
    },
    {
      name: "the setting raises the bar",
      settings: { minimumBackupRetentionDays: 14 },
      inventory: rdsInventory({ [US]: databases([dbInstance("orders")]) }),
      findings: [{ status: "FAIL", evidence: { backupRetentionPeriod: 7, requiredDays: 14 } }],
    },
  ],
  error: [
    { name: "the instances could not be listed", inventory: rdsInventory({ [US]: databases(denied("rds.instances")) }) },
    {
      name: "AWS did not report the retention period: never a guess",
      inventory: rdsInventory({ [US]: databases([dbInstance("odd", { backupRetentionPeriod: undefined })]) }),
      findings: [{ status: "ERROR", error: { code: "BackupRetentionNotReported", operation: "DescribeDBInstances", resource: "odd" } }],
    },
  ],
});
