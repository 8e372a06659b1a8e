import { expect } from "vitest";
import check from "../../../checks/iam/cloudshell-full-access.js";
import type { IamManagedPolicy } from "../../../src/services/iam/inventory.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT } from "../../support/fixtures/index.js";
import {
  authorizationInventory,
  awsManaged,
  details,
  doc,
  group,
  role,
  trustAccount,
  trustService,
  unreadIamCases,
  user,
} from "../../support/fixtures/iam.js";

/** AWS's AWSCloudShellFullAccess, as AWS publishes it. */
const cloudShell: IamManagedPolicy = {
  arn: "arn:aws:iam::aws:policy/AWSCloudShellFullAccess",
  name: "AWSCloudShellFullAccess",
  path: "/",
  awsManaged: true,
  defaultVersionId: "v1",
  attachmentCount: 1,
  versions: [{ versionId: "v1", isDefault: true, document: doc({ Effect: "Allow", Action: ["cloudshell:*"], Resource: "*" }) }],
};
const readOnly = awsManaged("ReadOnlyAccess");

export default checkCases(check, {
  pass: [
    {
      name: "identities with other policies, and a customer policy that merely allows cloudshell:* (not the AWS managed policy)",
      inventory: authorizationInventory(
        details({
          users: [
            user("bob", { attached: [readOnly] }),
            user("carol", { inline: { shell: doc({ Effect: "Allow", Action: "cloudshell:*", Resource: "*" }) } }),
          ],
          groups: [group("readers", { attached: [readOnly] })],
          roles: [role("app", trustAccount())],
          policies: [readOnly],
        }),
      ),
      findings: [
        {
          resource: { id: "bob", type: "AWS::IAM::User" },
          status: "PASS",
          message: "User bob does not have AWSCloudShellFullAccess attached.",
        },
        { resource: { id: "carol" }, status: "PASS" },
        { resource: { id: "readers", type: "AWS::IAM::Group" }, status: "PASS" },
        { resource: { id: "app", type: "AWS::IAM::Role" }, status: "PASS" },
      ],
    },
  ],
  fail: [
    {
      name: "attached to a user, a group and a role; a member of the group passes, naming the group; a service-linked role is not judged",
      inventory: authorizationInventory(
        details({
          users: [user("alice", { attached: [cloudShell] }), user("dan", { groups: ["shell-users"] })],
          groups: [group("shell-users", { attached: [cloudShell] })],
          roles: [
            role("ops", trustAccount(), { attached: [cloudShell, readOnly] }),
            role("AWSServiceRoleForX", trustService("x.amazonaws.com"), {
              path: "/aws-service-role/x.amazonaws.com/",
              attached: [cloudShell],
            }),
          ],
          policies: [cloudShell, readOnly],
        }),
      ),
      findings: [
        {
          resource: { id: "alice", arn: `arn:aws:iam::${ACCOUNT}:user/alice` },
          status: "FAIL",
          severity: "medium",
          region: "global",
          message: "User alice has AWSCloudShellFullAccess attached.",
          evidence: { policyArn: "arn:aws:iam::aws:policy/AWSCloudShellFullAccess" },
          responsibility: { layer: "identity" },
        },
        {
          resource: { id: "dan" },
          status: "PASS",
          message: "User dan has no AWSCloudShellFullAccess attached directly; group(s) shell-users, reported separately, attach it.",
          evidence: { viaGroups: ["shell-users"] },
        },
        { resource: { id: "shell-users" }, status: "FAIL", message: "Group shell-users has AWSCloudShellFullAccess attached." },
        { resource: { id: "ops" }, status: "FAIL", message: "Role ops has AWSCloudShellFullAccess attached." },
      ],
      assert: ([f]) => expect(f!.compliance).toEqual({ "cis-aws-foundations-6.0": ["2.21"], "aws-security-hub": ["IAM.27"] }),
    },
    {
      name: "in another partition",
      inventory: authorizationInventory(
        details({
          users: [
            {
              ...user("gov"),
              attachedPolicies: [{ name: "AWSCloudShellFullAccess", arn: "arn:aws-us-gov:iam::aws:policy/AWSCloudShellFullAccess" }],
            },
          ],
        }),
      ),
    },
  ],
  error: unreadIamCases(),
});
