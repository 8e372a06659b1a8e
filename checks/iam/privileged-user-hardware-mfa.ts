import { defineCheck, fail, pass } from "../../src/check.js";
import { administrativeReason, describeAdminReason } from "../../src/policy/iam/index.js";
import type { Outcome } from "../../src/results.js";
import { GLOBAL, policyUnreadable, userResource } from "./lib/principals.js";
import { userPrincipal } from "./lib/privileged.js";
import type { IamVirtualMfaDevice } from "../../src/services/iam/inventory.js";

/** Virtual MFA devices by user ARN, indexed once per listing (not a pass over every device per user). */
const devicesByUser = new WeakMap<readonly IamVirtualMfaDevice[], Map<string, IamVirtualMfaDevice[]>>();
function devicesOf(devices: readonly IamVirtualMfaDevice[], userArn: string): IamVirtualMfaDevice[] {
  let index = devicesByUser.get(devices);
  if (!index) {
    index = new Map();
    for (const d of devices) {
      if (d.userArn === undefined) continue;
      const list = index.get(d.userArn);
      if (list) list.push(d);
      else index.set(d.userArn, [d]);
    }
    devicesByUser.set(devices, index);
  }
  return index.get(userArn) ?? [];
}

export default defineCheck({
  id: "iam-privileged-user-hardware-mfa",
  title: "IAM users with administrative permissions use a hardware MFA device",
  service: "iam",
  layer: "identity",
  severity: "medium",
  needs: ["iam.credentialReport", "iam.authorizationDetails", "iam.virtualMfaDevices"],
  rationale:
    "A virtual MFA app lives on a phone that can be cloned, backed up to the cloud or phished through; a FIDO security key " +
    "or hardware token cannot be copied and resists phishing. Required only when settings." +
    "privilegedUsersRequireHardwareMfa is true (off by default: the check then reports nothing). Each administrative " +
    "user (as iam-admin-console-mfa defines it) with a console password passes when MFA is active and none of the account's " +
    "virtual MFA devices is assigned to them (what is left is a hardware TOTP token or a FIDO security key); other users " +
    "with a console password pass as not administrative.",
  remediation: {
    text: "Register a FIDO security key or hardware TOTP token for the user, then deactivate and delete their virtual MFA device.",
    cli: "aws iam deactivate-mfa-device --user-name <user-name> --serial-number <virtual-device-arn> && aws iam delete-virtual-mfa-device --serial-number <virtual-device-arn>",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_fido.html",
    fill: { "virtual-device-arn": "evidence.virtualDevices[]" },
  },
  compliance: {},
  noComplianceBecause:
    "CIS v6.0 (2.5) and FSBP (IAM.6) ask for hardware MFA for the root user only; no recommendation or control covers IAM users.",
  evaluate: (_inv, ctx) => {
    if (!ctx.settings.privilegedUsersRequireHardwareMfa) return [];
    const report = ctx.read("iam.credentialReport");
    if (!report.ok) return [report.outcome];
    return report.value.entries
      .filter((e) => !e.isRoot && e.passwordEnabled === true)
      .map((e): Outcome => {
        const resource = userResource(e);
        const principal = userPrincipal(ctx, e);
        if (!principal.ok) return principal.outcome;
        const reason = administrativeReason(principal.value.permissions);
        if (!reason) {
          if (principal.value.problems.length) {
            const first = principal.value.problems[0]!;
            return policyUnreadable(ctx, resource, `${first.policy}: ${first.reason}`, e.arn);
          }
          return pass(resource, GLOBAL, `User ${e.user} has no administrative permissions: hardware MFA is not required.`);
        }
        const holds = describeAdminReason(reason);
        if (!e.mfaActive)
          return fail(resource, GLOBAL, `User ${e.user} holds ${holds} and has no MFA device at all.`, { mfaActive: false });
        const devices = ctx.read("iam.virtualMfaDevices");
        if (!devices.ok) return { ...devices.outcome, resource, region: GLOBAL };
        const virtual = devicesOf(devices.value, e.arn);
        return virtual.length
          ? fail(
              resource,
              GLOBAL,
              `User ${e.user} holds ${holds} and signs in with a virtual MFA device (${virtual.map((d) => d.serialNumber).join(", ")}).`,
              {
                mfaActive: true,
                virtualDevices: virtual.map((d) => d.serialNumber),
              },
            )
          : pass(
              resource,
              GLOBAL,
              `User ${e.user} holds ${holds} and has MFA with no virtual device assigned: a hardware token or FIDO security key.`,
              {
                mfaActive: true,
                virtualDevices: [],
              },
            );
      });
  },
});
