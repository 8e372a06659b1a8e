import { defineCheck } from "../../src/check.js";
import { permissionsManagementActions } from "../../src/policy/iam/index.js";
import { compareText } from "../../src/results.js";
import {
  customerPrincipals,
  distinctSources,
  kindLabel,
  listSome,
  principalVerdict,
  verdictEvidence,
  authorization,
} from "./lib/principals.js";

export default defineCheck({
  id: "iam-permissions-management-on-all-resources",
  title: 'No identity may change permissions (access level "Permissions management") on all resources',
  service: "iam",
  layer: "identity",
  severity: "high",
  risk: { exposure: "internal", blastRadius: "admin" },
  needs: ["iam.authorizationDetails"],
  rationale:
    "Permissions-management actions (iam:Put*Policy, iam:Attach*Policy, iam:CreatePolicyVersion, s3:PutBucketPolicy, kms:PutKeyPolicy, …) decide who may do what. Allowed on every resource, they let the holder widen their own or anyone's access; scope them to the resources the identity administers.",
  remediation: {
    text: "Limit permissions-management actions to named resources (e.g. roles under a path) or remove them; use a permissions boundary for delegated administrators.",
    cli: "aws iam put-role-policy --role-name <role-name> --policy-name scoped --policy-document file://scoped-policy.json",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html",
    cliByResourceType: {
      "AWS::IAM::User": "aws iam put-user-policy --user-name <user-name> --policy-name scoped --policy-document file://scoped-policy.json",
      "AWS::IAM::Group":
        "aws iam put-group-policy --group-name <group-name> --policy-name scoped --policy-document file://scoped-policy.json",
      "AWS::IAM::Role": "aws iam put-role-policy --role-name <role-name> --policy-name scoped --policy-document file://scoped-policy.json",
      "AWS::IAM::Policy":
        "aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://scoped-policy.json --set-as-default",
    },
    fix: "Scope down the permissions of <resource-arn>",
  },
  compliance: {},
  noComplianceBecause:
    "Neither CIS AWS Foundations v6.0 nor FSBP has a recommendation or control for permissions-management actions on all resources.",
  evaluate: (_inv, ctx) => {
    const iam = authorization(ctx);
    if (!iam.ok) return [iam.outcome];
    const { analysis } = iam.value;
    const pm = permissionsManagementActions(analysis.catalog);
    return customerPrincipals(analysis).map((p) => {
      // IAM's own actions first: they are the ones that reach every other service.
      const allowed = p.permissions
        .broadlyAllowed(pm)
        .sort((a, b) => Number(!a.action.startsWith("iam:")) - Number(!b.action.startsWith("iam:")) || compareText(a.action, b.action));
      const grants = distinctSources(allowed);
      return principalVerdict(
        ctx,
        p,
        allowed.length
          ? {
              message: `${kindLabel(p)} may manage permissions on all resources: ${listSome(allowed.map((v) => v.action))} (${allowed.length} action(s)), granted by ${listSome(grants, 3)}.`,
              evidence: { actionCount: allowed.length, actions: allowed.slice(0, 50).map(verdictEvidence) },
            }
          : undefined,
        `${kindLabel(p)} has no permissions-management action on all resources.`,
      );
    });
  },
});
