import { defineCheck } from "../../src/check.js";
import {
  authorization,
  customerPrincipals,
  describeGrant,
  kindLabel,
  listSome,
  principalVerdict,
  verdictEvidence,
} from "./lib/principals.js";

export default defineCheck({
  id: "iam-policy-assume-role-any",
  title: "No identity may call sts:AssumeRole on every role",
  service: "iam",
  layer: "identity",
  severity: "medium",
  needs: ["iam.authorizationDetails"],
  rationale:
    'sts:AssumeRole on Resource "*" (or on every role of an account) lets the identity step into any role whose trust ' +
    "policy admits it, here or in any other account: a compromise of it spreads to everything that trusts the account. " +
    "Name the roles it needs instead. Each user, group and role passes when its effective permissions (after Deny and " +
    "permissions boundaries) allow sts:AssumeRole only on named roles or narrower patterns; a conditional grant still counts. " +
    "Full administrators fail here too (iam-full-admin reports them as such).",
  remediation: {
    text: 'Replace Resource "*" in the statement granting sts:AssumeRole with the ARNs of the roles the identity must assume.',
    cli: "aws iam put-role-policy --role-name <role-name> --policy-name assume-named-roles --policy-document file://assume-named-roles.json",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html",
    cliByResourceType: {
      "AWS::IAM::User":
        "aws iam put-user-policy --user-name <user-name> --policy-name assume-named-roles --policy-document file://assume-named-roles.json",
      "AWS::IAM::Group":
        "aws iam put-group-policy --group-name <group-name> --policy-name assume-named-roles --policy-document file://assume-named-roles.json",
      "AWS::IAM::Role":
        "aws iam put-role-policy --role-name <role-name> --policy-name assume-named-roles --policy-document file://assume-named-roles.json",
    },
  },
  compliance: {},
  noComplianceBecause: "Neither CIS AWS Foundations v6.0 nor FSBP has a recommendation or control for the resources of sts:AssumeRole.",
  evaluate: (_inv, ctx) => {
    const iam = authorization(ctx);
    if (!iam.ok) return [iam.outcome];
    return customerPrincipals(iam.value.analysis).map((p) => {
      const v = p.permissions.check("sts:AssumeRole");
      return principalVerdict(
        ctx,
        p,
        v.broad
          ? {
              message: `${kindLabel(p)} may call sts:AssumeRole on ${v.allResources ? "every role of every account" : "every role of an account"}${v.conditional ? " (under conditions)" : ""}, granted by ${listSome(v.grants.map(describeGrant), 2)}.`,
              evidence: verdictEvidence(v),
            }
          : undefined,
        `${kindLabel(p)} may not call sts:AssumeRole on every role.`,
      );
    });
  },
});
