import { expect } from "vitest";
import check from "../../../checks/iam/user-console-mfa.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT, daysBefore } from "../../support/fixtures/index.js";
import { activeKey, credentialReport, iamInventory, noKey, reportEntry, rootEntry, unreadIamCases } from "../../support/fixtures/iam.js";

export default checkCases(check, {
  pass: [
    {
      name: "a console user with MFA, and a user without a console password",
      inventory: iamInventory(
        credentialReport(
          reportEntry("console-mfa", { passwordEnabled: true, mfaActive: true }),
          reportEntry("api-only", { passwordEnabled: false, accessKeys: [activeKey(1, daysBefore(10)), noKey(2)] }),
        ),
      ),
    },
  ],
  fail: [
    {
      name: "fails console users without MFA, passes the others, skips root",
      inventory: iamInventory(
        credentialReport(
          rootEntry({ mfaActive: false }),
          reportEntry("console-no-mfa", { passwordEnabled: true, mfaActive: false }),
          reportEntry("console-mfa", { passwordEnabled: true, mfaActive: true }),
          reportEntry("api-only", { passwordEnabled: false, accessKeys: [activeKey(1, daysBefore(10)), noKey(2)] }),
        ),
      ),
      findings: [
        { resource: { id: "console-no-mfa" }, status: "FAIL", region: "global" },
        { resource: { id: "console-mfa" }, status: "PASS" },
        { resource: { id: "api-only" }, status: "PASS" },
      ],
      assert: ([f]) => {
        expect(f!.resource).toEqual({ arn: `arn:aws:iam::${ACCOUNT}:user/console-no-mfa`, id: "console-no-mfa", type: "AWS::IAM::User" });
        expect(f!.evidence).toEqual({ passwordEnabled: true, mfaActive: false, passwordLastUsed: null });
      },
    },
  ],
  error: unreadIamCases(),
});
