import { expect } from "vitest";
import check from "../../../checks/rds/instance-auto-minor-version-upgrade.js";
import { checkCases } from "../../support/check-tester.js";
import { denied } from "../../support/fixtures/index.js";
import { dbInstance, EU, member, rdsInventory, US } from "../../services/rds/fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "every instance, Aurora members too (Aurora sets it per instance)",
      inventory: rdsInventory({ [US]: { instances: [dbInstance("orders"), member("analytics-1", "analytics")] } }),
      findings: [
        { status: "PASS", resource: { id: "orders" }, responsibility: { layer: "application" } },
        { status: "PASS", resource: { id: "analytics-1", type: "AWS::RDS::DBInstance" }, evidence: { cluster: "analytics" } },
      ],
    },
  ],
  fail: [
    {
      name: "automatic minor version upgrades off",
      inventory: rdsInventory({
        [EU]: { instances: [dbInstance("legacy", { autoMinorVersionUpgrade: false, engineVersion: "8.0.28" }, EU)] },
      }),
      findings: [{ status: "FAIL", region: EU, severity: "medium", evidence: { autoMinorVersionUpgrade: false, engineVersion: "8.0.28" } }],
      assert: ([f]) =>
        expect(f!.message).toBe(
          "DB instance legacy (postgres) does not apply minor engine versions automatically: it stays on 8.0.28 until upgraded by hand.",
        ),
    },
  ],
  error: [
    {
      name: "one region's instances could not be listed; the other's are judged",
      inventory: rdsInventory({
        [US]: { instances: [dbInstance("orders")] },
        [EU]: { instances: denied("rds.instances", { region: EU }) },
      }),
      findings: [
        { status: "PASS", region: US },
        { status: "ERROR", region: EU, resource: { type: "AWS::::Account" }, error: { operation: "DescribeDBInstances", region: EU } },
      ],
    },
  ],
});
