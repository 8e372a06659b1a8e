import { expect } from "vitest";
import check from "../../../checks/rds/deletion-protection.js";
import { checkCases } from "../../support/check-tester.js";
import { denied } from "../../support/fixtures/index.js";
import { databases, dbCluster, dbInstance, member, rdsInventory, US } from "../../services/rds/fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "a protected instance, and a protected cluster whose members carry no protection of their own",
      inventory: rdsInventory({ [US]: databases([dbInstance("orders"), member("a-1", "a")], [dbCluster("a", ["a-1"])]) }),
      findings: [
        { status: "PASS", resource: { id: "orders", type: "AWS::RDS::DBInstance" }, responsibility: { layer: "data" } },
        { status: "PASS", resource: { id: "a", type: "AWS::RDS::DBCluster" }, evidence: { deletionProtection: true, members: ["a-1"] } },
      ],
    },
  ],
  fail: [
    {
      name: "an unprotected instance and an unprotected cluster",
      inventory: rdsInventory({
        [US]: databases(
          [dbInstance("scratch", { deletionProtection: false }), member("a-1", "a")],
          [dbCluster("a", ["a-1"], { deletionProtection: false })],
        ),
      }),
      findings: [
        { status: "FAIL", resource: { id: "scratch" }, severity: "low" },
        { status: "FAIL", resource: { id: "a" }, evidence: { deletionProtection: false } },
      ],
      assert: ([f]) =>
        expect(f!.message).toBe("DB instance scratch (postgres) has deletion protection disabled: one delete call destroys it."),
    },
  ],
  error: [{ name: "the instances could not be listed", inventory: rdsInventory({ [US]: databases(denied("rds.instances")) }) }],
});
