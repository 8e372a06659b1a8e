import { defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { GLOBAL, authorization } from "./lib/principals.js";
import { RESOURCE_TYPES } from "../../src/policy/iam/index.js";

export default defineCheck({
  id: "iam-user-direct-policies",
  title: "IAM users receive permissions only through groups (no policies attached to users)",
  service: "iam",
  layer: "identity",
  severity: "low",
  needs: ["iam.authorizationDetails"],
  rationale:
    "Permissions granted per user drift apart and are hard to review; granting them to groups (or roles) keeps access consistent with job function.",
  remediation: {
    text: "Move the user's policies to a group for their job function, add the user to it, then detach and delete the user's own policies.",
    cli: "aws iam detach-user-policy --user-name <user-name> --policy-arn <attached-policy-arn> && aws iam delete-user-policy --user-name <user-name> --policy-name <inline-policy-name>",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_attach-policy.html",
    fill: { "attached-policy-arn": "evidence.attachedPolicies[].arn", "inline-policy-name": "evidence.inlinePolicies[]" },
  },
  compliance: { [FRAMEWORKS.cis]: ["2.14"], [FRAMEWORKS.fsbp]: ["IAM.2"] },
  evaluate: (inv, ctx) => {
    const iam = authorization(ctx);
    if (!iam.ok) return [iam.outcome];
    const { details } = iam.value;
    return details.users.map((u) => {
      const resource = { arn: u.arn, id: u.name, type: RESOURCE_TYPES.user };
      const names = [
        ...u.attachedPolicies.map((p) => `managed policy ${p.name}`),
        ...u.inlinePolicies.map((p) => `inline policy "${p.name}"`),
      ];
      return names.length
        ? fail(resource, GLOBAL, `User ${u.name} has policies attached directly: ${names.join(", ")}.`, {
            attachedPolicies: u.attachedPolicies,
            inlinePolicies: u.inlinePolicies.map((p) => p.name),
          })
        : pass(
            resource,
            GLOBAL,
            `User ${u.name} has no policies of its own${u.groups.length ? `; it gets permissions from group(s) ${u.groups.join(", ")}` : ""}.`,
          );
    });
  },
});
