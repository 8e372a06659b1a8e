import { expect } from "vitest";
import check from "../../../checks/iam/role-trust-service-confused-deputy.js";
import { checkCases } from "../../support/check-tester.js";
import { ACCOUNT } from "../../support/fixtures/index.js";
import { authorizationInventory, details, doc, role, trustScenario, trustService, unreadIamCases } from "../../support/fixtures/iam.js";

const serviceTrust = (service: string | string[], extra: object = {}) =>
  doc({ Sid: "Svc", Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole", ...extra });

export default checkCases(check, {
  pass: [
    {
      name: "pinned by aws:SourceAccount or aws:SourceArn, by a Deny, EC2 exempt, and roles no service assumes",
      inventory: authorizationInventory(
        details({
          roles: [
            role("pinned", serviceTrust("sns.amazonaws.com", { Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } } })),
            role(
              "by-arn",
              serviceTrust("events.amazonaws.com", { Condition: { ArnLike: { "aws:SourceArn": `arn:aws:events:*:${ACCOUNT}:rule/*` } } }),
            ),
            role(
              "guarded",
              JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                  { Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" },
                  {
                    Effect: "Deny",
                    Principal: "*",
                    Action: "sts:AssumeRole",
                    Condition: { StringNotEquals: { "aws:SourceAccount": ACCOUNT } },
                  },
                ],
              }),
            ),
            role("instance", trustService("ec2.amazonaws.com")),
            role("people", doc({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "sts:AssumeRole" })),
          ],
        }),
      ),
      findings: [
        {
          resource: { id: "pinned" },
          status: "PASS",
          message: "Role pinned pins the source of every service that may assume it (sns.amazonaws.com).",
        },
        { resource: { id: "by-arn" }, status: "PASS" },
        { resource: { id: "guarded" }, status: "PASS" },
        {
          resource: { id: "instance" },
          status: "PASS",
          message: "Role instance is not trusted by an AWS service that needs a source condition.",
        },
        { resource: { id: "people" }, status: "PASS" },
      ],
    },
  ],
  fail: [
    {
      name: "a service trusted without a source condition: low, naming it; a pinned sibling statement does not help",
      inventory: authorizationInventory(
        details({
          roles: [
            role("lambda"),
            role("mixed", serviceTrust(["ec2.amazonaws.com", "ssm.amazonaws.com"])),
            role("wildcard", serviceTrust("sns.amazonaws.com", { Condition: { StringLike: { "aws:SourceAccount": "*" } } })),
          ],
        }),
      ),
      findings: [
        {
          resource: { id: "lambda" },
          status: "FAIL",
          severity: "low",
          message: "Role lambda lets lambda.amazonaws.com assume it without aws:SourceAccount or aws:SourceArn (statement #1).",
          evidence: { services: ["lambda.amazonaws.com"] },
        },
        { resource: { id: "mixed" }, status: "FAIL", evidence: { services: ["ssm.amazonaws.com"] } },
        { resource: { id: "wildcard" }, status: "FAIL" },
      ],
    },
  ],
  error: [
    ...unreadIamCases(),
    {
      name: "an unparsable trust policy: ERROR for that role only; service-linked roles are not judged",
      inventory: authorizationInventory(trustScenario()),
      assert: (findings) => {
        expect(findings.find((f) => f.resource.id === "broken")).toMatchObject({ status: "ERROR", error: { code: "PolicyUnreadable" } });
        expect(findings.find((f) => f.resource.id === "lambda")?.status).toBe("FAIL");
        expect(findings.some((f) => f.resource.id === "AWSServiceRoleForX")).toBe(false);
      },
      findings: [
        { resource: { id: "open" }, status: "PASS" },
        { resource: { id: "org-only" }, status: "PASS" },
        { resource: { id: "vendor" }, status: "PASS" },
        { resource: { id: "vendor-ext" }, status: "PASS" },
        { resource: { id: "lambda" }, status: "FAIL" },
        { resource: { id: "local" }, status: "PASS" },
        { resource: { id: "broken" }, status: "ERROR" },
      ],
    },
  ],
});
