import { defineCheck, fail, pass } from "../../src/check.js";
import { isEveryone, statementCoversAction, statementName } from "../../src/policy/document.js";
import { analyzeTrustPolicy, BROAD_READ_SHARE, principalByArn, readBreadth, restrictsCaller } from "../../src/policy/iam/index.js";
import { authorization, GLOBAL, policyUnreadable } from "./lib/principals.js";
import { forEachRoleTrustPolicy, roleResource } from "./lib/trust.js";

const percent = (share: number): string => `${Math.round(share * 100)}%`;

export default defineCheck({
  id: "iam-role-cross-account-broad-read",
  title: "Roles trusted by other accounts do not hold broad read access (ReadOnlyAccess or equivalent)",
  service: "iam",
  layer: "identity",
  severity: "medium",
  needs: ["iam.authorizationDetails"],
  rationale:
    "A role another account may assume with read access to everything (ReadOnlyAccess reads objects, items, logs and " +
    "configuration of every service) hands that account, and whoever compromises it, a copy of the data. Broad read means " +
    `at least ${percent(BROAD_READ_SHARE)} of the Read-level actions in AWS's Service Authorization Reference allowed on ` +
    "all resources (ReadOnlyAccess allows about 70%, SecurityAudit about 27%, ViewOnlyAccess about 10%), after Deny and the " +
    "permissions boundary. A role passes when no other account may assume it (named accounts, or anyone pinned to an " +
    "organization or account by a condition), or when what it may read is narrower. Service-linked roles are AWS's.",
  remediation: {
    text: "Give the other account a role with the read actions it needs (SecurityAudit for a posture scanner) instead of ReadOnlyAccess, or scope the resources it may read.",
    cli: "aws iam detach-role-policy --role-name <role-name> --policy-arn arn:<partition>:iam::aws:policy/ReadOnlyAccess && aws iam attach-role-policy --role-name <role-name> --policy-arn arn:<partition>:iam::aws:policy/SecurityAudit",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html",
  },
  compliance: {},
  noComplianceBecause: "Neither CIS AWS Foundations v6.0 nor FSBP has a recommendation or control for what cross-account roles may read.",
  evaluate: (inv, ctx) => {
    const iam = authorization(ctx);
    if (!iam.ok) return [iam.outcome];
    const { analysis } = iam.value;
    return forEachRoleTrustPolicy(ctx, (role, doc) => {
      const resource = roleResource(role);
      const accounts = [...new Set(analyzeTrustPolicy(doc, inv.accountId).crossAccount.flatMap((t) => t.accounts))];
      const pinnedEveryone = doc.statements
        .filter((s) => s.effect === "Allow" && statementCoversAction(s, "sts:AssumeRole") && isEveryone(s.principal))
        .filter((s) => s.conditions.some(restrictsCaller))
        .map((s) => ({ statement: statementName(s), conditions: s.conditions.filter(restrictsCaller) }));
      if (accounts.length === 0 && pinnedEveryone.length === 0)
        return pass(resource, GLOBAL, `Role ${role.name} is not trusted by other accounts.`);
      const who = [
        ...accounts.map((a) => `account ${a}`),
        ...pinnedEveryone.map((p) => `principals matching ${p.conditions.map((c) => `${c.key} ${c.values.join("|")}`).join(", ")}`),
      ];
      const principal = principalByArn(analysis, "role", role.arn);
      if (!principal) return policyUnreadable(ctx, resource, "the role's permissions were not analysed", role.arn);
      const breadth = readBreadth(principal.permissions);
      const evidence = {
        trustedBy: who,
        accounts,
        readActionsAllowed: breadth.allowed,
        readActionsTotal: breadth.total,
        share: Number(breadth.share.toFixed(3)),
        topServices: breadth.topServices,
      };
      if (breadth.broad)
        return fail(
          resource,
          GLOBAL,
          `Role ${role.name}, which ${who.join(", ")} may assume, may read broadly: ${breadth.allowed} of ${breadth.total} Read-level actions (${percent(breadth.share)}) on all resources.`,
          evidence,
        );
      if (principal.problems.length) {
        const first = principal.problems[0]!;
        return {
          ...policyUnreadable(ctx, resource, `${first.policy}: ${first.reason}`, role.arn),
          evidence: { ...evidence, unreadablePolicies: principal.problems },
        };
      }
      return pass(
        resource,
        GLOBAL,
        `Role ${role.name} is trusted by ${who.join(", ")} and may read ${percent(breadth.share)} of the Read-level actions on all resources (broad read: ${percent(BROAD_READ_SHARE)} or more).`,
        evidence,
      );
    });
  },
});
