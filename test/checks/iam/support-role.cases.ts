import check from "../../../checks/iam/support-role.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT } from "../../support/fixtures/index.js";
import { authorizationInventory, awsManaged, details, role, trustAccount, unreadIamCases } from "../../support/fixtures/iam.js";

const support = awsManaged("AWSSupportAccess");
const readOnly = awsManaged("ReadOnlyAccess");

export default checkCases(check, {
  pass: [
    {
      name: "a customer role holds AWSSupportAccess",
      inventory: authorizationInventory(
        details({ roles: [role("support", trustAccount(), { attached: [support] })], policies: [support] }),
      ),
      findings: [{ status: "PASS", resource: { type: "AWS::::Account", id: ACCOUNT }, message: "Role(s) support hold AWSSupportAccess." }],
    },
  ],
  fail: [
    {
      name: "no role does (a service-linked role does not count)",
      inventory: authorizationInventory(
        details({
          roles: [
            role("AWSServiceRoleForSupport", trustAccount(), { path: "/aws-service-role/support.amazonaws.com/", attached: [support] }),
            role("other", trustAccount(), { attached: [readOnly] }),
          ],
          policies: [support, readOnly],
        }),
      ),
      findings: [{ status: "FAIL", message: "No role has the AWSSupportAccess policy attached." }],
    },
  ],
  error: unreadIamCases(),
});
