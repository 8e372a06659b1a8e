import { accountResource, defineCheck, fail, FRAMEWORKS, pass } from "../../src/check.js";
import { isServiceLinkedRole } from "../../src/services/iam/inventory.js";
import { GLOBAL, authorization } from "./lib/principals.js";

const SUPPORT_POLICY = /^arn:[^:]+:iam::aws:policy\/AWSSupportAccess$/;

export default defineCheck({
  id: "iam-support-role",
  title: "A role exists for managing incidents with AWS Support",
  service: "iam",
  layer: "identity",
  severity: "low",
  needs: ["iam.authorizationDetails"],
  rationale:
    "A role holding AWSSupportAccess lets the people who handle incidents open and follow AWS Support cases without broader rights or root.",
  remediation: {
    text: "Create a role that your incident responders can assume and attach the AWS-managed AWSSupportAccess policy to it.",
    cli: "aws iam create-role --role-name aws-support --assume-role-policy-document file://trust.json && aws iam attach-role-policy --role-name aws-support --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess",
    url: "https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html",
  },
  compliance: { [FRAMEWORKS.cis]: ["2.16"] },
  evaluate: (inv, ctx) => {
    const iam = authorization(ctx);
    if (!iam.ok) return [iam.outcome];
    const { details } = iam.value;
    const roles = details.roles.filter((r) => !isServiceLinkedRole(r) && r.attachedPolicies.some((p) => SUPPORT_POLICY.test(p.arn)));
    return [
      roles.length
        ? pass(accountResource(inv), GLOBAL, `Role(s) ${roles.map((r) => r.name).join(", ")} hold AWSSupportAccess.`, {
            roles: roles.map((r) => r.arn),
          })
        : fail(accountResource(inv), GLOBAL, "No role has the AWSSupportAccess policy attached.", { roles: [] }),
    ];
  },
});
