import { expect } from "vitest";
import check from "../../../checks/rds/instance-multi-az.js";
import { checkCases } from "../../support/check-tester.js";
import { denied } from "../../support/fixtures/index.js";
import { databases, dbCluster, dbInstance, member, rdsInventory, US } from "../../services/rds/fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "a Multi-AZ instance, and a cluster with instances in two zones (its members' own MultiAZ is false)",
      inventory: rdsInventory({
        [US]: databases([dbInstance("orders"), member("a-1", "a"), member("a-2", "a")], [dbCluster("a", ["a-1", "a-2"])]),
      }),
      findings: [
        { status: "PASS", resource: { id: "orders" }, responsibility: { layer: "application" } },
        { status: "PASS", resource: { id: "a", type: "AWS::RDS::DBCluster" }, evidence: { multiAz: true } },
      ],
    },
  ],
  fail: [
    {
      name: "a Single-AZ instance: low (CIS 3.2.4 is Manual)",
      inventory: rdsInventory({ [US]: databases([dbInstance("reports", { multiAz: false })]) }),
      findings: [{ status: "FAIL", severity: "low", evidence: { multiAz: false } }],
      assert: ([f]) =>
        expect(f!.message).toBe(
          "DB instance reports (postgres) is a Single-AZ deployment: it has no standby in another Availability Zone.",
        ),
    },
    {
      name: "a cluster whose only instance is in one zone",
      inventory: rdsInventory({ [US]: databases([member("a-1", "a")], [dbCluster("a", ["a-1"], { multiAz: false })]) }),
      findings: [{ status: "FAIL", resource: { id: "a" } }],
      assert: ([f]) =>
        expect(f!.message).toContain("DB cluster a (aurora-postgresql; instance a-1) has all its instances in one Availability Zone"),
    },
  ],
  error: [
    {
      name: "the clusters could not be listed",
      inventory: rdsInventory({ [US]: databases([], denied("rds.clusters")) }),
      findings: [{ status: "ERROR", error: { operation: "DescribeDBClusters" } }],
    },
  ],
});
