import { expect } from "vitest";
import check from "../../../checks/rds/instance-storage-encrypted.js";
import { checkCases } from "../../support/check-tester.js";
import { denied } from "../../support/fixtures/index.js";
import { databases, dbCluster, dbInstance, EU, member, rdsInventory, US } from "../../services/rds/fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "an encrypted instance, and an encrypted cluster judged once for its members",
      inventory: rdsInventory({
        [US]: databases(
          [dbInstance("orders"), member("analytics-1", "analytics"), member("analytics-2", "analytics")],
          [dbCluster("analytics", ["analytics-1", "analytics-2"])],
        ),
      }),
      findings: [
        {
          status: "PASS",
          resource: { id: "orders", type: "AWS::RDS::DBInstance" },
          region: US,
          responsibility: { layer: "encryption", serviceModel: "container" },
        },
        {
          status: "PASS",
          resource: { id: "analytics", type: "AWS::RDS::DBCluster" },
          evidence: { cluster: "analytics", members: ["analytics-1", "analytics-2"], storageEncrypted: true },
        },
      ],
      assert: ([f]) =>
        expect(f!.message).toMatch(/^DB instance orders \(postgres\) encrypts its storage at rest with KMS key arn:aws:kms:/),
    },
  ],
  fail: [
    {
      name: "an unencrypted instance",
      inventory: rdsInventory({ [EU]: databases([dbInstance("legacy", { storageEncrypted: false, kmsKeyId: undefined }, EU)]) }),
      findings: [{ status: "FAIL", region: EU, severity: "medium", evidence: { storageEncrypted: false, kmsKeyId: null } }],
      assert: ([f]) =>
        expect(f!.message).toBe(
          "DB instance legacy (postgres) does not encrypt its storage at rest: its data, backups and snapshots are stored unencrypted.",
        ),
    },
    {
      name: "an unencrypted cluster: one finding on the cluster, not one per member",
      inventory: rdsInventory({
        [US]: databases([member("a-1", "a"), member("a-2", "a")], [dbCluster("a", ["a-1", "a-2"], { storageEncrypted: false })]),
      }),
      findings: [{ status: "FAIL", resource: { id: "a", type: "AWS::RDS::DBCluster" } }],
      assert: ([f]) => expect(f!.message).toContain("DB cluster a (aurora-postgresql; instances a-1, a-2) does not encrypt"),
    },
  ],
  error: [
    { name: "the instances could not be listed", inventory: rdsInventory({ [US]: databases(denied("rds.instances")) }) },
    {
      name: "the clusters could not be listed: standalone instances are still judged, members are not",
      inventory: rdsInventory({ [US]: databases([dbInstance("orders"), member("a-1", "a")], denied("rds.clusters")) }),
      findings: [
        { status: "ERROR", error: { operation: "DescribeDBClusters", code: "AccessDenied" } },
        { status: "PASS", resource: { id: "orders" } },
      ],
    },
    {
      name: "a member of a cluster the cluster listing lacks",
      inventory: rdsInventory({ [US]: databases([member("a-1", "gone")]) }),
      findings: [
        {
          status: "ERROR",
          resource: { id: "a-1" },
          error: { code: "ClusterNotListed", operation: "DescribeDBClusters", resource: "gone" },
        },
      ],
    },
    {
      name: "RDS was not collected in a scanned region",
      inventory: rdsInventory({ [US]: {} }),
      findings: [
        { status: "ERROR", error: { code: "NotCollected", operation: "DescribeDBInstances" } },
        { status: "ERROR", error: { code: "NotCollected", operation: "DescribeDBClusters" } },
      ],
    },
  ],
});
