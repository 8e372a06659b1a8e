import check from "../../../checks/iam/root-hardware-mfa.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT, denied, ok } from "../../support/fixtures/index.js";
import { iamInventory, unreadIamCases } from "../../support/fixtures/iam.js";

const virtualRoot = { serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/root-account-mfa-device`, userArn: `arn:aws:iam::${ACCOUNT}:root` };
const userDevice = { serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/alice`, userArn: `arn:aws:iam::${ACCOUNT}:user/alice`, userName: "alice" };
const withMfa = ok({ AccountMFAEnabled: 1 });
const withoutMfa = ok({ AccountMFAEnabled: 0 });

export default checkCases(check, {
  pass: [
    {
      name: "root has MFA and no virtual device is the root's: hardware",
      inventory: iamInventory({ accountSummary: withMfa, virtualMfaDevices: ok([userDevice]) }),
      findings: [{ status: "PASS" }],
    },
  ],
  fail: [
    {
      name: "tells a virtual root device from the users' devices",
      inventory: iamInventory({ accountSummary: withMfa, virtualMfaDevices: ok([virtualRoot, userDevice]) }),
      findings: [
        { status: "FAIL", message: `The root user's MFA is a virtual device (arn:aws:iam::${ACCOUNT}:mfa/root-account-mfa-device).` },
      ],
    },
    {
      name: "root has no MFA at all",
      inventory: iamInventory({ accountSummary: withoutMfa, virtualMfaDevices: ok([]) }),
      findings: [{ status: "FAIL" }],
    },
    {
      name: "needs the device list only when root has MFA: without MFA, a denied list is still a FAIL",
      inventory: iamInventory({ accountSummary: withoutMfa, virtualMfaDevices: denied("iam.virtualMfaDevices") }),
      findings: [{ status: "FAIL" }],
    },
  ],
  error: [
    {
      name: "root has MFA but the device list could not be read",
      inventory: iamInventory({ accountSummary: withMfa, virtualMfaDevices: denied("iam.virtualMfaDevices") }),
      findings: [{ status: "ERROR", error: { operation: "ListVirtualMFADevices", code: "AccessDenied" } }],
    },
    ...unreadIamCases(),
  ],
});
