import { accountResource, defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { withSummaryValue } from "./lib/account-summary.js";
import { GLOBAL } from "./lib/principals.js";

export default defineCheck({
  id: "iam-root-hardware-mfa",
  title: "The root user's MFA is a hardware device",
  service: "iam",
  layer: "identity",
  severity: "high",
  needs: ["iam.accountSummary", "iam.virtualMfaDevices"],
  rationale:
    "A virtual MFA device lives on a phone or computer that can itself be lost, cloned or compromised; CIS asks for a hardware device for the root user.",
  remediation: {
    text: "Sign in as the root user, remove the virtual MFA device and register a hardware TOTP token or FIDO security key.",
    cli: "aws iam list-virtual-mfa-devices --assignment-status Assigned --query \"VirtualMFADevices[?ends_with(User.Arn, ':root')]\"",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-hw-mfa-for-root.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["2.5"], [FRAMEWORKS.fsbp]: ["IAM.6"] },
  evaluate: (inv, ctx) =>
    withSummaryValue(inv, ctx, "AccountMFAEnabled", (enabled) => {
      const resource = accountResource(inv);
      if (enabled !== 1)
        return fail(resource, GLOBAL, "The root user has no MFA device at all (AccountMFAEnabled = 0).", { AccountMFAEnabled: enabled });
      // Only with MFA on does the kind of device matter, and only then is the device list needed.
      const devices = ctx.read("iam.virtualMfaDevices");
      if (!devices.ok) return devices.outcome;
      const rootVirtual = devices.value.filter(
        (d) => d.userArn?.endsWith(":root") || d.serialNumber.endsWith(":mfa/root-account-mfa-device"),
      );
      if (rootVirtual.length) {
        return fail(resource, GLOBAL, `The root user's MFA is a virtual device (${rootVirtual.map((d) => d.serialNumber).join(", ")}).`, {
          AccountMFAEnabled: enabled,
          virtualDevices: rootVirtual,
        });
      }
      return pass(resource, GLOBAL, "The root user has MFA and no virtual MFA device is assigned to it: the device is hardware.", {
        AccountMFAEnabled: enabled,
        virtualDevices: devices.value.length,
      });
    }),
});
