import { defineCheck, fail, pass } from "../../src/check.js";
import { serviceTrusts } from "../../src/policy/iam/index.js";
import { GLOBAL } from "./lib/principals.js";
import { forEachRoleTrustPolicy, roleResource } from "./lib/trust.js";

/**
 * EC2 instance roles: an instance profile can only be attached in the account that owns it, so no
 * other customer can have EC2 assume the role, and peers' users report the condition there as a
 * false positive (prowler-cloud/prowler#2810).
 */
const EXEMPT_SERVICES = new Set(["ec2.amazonaws.com"]);

export default defineCheck({
  id: "iam-role-trust-service-confused-deputy",
  title: "Roles trusted by AWS services pin the source account or resource (confused deputy)",
  service: "iam",
  layer: "identity",
  severity: "low",
  needs: ["iam.authorizationDetails"],
  rationale:
    "When a role trusts an AWS service principal without aws:SourceAccount, aws:SourceArn, aws:SourceOrgID or " +
    "aws:SourceOrgPaths, the service may be made to assume it while acting for another customer's resource (the " +
    "cross-service confused deputy). A role passes when every statement that lets a service assume it carries such a " +
    "condition with fixed values (or a Deny refuses other sources); statements for ec2.amazonaws.com are exempt (instance " +
    "profiles are only usable in their own account). Low: most services also require iam:PassRole from this account, and " +
    "not every service sets these keys, so check the service's documentation before adding them. Service-linked roles are " +
    "AWS's and not judged.",
  remediation: {
    text: "Add a StringEquals condition on aws:SourceAccount (this account) and, where the service documents it, an ArnLike condition on aws:SourceArn naming the resource that uses the role.",
    cli: "aws iam update-assume-role-policy --role-name <role-name> --policy-document file://trust-policy-with-source-account.json",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html#cross-service-confused-deputy-prevention",
  },
  compliance: {},
  noComplianceBecause:
    "Neither CIS AWS Foundations v6.0 nor FSBP has a recommendation or control for source conditions in service trust policies.",
  evaluate: (_inv, ctx) =>
    forEachRoleTrustPolicy(ctx, (role, doc) => {
      const resource = roleResource(role);
      const trusts = serviceTrusts(doc)
        .map((t) => ({ ...t, services: t.services.filter((s) => !EXEMPT_SERVICES.has(s)) }))
        .filter((t) => t.services.length > 0);
      if (trusts.length === 0)
        return pass(resource, GLOBAL, `Role ${role.name} is not trusted by an AWS service that needs a source condition.`);
      const open = trusts.filter((t) => !t.sourcePinned);
      if (open.length === 0)
        return pass(
          resource,
          GLOBAL,
          `Role ${role.name} pins the source of every service that may assume it (${[...new Set(trusts.flatMap((t) => t.services))].join(", ")}).`,
          {
            services: [...new Set(trusts.flatMap((t) => t.services))],
          },
        );
      const services = [...new Set(open.flatMap((t) => t.services))];
      return fail(
        resource,
        GLOBAL,
        `Role ${role.name} lets ${services.join(", ")} assume it without aws:SourceAccount or aws:SourceArn (${open.map((t) => t.statement).join(", ")}).`,
        { services, statements: open.map((t) => ({ statement: t.statement, services: t.services, conditions: t.conditions })) },
      );
    }),
});
