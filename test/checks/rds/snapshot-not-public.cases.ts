import { expect } from "vitest";
import check from "../../../checks/rds/snapshot-not-public.js";
import { checkCases } from "../../support/check-tester.js";
import { denied, ok, OTHER_ACCOUNT } from "../../support/fixtures/index.js";
import { clusterSnapshot, dbSnapshot, EU, rdsInventory, US } from "../../services/rds/fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "unshared and account-shared snapshots; automated ones are not judged (AWS cannot share them)",
      inventory: rdsInventory({
        [US]: {
          snapshots: [
            dbSnapshot("orders-manual", { restore: ok([]) }),
            dbSnapshot("orders-for-audit", { restore: ok([OTHER_ACCOUNT]) }),
            dbSnapshot("rds:orders-2026-06-30-03-00", { snapshotType: "automated", restore: ok(null) }),
          ],
          clusterSnapshots: [
            clusterSnapshot("analytics-manual", { restore: ok([]) }),
            clusterSnapshot("rds:analytics-2026-06-30", { snapshotType: "automated", restore: ok(null) }),
          ],
        },
      }),
      findings: [
        { status: "PASS", resource: { id: "orders-manual", type: "AWS::RDS::DBSnapshot" }, responsibility: { layer: "data" } },
        { status: "PASS", resource: { id: "orders-for-audit" }, evidence: { restore: [OTHER_ACCOUNT] } },
        { status: "PASS", resource: { id: "analytics-manual", type: "AWS::RDS::DBClusterSnapshot" } },
      ],
      assert: (findings) => {
        expect(findings[0]!.message).toBe("DB snapshot orders-manual (of orders) is not shared with any other account.");
        expect(findings[1]!.message).toBe(
          `DB snapshot orders-for-audit (of orders) is not public; it is shared with account(s) ${OTHER_ACCOUNT}.`,
        );
      },
    },
  ],
  fail: [
    {
      name: 'a DB snapshot and a cluster snapshot whose restore attribute includes "all": critical',
      inventory: rdsInventory({
        [EU]: {
          snapshots: [dbSnapshot("legacy-export", { encrypted: false, restore: ok(["all", OTHER_ACCOUNT]) }, EU)],
          clusterSnapshots: [clusterSnapshot("analytics-share", { restore: ok(["all"]) }, EU)],
        },
      }),
      findings: [
        {
          status: "FAIL",
          region: EU,
          severity: "critical",
          evidence: { snapshotType: "manual", encrypted: false, restore: ["all", OTHER_ACCOUNT] },
        },
        { status: "FAIL", resource: { type: "AWS::RDS::DBClusterSnapshot" }, severity: "critical" },
      ],
      assert: ([f]) =>
        expect(f!.message).toBe(
          'DB snapshot legacy-export (of orders) is public: its restore attribute includes "all", so any AWS account can copy it or restore a database from it.',
        ),
    },
  ],
  error: [
    {
      name: "the snapshots could not be listed; cluster snapshots are still judged",
      inventory: rdsInventory({
        [US]: { snapshots: denied("rds.snapshots"), clusterSnapshots: [clusterSnapshot("c", { restore: ok([]) })] },
      }),
      findings: [{ status: "ERROR", error: { operation: "DescribeDBSnapshots" } }, { status: "PASS" }],
    },
    {
      name: "one snapshot's attributes could not be read",
      inventory: rdsInventory({
        [US]: {
          snapshots: [dbSnapshot("a", { restore: denied("rds.snapshotAttributes", { resource: "a" }) })],
          clusterSnapshots: [clusterSnapshot("c", { restore: denied("rds.clusterSnapshotAttributes", { resource: "c" }) })],
        },
      }),
      findings: [
        { status: "ERROR", resource: { id: "a" }, error: { operation: "DescribeDBSnapshotAttributes", resource: "a" } },
        { status: "ERROR", resource: { id: "c" }, error: { operation: "DescribeDBClusterSnapshotAttributes" } },
      ],
    },
    {
      name: "a manual snapshot whose attributes were not read, or not collected",
      inventory: rdsInventory({
        [US]: { snapshots: [dbSnapshot("a", { restore: ok(null) }), dbSnapshot("b")], clusterSnapshots: [] },
      }),
      findings: [
        { status: "ERROR", error: { code: "AttributesNotRead", operation: "DescribeDBSnapshotAttributes", resource: "a" } },
        { status: "ERROR", error: { code: "NotCollected", operation: "DescribeDBSnapshotAttributes" } },
      ],
    },
  ],
});
