import { expect } from "vitest";
import check from "../../../checks/iam/privileged-user-hardware-mfa.js";
import type { CredentialReportEntry, IamVirtualMfaDevice } from "../../../src/services/iam/inventory.js";
import { checkCases, evaluateCase, type CheckCase } from "../../support/check-tester.js";
import { ACCOUNT, denied, ok } from "../../support/fixtures/index.js";
import type { Fetched } from "../../../src/inventory/index.js";
import { awsManaged, credentialReport, details, iamInventory, reportEntry, unreadIamCases, user } from "../../support/fixtures/iam.js";

const admin = awsManaged("AdministratorAccess");
const readOnly = awsManaged("ReadOnlyAccess");
const on = { privilegedUsersRequireHardwareMfa: true };
const people = details({
  users: [user("alice", { attached: [admin] }), user("bob", { attached: [readOnly] }), user("zoe", { attached: [admin] })],
  policies: [admin, readOnly],
});
const virtualFor = (name: string): IamVirtualMfaDevice => ({
  serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/${name}-phone`,
  userArn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
  userName: name,
});
const account = (devices: Fetched<IamVirtualMfaDevice[]>, ...entries: CredentialReportEntry[]) =>
  iamInventory({ ...credentialReport(...entries), authorizationDetails: ok(people), virtualMfaDevices: devices });

const hardware = account(ok([]), reportEntry("alice", { passwordEnabled: true, mfaActive: true }));

export default checkCases(check, {
  pass: [
    {
      name: "an administrator whose MFA is no virtual device; a console user who is no administrator",
      inventory: account(
        ok([virtualFor("bob")]),
        reportEntry("alice", { passwordEnabled: true, mfaActive: true }),
        reportEntry("bob", { passwordEnabled: true, mfaActive: true }),
      ),
      settings: on,
      findings: [
        {
          resource: { id: "alice" },
          status: "PASS",
          message:
            "User alice holds full administrator access and has MFA with no virtual device assigned: a hardware token or FIDO security key.",
        },
        { resource: { id: "bob" }, status: "PASS", message: "User bob has no administrative permissions: hardware MFA is not required." },
      ],
      assert: () => expect(evaluateCase(check, { name: "off by default", inventory: hardware })).toEqual([]),
    },
  ],
  fail: [
    {
      name: "an administrator on a virtual device, and one without MFA",
      inventory: account(
        ok([virtualFor("alice")]),
        reportEntry("alice", { passwordEnabled: true, mfaActive: true }),
        reportEntry("zoe", { passwordEnabled: true, mfaActive: false }),
      ),
      settings: on,
      findings: [
        {
          resource: { id: "alice" },
          status: "FAIL",
          severity: "medium",
          message: `User alice holds full administrator access and signs in with a virtual MFA device (arn:aws:iam::${ACCOUNT}:mfa/alice-phone).`,
          evidence: { mfaActive: true, virtualDevices: [`arn:aws:iam::${ACCOUNT}:mfa/alice-phone`] },
        },
        { resource: { id: "zoe" }, status: "FAIL", message: "User zoe holds full administrator access and has no MFA device at all." },
      ],
    },
  ],
  error: [
    ...unreadIamCases().map((c): CheckCase => ({ ...c, settings: on })),
    {
      name: "the virtual MFA devices could not be listed: ERROR for the administrator with MFA only",
      inventory: account(
        denied("iam.virtualMfaDevices"),
        reportEntry("alice", { passwordEnabled: true, mfaActive: true }),
        reportEntry("zoe", { passwordEnabled: true, mfaActive: false }),
      ),
      settings: on,
      findings: [
        { resource: { id: "alice" }, status: "ERROR", region: "global", error: { operation: "ListVirtualMFADevices" } },
        { resource: { id: "zoe" }, status: "FAIL" },
      ],
    },
  ],
});
