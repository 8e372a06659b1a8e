import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { GLOBAL, userResource } from "./lib/principals.js";

export default defineCheck({
  id: "iam-user-console-mfa",
  title: "IAM users with a console password have MFA",
  service: "iam",
  layer: "identity",
  severity: "medium",
  needs: ["iam.credentialReport"],
  rationale:
    "A console password alone can be phished, guessed or reused from another breach; MFA stops a stolen password from being enough.",
  remediation: {
    text: "Assign an MFA device to the user (or remove their console password if they do not need the console); consider a policy that denies everything but MFA setup without aws:MultiFactorAuthPresent.",
    cli: "aws iam create-virtual-mfa-device --virtual-mfa-device-name <user-name> --outfile qr.png --bootstrap-method QRCodePNG && aws iam enable-mfa-device --user-name <user-name> --serial-number arn:<partition>:iam::<ACCOUNT_ID>:mfa/<user-name> --authentication-code1 <code-1> --authentication-code2 <code-2>",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["2.9"], [FRAMEWORKS.fsbp]: ["IAM.5"] },
  evaluate: (inv, { read }) => {
    const reportRead = read("iam.credentialReport");
    if (!reportRead.ok) return [reportRead.outcome];
    const report = reportRead.value;
    return report.entries
      .filter((e) => !e.isRoot)
      .map((e) => {
        const evidence = { passwordEnabled: e.passwordEnabled, mfaActive: e.mfaActive, passwordLastUsed: e.passwordLastUsed };
        if (e.passwordEnabled !== true) return pass(userResource(e), GLOBAL, `User ${e.user} has no console password.`, evidence);
        return e.mfaActive
          ? pass(userResource(e), GLOBAL, `User ${e.user} has a console password and MFA.`, evidence)
          : fail(userResource(e), GLOBAL, `User ${e.user} can sign in to the console with a password and has no MFA device.`, evidence);
      });
  },
});
