import { expect } from "vitest";
import check from "../../../checks/iam/admin-console-mfa.js";
import type { IamAuthorizationDetails } from "../../../src/services/iam/inventory.js";
import { checkCases } from "../../support/check-tester.js";
import { ok } from "../../support/fixtures/index.js";
import {
  allow,
  awsManaged,
  credentialReport,
  customerManaged,
  details,
  doc,
  group,
  iamInventory,
  reportEntry,
  rootEntry,
  unreadIamCases,
  user,
} from "../../support/fixtures/iam.js";
import type { CredentialReportEntry } from "../../../src/services/iam/inventory.js";

const admin = awsManaged("AdministratorAccess");
const readOnly = awsManaged("ReadOnlyAccess");
const withPassword = (name: string, mfaActive = false) => reportEntry(name, { passwordEnabled: true, mfaActive });

const account = (d: IamAuthorizationDetails, ...entries: CredentialReportEntry[]) =>
  iamInventory({ ...credentialReport(rootEntry(), ...entries), authorizationDetails: ok(d) });

const people = details({
  users: [
    user("alice", { groups: ["admins"] }),
    user("bob", { attached: [readOnly] }),
    user("carol", { inline: { "pass-any-role": doc(allow(["iam:PassRole", "ec2:RunInstances"])) } }),
    user("dave", { inline: { attach: doc(allow("iam:AttachUserPolicy")) } }),
    user("erin", { groups: ["admins"] }),
    user("api", { attached: [admin] }),
  ],
  groups: [group("admins", { attached: [admin] })],
  policies: [admin, readOnly],
});

export default checkCases(check, {
  pass: [
    {
      name: "administrators with MFA or without a password; a console user without MFA who is no administrator",
      inventory: account(people, withPassword("erin", true), reportEntry("api"), withPassword("bob")),
      findings: [
        { resource: { id: "erin" }, status: "PASS", message: "User erin has a console password and MFA." },
        { resource: { id: "api" }, status: "PASS", message: "User api has no console password." },
        {
          resource: { id: "bob" },
          status: "PASS",
          message:
            "User bob has a console password without MFA, but no administrative permissions (iam-user-console-mfa reports the missing MFA).",
        },
      ],
    },
  ],
  fail: [
    {
      name: "full administrator, IAM permissions management and an escalation path, without MFA: high",
      inventory: account(people, withPassword("alice"), withPassword("dave"), withPassword("carol")),
      findings: [
        {
          resource: { id: "alice", type: "AWS::IAM::User" },
          status: "FAIL",
          severity: "high",
          region: "global",
          message: "User alice holds full administrator access, can sign in to the console with a password, and has no MFA device.",
          evidence: { passwordEnabled: true, mfaActive: false, administrative: "full-admin" },
        },
        { resource: { id: "dave" }, status: "FAIL", evidence: { administrative: "iam-permissions-management" } },
        { resource: { id: "carol" }, status: "FAIL", evidence: { administrative: "privilege-escalation" } },
      ],
      assert: ([, dave, carol]) => {
        expect(dave!.message).toContain("IAM permissions management on all resources (iam:AttachUserPolicy)");
        expect(carol!.message).toContain("a privilege-escalation path (");
      },
    },
  ],
  error: [
    ...unreadIamCases(),
    {
      name: "a policy of a console user without MFA could not be resolved",
      inventory: account(
        details({ users: [user("frank", { attached: [customerManaged("gone", doc(allow("s3:GetObject")))] })] }),
        withPassword("frank"),
      ),
      findings: [{ resource: { id: "frank" }, status: "ERROR", error: { code: "PolicyUnreadable" } }],
    },
    {
      name: "the credential report lists a user the authorization details do not",
      inventory: account(details({}), withPassword("ghost")),
      findings: [
        {
          resource: { id: "ghost" },
          status: "ERROR",
          error: { code: "UserNotInAuthorizationDetails", operation: "GetAccountAuthorizationDetails" },
        },
      ],
    },
  ],
});
