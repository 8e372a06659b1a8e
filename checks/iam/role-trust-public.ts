import { defineCheck, fail, pass } from "../../src/check.js";
import { forEachRoleTrust, roleResource } from "./lib/trust.js";
import { GLOBAL } from "./lib/principals.js";

export default defineCheck({
  id: "iam-role-trust-public",
  title: "No role can be assumed by anyone (trust to * without a condition pinning the caller)",
  service: "iam",
  layer: "identity",
  severity: "critical",
  risk: { exposure: "public" },
  needs: ["iam.authorizationDetails"],
  rationale:
    'A trust policy with Principal "*" (or {"AWS": "*"}) lets any AWS identity in any account assume the role unless a condition restricts the caller (aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn, aws:SourceAccount, …). Anyone who learns the role\'s ARN gets its permissions.',
  remediation: {
    text: "Name the trusted accounts or roles in Principal, or add a condition such as aws:PrincipalOrgID that pins callers to your organization.",
    cli: "aws iam update-assume-role-policy --role-name <role-name> --policy-document file://trust-policy.json",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-trust-policy",
  },
  compliance: {},
  noComplianceBecause:
    "Neither CIS AWS Foundations v6.0 nor FSBP has a recommendation or control for role trust policies open to everyone.",
  evaluate: (inv, ctx) =>
    forEachRoleTrust(inv, ctx, (role, trust) => {
      if (!trust.public.length) return pass(roleResource(role), GLOBAL, `Role ${role.name}'s trust policy does not let anyone assume it.`);
      const first = trust.public[0]!;
      return fail(
        roleResource(role),
        GLOBAL,
        `Role ${role.name} can be assumed by anyone: its trust policy ${first.statement} allows Principal ${JSON.stringify(first.principal)} ${first.conditions.length ? "with conditions that do not pin the caller" : "without any condition"}.`,
        { statements: trust.public },
      );
    }),
});
