import { defineCheck, fail, pass } from "../../src/check.js";
import { forEachRoleTrust, roleResource } from "./lib/trust.js";
import { GLOBAL } from "./lib/principals.js";

export default defineCheck({
  id: "iam-role-trust-cross-account-external-id",
  title: "Roles trusted by other accounts require an sts:ExternalId",
  service: "iam",
  layer: "identity",
  severity: "medium",
  risk: { exposure: "cross-account" },
  needs: ["iam.authorizationDetails"],
  rationale:
    "A role that trusts another account (typically a vendor) without an sts:ExternalId condition is open to the confused-deputy problem: any customer of that vendor can make the vendor assume your role.",
  remediation: {
    text: "Add a StringEquals condition on sts:ExternalId with the value agreed with the trusted party.",
    cli: "aws iam update-assume-role-policy --role-name <role-name> --policy-document file://trust-policy-with-external-id.json",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html",
  },
  compliance: {},
  noComplianceBecause:
    "Neither CIS AWS Foundations v6.0 nor FSBP has a recommendation or control for the external id of cross-account trust.",
  evaluate: (inv, ctx) =>
    forEachRoleTrust(inv, ctx, (role, trust) => {
      const missing = trust.crossAccount.filter((t) => !t.externalId);
      if (!missing.length) {
        return pass(
          roleResource(role),
          GLOBAL,
          trust.crossAccount.length
            ? `Role ${role.name} requires an sts:ExternalId from every other account it trusts.`
            : `Role ${role.name} trusts no other account.`,
        );
      }
      const accounts = [...new Set(missing.flatMap((t) => t.accounts))];
      return fail(
        roleResource(role),
        GLOBAL,
        `Role ${role.name} trusts account(s) ${accounts.join(", ")} without an sts:ExternalId condition (${missing.map((t) => `${t.statement}: ${t.principals.join(", ")}`).join("; ")}).`,
        { accounts, statements: missing },
      );
    }),
});
