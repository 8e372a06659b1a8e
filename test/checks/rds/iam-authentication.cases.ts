import { expect } from "vitest";
import check from "../../../checks/rds/iam-authentication.js";
import { checkCases } from "../../support/check-tester.js";
import { denied } from "../../support/fixtures/index.js";
import { databases, dbCluster, dbInstance, member, rdsInventory, US } from "../../services/rds/fixtures.js";

export default checkCases(check, {
  pass: [
    {
      name: "IAM authentication on an instance and a cluster; an Oracle instance, which cannot have it, is not judged",
      inventory: rdsInventory({
        [US]: databases(
          [dbInstance("orders"), dbInstance("erp", { engine: "oracle-ee", iamDatabaseAuthentication: false }), member("a-1", "a")],
          [dbCluster("a", ["a-1"])],
        ),
      }),
      findings: [
        { status: "PASS", resource: { id: "orders" }, responsibility: { layer: "identity" } },
        { status: "PASS", resource: { id: "a", type: "AWS::RDS::DBCluster" } },
      ],
    },
  ],
  fail: [
    {
      name: "a MySQL instance and an Aurora MySQL cluster without it (the member is judged with its cluster)",
      inventory: rdsInventory({
        [US]: databases(
          [dbInstance("shop", { engine: "mysql", iamDatabaseAuthentication: false }), member("b-1", "b", { engine: "aurora-mysql" })],
          [dbCluster("b", ["b-1"], { engine: "aurora-mysql", iamDatabaseAuthentication: false })],
        ),
      }),
      findings: [
        { status: "FAIL", resource: { id: "shop" }, severity: "medium", evidence: { iamDatabaseAuthentication: false } },
        { status: "FAIL", resource: { id: "b" } },
      ],
      assert: ([f]) =>
        expect(f!.message).toBe(
          "DB instance shop (mysql) does not accept IAM database authentication: clients sign in with database passwords only.",
        ),
    },
  ],
  error: [
    {
      name: "the clusters could not be listed",
      inventory: rdsInventory({ [US]: databases([dbInstance("orders")], denied("rds.clusters")) }),
      findings: [{ status: "ERROR" }, { status: "PASS" }],
    },
  ],
});
