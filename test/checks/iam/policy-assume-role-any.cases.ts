import { expect } from "vitest";
import check from "../../../checks/iam/policy-assume-role-any.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT } from "../../support/fixtures/index.js";
import {
  allow,
  authorizationInventory,
  customerManaged,
  deny,
  details,
  doc,
  role,
  unreadIamCases,
  user,
} from "../../support/fixtures/iam.js";

const named = customerManaged("assume-deploy", doc(allow("sts:AssumeRole", `arn:aws:iam::${ACCOUNT}:role/deploy`)));

export default checkCases(check, {
  pass: [
    {
      name: "sts:AssumeRole on named roles, or denied on the rest",
      inventory: authorizationInventory(
        details({
          users: [
            user("ci", { attached: [named] }),
            user("guarded", { inline: { any: doc(allow("sts:AssumeRole"), deny("sts:AssumeRole", "*")) } }),
          ],
          policies: [named],
        }),
      ),
      findings: [
        { resource: { id: "ci" }, status: "PASS", message: "User ci may not call sts:AssumeRole on every role." },
        { resource: { id: "guarded" }, status: "PASS" },
      ],
    },
  ],
  fail: [
    {
      name: "Resource * and every role of an account; a condition does not make it narrow",
      inventory: authorizationInventory(
        details({
          users: [user("hopper", { inline: { hop: doc({ Sid: "Hop", ...allow("sts:AssumeRole") }) } })],
          roles: [
            role("jumper", undefined, {
              inline: {
                jump: doc(
                  allow("sts:AssumeRole", "arn:aws:iam::*:role/*", { Condition: { StringEquals: { "aws:RequestedRegion": "eu-west-1" } } }),
                ),
              },
            }),
          ],
        }),
      ),
      findings: [
        { resource: { id: "hopper" }, status: "FAIL", severity: "medium", evidence: { action: "sts:AssumeRole" } },
        { resource: { id: "jumper", type: "AWS::IAM::Role" }, status: "FAIL" },
      ],
      assert: ([hopper, jumper]) => {
        expect(hopper!.message).toBe(
          'User hopper may call sts:AssumeRole on every role of every account, granted by inline policy "hop", Sid "Hop" (Action "sts:AssumeRole" on Resource ["*"]).',
        );
        expect(jumper!.message).toContain("(under conditions)");
      },
    },
  ],
  error: unreadIamCases(),
});
