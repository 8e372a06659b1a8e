import { expect } from "vitest";
import check from "../../../checks/iam/policy-wildcard-service-actions.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT } from "../../support/fixtures/index.js";
import {
  allow,
  authorizationInventory,
  awsManaged,
  customerManaged,
  deny,
  details,
  doc,
  role,
  trustAccount,
  unreadIamCases,
  user,
} from "../../support/fixtures/iam.js";

const narrow = customerManaged(
  "narrow",
  doc(allow(["ec2:Describe*", "s3:GetObject", "s3:List*"]), deny("s3:*"), allow("sts:AssumeRole", "*", { Sid: "Assume" })),
);

export default checkCases(check, {
  pass: [
    {
      name: "prefix wildcards and exact actions; a Deny of s3:* is not a grant; AWS-managed policies are not judged",
      inventory: authorizationInventory(
        details({
          users: [user("ops", { attached: [narrow, awsManaged("AWSSupportAccess")] })],
          policies: [narrow, awsManaged("AWSSupportAccess")],
        }),
      ),
      findings: [
        {
          resource: { id: "narrow", arn: `arn:aws:iam::${ACCOUNT}:policy/narrow`, type: "AWS::IAM::Policy" },
          status: "PASS",
          region: "global",
          message: "Customer-managed policy narrow allows no whole service through a wildcard.",
        },
      ],
    },
    {
      name: "a wildcard only in a non-default version does not count",
      inventory: authorizationInventory(
        details({ policies: [customerManaged("v2-narrow", [doc(allow("s3:*")), doc(allow("s3:GetObject"))], 1)] }),
      ),
    },
    {
      name: "a policy used only as a permissions boundary (FSBP leaves boundaries out: they grant nothing)",
      inventory: authorizationInventory(
        details({
          policies: [
            { ...customerManaged("boundary", doc(allow(["s3:*", "ec2:*"]))), attachmentCount: 0, permissionsBoundaryUsageCount: 2 },
          ],
        }),
      ),
      findings: [{ resource: { id: "boundary" }, status: "PASS", evidence: { permissionsBoundaryUsageCount: 2 } }],
    },
    {
      name: "no customer-managed policies: one PASS on the account",
      inventory: authorizationInventory(details({ policies: [awsManaged("AdministratorAccess")] })),
      findings: [{ resource: { id: ACCOUNT }, status: "PASS", message: "The account has no customer-managed policies." }],
    },
  ],
  fail: [
    {
      name: "service:* in an Allow, whatever the Resource or Condition; * and *:*; a NotAction Allow; attached or not",
      inventory: authorizationInventory(
        details({
          roles: [
            role("deploy", trustAccount(), {
              attached: [customerManaged("s3-full", doc(allow(["s3:*", "ec2:Describe*"], "arn:aws:s3:::reports/*", { Sid: "S3" })))],
            }),
          ],
          policies: [
            customerManaged("s3-full", doc(allow(["s3:*", "ec2:Describe*"], "arn:aws:s3:::reports/*", { Sid: "S3" }))),
            {
              ...customerManaged(
                "conditional",
                doc(allow("IAM:*", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } })),
              ),
              attachmentCount: 0,
            },
            customerManaged("everything", doc(allow("*"), allow("*:*"))),
            customerManaged("not-iam", doc({ Sid: "AllButIam", Effect: "Allow", NotAction: ["iam:*"], Resource: "*" })),
            customerManaged("fine", doc(allow("kms:Decrypt"))),
          ],
        }),
      ),
      findings: [
        {
          resource: { id: "s3-full" },
          status: "FAIL",
          severity: "low",
          message:
            'Customer-managed policy s3-full (default version v1, attached 1 time(s)) allows whole services: Sid "S3" allows "s3:*".',
          evidence: { versionId: "v1", attachmentCount: 1, statements: [{ statement: 'Sid "S3"', actions: ["s3:*"] }] },
          responsibility: { layer: "identity", serviceModel: "abstracted" },
        },
        {
          resource: { id: "conditional" },
          status: "FAIL",
          message: expect.stringContaining('attached 0 time(s)) allows whole services: statement #1 allows "IAM:*"'),
        },
        {
          resource: { id: "everything" },
          status: "FAIL",
          evidence: {
            statements: [
              { statement: "statement #1", actions: ["*"] },
              { statement: "statement #2", actions: ["*:*"] },
            ],
          },
        },
        {
          resource: { id: "not-iam" },
          status: "FAIL",
          message: expect.stringContaining('Sid "AllButIam" allows NotAction ["iam:*"], which leaves every action of'),
        },
        { resource: { id: "fine" }, status: "PASS" },
      ],
      assert: (findings) => {
        expect(findings[0]!.compliance).toEqual({ "aws-fsbp": ["IAM.21"] });
        const notIam = findings[3]!.evidence.statements as { servicesAllowedWhole: string[] }[];
        expect(notIam[0]!.servicesAllowedWhole).toEqual(expect.arrayContaining(["s3", "ec2", "kms"]));
        expect(notIam[0]!.servicesAllowedWhole).not.toContain("iam");
      },
    },
  ],
  error: [
    ...unreadIamCases(),
    {
      name: "a default version that is not a policy: ERROR naming it, the others judged",
      inventory: authorizationInventory(
        details({ policies: [customerManaged("broken", "{"), customerManaged("s3-full", doc(allow("s3:*")))] }),
      ),
      findings: [
        { resource: { id: "broken" }, status: "ERROR", error: { operation: "GetAccountAuthorizationDetails", code: "PolicyUnreadable" } },
        { resource: { id: "s3-full" }, status: "FAIL" },
      ],
    },
  ],
});
